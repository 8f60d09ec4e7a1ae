package infra.config;

import java.util.regex.Pattern;

/** The order-producer Lambda: the plan runs it every 5 minutes. */
public record ProducerSettings(boolean scheduleEnabled, String scheduleExpression, int ordersPerInvocation,
                               int memoryMiB, int timeoutSeconds, int batchSize, boolean vpcEnabled,
                               int reservedConcurrency) {

    /** {@link #reservedConcurrency} value meaning "no reservation" (new accounts have low concurrency quotas). */
    public static final int UNRESERVED = 0;

    /**
     * EventBridge's schedule forms: {@code rate(1 minute)} (singular for 1, plural above; 0 is not
     * a rate) or a six-field {@code cron(...)}; anything else fails only at deploy time.
     */
    private static final Pattern SCHEDULE = Pattern.compile(
            "^(rate\\((1 (minute|hour|day)|([2-9]|[1-9]\\d+) (minutes|hours|days))\\)|cron\\(\\S+( \\S+){5}\\))$");

    static ProducerSettings load(ConfigReader r) {
        return new ProducerSettings(
                r.bool("producerScheduleEnabled", true),
                r.string("producerSchedule", "rate(5 minutes)", SCHEDULE, "an EventBridge rate(1 minute), rate(N minutes|hours|days) or six-field cron(...) expression"),
                r.integer("producerOrdersPerInvocation", 10, 0, 1000),
                r.integer("producerMemoryMiB", 512, 128, 10240),
                r.integer("producerTimeoutSeconds", 60, 1, 900),
                // SendMessageBatch takes at most 10 entries
                r.integer("producerBatchSize", 10, 1, 10),
                r.bool("producerVpcEnabled", false),
                r.integer("producerReservedConcurrency", UNRESERVED, 0, 1000));
    }
}

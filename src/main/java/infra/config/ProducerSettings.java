package infra.config;

import java.util.regex.Pattern;

/** The order-producer Lambda: the plan runs it every 5 minutes. */
public record ProducerSettings(boolean scheduleEnabled, String scheduleExpression, int ordersPerInvocation,
                               int memoryMiB, int timeoutSeconds, int batchSize, boolean vpcEnabled,
                               int reservedConcurrency) {

    /** {@link #reservedConcurrency} value meaning "no reservation" (new accounts have low concurrency quotas). */
    public static final int UNRESERVED = 0;

    private static final Pattern SCHEDULE = Pattern.compile("^(rate\\(\\d+ (minute|minutes|hour|hours|day|days)\\)|cron\\(.+\\))$");

    static ProducerSettings load(ConfigReader r) {
        return new ProducerSettings(
                r.bool("producerScheduleEnabled", true),
                r.string("producerSchedule", "rate(5 minutes)", SCHEDULE, "an EventBridge rate(...) or cron(...) expression"),
                r.integer("producerOrdersPerInvocation", 10, 0, 1000),
                r.integer("producerMemoryMiB", 512, 128, 10240),
                r.integer("producerTimeoutSeconds", 60, 1, 900),
                // SendMessageBatch takes at most 10 entries
                r.integer("producerBatchSize", 10, 1, 10),
                r.bool("producerVpcEnabled", false),
                r.integer("producerReservedConcurrency", UNRESERVED, 0, 1000));
    }
}

package infra.config;

import java.util.regex.Pattern;

/** The order-producer Lambda: the plan runs it every 5 minutes. */
public record ProducerSettings(boolean scheduleEnabled, String scheduleExpression, int ordersPerInvocation,
                               int memoryMiB, int timeoutSeconds) {

    private static final Pattern SCHEDULE = Pattern.compile("^(rate\\(\\d+ (minute|minutes|hour|hours|day|days)\\)|cron\\(.+\\))$");

    static ProducerSettings load(ConfigReader r) {
        return new ProducerSettings(
                r.bool("producerScheduleEnabled", true),
                r.string("producerSchedule", "rate(5 minutes)", SCHEDULE, "an EventBridge rate(...) or cron(...) expression"),
                r.integer("producerOrdersPerInvocation", 10, 0, 1000),
                r.integer("producerMemoryMiB", 512, 128, 10240),
                r.integer("producerTimeoutSeconds", 60, 1, 900));
    }
}

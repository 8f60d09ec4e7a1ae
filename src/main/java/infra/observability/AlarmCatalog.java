package infra.observability;

import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import infra.config.ConfigReader;
import infra.config.Environment;
import infra.config.Settings;
import infra.observability.AlarmSpec.Comparison;
import infra.observability.AlarmSpec.MissingData;
import infra.observability.AlarmSpec.Priority;
import infra.observability.AlarmSpec.Target;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Every alarm of the plan as data: the P1/P2/P3 tables of "Alerting Strategy", the per-component
 * tables of "Key Metrics by Component", and what the plan implies (producer failure, Lambda errors
 * and throttles, limits on the application's custom metrics). Pure: no resources.
 *
 * <p>Durations: the plan's "Duration 5 min" is read as five consecutive one-minute datapoints
 * breaching (sustained, not a five-minute average); "N per 5min" counts are a five-minute sum.
 */
public final class AlarmCatalog {
    private AlarmCatalog() {
    }

    /** The namespace of the backend's Embedded Metric Format metrics (plan: "Custom Application Metrics"). */
    public static final String APPLICATION_NAMESPACE = "OrderProcessing/Application";

    static final int ONE_MINUTE_SECONDS = 60;
    static final int FIVE_MINUTES_SECONDS = 300;

    // Plan "Critical Alarms (P1)": durations of 1 and 2 minutes.
    static final int P1_FAST_EVALUATIONS = 1;
    static final int DATABASE_UNAVAILABLE_EVALUATIONS = 2;
    // Plan "High Priority Alarms (P2)": "Duration 5 min" as five breaching one-minute datapoints.
    static final int SUSTAINED_EVALUATIONS = 5;

    // Plan "Key Metrics by Component" / "Application Load Balancer".
    static final double ALB_UNHEALTHY_HOSTS_COUNT = 1;
    static final double ALB_P99_LATENCY_SECONDS = 2.0; // plan: > 2000ms; TargetResponseTime is in seconds
    static final double ALB_TARGET_5XX_PER_5_MINUTES = 10;
    static final double ALB_TARGET_4XX_PER_5_MINUTES = 50;
    static final double ALB_MIN_REQUESTS_PER_5_MINUTES = 1; // plan: < 1/5min, prod only

    // Plan "ECS Services".
    static final double ECS_CPU_PERCENT = 80;
    static final double ECS_MEMORY_PERCENT = 85;
    static final double ECS_RUNNING_TASKS_DOWN = 0; // plan P1: RunningTaskCount = 0
    static final double ECS_TASKS_MISSING = 0; // plan: Running Tasks < Desired

    // Plan "Aurora Serverless v2".
    static final double DB_CPU_PERCENT = 80;
    static final double DB_CONNECTIONS_SHARE_OF_MAX = 0.80; // plan: > 80% max
    static final double DB_CONNECTIONS_UNAVAILABLE = 0; // plan P1: DatabaseConnections = 0 for 2 min
    static final double DB_FREEABLE_MEMORY_BYTES = 512.0 * 1024 * 1024; // plan: < 512 MB
    static final double DB_LATENCY_SECONDS = 0.100; // plan: > 100ms; Read/WriteLatency are in seconds
    static final double DB_CAPACITY_SHARE_OF_MAX_ACU = 0.90; // plan: > 1.8 ACU of dev's 2.0 maximum

    /**
     * Aurora PostgreSQL's default {@code max_connections} is
     * {@code LEAST(DBInstanceClassMemory / 9531392, 5000)}; a Serverless v2 instance sizes it from the
     * memory of the maximum ACU (about 2 GiB per ACU). An estimate: override the alarm when the
     * parameter group sets max_connections.
     */
    static final double POSTGRES_BYTES_PER_CONNECTION = 9_531_392;
    static final double POSTGRES_MAX_CONNECTIONS_CAP = 5000;
    static final double BYTES_PER_ACU = 2.0 * 1024 * 1024 * 1024;

    // Plan "SQS Queue".
    static final double SQS_OLDEST_MESSAGE_AGE_SECONDS = 300;
    static final double SQS_BACKLOG_MESSAGES = 100;
    static final double DLQ_VISIBLE_MESSAGES = 0;
    static final double PRODUCER_MIN_MESSAGES_SENT = 1; // plan: NumberOfMessagesSent 0 (30min)
    static final int PRODUCER_SILENCE_EVALUATIONS = 6; // 6 x 5 min = the plan's 30 minutes

    // Lambda (plan dashboard: Errors 0, Throttles 0); our choice: any error is P2, any throttle P3.
    static final double LAMBDA_ERRORS = 0;
    static final double LAMBDA_THROTTLES = 0;

    // Custom metrics: the plan's limits carried over to the application's own measurements.
    static final double SLOW_QUERY_MILLISECONDS = 1000; // plan "Database Logs": slow query threshold 1000ms
    static final double API_P99_MILLISECONDS = 2000; // plan: TargetResponseTime (p99) > 2000ms

    /** The catalog for a stack, with the stack's {@code alarmThresholds} overrides applied. */
    public static List<AlarmSpec> forStack(Settings settings) {
        return forStack(settings, settings.security().routesFindings());
    }

    /**
     * As {@link #forStack(Settings)}, with the findings dead-letter queue's alarm only when
     * {@code findingsDeadLetterQueue} (the stack has that queue).
     */
    public static List<AlarmSpec> forStack(Settings settings, boolean findingsDeadLetterQueue) {
        // settings loaded without THRESHOLD_IDS still end as a config error, never as a program error
        ConfigReader reader = new ConfigReader(Map.of(), Set.of(), settings.stack(), settings.environment());
        checkThresholdIds(settings, findingsDeadLetterQueue, reader);
        reader.finish();
        return forStack(settings.environment(), settings.data().maxAcu(), findingsDeadLetterQueue,
                settings.observability().alarmThresholds());
    }

    /**
     * The catalog for an environment and Aurora maximum capacity, with {@code thresholdOverrides}
     * (alarm id such as {@code backend-cpu-high} to threshold) applied.
     *
     * @throws IllegalArgumentException naming every override id the catalog does not have
     */
    public static List<AlarmSpec> forStack(Environment env, double auroraMaxAcu, boolean findingsDeadLetterQueue,
            Map<String, Double> thresholdOverrides) {
        List<AlarmSpec> defaults = defaults(env, auroraMaxAcu, findingsDeadLetterQueue);
        Map<String, AlarmSpec> byId = new LinkedHashMap<>();
        defaults.forEach(a -> byId.put(a.id(), a));
        List<String> unknown = thresholdOverrides.keySet().stream().filter(k -> !byId.containsKey(k)).sorted()
                .collect(Collectors.toList());
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("order-processing:alarmThresholds names alarms the " + env.id()
                    + " catalog does not have: " + String.join(", ", unknown) + "; known alarms: "
                    + String.join(", ", new TreeSet<>(byId.keySet())));
        }
        thresholdOverrides.forEach((id, value) -> byId.put(id, byId.get(id).withThreshold(value)));
        return List.copyOf(byId.values());
    }

    /**
     * The settings check for {@code alarmThresholds}: every id must name an alarm this stack has
     * (the catalog depends on the environment and on whether findings are routed). Pass it to
     * {@link Settings#load(Map, Set, String, List)} so that an unknown id is reported with the
     * other config problems.
     */
    public static final Settings.Check THRESHOLD_IDS =
            (settings, reader) -> checkThresholdIds(settings, settings.security().routesFindings(), reader);

    /**
     * Reports each override id the stack's catalog lacks, with the nearest known id (or all of
     * them) and a fix that keeps the user's other overrides.
     */
    static void checkThresholdIds(Settings settings, boolean findingsDeadLetterQueue, ConfigReader reader) {
        Map<String, Double> overrides = settings.observability().alarmThresholds();
        Set<String> known = ids(defaults(settings.environment(), settings.data().maxAcu(), findingsDeadLetterQueue));
        List<String> unknown = overrides.keySet().stream().filter(id -> !known.contains(id)).sorted().toList();
        if (unknown.isEmpty()) {
            return;
        }
        String key = "alarmThresholds";
        JsonObject kept = new JsonObject();
        new TreeMap<>(overrides).forEach((id, threshold) -> {
            if (known.contains(id)) {
                kept.add(id, new JsonPrimitive(new BigDecimal(fmt(threshold))));
            }
        });
        String fix = kept.size() == 0
                ? "pulumi config rm " + ConfigReader.fullKey(key) + " --stack " + settings.stack()
                : reader.fixCommand(key, kept.toString());
        Environment env = settings.environment();
        Set<String> withFindingsQueue = ids(defaults(env, settings.data().maxAcu(), true));
        Set<String> inProd = ids(defaults(Environment.PROD, settings.data().maxAcu(), findingsDeadLetterQueue));
        for (String id : unknown) {
            String nearest = ConfigReader.nearest(id, known);
            String which;
            if (withFindingsQueue.contains(id)) {
                which = "that alarm exists only when securityHubEnabled or guardDutyEnabled is true "
                        + "(it watches the findings dead-letter queue).";
            } else if (inProd.contains(id)) {
                which = "that alarm exists only in prod.";
            } else if (nearest != null) {
                which = "did you mean " + nearest + "?";
            } else {
                which = "known alarms: " + String.join(", ", known) + ".";
            }
            reader.problemWithFix(key, id + "=" + fmt(overrides.get(id)),
                    "names no alarm of the " + settings.env() + " stack; " + which, fix);
        }
    }

    private static Set<String> ids(List<AlarmSpec> specs) {
        return specs.stream().map(AlarmSpec::id).collect(Collectors.toCollection(TreeSet::new));
    }

    /** Aurora PostgreSQL's default connection limit at the given maximum ACU (see {@link #POSTGRES_BYTES_PER_CONNECTION}). */
    public static int estimatedMaxConnections(double auroraMaxAcu) {
        return (int) Math.min(Math.floor(auroraMaxAcu * BYTES_PER_ACU / POSTGRES_BYTES_PER_CONNECTION),
                POSTGRES_MAX_CONNECTIONS_CAP);
    }

    private static List<AlarmSpec> defaults(Environment env, double auroraMaxAcu, boolean findingsDeadLetterQueue) {
        List<AlarmSpec> all = new ArrayList<>();

        // Load balancer: P1 "ALB-No-Healthy-Targets" per target group, P2 latency and 5XX, P3 4XX and silence.
        for (Target tg : List.of(Target.BACKEND_TARGET_GROUP, Target.FRONTEND_TARGET_GROUP)) {
            String service = tg == Target.BACKEND_TARGET_GROUP ? "backend" : "frontend";
            all.add(spec("alb", service + "-unhealthy-hosts", "AWS/ApplicationELB", "UnhealthyHostCount", "Maximum",
                    ALB_UNHEALTHY_HOSTS_COUNT, Comparison.GREATER_OR_EQUAL, ONE_MINUTE_SECONDS, P1_FAST_EVALUATIONS,
                    MissingData.NOT_BREACHING, Priority.P1, tg,
                    "At least one unhealthy " + service + " target for 1 minute (plan P1 ALB-No-Healthy-Targets)"));
        }
        all.add(spec("alb", "high-latency", "AWS/ApplicationELB", "TargetResponseTime", "p99", ALB_P99_LATENCY_SECONDS,
                Comparison.GREATER, ONE_MINUTE_SECONDS, SUSTAINED_EVALUATIONS, MissingData.NOT_BREACHING, Priority.P2,
                Target.LOAD_BALANCER, "Target response time p99 above 2000 ms for 5 minutes (plan P2 ALB-High-Latency)"));
        all.add(spec("alb", "target-5xx-errors", "AWS/ApplicationELB", "HTTPCode_Target_5XX_Count", "Sum",
                ALB_TARGET_5XX_PER_5_MINUTES, Comparison.GREATER, FIVE_MINUTES_SECONDS, 1, MissingData.NOT_BREACHING,
                Priority.P2, Target.LOAD_BALANCER, "More than 10 target 5XX responses in 5 minutes (plan P2 ALB-5XX-Errors)"));
        all.add(spec("alb", "target-4xx-errors", "AWS/ApplicationELB", "HTTPCode_Target_4XX_Count", "Sum",
                ALB_TARGET_4XX_PER_5_MINUTES, Comparison.GREATER, FIVE_MINUTES_SECONDS, 1, MissingData.NOT_BREACHING,
                Priority.P3, Target.LOAD_BALANCER, "More than 50 target 4XX responses in 5 minutes (plan ALB table, P3)"));
        if (env.isProd()) {
            all.add(spec("alb", "no-requests", "AWS/ApplicationELB", "RequestCount", "Sum", ALB_MIN_REQUESTS_PER_5_MINUTES,
                    Comparison.LESS, FIVE_MINUTES_SECONDS, 1, MissingData.BREACHING, Priority.P3, Target.LOAD_BALANCER,
                    "Fewer than 1 request in 5 minutes in prod; no data counts as silence (plan ALB table, P3)"));
        }

        // ECS services: the P1 "All-Tasks-Down" pair, running below desired, and the P2 CPU/memory pair.
        for (Target svc : List.of(Target.BACKEND_SERVICE, Target.FRONTEND_SERVICE)) {
            String service = svc == Target.BACKEND_SERVICE ? "backend" : "frontend";
            String planName = service.substring(0, 1).toUpperCase() + service.substring(1);
            all.add(spec(service, "all-tasks-down", "ECS/ContainerInsights", "RunningTaskCount", "Minimum",
                    ECS_RUNNING_TASKS_DOWN, Comparison.LESS_OR_EQUAL, ONE_MINUTE_SECONDS, P1_FAST_EVALUATIONS,
                    MissingData.BREACHING, Priority.P1, svc,
                    "No running " + service + " task for 1 minute (plan P1 " + planName + "-All-Tasks-Down)"));
            all.add(new AlarmSpec(service, "tasks-below-desired", "ECS/ContainerInsights", "DesiredTaskCount",
                    Optional.of("RunningTaskCount"), "Average", ECS_TASKS_MISSING, Comparison.GREATER, ONE_MINUTE_SECONDS,
                    SUSTAINED_EVALUATIONS, SUSTAINED_EVALUATIONS, MissingData.BREACHING, Priority.P1, svc,
                    "Fewer " + service + " tasks running than desired for 5 minutes (plan ECS table: Running Tasks < Desired, P1)"));
            all.add(spec(service, "cpu-high", "AWS/ECS", "CPUUtilization", "Average", ECS_CPU_PERCENT, Comparison.GREATER,
                    ONE_MINUTE_SECONDS, SUSTAINED_EVALUATIONS, MissingData.NOT_BREACHING, Priority.P2, svc,
                    planName + " service CPU above 80% for 5 minutes (plan P2 Backend-High-CPU; ECS table)"));
            all.add(spec(service, "memory-high", "AWS/ECS", "MemoryUtilization", "Average", ECS_MEMORY_PERCENT,
                    Comparison.GREATER, ONE_MINUTE_SECONDS, SUSTAINED_EVALUATIONS, MissingData.NOT_BREACHING, Priority.P2,
                    svc, planName + " service memory above 85% for 5 minutes (plan P2 Backend-High-Memory; ECS table)"));
        }

        // Aurora Serverless v2.
        all.add(spec("database", "unavailable", "AWS/RDS", "DatabaseConnections", "Maximum", DB_CONNECTIONS_UNAVAILABLE,
                Comparison.LESS_OR_EQUAL, ONE_MINUTE_SECONDS, DATABASE_UNAVAILABLE_EVALUATIONS, MissingData.BREACHING,
                Priority.P1, Target.DB_CLUSTER, "No database connections for 2 minutes (plan P1 Database-Unavailable)"));
        all.add(spec("database", "cpu-high", "AWS/RDS", "CPUUtilization", "Average", DB_CPU_PERCENT, Comparison.GREATER,
                ONE_MINUTE_SECONDS, SUSTAINED_EVALUATIONS, MissingData.NOT_BREACHING, Priority.P2, Target.DB_CLUSTER,
                "Aurora CPU above 80% for 5 minutes (plan P2 Database-High-CPU)"));
        int maxConnections = estimatedMaxConnections(auroraMaxAcu);
        all.add(spec("database", "connections-high", "AWS/RDS", "DatabaseConnections", "Maximum",
                Math.floor(maxConnections * DB_CONNECTIONS_SHARE_OF_MAX), Comparison.GREATER, ONE_MINUTE_SECONDS,
                SUSTAINED_EVALUATIONS, MissingData.NOT_BREACHING, Priority.P2, Target.DB_CLUSTER,
                "Connections above 80% of max_connections (" + maxConnections + " estimated at " + fmt(auroraMaxAcu)
                        + " ACU) for 5 minutes (plan Aurora table, P2)"));
        all.add(spec("database", "freeable-memory-low", "AWS/RDS", "FreeableMemory", "Minimum", DB_FREEABLE_MEMORY_BYTES,
                Comparison.LESS, ONE_MINUTE_SECONDS, SUSTAINED_EVALUATIONS, MissingData.NOT_BREACHING, Priority.P3,
                Target.DB_CLUSTER, "Freeable memory below 512 MiB for 5 minutes (plan Aurora table, P3)"));
        all.add(spec("database", "read-latency-high", "AWS/RDS", "ReadLatency", "Average", DB_LATENCY_SECONDS,
                Comparison.GREATER, ONE_MINUTE_SECONDS, SUSTAINED_EVALUATIONS, MissingData.NOT_BREACHING, Priority.P3,
                Target.DB_CLUSTER, "Read latency above 100 ms for 5 minutes (plan Aurora table, P3)"));
        all.add(spec("database", "write-latency-high", "AWS/RDS", "WriteLatency", "Average", DB_LATENCY_SECONDS,
                Comparison.GREATER, ONE_MINUTE_SECONDS, SUSTAINED_EVALUATIONS, MissingData.NOT_BREACHING, Priority.P3,
                Target.DB_CLUSTER, "Write latency above 100 ms for 5 minutes (plan Aurora table, P3)"));
        all.add(spec("database", "capacity-high", "AWS/RDS", "ServerlessDatabaseCapacity", "Maximum",
                auroraMaxAcu * DB_CAPACITY_SHARE_OF_MAX_ACU, Comparison.GREATER, ONE_MINUTE_SECONDS, SUSTAINED_EVALUATIONS,
                MissingData.NOT_BREACHING, Priority.P3, Target.DB_CLUSTER,
                "Capacity above 90% of the " + fmt(auroraMaxAcu) + " ACU maximum for 5 minutes (plan Aurora table: > 1.8 of 2 ACU, P3)"));

        // SQS and its DLQ.
        all.add(spec("sqs", "dlq-messages-detected", "AWS/SQS", "ApproximateNumberOfMessagesVisible", "Maximum",
                DLQ_VISIBLE_MESSAGES, Comparison.GREATER, ONE_MINUTE_SECONDS, P1_FAST_EVALUATIONS,
                MissingData.NOT_BREACHING, Priority.P1, Target.DLQ,
                "Messages visible on the dead-letter queue (plan P1 DLQ-Messages-Detected)"));
        // Every other dead-letter queue of the stack is watched too (the pack's stack rule: a DLQ
        // without an alarm hides lost work). Undelivered schedule events or findings are P2: no
        // order is lost, but the producer or the security alerting is silently not running.
        all.add(spec("producer", "dlq-messages-detected", "AWS/SQS", "ApproximateNumberOfMessagesVisible", "Maximum",
                DLQ_VISIBLE_MESSAGES, Comparison.GREATER, ONE_MINUTE_SECONDS, P1_FAST_EVALUATIONS,
                MissingData.NOT_BREACHING, Priority.P2, Target.PRODUCER_DLQ,
                "Schedule events or producer invocations that failed for good are on the producer's dead-letter queue"));
        if (findingsDeadLetterQueue) {
            all.add(spec("security", "findings-dlq-messages-detected", "AWS/SQS", "ApproximateNumberOfMessagesVisible",
                    "Maximum", DLQ_VISIBLE_MESSAGES, Comparison.GREATER, ONE_MINUTE_SECONDS, P1_FAST_EVALUATIONS,
                    MissingData.NOT_BREACHING, Priority.P2, Target.FINDINGS_DLQ,
                    "Security findings that could not be delivered to the security alerts topic are on the findings dead-letter queue"));
        }
        all.add(spec("sqs", "oldest-message-age-high", "AWS/SQS", "ApproximateAgeOfOldestMessage", "Maximum",
                SQS_OLDEST_MESSAGE_AGE_SECONDS, Comparison.GREATER, ONE_MINUTE_SECONDS, SUSTAINED_EVALUATIONS,
                MissingData.NOT_BREACHING, Priority.P2, Target.QUEUE,
                "Oldest order older than 300 s for 5 minutes: processing lag (plan P2 SQS-High-Age)"));
        all.add(spec("sqs", "backlog-high", "AWS/SQS", "ApproximateNumberOfMessagesVisible", "Maximum",
                SQS_BACKLOG_MESSAGES, Comparison.GREATER, ONE_MINUTE_SECONDS, SUSTAINED_EVALUATIONS,
                MissingData.NOT_BREACHING, Priority.P3, Target.QUEUE,
                "More than 100 orders waiting for 5 minutes: backlog growing (plan SQS table, P3)"));

        // The order producer: silence on the queue, Lambda errors and throttles.
        all.add(spec("producer", "no-messages-sent", "AWS/SQS", "NumberOfMessagesSent", "Sum", PRODUCER_MIN_MESSAGES_SENT,
                Comparison.LESS, FIVE_MINUTES_SECONDS, PRODUCER_SILENCE_EVALUATIONS, MissingData.BREACHING, Priority.P3,
                Target.QUEUE, "No order sent to the queue for 30 minutes: producer failure (plan SQS table, P3)"));
        all.add(spec("producer", "errors", "AWS/Lambda", "Errors", "Sum", LAMBDA_ERRORS, Comparison.GREATER,
                FIVE_MINUTES_SECONDS, 1, MissingData.NOT_BREACHING, Priority.P2, Target.PRODUCER_FUNCTION,
                "The order producer failed at least once in 5 minutes"));
        all.add(spec("producer", "throttles", "AWS/Lambda", "Throttles", "Sum", LAMBDA_THROTTLES, Comparison.GREATER,
                FIVE_MINUTES_SECONDS, 1, MissingData.NOT_BREACHING, Priority.P3, Target.PRODUCER_FUNCTION,
                "The order producer was throttled at least once in 5 minutes"));

        // The backend's custom metrics where the plan sets a limit.
        all.add(spec("backend", "database-query-slow", APPLICATION_NAMESPACE, "DatabaseQueryDuration", "p99",
                SLOW_QUERY_MILLISECONDS, Comparison.GREATER, ONE_MINUTE_SECONDS, SUSTAINED_EVALUATIONS,
                MissingData.NOT_BREACHING, Priority.P3, Target.BACKEND_APPLICATION,
                "Database query p99 above the 1000 ms slow-query threshold for 5 minutes (plan: Database Logs)"));
        all.add(spec("backend", "api-latency-high", APPLICATION_NAMESPACE, "APIRequestDuration", "p99",
                API_P99_MILLISECONDS, Comparison.GREATER, ONE_MINUTE_SECONDS, SUSTAINED_EVALUATIONS,
                MissingData.NOT_BREACHING, Priority.P3, Target.BACKEND_APPLICATION,
                "API request p99 above 2000 ms for 5 minutes, measured in the backend (plan: ALB p99 limit)"));
        return all;
    }

    /** An alarm on one metric that alarms when every evaluated datapoint breaches. */
    private static AlarmSpec spec(String component, String condition, String namespace, String metric, String statistic,
            double threshold, Comparison comparison, int periodSeconds, int evaluationPeriods, MissingData missingData,
            Priority priority, Target target, String description) {
        return new AlarmSpec(component, condition, namespace, metric, Optional.empty(), statistic, threshold, comparison,
                periodSeconds, evaluationPeriods, evaluationPeriods, missingData, priority, target, description);
    }

    private static String fmt(double d) {
        return java.math.BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }
}

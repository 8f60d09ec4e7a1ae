package infra.observability;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One CloudWatch alarm of the catalog, as data. {@link Alarms} turns it into a
 * {@code aws.cloudwatch.MetricAlarm}; the dimensions come from the {@link Target}'s resource outputs.
 *
 * <p>When {@code minusMetricName} is set the alarm watches the metric math expression
 * {@code metricName - minusMetricName} (both with the same namespace, statistic and dimensions),
 * e.g. desired minus running tasks.
 */
public record AlarmSpec(
        String component,
        String condition,
        String namespace,
        String metricName,
        Optional<String> minusMetricName,
        String statistic,
        double threshold,
        Comparison comparison,
        int periodSeconds,
        int evaluationPeriods,
        int datapointsToAlarm,
        MissingData missingData,
        Priority priority,
        Target target,
        String description) {

    public AlarmSpec {
        Objects.requireNonNull(component, "component");
        Objects.requireNonNull(condition, "condition");
        String id = component + "-" + condition; // fields are not assigned yet in a compact constructor
        if (periodSeconds != 10 && periodSeconds != 30 && periodSeconds % 60 != 0) {
            throw new IllegalArgumentException(id + ": periodSeconds must be 10, 30 or a multiple of 60, got " + periodSeconds);
        }
        if (datapointsToAlarm < 1 || datapointsToAlarm > evaluationPeriods) {
            throw new IllegalArgumentException(id + ": datapointsToAlarm must be between 1 and evaluationPeriods ("
                    + evaluationPeriods + "), got " + datapointsToAlarm);
        }
        if ((long) periodSeconds * evaluationPeriods > ONE_DAY_SECONDS) {
            throw new IllegalArgumentException(id + ": periodSeconds x evaluationPeriods must not exceed one day, got "
                    + (long) periodSeconds * evaluationPeriods + " s");
        }
    }

    /** CloudWatch evaluates at most one day of data per alarm. */
    private static final long ONE_DAY_SECONDS = 86_400;

    /** The stack-independent identity, {@code <component>-<condition>}; also the key of threshold overrides. */
    public String id() {
        return component + "-" + condition;
    }

    /** The alarm's name in a given environment, {@code <env>-<component>-<condition>}. */
    public String alarmName(String env) {
        return env + "-" + id();
    }

    /** Percentiles such as {@code p99} go to {@code extendedStatistic}, the rest to {@code statistic}. */
    public boolean isPercentile() {
        return statistic.matches("p\\d{1,2}(\\.\\d+)?");
    }

    public AlarmSpec withThreshold(double newThreshold) {
        return new AlarmSpec(component, condition, namespace, metricName, minusMetricName, statistic, newThreshold,
                comparison, periodSeconds, evaluationPeriods, datapointsToAlarm, missingData, priority, target, description);
    }

    /** P1 pages the on-call engineer (prod only); P2 and P3 go to e-mail and chat. */
    public enum Priority { P1, P2, P3 }

    public enum Comparison {
        GREATER("GreaterThanThreshold", ">"),
        GREATER_OR_EQUAL("GreaterThanOrEqualToThreshold", ">="),
        LESS("LessThanThreshold", "<"),
        LESS_OR_EQUAL("LessThanOrEqualToThreshold", "<=");

        private final String aws;
        private final String symbol;

        Comparison(String aws, String symbol) {
            this.aws = aws;
            this.symbol = symbol;
        }

        /** The value of {@code comparisonOperator}. */
        public String aws() {
            return aws;
        }

        public String symbol() {
            return symbol;
        }
    }

    public enum MissingData {
        BREACHING("breaching"), NOT_BREACHING("notBreaching"), IGNORE("ignore"), MISSING("missing");

        private final String aws;

        MissingData(String aws) {
            this.aws = aws;
        }

        /** The value of {@code treatMissingData}. */
        public String aws() {
            return aws;
        }
    }

    /** What an alarm watches; decides the CloudWatch dimensions, filled from resource outputs. */
    public enum Target {
        LOAD_BALANCER(List.of("LoadBalancer")),
        BACKEND_TARGET_GROUP(List.of("LoadBalancer", "TargetGroup")),
        FRONTEND_TARGET_GROUP(List.of("LoadBalancer", "TargetGroup")),
        BACKEND_SERVICE(List.of("ClusterName", "ServiceName")),
        FRONTEND_SERVICE(List.of("ClusterName", "ServiceName")),
        DB_CLUSTER(List.of("DBClusterIdentifier")),
        QUEUE(List.of("QueueName")),
        DLQ(List.of("QueueName")),
        /** The dead-letter queue of the producer's schedule target and on-failure destination. */
        PRODUCER_DLQ(List.of("QueueName")),
        /** The dead-letter queue of the security finding routes. */
        FINDINGS_DLQ(List.of("QueueName")),
        PRODUCER_FUNCTION(List.of("FunctionName")),
        /** The backend's EMF metrics in {@code OrderProcessing/Application}. */
        BACKEND_APPLICATION(List.of("Environment", "Service"));

        private final List<String> dimensionNames;

        Target(List<String> dimensionNames) {
            this.dimensionNames = dimensionNames;
        }

        public List<String> dimensionNames() {
            return dimensionNames;
        }
    }
}

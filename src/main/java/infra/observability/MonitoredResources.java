package infra.observability;

import com.pulumi.core.Output;
import infra.observability.AlarmSpec.Target;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The outputs of the other components that alarms and the dashboard watch, as CloudWatch expects
 * them as dimension values: the load balancer's and target groups' ARN suffixes, the ECS cluster
 * and service names, the Aurora cluster identifier, the queue and DLQ names, the producer's
 * function name.
 */
public record MonitoredResources(
        Output<String> albArnSuffix,
        Output<String> backendTargetGroupArnSuffix,
        Output<String> frontendTargetGroupArnSuffix,
        Output<String> clusterName,
        Output<String> backendServiceName,
        Output<String> frontendServiceName,
        Output<String> dbClusterIdentifier,
        Output<String> queueName,
        Output<String> dlqName,
        Output<String> producerFunctionName,
        Output<String> producerDlqName,
        Optional<Output<String>> findingsDlqName) {

    /** {@code findingsDlqName} is empty when the stack routes no security findings (and so has no such queue). */
    public MonitoredResources {
        List.of(albArnSuffix, backendTargetGroupArnSuffix, frontendTargetGroupArnSuffix, clusterName,
                backendServiceName, frontendServiceName, dbClusterIdentifier, queueName, dlqName, producerFunctionName,
                producerDlqName, findingsDlqName)
                .forEach(Objects::requireNonNull);
    }

    /** Whether there is a findings dead-letter queue to watch. */
    public boolean hasFindingsDlq() {
        return findingsDlqName.isPresent();
    }

    /** An SQS queue's name from its ARN ({@code arn:<partition>:sqs:<region>:<account>:<name>}). */
    public static Output<String> queueNameOf(Output<String> queueArn) {
        return queueArn.applyValue(arn -> arn.substring(arn.lastIndexOf(':') + 1));
    }

    /** The same values once resolved, for pure builders such as {@link DashboardBody}. */
    public record Names(
            String albArnSuffix,
            String backendTargetGroupArnSuffix,
            String frontendTargetGroupArnSuffix,
            String clusterName,
            String backendServiceName,
            String frontendServiceName,
            String dbClusterIdentifier,
            String queueName,
            String dlqName,
            String producerFunctionName) {
    }

    public Output<Names> names() {
        return Output.all(albArnSuffix, backendTargetGroupArnSuffix, frontendTargetGroupArnSuffix, clusterName,
                backendServiceName, frontendServiceName, dbClusterIdentifier, queueName, dlqName, producerFunctionName)
                .applyValue(v -> new Names(v.get(0), v.get(1), v.get(2), v.get(3), v.get(4), v.get(5), v.get(6), v.get(7),
                        v.get(8), v.get(9)));
    }

    /**
     * The CloudWatch dimensions of a target, in {@link Target#dimensionNames()} order. Application
     * metrics carry the environment and service the backend writes into its EMF records.
     */
    public Output<Map<String, String>> dimensions(Target target, String env) {
        List<Output<String>> values = switch (target) {
            case LOAD_BALANCER -> List.of(albArnSuffix);
            case BACKEND_TARGET_GROUP -> List.of(albArnSuffix, backendTargetGroupArnSuffix);
            case FRONTEND_TARGET_GROUP -> List.of(albArnSuffix, frontendTargetGroupArnSuffix);
            case BACKEND_SERVICE -> List.of(clusterName, backendServiceName);
            case FRONTEND_SERVICE -> List.of(clusterName, frontendServiceName);
            case DB_CLUSTER -> List.of(dbClusterIdentifier);
            case QUEUE -> List.of(queueName);
            case DLQ -> List.of(dlqName);
            case PRODUCER_DLQ -> List.of(producerDlqName);
            case FINDINGS_DLQ -> List.of(findingsDlqName.orElseThrow(() -> new IllegalStateException(
                    "no findings dead-letter queue in this stack (no security finding is routed), so nothing to watch")));
            case PRODUCER_FUNCTION -> List.of(producerFunctionName);
            case BACKEND_APPLICATION -> List.of(Output.of(env), Output.of("backend"));
        };
        return Output.all(values).applyValue(resolved -> {
            Map<String, String> dims = new LinkedHashMap<>();
            for (int i = 0; i < resolved.size(); i++) {
                dims.put(target.dimensionNames().get(i), resolved.get(i));
            }
            return dims;
        });
    }
}

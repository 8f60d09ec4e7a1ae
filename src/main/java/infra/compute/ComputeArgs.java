package infra.compute;

import com.pulumi.core.Output;
import com.pulumi.resources.Resource;
import infra.config.Settings;

import java.util.List;

/**
 * Everything {@link Compute} takes from the other components, as outputs.
 *
 * @param ecrKeyArn   the KMS key that encrypts the ECR repositories (the data key works)
 * @param dataKeyArn  the key that encrypts the RDS-managed database secret
 * @param messagingKeyArn the key that encrypts the orders queue (SSE-KMS)
 * @param logGroups   the ECS log groups ({@code /aws/ecs/<env>/backend|frontend}), declared by
 *                    observability; task definitions wait for them so ECS never creates them
 */
public record ComputeArgs(
        Settings settings,
        Output<String> vpcId,
        Output<List<String>> publicSubnetIds,
        Output<List<String>> appSubnetIds,
        Output<String> albSecurityGroupId,
        Output<String> backendSecurityGroupId,
        Output<String> frontendSecurityGroupId,
        Output<String> queueUrl,
        Output<String> queueArn,
        Output<String> databaseWriterEndpoint,
        Output<Integer> databasePort,
        Output<String> databaseSecretArn,
        Output<String> dataKeyArn,
        Output<String> messagingKeyArn,
        Output<String> ecrKeyArn,
        List<Resource> logGroups) {
}

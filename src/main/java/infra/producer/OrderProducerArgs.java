package infra.producer;

import com.pulumi.core.Output;
import com.pulumi.resources.Resource;
import infra.config.Settings;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the order producer needs from the other components.
 *
 * @param queueUrl                the orders queue the handler sends to
 * @param queueArn                the same queue; the role may send to it and nowhere else
 * @param messagingKeyArn         the KMS key encrypting the orders queue; used only through SQS
 * @param logGroupName            the explicitly created {@code /aws/lambda/<env>/order-producer} group
 * @param logGroupArn             its ARN as {@code aws.cloudwatch.LogGroup#arn} gives it (no trailing {@code :*})
 * @param logGroup                the log group resource, so the function is created after it
 * @param appSubnetIds            private subnets; required only when {@code producerVpcEnabled} is set
 * @param producerSecurityGroupId the network's producer group; required only when {@code producerVpcEnabled} is set
 * @param archivePath             the deployment archive; defaults to {@link ProducerArchive#DEFAULT_PATH}
 */
public record OrderProducerArgs(Settings settings, Output<String> queueUrl, Output<String> queueArn,
                                Output<String> messagingKeyArn, Output<String> logGroupName,
                                Output<String> logGroupArn, Resource logGroup,
                                Optional<Output<List<String>>> appSubnetIds,
                                Optional<Output<String>> producerSecurityGroupId, Path archivePath) {

    public OrderProducerArgs {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(queueUrl, "queueUrl");
        Objects.requireNonNull(queueArn, "queueArn");
        Objects.requireNonNull(messagingKeyArn, "messagingKeyArn");
        Objects.requireNonNull(logGroupName, "logGroupName");
        Objects.requireNonNull(logGroupArn, "logGroupArn");
        Objects.requireNonNull(logGroup, "logGroup");
        appSubnetIds = Objects.requireNonNullElse(appSubnetIds, Optional.empty());
        producerSecurityGroupId = Objects.requireNonNullElse(producerSecurityGroupId, Optional.empty());
        archivePath = Objects.requireNonNullElse(archivePath, ProducerArchive.DEFAULT_PATH);
    }

    /** No VPC, the default archive path. */
    public static OrderProducerArgs of(Settings settings, Output<String> queueUrl, Output<String> queueArn,
                                       Output<String> messagingKeyArn, Output<String> logGroupName,
                                       Output<String> logGroupArn, Resource logGroup) {
        return new OrderProducerArgs(settings, queueUrl, queueArn, messagingKeyArn, logGroupName, logGroupArn, logGroup,
                Optional.empty(), Optional.empty(), ProducerArchive.DEFAULT_PATH);
    }

    /** The network placement used when {@code producerVpcEnabled} is set. */
    public OrderProducerArgs withVpc(Output<List<String>> subnetIds, Output<String> securityGroupId) {
        return new OrderProducerArgs(settings, queueUrl, queueArn, messagingKeyArn, logGroupName, logGroupArn, logGroup,
                Optional.of(subnetIds), Optional.of(securityGroupId), archivePath);
    }

    public OrderProducerArgs withArchive(Path path) {
        return new OrderProducerArgs(settings, queueUrl, queueArn, messagingKeyArn, logGroupName, logGroupArn, logGroup,
                appSubnetIds, producerSecurityGroupId, path);
    }
}

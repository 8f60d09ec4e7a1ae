package infra.observability;

import com.pulumi.core.Output;
import infra.config.Settings;

import java.util.Objects;

/**
 * Inputs of {@link Alerting}.
 *
 * @param messagingKeyArn the KMS key the topics are encrypted with; its policy must carry
 *     the {@link AlertPublishers} grant of {@link infra.security.KeyPolicies#messaging} or alarms and event rules cannot publish
 */
public record AlertingArgs(Settings settings, Output<String> messagingKeyArn) {
    public AlertingArgs {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(messagingKeyArn, "messagingKeyArn");
    }
}

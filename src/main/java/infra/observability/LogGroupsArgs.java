package infra.observability;

import com.pulumi.core.Output;
import infra.config.Settings;

import java.util.Objects;

/**
 * Inputs of {@link LogGroups}.
 *
 * @param logsKeyArn the KMS key every log group is encrypted with; its policy must carry
 *     the CloudWatch Logs grant of {@link infra.security.KeyPolicies#logs} or CloudWatch Logs refuses to create the groups
 */
public record LogGroupsArgs(Settings settings, Output<String> logsKeyArn) {
    public LogGroupsArgs {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(logsKeyArn, "logsKeyArn");
    }
}

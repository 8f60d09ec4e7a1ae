package infra.security;

import com.pulumi.core.Output;
import infra.config.Settings;

import java.util.Objects;

/**
 * Inputs of {@link ConfigRecorder}.
 *
 * @param auditKeyArn the audit domain's KMS key, which encrypts the configuration history and
 *     snapshots (its policy admits {@code config.amazonaws.com} for this account)
 */
public record ConfigRecorderArgs(Settings settings, Output<String> auditKeyArn) {
    public ConfigRecorderArgs {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(auditKeyArn, "auditKeyArn");
    }
}

package infra.security;

import infra.config.Settings;

import java.util.Objects;

/**
 * Inputs of {@link KmsKeys}.
 *
 * @param settings the stack settings (deletion window and protection come from {@code settings.data()})
 * @param auditKeyServesConfig whether the AWS Config delivery bucket is encrypted with the audit key;
 *     only then does {@code config.amazonaws.com} get a statement in its policy
 */
public record KmsKeysArgs(Settings settings, boolean auditKeyServesConfig) {
    public KmsKeysArgs {
        Objects.requireNonNull(settings, "settings");
    }
}

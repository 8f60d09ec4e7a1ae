package infra.security;

import com.pulumi.core.Output;
import infra.config.Settings;

import java.util.Objects;
import java.util.Optional;

/**
 * Inputs of {@link AuditTrail}.
 *
 * @param auditKeyArn the audit KMS key; its key policy must admit {@code cloudtrail.amazonaws.com}
 *     for the trail {@link AuditTrail#trailName} (encrypt with {@code aws:SourceArn} of the trail)
 * @param cloudWatchLogGroupArn the log group for CloudWatch Logs delivery, with or without the
 *     trailing {@code :*}; empty to deliver to S3 only
 */
public record AuditTrailArgs(Settings settings, Output<String> auditKeyArn, Optional<Output<String>> cloudWatchLogGroupArn) {
    public AuditTrailArgs {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(auditKeyArn, "auditKeyArn");
        Objects.requireNonNull(cloudWatchLogGroupArn, "cloudWatchLogGroupArn");
    }
}

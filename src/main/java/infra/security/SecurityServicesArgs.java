package infra.security;

import com.pulumi.core.Output;
import infra.config.Settings;

import java.util.Objects;
import java.util.Optional;

/**
 * Inputs of {@link SecurityServices}; upstream values from the other components.
 *
 * @param securityTopicArn the security alerts topic (observability)
 * @param auditKeyArn the audit KMS key whose policy admits CloudTrail for {@link AuditTrail#trailName} (data)
 * @param albArn the load balancer the web ACL protects (compute); read only when WAF is on
 * @param wafLogGroupArn the {@code aws-waf-logs-<env>} log group (observability); required when WAF is on
 * @param cloudTrailLogGroupArn the {@code /aws/cloudtrail/<env>} log group, or empty for S3-only delivery
 */
public record SecurityServicesArgs(
        Settings settings,
        Output<String> securityTopicArn,
        Output<String> auditKeyArn,
        Output<String> albArn,
        Optional<Output<String>> wafLogGroupArn,
        Optional<Output<String>> cloudTrailLogGroupArn) {

    public SecurityServicesArgs {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(securityTopicArn, "securityTopicArn");
        Objects.requireNonNull(auditKeyArn, "auditKeyArn");
        Objects.requireNonNull(albArn, "albArn");
        Objects.requireNonNull(wafLogGroupArn, "wafLogGroupArn");
        Objects.requireNonNull(cloudTrailLogGroupArn, "cloudTrailLogGroupArn");
    }
}

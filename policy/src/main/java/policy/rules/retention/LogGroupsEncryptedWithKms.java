package policy.rules.retention;

import policy.rules.ResourceRule;
import policy.rules.Types;
import policy.sdk.ConfigSchema;
import policy.sdk.EnforcementLevel;
import policy.sdk.Outcome;
import policy.sdk.PolicyContext;
import policy.sdk.PolicyInfo;
import policy.sdk.ResourceView;
import policy.sdk.Severity;

/** Log groups name a KMS key ({@code kmsKeyId}) when config requires it (every environment by default). */
public final class LogGroupsEncryptedWithKms extends ResourceRule {
    private static final PolicyInfo INFO = PolicyInfo.builder("log-groups-encrypted-with-kms")
            .description("CloudWatch log groups are encrypted with a customer managed KMS key")
            .level(EnforcementLevel.MANDATORY).severity(Severity.MEDIUM)
            .controls("SC-28", "H2", "CKV_AWS_158")
            .remediation("Set kmsKeyId to the logs key, whose policy admits logs.<region>.amazonaws.com")
            .config(ConfigSchema.builder().bool("requireKms", true, "Whether log groups must name a KMS key").build())
            .build();

    public LogGroupsEncryptedWithKms() {
        super(INFO, Types.LOG_GROUP);
    }

    @Override
    public Outcome validate(ResourceView resource, PolicyContext context) {
        if (!context.config().bool("requireKms")) {
            return Outcome.notApplicable("config does not require KMS on log groups");
        }
        return resource.prop("kmsKeyId").string().filter(s -> !s.isEmpty()).isPresent() ? Outcome.compliant()
                : Outcome.violation("log group '" + resource.name() + "' has no kmsKeyId");
    }
}

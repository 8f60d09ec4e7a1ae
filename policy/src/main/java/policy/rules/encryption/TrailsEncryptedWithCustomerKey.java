package policy.rules.encryption;

import policy.rules.ResourceRule;
import policy.rules.Types;
import policy.sdk.EnforcementLevel;
import policy.sdk.Outcome;
import policy.sdk.PolicyContext;
import policy.sdk.PolicyInfo;
import policy.sdk.ResourceView;
import policy.sdk.Severity;

/** A trail sets {@code kmsKeyId}. */
public final class TrailsEncryptedWithCustomerKey extends ResourceRule {
    private static final PolicyInfo INFO = PolicyInfo.builder("trails-encrypted-with-customer-key")
            .description("CloudTrail trails encrypt log files with a customer managed KMS key")
            .level(EnforcementLevel.MANDATORY).severity(Severity.HIGH)
            .controls("SC-28", "CloudTrail.2", "J2", "CIS 3.5")
            .remediation("Set kmsKeyId to the audit key, whose policy admits cloudtrail.amazonaws.com")
            .build();

    public TrailsEncryptedWithCustomerKey() {
        super(INFO, Types.TRAIL);
    }

    @Override
    public Outcome validate(ResourceView resource, PolicyContext context) {
        return resource.prop("kmsKeyId").string().filter(s -> !s.isEmpty()).isPresent() ? Outcome.compliant()
                : Outcome.violation("trail '" + resource.name() + "' has no kmsKeyId");
    }
}

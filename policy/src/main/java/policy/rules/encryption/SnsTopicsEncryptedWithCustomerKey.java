package policy.rules.encryption;

import policy.rules.ResourceRule;
import policy.rules.Types;
import policy.sdk.EnforcementLevel;
import policy.sdk.Outcome;
import policy.sdk.PolicyContext;
import policy.sdk.PolicyInfo;
import policy.sdk.ResourceView;
import policy.sdk.Severity;

/** A topic names a customer managed key; {@code alias/aws/sns} would block alarm and event deliveries. */
public final class SnsTopicsEncryptedWithCustomerKey extends ResourceRule {
    private static final PolicyInfo INFO = PolicyInfo.builder("sns-topics-encrypted-with-customer-key")
            .description("SNS topics are encrypted with a customer managed KMS key")
            .level(EnforcementLevel.MANDATORY).severity(Severity.HIGH)
            .controls("SC-28", "SNS.1", "F6")
            .remediation("Set kmsMasterKeyId to a customer managed key whose policy admits the publishing services", "alias/aws/sns cannot be used: CloudWatch alarms and EventBridge cannot publish to it")
            .build();

    public SnsTopicsEncryptedWithCustomerKey() {
        super(INFO, Types.TOPIC);
    }

    @Override
    public Outcome validate(ResourceView resource, PolicyContext context) {
        String key = resource.prop("kmsMasterKeyId").string().orElse("");
        if (key.isEmpty()) {
            return Outcome.violation("topic '" + resource.name() + "' has no kmsMasterKeyId");
        }
        return key.endsWith("alias/aws/sns") ? Outcome.violation("topic '" + resource.name()
                + "' uses the AWS managed key alias/aws/sns, which alarms and EventBridge cannot publish through")
                : Outcome.compliant();
    }
}

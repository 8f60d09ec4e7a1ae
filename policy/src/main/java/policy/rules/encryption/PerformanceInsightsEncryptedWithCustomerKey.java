package policy.rules.encryption;

import policy.rules.ResourceRule;
import policy.rules.Types;
import policy.sdk.EnforcementLevel;
import policy.sdk.Outcome;
import policy.sdk.PolicyContext;
import policy.sdk.PolicyInfo;
import policy.sdk.ResourceView;
import policy.sdk.Severity;

/** Where Performance Insights is on, the instance names its key. */
public final class PerformanceInsightsEncryptedWithCustomerKey extends ResourceRule {
    private static final PolicyInfo INFO = PolicyInfo.builder("performance-insights-encrypted-with-customer-key")
            .description("Performance Insights data is encrypted with a customer managed KMS key")
            .level(EnforcementLevel.MANDATORY).severity(Severity.MEDIUM)
            .controls("SC-28", "D12", "CKV_AWS_354")
            .remediation("Set performanceInsightsKmsKeyId to the data key's ARN")
            .build();

    public PerformanceInsightsEncryptedWithCustomerKey() {
        super(INFO, Types.DB_INSTANCE);
    }

    @Override
    public Outcome validate(ResourceView resource, PolicyContext context) {
        if (!resource.prop("performanceInsightsEnabled").bool().orElse(false)) {
            return Outcome.notApplicable("Performance Insights is off");
        }
        return resource.prop("performanceInsightsKmsKeyId").string().filter(s -> !s.isEmpty()).isPresent()
                ? Outcome.compliant()
                : Outcome.violation("instance '" + resource.name() + "' has Performance Insights without performanceInsightsKmsKeyId");
    }
}

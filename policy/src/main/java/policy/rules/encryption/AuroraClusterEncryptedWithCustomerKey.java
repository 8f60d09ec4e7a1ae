package policy.rules.encryption;

import policy.rules.ResourceRule;
import policy.rules.Types;
import policy.sdk.EnforcementLevel;
import policy.sdk.Outcome;
import policy.sdk.PolicyContext;
import policy.sdk.PolicyInfo;
import policy.sdk.ResourceView;
import policy.sdk.Severity;

/** Aurora storage is encrypted ({@code storageEncrypted}), with the stack's key ({@code kmsKeyId}). */
public final class AuroraClusterEncryptedWithCustomerKey extends ResourceRule {
    private static final PolicyInfo INFO = PolicyInfo.builder("aurora-cluster-encrypted-with-customer-key")
            .description("Aurora clusters encrypt storage with a customer managed KMS key")
            .level(EnforcementLevel.MANDATORY).severity(Severity.HIGH)
            .controls("SC-28", "RDS.27", "D1", "D2", "CKV_AWS_327")
            .remediation("Set storageEncrypted to true", "Set kmsKeyId to the data key's ARN (only possible when the cluster is created)")
            .build();

    public AuroraClusterEncryptedWithCustomerKey() {
        super(INFO, Types.DB_CLUSTER);
    }

    @Override
    public Outcome validate(ResourceView resource, PolicyContext context) {
        if (!resource.prop("storageEncrypted").bool().orElse(false)) {
            return Outcome.violation("cluster '" + resource.name() + "' does not set storageEncrypted to true");
        }
        return resource.prop("kmsKeyId").string().filter(s -> !s.isEmpty()).isPresent() ? Outcome.compliant()
                : Outcome.violation("cluster '" + resource.name() + "' is encrypted with the AWS managed key; set kmsKeyId");
    }
}

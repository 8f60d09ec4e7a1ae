package policy.rules.encryption;

import policy.rules.ResourceRule;
import policy.rules.Types;
import policy.sdk.EnforcementLevel;
import policy.sdk.Outcome;
import policy.sdk.PolicyContext;
import policy.sdk.PolicyInfo;
import policy.sdk.ResourceView;
import policy.sdk.Severity;

/** A secret names its key; without {@code kmsKeyId} AWS uses {@code aws/secretsmanager}. */
public final class SecretsEncryptedWithCustomerKey extends ResourceRule {
    private static final PolicyInfo INFO = PolicyInfo.builder("secrets-encrypted-with-customer-key")
            .description("Secrets Manager secrets are encrypted with a customer managed KMS key")
            .level(EnforcementLevel.MANDATORY).severity(Severity.MEDIUM)
            .controls("SC-28", "E1", "CKV_AWS_149")
            .remediation("Set kmsKeyId to the stack's secrets key")
            .build();

    public SecretsEncryptedWithCustomerKey() {
        super(INFO, Types.SECRET);
    }

    @Override
    public Outcome validate(ResourceView resource, PolicyContext context) {
        return resource.prop("kmsKeyId").string().filter(s -> !s.isEmpty()).isPresent() ? Outcome.compliant()
                : Outcome.violation("secret '" + resource.name() + "' has no kmsKeyId");
    }
}

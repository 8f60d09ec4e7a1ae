package policy.rules.encryption;

import policy.rules.ResourceRule;
import policy.rules.Types;
import policy.sdk.EnforcementLevel;
import policy.sdk.Outcome;
import policy.sdk.PolicyContext;
import policy.sdk.PolicyInfo;
import policy.sdk.ResourceView;
import policy.sdk.Severity;

/** A repository sets an {@code encryptionConfigurations} entry of type {@code KMS}. */
public final class RepositoriesEncryptedWithKms extends ResourceRule {
    private static final PolicyInfo INFO = PolicyInfo.builder("repositories-encrypted-with-kms")
            .description("ECR repositories encrypt images with KMS")
            .level(EnforcementLevel.MANDATORY).severity(Severity.MEDIUM)
            .controls("SC-28", "C15", "CKV_AWS_136")
            .remediation("Set encryptionConfigurations to [{encryptionType: KMS, kmsKey: <key ARN>}] (only possible when the repository is created)")
            .build();

    public RepositoriesEncryptedWithKms() {
        super(INFO, Types.REPOSITORY);
    }

    @Override
    public Outcome validate(ResourceView resource, PolicyContext context) {
        for (var config : resource.prop("encryptionConfigurations").items()) {
            if ("KMS".equals(config.get("encryptionType").string().orElse(""))) {
                return Outcome.compliant();
            }
        }
        return Outcome.violation("repository '" + resource.name() + "' uses AES256 instead of KMS encryption");
    }
}

package policy.rules.encryption;

import policy.rules.ResourceRule;
import policy.rules.Types;
import policy.sdk.EnforcementLevel;
import policy.sdk.Outcome;
import policy.sdk.PolicyContext;
import policy.sdk.PolicyInfo;
import policy.sdk.ResourceView;
import policy.sdk.Severity;

/** Symmetric encryption keys set {@code enableKeyRotation}; asymmetric and HMAC keys cannot rotate. */
public final class KmsKeysRotate extends ResourceRule {
    private static final PolicyInfo INFO = PolicyInfo.builder("kms-keys-rotate")
            .description("Symmetric KMS keys rotate their key material")
            .level(EnforcementLevel.MANDATORY).severity(Severity.MEDIUM)
            .controls("SC-12", "KMS.4", "E3", "CIS 3.6")
            .remediation("Set enableKeyRotation to true")
            .build();

    public KmsKeysRotate() {
        super(INFO, Types.KMS_KEY);
    }

    @Override
    public Outcome validate(ResourceView resource, PolicyContext context) {
        String spec = resource.prop("customerMasterKeySpec").string().orElse("SYMMETRIC_DEFAULT");
        if (!"SYMMETRIC_DEFAULT".equals(spec)) {
            return Outcome.notApplicable("key spec " + spec + " does not support automatic rotation");
        }
        return resource.prop("enableKeyRotation").bool().orElse(false) ? Outcome.compliant()
                : Outcome.violation("key '" + resource.name() + "' does not set enableKeyRotation to true");
    }
}

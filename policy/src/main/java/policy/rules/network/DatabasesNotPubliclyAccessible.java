package policy.rules.network;

import policy.rules.ResourceRule;
import policy.rules.Types;
import policy.sdk.EnforcementLevel;
import policy.sdk.Outcome;
import policy.sdk.PolicyContext;
import policy.sdk.PolicyInfo;
import policy.sdk.ResourceView;
import policy.sdk.Severity;

/** Database instances set {@code publiclyAccessible} false (absent is AWS's false). */
public final class DatabasesNotPubliclyAccessible extends ResourceRule {
    private static final PolicyInfo INFO = PolicyInfo.builder("databases-not-publicly-accessible")
            .description("Database instances are not publicly accessible")
            .level(EnforcementLevel.MANDATORY).severity(Severity.CRITICAL)
            .controls("AC-3", "SC-7", "RDS.2", "D10", "CIS 2.3.3", "CKV_AWS_17")
            .remediation("Set publiclyAccessible to false and place the instance in the private database subnets")
            .build();

    public DatabasesNotPubliclyAccessible() {
        super(INFO, Types.DB_INSTANCE);
    }

    @Override
    public Outcome validate(ResourceView resource, PolicyContext context) {
        return resource.prop("publiclyAccessible").bool().orElse(false)
                ? Outcome.violation("instance '" + resource.name() + "' sets publiclyAccessible to true")
                : Outcome.compliant();
    }
}

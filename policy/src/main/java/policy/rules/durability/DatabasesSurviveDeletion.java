package policy.rules.durability;

import policy.rules.ResourceRule;
import policy.rules.Types;
import policy.sdk.ConfigSchema;
import policy.sdk.EnforcementLevel;
import policy.sdk.Outcome;
import policy.sdk.PolicyContext;
import policy.sdk.PolicyInfo;
import policy.sdk.ResourceView;
import policy.sdk.Severity;

import java.util.ArrayList;
import java.util.List;

/**
 * Where config requires it (prod), an Aurora cluster cannot be lost by one command: deletion
 * protection on, a final snapshot taken (skipFinalSnapshot false with an identifier), and the
 * Pulumi {@code protect} option set.
 */
public final class DatabasesSurviveDeletion extends ResourceRule {
    private static final PolicyInfo INFO = PolicyInfo.builder("databases-survive-deletion")
            .description("Aurora clusters have deletion protection, a final snapshot and Pulumi protect")
            .level(EnforcementLevel.MANDATORY).severity(Severity.HIGH)
            .controls("CP-9", "RDS.7", "D3", "D4", "L8", "CKV_AWS_139")
            .remediation("Set deletionProtection to true (order-processing:deletionProtection)",
                    "Set skipFinalSnapshot to false and finalSnapshotIdentifier (order-processing:finalSnapshot)",
                    "Register the cluster with protect (order-processing:protectStatefulResources)")
            .config(ConfigSchema.builder()
                    .bool("required", true, "Whether clusters must be protected against deletion in this environment").build())
            .build();

    public DatabasesSurviveDeletion() {
        super(INFO, Types.DB_CLUSTER);
    }

    @Override
    public Outcome validate(ResourceView resource, PolicyContext context) {
        if (!context.config().bool("required")) {
            return Outcome.notApplicable("config does not require deletion safeguards in this environment");
        }
        List<String> gaps = new ArrayList<>();
        if (!resource.prop("deletionProtection").bool().orElse(false)) {
            gaps.add("deletionProtection is not true");
        }
        if (resource.prop("skipFinalSnapshot").bool().orElse(false)
                || resource.prop("finalSnapshotIdentifier").string().orElse("").isEmpty()) {
            gaps.add("no final snapshot is taken");
        }
        if (!resource.options().protect()) {
            gaps.add("the protect option is off");
        }
        return gaps.isEmpty() ? Outcome.compliant()
                : Outcome.violation("cluster '" + resource.name() + "': " + String.join("; ", gaps));
    }
}

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

/**
 * Where config requires it (prod), the stateful resources (database cluster, KMS keys, log and
 * audit buckets) carry the Pulumi {@code protect} option. The Analyzer protocol does not carry
 * retain-on-delete, so protect is what can be checked at preview.
 */
public final class StatefulResourcesProtected extends ResourceRule {
    private static final PolicyInfo INFO = PolicyInfo.builder("stateful-resources-protected")
            .description("Databases, KMS keys and log buckets are protected from deletion by Pulumi")
            .level(EnforcementLevel.MANDATORY).severity(Severity.HIGH)
            .controls("CP-9", "KMS.3", "L8")
            .remediation("Register the resource with protect(true) (order-processing:protectStatefulResources)")
            .config(ConfigSchema.builder()
                    .bool("required", true, "Whether stateful resources must be protected in this environment").build())
            .build();

    public StatefulResourcesProtected() {
        super(INFO, Types.union(Types.DB_CLUSTER, Types.KMS_KEY, Types.BUCKET));
    }

    @Override
    public Outcome validate(ResourceView resource, PolicyContext context) {
        if (!context.config().bool("required")) {
            return Outcome.notApplicable("config does not require protect in this environment");
        }
        return resource.options().protect() ? Outcome.compliant()
                : Outcome.violation(resource.type() + " '" + resource.name() + "' is not registered with protect");
    }
}

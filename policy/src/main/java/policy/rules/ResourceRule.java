package policy.rules;

import policy.sdk.PolicyInfo;
import policy.sdk.ResourcePolicy;

import java.util.Set;

/** A per-resource rule: its metadata and the type tokens it applies to, fixed at construction. */
public abstract class ResourceRule extends RuleMetadata implements ResourcePolicy {
    protected ResourceRule(PolicyInfo info, Set<String> types) {
        super(info, types);
    }
}

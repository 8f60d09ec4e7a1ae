package policy.rules;

import policy.sdk.PolicyInfo;
import policy.sdk.ResourcePolicy;

import java.util.Set;

/** A per-resource rule: its metadata and the type tokens it applies to, fixed at construction. */
public abstract class ResourceRule implements ResourcePolicy {
    private final PolicyInfo info;
    private final Set<String> types;

    protected ResourceRule(PolicyInfo info, Set<String> types) {
        this.info = info;
        this.types = Set.copyOf(types);
    }

    @Override
    public final PolicyInfo info() {
        return info;
    }

    @Override
    public final Set<String> resourceTypes() {
        return types;
    }
}

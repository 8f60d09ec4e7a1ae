package policy.rules;

import policy.sdk.PolicyInfo;

import java.util.Set;

/**
 * What every rule of the pack fixes at construction: its metadata and the type tokens it is about
 * (the resources it checks, or for a stack rule the ones whose presence makes it applicable).
 */
abstract class RuleMetadata {
    private final PolicyInfo info;
    private final Set<String> types;

    RuleMetadata(PolicyInfo info, Set<String> types) {
        this.info = info;
        this.types = Set.copyOf(types);
    }

    public final PolicyInfo info() {
        return info;
    }

    public final Set<String> resourceTypes() {
        return types;
    }
}

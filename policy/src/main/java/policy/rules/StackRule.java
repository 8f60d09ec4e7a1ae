package policy.rules;

import policy.sdk.PolicyInfo;
import policy.sdk.StackPolicy;

import java.util.Set;

/** A stack-level rule: its metadata and the type tokens whose presence makes it applicable. */
public abstract class StackRule implements StackPolicy {
    private final PolicyInfo info;
    private final Set<String> types;

    protected StackRule(PolicyInfo info, Set<String> types) {
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

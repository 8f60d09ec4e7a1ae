package policy.rules;

import policy.sdk.PolicyInfo;
import policy.sdk.StackPolicy;

import java.util.Set;

/** A stack-level rule: its metadata and the type tokens whose presence makes it applicable. */
public abstract class StackRule extends RuleMetadata implements StackPolicy {
    protected StackRule(PolicyInfo info, Set<String> types) {
        super(info, types);
    }
}

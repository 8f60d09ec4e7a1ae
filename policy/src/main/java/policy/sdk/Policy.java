package policy.sdk;

import java.util.Set;

/** A rule in a {@link PolicyPack}: either per resource or over the whole stack. */
public sealed interface Policy permits ResourcePolicy, StackPolicy {

    PolicyInfo info();

    /**
     * Type tokens the policy applies to, e.g. {@code aws:sqs/queue:Queue}; empty means all. Other
     * resources are reported not applicable without calling the policy.
     */
    default Set<String> resourceTypes() {
        return Set.of();
    }
}

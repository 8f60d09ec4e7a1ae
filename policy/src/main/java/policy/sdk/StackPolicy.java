package policy.sdk;

import java.util.Set;
import java.util.function.BiFunction;

/**
 * Checks the stack as a whole after deployment (or at the end of a preview), with outputs as
 * properties and parents/dependencies resolved. Report each violation with the offending URN.
 * If {@link #resourceTypes()} is non-empty and the stack has none of them, the policy is not
 * applicable and is not called.
 */
public non-sealed interface StackPolicy extends Policy {

    Outcome validate(StackView stack, PolicyContext context);

    static StackPolicy of(PolicyInfo info, Set<String> types, BiFunction<StackView, PolicyContext, Outcome> check) {
        return new StackPolicy() {
            @Override
            public PolicyInfo info() {
                return info;
            }

            @Override
            public Set<String> resourceTypes() {
                return types;
            }

            @Override
            public Outcome validate(StackView stack, PolicyContext context) {
                return check.apply(stack, context);
            }
        };
    }
}

package policy.sdk;

import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Checks one resource at a time, with its inputs, as it is registered.
 *
 * <p>Implementations must be stateless (calls arrive concurrently). Read properties through
 * {@link ResourceView#prop(String)}; an unknown value read during preview makes the policy
 * undecidable rather than failing it, and an exception becomes a diagnostic at the policy's level.
 */
public non-sealed interface ResourcePolicy extends Policy {

    Outcome validate(ResourceView resource, PolicyContext context);

    /** True when {@link #remediate} is implemented; only then does the remediate level change inputs. */
    default boolean remediates() {
        return false;
    }

    /**
     * Returns the edit that makes the resource compliant, or empty when nothing needs to change.
     * Runs only when the configured level is {@code remediate}; the evaluator returns the resource
     * only if the edit really changed a property.
     */
    default Optional<PropertyEdit> remediate(ResourceView resource, PolicyContext context) {
        return Optional.empty();
    }

    /** A policy from a lambda, for small packs and tests. */
    static ResourcePolicy of(PolicyInfo info, Set<String> types, BiFunction<ResourceView, PolicyContext, Outcome> check) {
        return new ResourcePolicy() {
            @Override
            public PolicyInfo info() {
                return info;
            }

            @Override
            public Set<String> resourceTypes() {
                return types;
            }

            @Override
            public Outcome validate(ResourceView resource, PolicyContext context) {
                return check.apply(resource, context);
            }
        };
    }
}

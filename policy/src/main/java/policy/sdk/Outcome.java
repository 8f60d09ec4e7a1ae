package policy.sdk;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What one policy concluded about one resource or the whole stack.
 *
 * <p>Reading an unknown value through a {@link PropertyValue} accessor throws
 * {@link UnknownValueException}, which the evaluator turns into {@link Undecidable} for you; return
 * {@code undecidable(path)} yourself only when you inspected {@code isUnknown()} explicitly.
 */
public sealed interface Outcome {

    /** The resource or stack meets the policy. */
    record Compliant() implements Outcome {
    }

    /** At least one problem; never empty. */
    record Violations(List<Violation> violations) implements Outcome {
        public Violations {
            violations = List.copyOf(violations);
            if (violations.isEmpty()) {
                throw new IllegalArgumentException("Violations needs at least one violation; return compliant() instead");
            }
        }
    }

    /** The policy has nothing to say here (wrong kind of resource, feature not used). */
    record NotApplicable(String reason) implements Outcome {
        public NotApplicable {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * The decision depends on a value that is unknown until apply; {@code path} names it.
     * {@code encryptedSecret}: the value is instead an encrypted secret that could not be read.
     */
    record Undecidable(String path, boolean encryptedSecret) implements Outcome {
        public Undecidable {
            Objects.requireNonNull(path, "path");
        }

        public Undecidable(String path) {
            this(path, false);
        }
    }

    Compliant COMPLIANT = new Compliant();

    static Outcome compliant() {
        return COMPLIANT;
    }

    static Outcome violation(String message) {
        return new Violations(List.of(Violation.of(message)));
    }

    static Outcome violation(String urn, String message) {
        return new Violations(List.of(Violation.at(urn, message)));
    }

    /** Compliant when {@code violations} is empty, otherwise all of them. */
    static Outcome of(List<Violation> violations) {
        return violations.isEmpty() ? COMPLIANT : new Violations(violations);
    }

    static Outcome notApplicable(String reason) {
        return new NotApplicable(reason);
    }

    static Outcome undecidable(String path) {
        return new Undecidable(path);
    }

    /** Collects violations while a policy walks a resource, e.g. one per offending ingress rule. */
    static Findings findings() {
        return new Findings();
    }

    /** Mutable collector; use from one thread inside one policy call. */
    final class Findings {
        private final List<Violation> violations = new ArrayList<>();

        private Findings() {
        }

        public Findings add(String message) {
            violations.add(Violation.of(message));
            return this;
        }

        public Findings add(String urn, String message) {
            violations.add(Violation.at(urn, message));
            return this;
        }

        public boolean isEmpty() {
            return violations.isEmpty();
        }

        public Outcome outcome() {
            return Outcome.of(violations);
        }
    }
}

package policy.sdk;

import java.util.Objects;
import java.util.Optional;

/**
 * One observed problem. {@code urn} names the offending resource; stack policies should always set
 * it, resource policies normally leave it empty and the evaluator fills in the analyzed resource.
 */
public record Violation(String message, Optional<String> urn) {
    public Violation {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(urn, "urn");
    }

    public static Violation of(String message) {
        return new Violation(message, Optional.empty());
    }

    public static Violation at(String urn, String message) {
        return new Violation(message, Optional.of(urn));
    }
}

package policy.sdk;

import java.util.Optional;

/**
 * One reported violation, in the engine's shape. {@code level} is only ever ADVISORY or MANDATORY;
 * {@code message} is the policy description, a newline, then the detail.
 */
public record Diagnostic(String policyName, String packName, String packVersion, String description,
                         String message, EnforcementLevel level, Optional<String> urn, Severity severity,
                         Kind kind) {

    /** Why the diagnostic exists; the engine only sees the message, reports can group by this. */
    public enum Kind { VIOLATION, UNDECIDABLE, POLICY_ERROR }

    public Diagnostic {
        if (level != EnforcementLevel.ADVISORY && level != EnforcementLevel.MANDATORY) {
            throw new IllegalArgumentException("a diagnostic is advisory or mandatory, never " + level);
        }
    }
}

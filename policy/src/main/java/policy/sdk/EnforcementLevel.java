package policy.sdk;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What the engine does with a policy's violations; the text form is the one config files use. */
public enum EnforcementLevel {
    /** Reported; the operation still succeeds. */
    ADVISORY,
    /** Reported; a preview ends failed and an update stops before the offending resource. */
    MANDATORY,
    /** The policy first tries to fix the inputs; whatever is left is reported as mandatory. */
    REMEDIATE,
    /** Not run at all: no diagnostics, no remediation, not counted as not applicable. */
    DISABLED;

    /** The lower-case form used in {@code --policy-pack-config} files and by the CLI. */
    public String text() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The level a diagnostic carries: remediate leftovers block like mandatory ones. */
    public EnforcementLevel reported() {
        return this == REMEDIATE ? MANDATORY : this;
    }

    /** Parses {@code advisory|mandatory|remediate|disabled}; anything else is rejected with the allowed set. */
    public static EnforcementLevel parse(String text) {
        for (EnforcementLevel level : values()) {
            if (level.text().equals(text)) {
                return level;
            }
        }
        throw new IllegalArgumentException("enforcement level must be one of "
                + Arrays.stream(values()).map(EnforcementLevel::text).collect(Collectors.joining(", "))
                + ", got '" + text + "'");
    }
}

package policy.sdk;

import java.util.Objects;

/**
 * The compliance framework a policy belongs to, e.g. {@code new Framework("NIST-800-53", "rev5",
 * "https://csrc.nist.gov/...", "SC-28")}. Empty strings stand for "not given".
 */
public record Framework(String name, String version, String reference, String specification) {
    public Framework {
        Objects.requireNonNull(name, "name");
        version = Objects.requireNonNullElse(version, "");
        reference = Objects.requireNonNullElse(reference, "");
        specification = Objects.requireNonNullElse(specification, "");
    }
}

package policy.sdk;

/** How serious a violation is. Metadata only: blocking is decided by the enforcement level. */
public enum Severity {
    UNSPECIFIED, LOW, MEDIUM, HIGH, CRITICAL
}

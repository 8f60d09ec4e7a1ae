package infra.security;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

/**
 * The EventBridge patterns that select actionable findings (plan: "Alerting Strategy", security
 * alerts are HIGH/CRITICAL only, from Security Hub and GuardDuty), as data.
 */
public final class FindingPatterns {
    /**
     * GuardDuty's numeric severity where "High" begins; 7.0-8.9 is High and 9.0-10.0 Critical
     * (GuardDuty user guide, "Severity of GuardDuty findings").
     */
    public static final double GUARDDUTY_HIGH_SEVERITY_MIN = 7.0;

    private FindingPatterns() {
    }

    /** Security Hub "Findings - Imported" with severity HIGH or CRITICAL and workflow NEW or NOTIFIED. */
    public static JsonObject securityHubHighFindings() {
        JsonObject severity = new JsonObject();
        severity.add("Label", strings("HIGH", "CRITICAL"));
        JsonObject workflow = new JsonObject();
        workflow.add("Status", strings("NEW", "NOTIFIED"));
        JsonObject findings = new JsonObject();
        findings.add("Severity", severity);
        findings.add("Workflow", workflow);
        JsonObject detail = new JsonObject();
        detail.add("findings", findings);
        return pattern("aws.securityhub", "Security Hub Findings - Imported", detail);
    }

    /** GuardDuty findings of high or critical severity (numeric severity of at least 7.0). */
    public static JsonObject guardDutyHighFindings() {
        JsonArray comparison = new JsonArray();
        comparison.add(">=");
        comparison.add(GUARDDUTY_HIGH_SEVERITY_MIN);
        JsonObject numeric = new JsonObject();
        numeric.add("numeric", comparison);
        JsonArray severity = new JsonArray();
        severity.add(numeric);
        JsonObject detail = new JsonObject();
        detail.add("severity", severity);
        return pattern("aws.guardduty", "GuardDuty Finding", detail);
    }

    private static JsonObject pattern(String source, String detailType, JsonObject detail) {
        JsonObject pattern = new JsonObject();
        pattern.add("source", strings(source));
        pattern.add("detail-type", strings(detailType));
        pattern.add("detail", detail);
        return pattern;
    }

    private static JsonArray strings(String... values) {
        JsonArray array = new JsonArray();
        for (String v : values) {
            array.add(v);
        }
        return array;
    }
}

package policy.rules.stack;

import policy.rules.ResourceRule;
import policy.rules.Types;
import policy.sdk.EnforcementLevel;
import policy.sdk.Outcome;
import policy.sdk.PolicyContext;
import policy.sdk.PolicyInfo;
import policy.sdk.ResourceView;
import policy.sdk.Severity;

/** Every alarm notifies someone: at least one ALARM action, and actions not disabled. */
public final class AlarmsHaveActions extends ResourceRule {
    private static final PolicyInfo INFO = PolicyInfo.builder("alarms-have-actions")
            .description("Every metric alarm has an alarm action and actions enabled")
            .level(EnforcementLevel.MANDATORY).severity(Severity.MEDIUM)
            .controls("SI-4", "CloudWatch.15", "H4", "CKV_AWS_319")
            .remediation("Set alarmActions to the priority's SNS topic (AlarmCatalog routes P1/P2/P3)")
            .build();

    public AlarmsHaveActions() {
        super(INFO, Types.METRIC_ALARM);
    }

    @Override
    public Outcome validate(ResourceView resource, PolicyContext context) {
        if (!resource.prop("actionsEnabled").bool().orElse(true)) {
            return Outcome.violation("alarm '" + resource.name() + "' sets actionsEnabled to false");
        }
        return resource.prop("alarmActions").items().isEmpty()
                ? Outcome.violation("alarm '" + resource.name() + "' has no alarmActions") : Outcome.compliant();
    }
}

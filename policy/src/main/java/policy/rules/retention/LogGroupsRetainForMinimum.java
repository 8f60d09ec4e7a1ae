package policy.rules.retention;

import policy.rules.ResourceRule;
import policy.rules.Types;
import policy.sdk.ConfigSchema;
import policy.sdk.EnforcementLevel;
import policy.sdk.Messages;
import policy.sdk.Outcome;
import policy.sdk.PolicyContext;
import policy.sdk.PolicyInfo;
import policy.sdk.ResourceView;
import policy.sdk.Severity;

import java.util.Optional;

/**
 * Log groups keep events at least the environment's minimum (plan "Log Retention Policy": dev 7,
 * staging 30, prod 90 days). Never-expire (absent or 0) is a violation too: it hides cost and
 * skips the decision. Whether the value is one CloudWatch accepts is {@code LogRetentionIsAllowedValue}.
 */
public final class LogGroupsRetainForMinimum extends ResourceRule {
    private static final PolicyInfo INFO = PolicyInfo.builder("log-groups-retain-for-minimum")
            .description("CloudWatch log groups keep events for at least the environment's minimum retention")
            .level(EnforcementLevel.MANDATORY).severity(Severity.MEDIUM)
            .controls("AU-11", "CloudWatch.16", "H1", "CKV_AWS_66")
            .remediation("Set retentionInDays to an allowed value at or above minimumRetentionDays",
                    "(the program takes it from order-processing:logRetentionDays)")
            .config(ConfigSchema.builder()
                    .integer("minimumRetentionDays", 90, 1, "Shortest retention accepted, in days").build())
            .build();

    public LogGroupsRetainForMinimum() {
        super(INFO, Types.LOG_GROUP);
    }

    @Override
    public Outcome validate(ResourceView resource, PolicyContext context) {
        long minimum = context.config().integer("minimumRetentionDays");
        // compared as given; whether the value is one CloudWatch accepts at all is LogRetentionIsAllowedValue's call
        Optional<Double> days = resource.prop("retentionInDays").number();
        if (days.isEmpty() || days.get() == 0) {
            return Outcome.violation("log group '" + resource.name() + "' never expires events; set retentionInDays to at least "
                    + minimum);
        }
        return days.get() >= minimum ? Outcome.compliant() : Outcome.violation("log group '" + resource.name()
                + "' keeps events " + Messages.count(days.get(), "day") + "; the minimum is " + minimum);
    }
}

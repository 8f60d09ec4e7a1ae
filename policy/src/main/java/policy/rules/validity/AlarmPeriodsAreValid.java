package policy.rules.validity;

import policy.rules.ResourceRule;
import policy.rules.Types;
import policy.sdk.EnforcementLevel;
import policy.sdk.Outcome;
import policy.sdk.PolicyContext;
import policy.sdk.PolicyInfo;
import policy.sdk.ResourceView;
import policy.sdk.Severity;

import java.util.Optional;

/** Alarm periods are 10, 30 or a multiple of 60 seconds, as PutMetricAlarm requires. */
public final class AlarmPeriodsAreValid extends ResourceRule {
    static final long SECONDS_PER_MINUTE = 60;

    private static final PolicyInfo INFO = PolicyInfo.builder("alarm-periods-are-valid")
            .description("Metric alarm periods are 10, 30 or a multiple of 60 seconds")
            .level(EnforcementLevel.MANDATORY).severity(Severity.MEDIUM)
            .controls("AWS validity")
            .remediation("Set period to 60, 300 or another multiple of 60 (10 and 30 only for high-resolution metrics)")
            .build();

    public AlarmPeriodsAreValid() {
        super(INFO, Types.METRIC_ALARM);
    }

    @Override
    public Outcome validate(ResourceView resource, PolicyContext context) {
        Optional<Long> period = resource.prop("period").integer();
        if (period.isEmpty()) {
            return Outcome.notApplicable("the alarm has no period (metric math alarms set it per query)");
        }
        long p = period.get();
        boolean valid = p == 10 || p == 30 || (p > 0 && p % SECONDS_PER_MINUTE == 0);
        return valid ? Outcome.compliant() : Outcome.violation("alarm '" + resource.name() + "' has period " + p
                + " s; use 10, 30 or a multiple of 60");
    }
}

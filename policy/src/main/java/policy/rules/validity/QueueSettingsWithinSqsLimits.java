package policy.rules.validity;

import policy.rules.ResourceRule;
import policy.rules.Types;
import policy.sdk.EnforcementLevel;
import policy.sdk.Outcome;
import policy.sdk.PolicyContext;
import policy.sdk.PolicyInfo;
import policy.sdk.PropertyValue;
import policy.sdk.ResourceView;
import policy.sdk.Severity;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** SQS limits: visibility timeout 0-43200 s, retention 60-1209600 s, redrive maxReceiveCount 1-1000. */
public final class QueueSettingsWithinSqsLimits extends ResourceRule {
    static final long MAX_VISIBILITY_SECONDS = 43_200;
    static final long MIN_RETENTION_SECONDS = 60;
    static final long MAX_RETENTION_SECONDS = 1_209_600;
    static final long MAX_RECEIVE_COUNT = 1_000;

    private static final PolicyInfo INFO = PolicyInfo.builder("queue-settings-within-sqs-limits")
            .description("SQS queue settings are within the limits SQS accepts")
            .level(EnforcementLevel.MANDATORY).severity(Severity.MEDIUM)
            .controls("AWS validity")
            .remediation("visibilityTimeoutSeconds <= 43200 (12 h), messageRetentionSeconds 60-1209600 (14 days),"
                    + " redrivePolicy maxReceiveCount 1-1000")
            .build();

    public QueueSettingsWithinSqsLimits() {
        super(INFO, Types.QUEUE);
    }

    @Override
    public Outcome validate(ResourceView resource, PolicyContext context) {
        List<String> problems = new ArrayList<>();
        resource.prop("visibilityTimeoutSeconds").integer().filter(v -> v < 0 || v > MAX_VISIBILITY_SECONDS)
                .ifPresent(v -> problems.add("visibilityTimeoutSeconds " + v + " is outside 0-43200"));
        resource.prop("messageRetentionSeconds").integer().filter(v -> v < MIN_RETENTION_SECONDS || v > MAX_RETENTION_SECONDS)
                .ifPresent(v -> problems.add("messageRetentionSeconds " + v + " is outside 60-1209600"));
        Optional<PropertyValue> redrive = resource.prop("redrivePolicy").json();
        redrive.flatMap(r -> r.get("maxReceiveCount").number()).filter(c -> c < 1 || c > MAX_RECEIVE_COUNT)
                .ifPresent(c -> problems.add("maxReceiveCount " + c.longValue() + " is outside 1-1000"));
        return problems.isEmpty() ? Outcome.compliant()
                : Outcome.violation("queue '" + resource.name() + "': " + String.join("; ", problems));
    }
}

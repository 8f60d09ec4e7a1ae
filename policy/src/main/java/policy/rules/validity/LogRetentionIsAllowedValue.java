package policy.rules.validity;

import policy.rules.ResourceRule;
import policy.rules.Types;
import policy.sdk.EnforcementLevel;
import policy.sdk.Messages;
import policy.sdk.Outcome;
import policy.sdk.PolicyContext;
import policy.sdk.PolicyInfo;
import policy.sdk.ResourceView;
import policy.sdk.Severity;

import java.util.Optional;
import java.util.Set;

/** {@code retentionInDays} is one of the values CloudWatch Logs accepts (PutRetentionPolicy). */
public final class LogRetentionIsAllowedValue extends ResourceRule {
    /** CloudWatch Logs PutRetentionPolicy's allowed retentionInDays values (0 = never expire). */
    static final Set<Long> ALLOWED_DAYS = Set.of(0L, 1L, 3L, 5L, 7L, 14L, 30L, 60L, 90L, 120L, 150L, 180L, 365L, 400L,
            545L, 731L, 1096L, 1827L, 2192L, 2557L, 2922L, 3288L, 3653L);

    private static final PolicyInfo INFO = PolicyInfo.builder("log-retention-is-allowed-value")
            .description("Log group retention is a value CloudWatch Logs accepts")
            .level(EnforcementLevel.MANDATORY).severity(Severity.MEDIUM)
            .controls("AWS validity")
            .remediation("Use one of 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, "
                    + "2557, 2922, 3288, 3653")
            .build();

    public LogRetentionIsAllowedValue() {
        super(INFO, Types.LOG_GROUP);
    }

    @Override
    public Outcome validate(ResourceView resource, PolicyContext context) {
        // read the number as given: a fraction or a value beyond a long is simply not an allowed value
        Optional<Double> days = resource.prop("retentionInDays").number();
        if (days.isEmpty()) {
            return Outcome.notApplicable("retentionInDays is not set");
        }
        boolean allowed = Messages.isLong(days.get()) && ALLOWED_DAYS.contains(days.get().longValue());
        return allowed ? Outcome.compliant() : Outcome.violation("log group '" + resource.name() + "' sets retentionInDays "
                + Messages.number(days.get()) + ", which CloudWatch Logs rejects");
    }
}

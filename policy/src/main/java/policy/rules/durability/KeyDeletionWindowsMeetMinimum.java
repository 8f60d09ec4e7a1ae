package policy.rules.durability;

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

/** KMS keys wait at least the configured days before deletion; absent means AWS's 30. */
public final class KeyDeletionWindowsMeetMinimum extends ResourceRule {
    static final long AWS_DEFAULT_WINDOW_DAYS = 30;

    private static final PolicyInfo INFO = PolicyInfo.builder("key-deletion-windows-meet-minimum")
            .description("KMS keys have a deletion window of at least the configured number of days")
            .level(EnforcementLevel.MANDATORY).severity(Severity.HIGH)
            .controls("SC-12", "KMS.3", "E6", "CKV_AWS_227")
            .remediation("Set deletionWindowInDays to at least minimumDeletionWindowDays (7 to 30)")
            .config(ConfigSchema.builder()
                    .integer("minimumDeletionWindowDays", 30, 7, "Shortest deletion window accepted, in days").build())
            .build();

    public KeyDeletionWindowsMeetMinimum() {
        super(INFO, Types.KMS_KEY);
    }

    @Override
    public Outcome validate(ResourceView resource, PolicyContext context) {
        long minimum = context.config().integer("minimumDeletionWindowDays");
        long days = resource.prop("deletionWindowInDays").integer().orElse(AWS_DEFAULT_WINDOW_DAYS);
        return days >= minimum ? Outcome.compliant() : Outcome.violation("key '" + resource.name()
                + "' has a deletion window of " + Messages.count(days, "day") + "; the minimum is " + minimum);
    }
}

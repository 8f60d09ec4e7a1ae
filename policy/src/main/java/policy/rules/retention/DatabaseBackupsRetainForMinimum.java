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

/** Aurora clusters keep automated backups at least the configured days; absent means AWS's 1 day. */
public final class DatabaseBackupsRetainForMinimum extends ResourceRule {
    /** What AWS applies when {@code backupRetentionPeriod} is not set. */
    static final long AWS_DEFAULT_BACKUP_DAYS = 1;

    private static final PolicyInfo INFO = PolicyInfo.builder("database-backups-retain-for-minimum")
            .description("Aurora clusters keep automated backups for at least the configured number of days")
            .level(EnforcementLevel.MANDATORY).severity(Severity.HIGH)
            .controls("CP-9", "RDS.11", "D4", "CKV_AWS_133")
            .remediation("Set backupRetentionPeriod (order-processing:backupRetentionDays) to at least minimumBackupDays")
            .config(ConfigSchema.builder()
                    .integer("minimumBackupDays", 7, 1, "Shortest automated backup retention accepted, in days").build())
            .build();

    public DatabaseBackupsRetainForMinimum() {
        super(INFO, Types.DB_CLUSTER);
    }

    @Override
    public Outcome validate(ResourceView resource, PolicyContext context) {
        long minimum = context.config().integer("minimumBackupDays");
        long days = resource.prop("backupRetentionPeriod").integer().orElse(AWS_DEFAULT_BACKUP_DAYS);
        return days >= minimum ? Outcome.compliant() : Outcome.violation("cluster '" + resource.name()
                + "' keeps backups " + Messages.count(days, "day") + "; the minimum is " + minimum);
    }
}

package policy.rules.retention;

import org.junit.jupiter.api.Test;
import policy.rules.RuleCheck;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static policy.rules.RuleCheck.UNKNOWN;

class RetentionRulesTest {
    private static final String LOG_GROUP = "aws:cloudwatch/logGroup:LogGroup";
    private static final String CLUSTER = "aws:rds/cluster:Cluster";

    @Test
    void logGroupsKeepEventsAtLeastTheEnvironmentsMinimum() {
        RuleCheck prod = RuleCheck.of("log-groups-retain-for-minimum");
        RuleCheck dev = RuleCheck.of("log-groups-retain-for-minimum", "{'log-groups-retain-for-minimum':{'minimumRetentionDays':7}}");

        assertTrue(prod.resource(LOG_GROUP, "backend", "{'retentionInDays':90}").compliant());
        assertTrue(dev.resource(LOG_GROUP, "backend", "{'retentionInDays':7}").compliant());
        assertEquals(List.of("log group 'backend' keeps events 30 days; the minimum is 90"),
                prod.resource(LOG_GROUP, "backend", "{'retentionInDays':30}").violations());
        assertEquals(List.of("log group 'backend' never expires events; set retentionInDays to at least 7"),
                dev.resource(LOG_GROUP, "backend", "{}").violations());
        assertEquals("the policy only applies to resources of type " + LOG_GROUP, prod.resource(CLUSTER, "db", "{}").notApplicable());
        assertTrue(prod.resource(LOG_GROUP, "backend", "{'retentionInDays':'" + UNKNOWN + "'}").undecidable());
        // out-of-range and fractional values are log-retention-is-allowed-value's to refuse; here they only compare
        assertTrue(prod.resource(LOG_GROUP, "backend", "{'retentionInDays':1e300}").compliant());
        assertEquals(List.of("log group 'backend' keeps events 6.5 days; the minimum is 7"),
                dev.resource(LOG_GROUP, "backend", "{'retentionInDays':6.5}").violations());
        assertEquals(List.of("log group 'backend' keeps events 1 day; the minimum is 7"),
                dev.resource(LOG_GROUP, "backend", "{'retentionInDays':1}").violations());
        assertEquals(List.of("log group 'backend' keeps events -1e300 days; the minimum is 7"),
                dev.resource(LOG_GROUP, "backend", "{'retentionInDays':-1e300}").violations());
    }

    @Test
    void logGroupsNameAKmsKeyWhereConfigRequiresIt() {
        RuleCheck rule = RuleCheck.of("log-groups-encrypted-with-kms");
        RuleCheck relaxed = RuleCheck.of("log-groups-encrypted-with-kms", "{'log-groups-encrypted-with-kms':{'requireKms':false}}");

        assertTrue(rule.resource(LOG_GROUP, "backend", "{'kmsKeyId':'arn:aws:kms:us-east-1:111122223333:key/k'}").compliant());
        assertEquals(List.of("log group 'backend' has no kmsKeyId"), rule.resource(LOG_GROUP, "backend", "{}").violations());
        assertEquals("config does not require KMS on log groups", relaxed.resource(LOG_GROUP, "backend", "{}").notApplicable());
        assertTrue(rule.resource(LOG_GROUP, "backend", "{'kmsKeyId':'" + UNKNOWN + "'}").undecidable());
    }

    @Test
    void databaseBackupsKeepAtLeastTheConfiguredDaysCountingAwsDefault() {
        RuleCheck rule = RuleCheck.of("database-backups-retain-for-minimum");

        assertTrue(rule.resource(CLUSTER, "db", "{'backupRetentionPeriod':14}").compliant());
        assertEquals(List.of("cluster 'db' keeps backups 1 day; the minimum is 7"), rule.resource(CLUSTER, "db", "{}").violations());
        assertEquals(List.of("cluster 'db' keeps backups 2 days; the minimum is 7"),
                rule.resource(CLUSTER, "db", "{'backupRetentionPeriod':2}").violations());
        assertEquals("the policy only applies to resources of type " + CLUSTER, rule.resource(LOG_GROUP, "lg", "{}").notApplicable());
        assertTrue(rule.resource(CLUSTER, "db", "{'backupRetentionPeriod':'" + UNKNOWN + "'}").undecidable());
    }
}

package policy.rules.durability;

import org.junit.jupiter.api.Test;
import policy.rules.RuleCheck;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static policy.rules.RuleCheck.UNKNOWN;
import static policy.rules.RuleCheck.protectedRes;
import static policy.rules.RuleCheck.res;

class DurabilityRulesTest {
    private static final String CLUSTER = "aws:rds/cluster:Cluster";
    private static final String KEY = "aws:kms/key:Key";
    private static final String SAFE = "{'deletionProtection':true,'skipFinalSnapshot':false,'finalSnapshotIdentifier':'db-final'}";

    @Test
    void prodDatabasesHaveDeletionProtectionFinalSnapshotAndProtect() {
        RuleCheck prod = RuleCheck.of("databases-survive-deletion");
        RuleCheck dev = RuleCheck.of("databases-survive-deletion", "{'databases-survive-deletion':{'required':false}}");

        assertTrue(prod.resource(protectedRes(CLUSTER, "db", SAFE)).compliant());
        assertEquals(List.of("cluster 'db': deletionProtection is not true; no final snapshot is taken; the protect option is off"),
                prod.resource(res(CLUSTER, "db", "{'skipFinalSnapshot':true}")).violations());
        assertEquals("config does not require deletion safeguards in this environment", dev.resource(res(CLUSTER, "db", "{}")).notApplicable());
        assertTrue(prod.resource(protectedRes(CLUSTER, "db", "{'deletionProtection':'" + UNKNOWN + "'}")).undecidable());
    }

    @Test
    void statefulResourcesAreProtectedWhereRequired() {
        RuleCheck prod = RuleCheck.of("stateful-resources-protected");
        RuleCheck dev = RuleCheck.of("stateful-resources-protected", "{'stateful-resources-protected':{'required':false}}");

        assertTrue(prod.resource(protectedRes("aws:s3/bucketV2:BucketV2", "audit", "{}")).compliant());
        assertEquals(List.of("aws:kms/key:Key 'data' is not registered with protect"), prod.resource(res(KEY, "data", "{}")).violations());
        assertEquals(List.of("aws:s3/bucket:Bucket 'legacy' is not registered with protect"),
                prod.resource(res("aws:s3/bucket:Bucket", "legacy", "{}")).violations());
        assertEquals("config does not require protect in this environment", dev.resource(res(KEY, "data", "{}")).notApplicable());
        assertEquals("the policy only applies to resources of type aws:kms/key:Key, aws:rds/cluster:Cluster, aws:s3/bucket:Bucket, "
                + "aws:s3/bucketV2:BucketV2", prod.resource(res("aws:sqs/queue:Queue", "q", "{}")).notApplicable());
    }

    @Test
    void keyDeletionWindowsMeetTheMinimumCountingAwsDefault() {
        RuleCheck prod = RuleCheck.of("key-deletion-windows-meet-minimum");

        assertTrue(prod.resource(KEY, "data", "{}").compliant());
        assertEquals(List.of("key 'data' has a deletion window of 7 days; the minimum is 30"),
                prod.resource(KEY, "data", "{'deletionWindowInDays':7}").violations());
        assertEquals(List.of("key 'data' has a deletion window of 1 day; the minimum is 30"),
                prod.resource(KEY, "data", "{'deletionWindowInDays':1}").violations());
        assertEquals("the policy only applies to resources of type " + KEY, prod.resource(CLUSTER, "db", "{}").notApplicable());
        assertTrue(prod.resource(KEY, "data", "{'deletionWindowInDays':'" + UNKNOWN + "'}").undecidable());
    }
}

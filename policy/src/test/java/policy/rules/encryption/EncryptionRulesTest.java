package policy.rules.encryption;

import org.junit.jupiter.api.Test;
import policy.rules.RuleCheck;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static policy.rules.RuleCheck.UNKNOWN;

/** Each encryption rule: compliant, violating (exact message), not applicable, unknown during preview. */
class EncryptionRulesTest {
    private static final String CLUSTER = "aws:rds/cluster:Cluster";
    private static final String QUEUE = "aws:sqs/queue:Queue";
    private static final String TOPIC = "aws:sns/topic:Topic";
    private static final String KEY_ARN = "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";

    @Test
    void auroraClustersAreEncryptedWithTheStacksKey() {
        RuleCheck rule = RuleCheck.of("aurora-cluster-encrypted-with-customer-key");

        assertTrue(rule.resource(CLUSTER, "db", "{'storageEncrypted':true,'kmsKeyId':'" + KEY_ARN + "'}").compliant());
        assertEquals(List.of("cluster 'db' does not set storageEncrypted to true"), rule.resource(CLUSTER, "db", "{}").violations());
        assertEquals(List.of("cluster 'db' is encrypted with the AWS managed key; set kmsKeyId"),
                rule.resource(CLUSTER, "db", "{'storageEncrypted':true}").violations());
        assertEquals("the policy only applies to resources of type aws:rds/cluster:Cluster",
                rule.resource(QUEUE, "q", "{}").notApplicable());
        assertTrue(rule.resource(CLUSTER, "db", "{'storageEncrypted':true,'kmsKeyId':'" + UNKNOWN + "'}").undecidable());
    }

    @Test
    void queuesUseAKeyOrSqsManagedEncryption() {
        RuleCheck rule = RuleCheck.of("sqs-queues-encrypted-at-rest");

        assertTrue(rule.resource(QUEUE, "orders", "{'kmsMasterKeyId':'" + KEY_ARN + "'}").compliant());
        assertTrue(rule.resource(QUEUE, "orders", "{'sqsManagedSseEnabled':true}").compliant());
        assertEquals(List.of("queue 'orders' sets neither kmsMasterKeyId nor sqsManagedSseEnabled"),
                rule.resource(QUEUE, "orders", "{'sqsManagedSseEnabled':false}").violations());
        assertEquals("the policy only applies to resources of type aws:sqs/queue:Queue", rule.resource(TOPIC, "t", "{}").notApplicable());
        assertTrue(rule.resource(QUEUE, "orders", "{'kmsMasterKeyId':'" + UNKNOWN + "'}").undecidable());
    }

    @Test
    void topicsUseACustomerKeyNotTheAwsManagedOne() {
        RuleCheck rule = RuleCheck.of("sns-topics-encrypted-with-customer-key");

        assertTrue(rule.resource(TOPIC, "alerts", "{'kmsMasterKeyId':'" + KEY_ARN + "'}").compliant());
        assertEquals(List.of("topic 'alerts' uses the AWS managed key alias/aws/sns, which alarms and EventBridge cannot publish through"),
                rule.resource(TOPIC, "alerts", "{'kmsMasterKeyId':'alias/aws/sns'}").violations());
        assertEquals(List.of("topic 'alerts' has no kmsMasterKeyId"), rule.resource(TOPIC, "alerts", "{}").violations());
        assertEquals("the policy only applies to resources of type aws:sns/topic:Topic", rule.resource(QUEUE, "q", "{}").notApplicable());
        assertTrue(rule.resource(TOPIC, "alerts", "{'kmsMasterKeyId':'" + UNKNOWN + "'}").undecidable());
    }

    @Test
    void secretsTrailsAndRepositoriesNameTheirKeys() {
        RuleCheck secrets = RuleCheck.of("secrets-encrypted-with-customer-key");
        String secret = "aws:secretsmanager/secret:Secret";
        assertTrue(secrets.resource(secret, "slack", "{'kmsKeyId':'" + KEY_ARN + "'}").compliant());
        assertEquals(List.of("secret 'slack' has no kmsKeyId"), secrets.resource(secret, "slack", "{}").violations());
        assertEquals("the policy only applies to resources of type " + secret, secrets.resource(QUEUE, "q", "{}").notApplicable());
        assertTrue(secrets.resource(secret, "slack", "{'kmsKeyId':'" + UNKNOWN + "'}").undecidable());

        RuleCheck trails = RuleCheck.of("trails-encrypted-with-customer-key");
        String trail = "aws:cloudtrail/trail:Trail";
        assertTrue(trails.resource(trail, "audit", "{'kmsKeyId':'" + KEY_ARN + "'}").compliant());
        assertEquals(List.of("trail 'audit' has no kmsKeyId"), trails.resource(trail, "audit", "{}").violations());
        assertEquals("the policy only applies to resources of type " + trail, trails.resource(QUEUE, "q", "{}").notApplicable());
        assertTrue(trails.resource(trail, "audit", "{'kmsKeyId':'" + UNKNOWN + "'}").undecidable());

        RuleCheck repos = RuleCheck.of("repositories-encrypted-with-kms");
        String repo = "aws:ecr/repository:Repository";
        assertTrue(repos.resource(repo, "backend", "{'encryptionConfigurations':[{'encryptionType':'KMS','kmsKey':'" + KEY_ARN + "'}]}")
                .compliant());
        assertEquals(List.of("repository 'backend' uses AES256 instead of KMS encryption"),
                repos.resource(repo, "backend", "{'encryptionConfigurations':[{'encryptionType':'AES256'}]}").violations());
        assertEquals("the policy only applies to resources of type " + repo, repos.resource(QUEUE, "q", "{}").notApplicable());
        assertTrue(repos.resource(repo, "backend", "{'encryptionConfigurations':'" + UNKNOWN + "'}").undecidable());
    }

    @Test
    void symmetricKeysRotate() {
        RuleCheck rule = RuleCheck.of("kms-keys-rotate");
        String key = "aws:kms/key:Key";

        assertTrue(rule.resource(key, "data", "{'enableKeyRotation':true}").compliant());
        assertEquals(List.of("key 'data' does not set enableKeyRotation to true"), rule.resource(key, "data", "{}").violations());
        assertEquals("key spec RSA_2048 does not support automatic rotation",
                rule.resource(key, "signing", "{'customerMasterKeySpec':'RSA_2048'}").notApplicable());
        assertTrue(rule.resource(key, "data", "{'enableKeyRotation':'" + UNKNOWN + "'}").undecidable());
    }

    @Test
    void performanceInsightsNamesItsKeyWhenOn() {
        RuleCheck rule = RuleCheck.of("performance-insights-encrypted-with-customer-key");
        String instance = "aws:rds/clusterInstance:ClusterInstance";

        assertTrue(rule.resource(instance, "db-1", "{'performanceInsightsEnabled':true,'performanceInsightsKmsKeyId':'" + KEY_ARN + "'}")
                .compliant());
        assertEquals(List.of("instance 'db-1' has Performance Insights without performanceInsightsKmsKeyId"),
                rule.resource(instance, "db-1", "{'performanceInsightsEnabled':true}").violations());
        assertEquals("Performance Insights is off", rule.resource(instance, "db-1", "{}").notApplicable());
        assertTrue(rule.resource(instance, "db-1", "{'performanceInsightsEnabled':'" + UNKNOWN + "'}").undecidable());
    }
}

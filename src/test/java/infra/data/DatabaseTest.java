package infra.data;

import com.pulumi.aws.cloudwatch.LogGroup;
import com.pulumi.aws.cloudwatch.LogGroupArgs;
import com.pulumi.core.Output;
import infra.config.Settings;
import infra.observability.LogGroupNames;
import infra.plan.AwsMocks;
import infra.plan.CapturedResource;
import infra.plan.RenderedStack;
import infra.testing.Stacks;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DatabaseTest {
    private static final String CLUSTER = "aws:rds/cluster:Cluster";
    private static final String INSTANCE = "aws:rds/clusterInstance:ClusterInstance";
    private static final String DATA_KEY = "arn:aws:kms:us-east-1:123456789012:key/1111aaaa-2222-3333-4444-555566667777";
    private static final Map<String, Object> DEV_TAGS = Map.of("Environment", "dev", "Project", "order-processing");

    @Test
    void devClusterIsServerlessV2InProvisionedModeWithThePlansRange() {
        CapturedResource cluster = render("dev").get(CLUSTER, "db-cluster");

        assertEquals("dev-auroracluster", cluster.input("clusterIdentifier").orElseThrow());
        assertEquals("aurora-postgresql", cluster.input("engine").orElseThrow());
        assertEquals("provisioned", cluster.input("engineMode").orElseThrow());
        assertEquals("16.4", cluster.input("engineVersion").orElseThrow());
        assertEquals(Map.of("minCapacity", 0.5, "maxCapacity", 2.0), cluster.input("serverlessv2ScalingConfiguration").orElseThrow());
        assertEquals(DEV_TAGS, cluster.input("tags").orElseThrow());
    }

    @Test
    void clusterIsEncryptedWithTheDataKeyAndRdsManagesTheMasterPassword() {
        CapturedResource cluster = render("dev").get(CLUSTER, "db-cluster");

        assertEquals(true, cluster.input("storageEncrypted").orElseThrow());
        assertEquals(DATA_KEY, cluster.input("kmsKeyId").orElseThrow());
        assertEquals(true, cluster.input("manageMasterUserPassword").orElseThrow());
        assertEquals(DATA_KEY, cluster.input("masterUserSecretKmsKeyId").orElseThrow());
        assertFalse(cluster.inputMap().containsKey("masterPassword"), "no password may reach config or state");
        assertEquals(true, cluster.input("iamDatabaseAuthenticationEnabled").orElseThrow());
        assertEquals("orders", cluster.input("databaseName").orElseThrow());
    }

    @Test
    void clusterUsesTheDataSubnetsSecurityGroupAndParameterGroup() {
        RenderedStack stack = render("dev");
        CapturedResource cluster = stack.get(CLUSTER, "db-cluster");
        CapturedResource subnets = stack.get("aws:rds/subnetGroup:SubnetGroup", "db-subnets");
        CapturedResource params = stack.get("aws:rds/clusterParameterGroup:ClusterParameterGroup", "db-params");

        assertEquals(List.of("subnet-data-a", "subnet-data-b"), subnets.input("subnetIds").orElseThrow());
        assertEquals(subnets.outputMap().get("name"), cluster.input("dbSubnetGroupName").orElseThrow());
        assertEquals(List.of("sg-0db0000000000000d"), cluster.input("vpcSecurityGroupIds").orElseThrow());
        assertEquals(params.outputMap().get("name"), cluster.input("dbClusterParameterGroupName").orElseThrow());
        assertEquals(DEV_TAGS, subnets.input("tags").orElseThrow());
    }

    @Test
    void parameterGroupCarriesThePlansLoggingAndForcesTls() {
        CapturedResource params = render("dev").get("aws:rds/clusterParameterGroup:ClusterParameterGroup", "db-params");

        assertEquals("aurora-postgresql16", params.input("family").orElseThrow());
        assertEquals(List.of(
                Map.of("name", "log_min_duration_statement", "value", "1000", "applyMethod", "immediate"),
                Map.of("name", "log_connections", "value", "1", "applyMethod", "immediate"),
                Map.of("name", "log_disconnections", "value", "1", "applyMethod", "immediate"),
                Map.of("name", "rds.force_ssl", "value", "1", "applyMethod", "immediate")),
                params.input("parameters").orElseThrow());
    }

    @Test
    void postgresqlLogsGoToTheLogGroupTheClusterDependsOn() {
        RenderedStack stack = render("dev");
        CapturedResource cluster = stack.get(CLUSTER, "db-cluster");
        CapturedResource logGroup = stack.get("aws:cloudwatch/logGroup:LogGroup", "aurora-postgresql");

        assertEquals(List.of("postgresql"), cluster.input("enabledCloudwatchLogsExports").orElseThrow());
        assertEquals("/aws/rds/cluster/" + cluster.input("clusterIdentifier").orElseThrow() + "/postgresql",
                logGroup.input("name").orElseThrow());
        assertTrue(cluster.dependencies().contains(logGroup.urn()), "the cluster must wait for its log group");
    }

    @Test
    void backupsAndSnapshotsFollowSettings() {
        CapturedResource dev = render("dev").get(CLUSTER, "db-cluster");
        CapturedResource prod = render("prod").get(CLUSTER, "db-cluster");

        assertEquals(1.0, dev.input("backupRetentionPeriod").orElseThrow());
        assertEquals(14.0, prod.input("backupRetentionPeriod").orElseThrow());
        assertEquals("03:00-04:00", prod.input("preferredBackupWindow").orElseThrow());
        assertEquals("sun:04:30-sun:05:30", prod.input("preferredMaintenanceWindow").orElseThrow());
        assertEquals(true, prod.input("copyTagsToSnapshot").orElseThrow());
    }

    @Test
    void devCanBeTornDown() {
        RenderedStack stack = render("dev");
        CapturedResource cluster = stack.get(CLUSTER, "db-cluster");

        assertEquals(false, cluster.input("deletionProtection").orElseThrow());
        assertEquals(true, cluster.input("skipFinalSnapshot").orElseThrow());
        assertFalse(cluster.inputMap().containsKey("finalSnapshotIdentifier"));
        assertFalse(cluster.protect());
        assertEquals(List.of("db-writer"), stack.ofType(INSTANCE).stream().map(CapturedResource::name).toList());
        assertFalse(stack.get(INSTANCE, "db-writer").protect());
    }

    @Test
    void prodProtectsTheClusterAndItsInstancesAndKeepsAFinalSnapshot() {
        RenderedStack stack = render("prod");
        CapturedResource cluster = stack.get(CLUSTER, "db-cluster");

        assertEquals(true, cluster.input("deletionProtection").orElseThrow());
        assertEquals(false, cluster.input("skipFinalSnapshot").orElseThrow());
        assertEquals("prod-auroracluster-final", cluster.input("finalSnapshotIdentifier").orElseThrow());
        assertTrue(cluster.protect());
        assertEquals(Map.of("minCapacity", 0.5, "maxCapacity", 8.0), cluster.input("serverlessv2ScalingConfiguration").orElseThrow());
        stack.ofType(INSTANCE).forEach(i -> assertTrue(i.protect(), i.name() + " must be protected"));
    }

    @Test
    void prodHasAServerlessReaderInAnotherAzThanTheWriter() {
        RenderedStack stack = render("prod");
        CapturedResource writer = stack.get(INSTANCE, "db-writer");
        CapturedResource reader = stack.get(INSTANCE, "db-reader");

        assertEquals(2, stack.ofType(INSTANCE).size());
        for (CapturedResource instance : List.of(writer, reader)) {
            assertEquals("db.serverless", instance.input("instanceClass").orElseThrow());
            assertEquals("prod-auroracluster", instance.input("clusterIdentifier").orElseThrow());
            assertEquals(false, instance.input("publiclyAccessible").orElseThrow());
            assertEquals(true, instance.input("performanceInsightsEnabled").orElseThrow());
            assertEquals(DATA_KEY, instance.input("performanceInsightsKmsKeyId").orElseThrow());
            assertEquals(7.0, instance.input("performanceInsightsRetentionPeriod").orElseThrow());
            assertEquals(true, instance.input("copyTagsToSnapshot").orElseThrow());
        }
        assertEquals("us-east-1a", writer.input("availabilityZone").orElseThrow());
        assertEquals("us-east-1b", reader.input("availabilityZone").orElseThrow());
        assertNotEquals(writer.input("promotionTier"), reader.input("promotionTier"));
    }

    @Test
    void outputsCarryAwsFormattedEndpointsAndTheManagedSecretArn() {
        Settings settings = Stacks.settings("prod");
        Map<String, Object> seen = new java.util.concurrent.ConcurrentHashMap<>();
        Stacks.render(settings, ctx -> {
            Database db = program(settings);
            record(seen, "identifier", db.clusterIdentifier());
            record(seen, "arn", db.clusterArn());
            record(seen, "writer", db.writerEndpoint());
            record(seen, "reader", db.readerEndpoint());
            record(seen, "port", db.port());
            record(seen, "secret", db.masterSecretArn());
        });

        assertEquals("prod-auroracluster", seen.get("identifier"));
        assertEquals("arn:aws:rds:us-east-1:" + AwsMocks.ACCOUNT + ":cluster:prod-auroracluster", seen.get("arn"));
        assertTrue(((String) seen.get("writer")).matches("prod-auroracluster\\.cluster-[a-z0-9]{12}\\.us-east-1\\.rds\\.amazonaws\\.com"));
        assertTrue(((String) seen.get("reader")).matches("prod-auroracluster\\.cluster-ro-[a-z0-9]{12}\\.us-east-1\\.rds\\.amazonaws\\.com"));
        assertEquals(5432, seen.get("port"));
        String secret = (String) seen.get("secret");
        assertTrue(secret.matches("arn:aws:secretsmanager:us-east-1:" + AwsMocks.ACCOUNT
                + ":secret:rds!cluster-[0-9a-f-]{36}-[A-Za-z0-9]{6}"), secret);
    }

    @Test
    void rendersDuringAFirstPreviewWhenNoProviderOutputIsKnownYet() {
        Settings settings = Stacks.settings("prod");
        RenderedStack stack = Stacks.render(settings, AwsMocks.Mode.UNKNOWN_OUTPUTS, ctx -> program(settings));

        assertEquals(2, stack.ofType(INSTANCE).size());
        assertEquals(DATA_KEY, stack.get(CLUSTER, "db-cluster").input("kmsKeyId").orElseThrow());
    }

    private static <T> void record(Map<String, Object> seen, String key, Output<T> output) {
        output.applyValue(v -> seen.put(key, v));
    }

    private static RenderedStack render(String env) {
        Settings settings = Stacks.settings(env);
        return Stacks.render(settings, ctx -> program(settings));
    }

    /** The database with fakes for what the network, security and observability components provide. */
    private static Database program(Settings settings) {
        var logGroup = new LogGroup("aurora-postgresql", LogGroupArgs.builder()
                .name(LogGroupNames.aurora(settings.environment()))
                .retentionInDays(settings.observability().logRetentionDays())
                .build());
        return new Database("db", new DatabaseArgs(settings,
                Output.of(List.of("subnet-data-a", "subnet-data-b")),
                Output.of("sg-0db0000000000000d"),
                Output.of(DATA_KEY),
                logGroup), null);
    }
}

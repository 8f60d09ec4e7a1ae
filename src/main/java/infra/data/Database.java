package infra.data;

import com.pulumi.aws.AwsFunctions;
import com.pulumi.aws.inputs.GetAvailabilityZonesArgs;
import com.pulumi.aws.rds.Cluster;
import com.pulumi.aws.rds.ClusterArgs;
import com.pulumi.aws.rds.ClusterInstance;
import com.pulumi.aws.rds.ClusterInstanceArgs;
import com.pulumi.aws.rds.ClusterParameterGroup;
import com.pulumi.aws.rds.ClusterParameterGroupArgs;
import com.pulumi.aws.rds.SubnetGroup;
import com.pulumi.aws.rds.SubnetGroupArgs;
import com.pulumi.aws.rds.inputs.ClusterParameterGroupParameterArgs;
import com.pulumi.aws.rds.inputs.ClusterServerlessv2ScalingConfigurationArgs;
import com.pulumi.aws.rds.outputs.ClusterMasterUserSecret;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import infra.config.DataSettings;
import infra.config.Settings;
import infra.observability.LogGroupNames;

import java.util.List;
import java.util.Map;

/**
 * Aurora PostgreSQL Serverless v2: a provisioned-mode cluster with a Serverless v2 scaling range,
 * a {@code db.serverless} writer and, in prod, a reader in another AZ. Storage, Performance
 * Insights and the RDS-managed master password are encrypted with the data key; there is no
 * password in config or state. Connections must use TLS ({@code rds.force_ssl}) and may use IAM
 * authentication. The {@code postgresql} log export goes to the log group passed in, which the
 * cluster depends on so that it exists, with retention and KMS, before RDS writes to it.
 *
 * <p>With {@code protectStatefulResources} (prod) the cluster and its instances are protected;
 * {@code deletionProtection} and {@code finalSnapshot} are separate settings, all on in prod.
 */
public final class Database extends ComponentResource {
    public static final String TYPE = "order-processing:data:Database";
    public static final String ENGINE = "aurora-postgresql";
    public static final String INSTANCE_CLASS = "db.serverless";
    /** The plan's database ("ALTER DATABASE orders ..."). */
    public static final String DATABASE_NAME = "orders";
    public static final String MASTER_USERNAME = "orders_admin";
    public static final String FINAL_SNAPSHOT_SUFFIX = "-final";

    private final Cluster cluster;
    private final Output<String> masterSecretArn;

    public Database(String name, DatabaseArgs args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        Settings settings = args.settings();
        DataSettings data = settings.data();
        String clusterId = LogGroupNames.auroraClusterIdentifier(settings.environment());
        String physicalPrefix = "order-processing-" + settings.env() + "-aurora";

        var subnets = new SubnetGroup(name + "-subnets", SubnetGroupArgs.builder()
                .name(physicalPrefix)
                .description("Aurora on the isolated data subnets")
                .subnetIds(args.dataSubnetIds())
                .tags(settings.tags())
                .build(), child());

        var parameters = new ClusterParameterGroup(name + "-params", ClusterParameterGroupArgs.builder()
                .name(physicalPrefix + "-" + AuroraParameters.family(data.auroraEngineVersion()))
                .family(AuroraParameters.family(data.auroraEngineVersion()))
                .description("Slow-query and connection logging, TLS required")
                .parameters(AuroraParameters.clusterParameters().entrySet().stream()
                        .map(p -> ClusterParameterGroupParameterArgs.builder()
                                .name(p.getKey()).value(p.getValue()).applyMethod("immediate").build())
                        .toList())
                .tags(settings.tags())
                .build(), child());

        ClusterArgs.Builder clusterArgs = ClusterArgs.builder()
                .clusterIdentifier(clusterId)
                .engine(ENGINE)
                .engineMode("provisioned")
                .engineVersion(data.auroraEngineVersion())
                .serverlessv2ScalingConfiguration(ClusterServerlessv2ScalingConfigurationArgs.builder()
                        .minCapacity(data.minAcu())
                        .maxCapacity(data.maxAcu())
                        .build())
                .databaseName(DATABASE_NAME)
                .masterUsername(MASTER_USERNAME)
                .manageMasterUserPassword(true)
                .masterUserSecretKmsKeyId(args.dataKeyArn())
                .storageEncrypted(true)
                .kmsKeyId(args.dataKeyArn())
                .iamDatabaseAuthenticationEnabled(true)
                .dbSubnetGroupName(subnets.name())
                .vpcSecurityGroupIds(args.databaseSecurityGroupId().applyValue(List::of))
                .dbClusterParameterGroupName(parameters.name())
                .enabledCloudwatchLogsExports("postgresql")
                .backupRetentionPeriod(data.backupRetentionDays())
                .preferredBackupWindow(data.backupWindow())
                .preferredMaintenanceWindow(data.maintenanceWindow())
                .copyTagsToSnapshot(true)
                .deletionProtection(data.deletionProtection())
                .skipFinalSnapshot(!data.finalSnapshot())
                .tags(settings.tags());
        if (data.finalSnapshot()) {
            clusterArgs.finalSnapshotIdentifier(clusterId + FINAL_SNAPSHOT_SUFFIX);
        }
        cluster = new Cluster(name + "-cluster", clusterArgs.build(), CustomResourceOptions.builder()
                .parent(this)
                .protect(data.protectStatefulResources())
                .dependsOn(args.postgresqlLogGroup())
                .build());

        // pin the writer and the prod reader to different AZs; Aurora alone does not promise that
        Output<List<String>> zones = AwsFunctions.getAvailabilityZones(GetAvailabilityZonesArgs.builder()
                .state("available").build()).applyValue(r -> r.names());
        instance(name + "-writer", clusterId + "-writer", 0, zones, args, settings);
        if (settings.environment().isProd()) {
            instance(name + "-reader", clusterId + "-reader", 1, zones, args, settings);
        }

        masterSecretArn = cluster.masterUserSecrets().applyValue(Database::secretArn);
        registerOutputs(Map.of(
                "clusterIdentifier", cluster.clusterIdentifier(),
                "clusterArn", cluster.arn(),
                "writerEndpoint", cluster.endpoint(),
                "readerEndpoint", cluster.readerEndpoint(),
                "port", cluster.port(),
                "masterSecretArn", masterSecretArn));
    }

    private void instance(String logicalName, String identifier, int zoneIndex, Output<List<String>> zones,
                          DatabaseArgs args, Settings settings) {
        new ClusterInstance(logicalName, ClusterInstanceArgs.builder()
                .identifier(identifier)
                .clusterIdentifier(cluster.id())
                .engine(ENGINE)
                .engineVersion(cluster.engineVersion())
                .instanceClass(INSTANCE_CLASS)
                .availabilityZone(zones.applyValue(z -> z.get(zoneIndex % z.size())))
                .promotionTier(zoneIndex)
                .publiclyAccessible(false)
                .performanceInsightsEnabled(true)
                .performanceInsightsKmsKeyId(args.dataKeyArn())
                .performanceInsightsRetentionPeriod(AuroraParameters.PERFORMANCE_INSIGHTS_RETENTION_DAYS)
                .copyTagsToSnapshot(true)
                .autoMinorVersionUpgrade(true)
                .tags(settings.tags())
                .build(), CustomResourceOptions.builder()
                .parent(this)
                .protect(settings.data().protectStatefulResources())
                .build());
    }

    private CustomResourceOptions child() {
        return CustomResourceOptions.builder().parent(this).build();
    }

    private static String secretArn(List<ClusterMasterUserSecret> secrets) {
        return secrets.stream().findFirst().flatMap(ClusterMasterUserSecret::secretArn)
                .orElseThrow(() -> new IllegalStateException(
                        "the Aurora cluster reported no master user secret although manageMasterUserPassword is on"));
    }

    public Output<String> clusterIdentifier() {
        return cluster.clusterIdentifier();
    }

    public Output<String> clusterArn() {
        return cluster.arn();
    }

    public Output<String> writerEndpoint() {
        return cluster.endpoint();
    }

    public Output<String> readerEndpoint() {
        return cluster.readerEndpoint();
    }

    public Output<Integer> port() {
        return cluster.port();
    }

    public Output<String> masterSecretArn() {
        return masterSecretArn;
    }
}

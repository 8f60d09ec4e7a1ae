package infra;

import com.google.gson.Gson;
import com.google.gson.reflect.TypeToken;
import com.pulumi.Context;
import com.pulumi.Pulumi;
import com.pulumi.aws.cloudwatch.LogGroup;
import com.pulumi.core.Output;
import com.pulumi.exceptions.RunException;
import infra.compute.Compute;
import infra.compute.ComputeArgs;
import infra.data.Database;
import infra.data.DatabaseArgs;
import infra.messaging.OrderQueue;
import infra.messaging.OrderQueueArgs;
import infra.compute.FargateService;
import infra.network.Network;
import infra.observability.Dashboard;
import infra.observability.DashboardArgs;
import infra.network.NetworkArgs;
import infra.observability.AlarmCatalog;
import infra.observability.Alarms;
import infra.observability.AlarmsArgs;
import infra.observability.Alerting;
import infra.observability.AlertingArgs;
import infra.observability.LogGroups;
import infra.observability.LogGroupsArgs;
import infra.observability.MonitoredResources;
import infra.producer.OrderProducer;
import infra.producer.OrderProducerArgs;
import infra.security.KmsKeys;
import infra.security.KmsKeysArgs;
import infra.security.SecurityServices;
import infra.security.SecurityServicesArgs;
import infra.config.InvalidConfigException;
import infra.config.Settings;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Pulumi program: loads the stack settings once, creates the components in dependency order
 * and exports what operators and runbooks need.
 */
public final class App {
    private App() {
    }

    public static void main(String[] args) {
        Pulumi.run(ctx -> stack(ctx, settingsFromEngine(ctx)));
    }

    /**
     * Loads the settings the engine passed; invalid config ends the run with the one list of
     * problems and no stack trace (the SDK prints a {@link RunException}'s message only).
     */
    static Settings settingsFromEngine(Context ctx) {
        try {
            return loadSettings(engineConfig(), engineSecretKeys(), ctx.stackName());
        } catch (InvalidConfigException e) {
            throw new RunException(e.getMessage());
        }
    }

    /**
     * The program's settings: {@link Settings#load} plus the checks that need the components' own
     * knowledge (alarm ids in {@code alarmThresholds}), so every config problem is reported at once.
     * The engine's run and the offline plan both load through here.
     */
    public static Settings loadSettings(Map<String, String> config, Set<String> secretKeys, String stack) {
        return Settings.load(config, secretKeys, stack, SETTINGS_CHECKS);
    }

    private static final List<Settings.Check> SETTINGS_CHECKS = List.of(AlarmCatalog.THRESHOLD_IDS);

    /**
     * Builds the whole stack from validated settings, in dependency order: keys first (everything
     * is encrypted with them), then every log group (so no service creates one implicitly without
     * retention), the network, data and messaging, compute and the producer, alerting and alarms,
     * and the account-level security and audit services.
     */
    public static void stack(Context ctx, Settings settings) {
        var keys = new KmsKeys("keys", new KmsKeysArgs(settings, AUDIT_KEY_SERVES_CONFIG), null);
        var logs = new LogGroups("logs", new LogGroupsArgs(settings, keys.logsKeyArn()), null);
        var network = new Network("network", new NetworkArgs(settings, logs.flowLogs().arn(), logs.flowLogs()), null);
        var database = new Database("database", new DatabaseArgs(settings, network.dataSubnetIds(),
                network.databaseSecurityGroupId(), keys.dataKeyArn(), logs.aurora()), null);
        var queue = new OrderQueue("orders", new OrderQueueArgs(settings, keys.messagingKeyArn()), null);
        var compute = new Compute("compute", new ComputeArgs(settings, network.vpcId(), network.publicSubnetIds(),
                network.appSubnetIds(), network.albSecurityGroupId(), network.backendSecurityGroupId(),
                network.frontendSecurityGroupId(), queue.queueUrl(), queue.queueArn(), database.writerEndpoint(),
                database.port(), database.masterSecretArn(), keys.dataKeyArn(), keys.messagingKeyArn(),
                keys.dataKeyArn(), List.of(logs.ecs("backend"), logs.ecs("frontend"))), null);
        var producerLogs = logs.producer();
        var producerArgs = OrderProducerArgs.of(settings, queue.queueUrl(), queue.queueArn(), keys.messagingKeyArn(),
                producerLogs.name(), producerLogs.arn(), producerLogs);
        if (settings.producer().vpcEnabled()) {
            producerArgs = producerArgs.withVpc(network.appSubnetIds(), network.producerSecurityGroupId());
        }
        var producer = new OrderProducer("order-producer", producerArgs, null);

        var alerting = new Alerting("alerting", new AlertingArgs(settings, keys.messagingKeyArn()), null);
        var security = new SecurityServices("security", new SecurityServicesArgs(settings, alerting.securityTopicArn(),
                keys.auditKeyArn(), compute.albArn(), logs.waf().map(LogGroup::arn),
                logs.cloudTrail().map(LogGroup::arn)), null);
        var monitored = new MonitoredResources(compute.albArnSuffix(), compute.backendTargetGroupArnSuffix(),
                compute.frontendTargetGroupArnSuffix(), compute.clusterName(), compute.backendServiceName(),
                compute.frontendServiceName(), database.clusterIdentifier(), queue.queueName(), queue.dlqName(),
                producer.functionName(), MonitoredResources.queueNameOf(producer.deadLetterQueueArn()),
                security.findingDeadLetterQueueArn().map(MonitoredResources::queueNameOf));
        var alarms = new Alarms("alarms", new AlarmsArgs(settings, monitored, alerting.infrastructureTopicArn(),
                alerting.pagingTopicArn()), null);
        var dashboard = new Dashboard("dashboard", new DashboardArgs(settings, monitored, alarms.alarmArns()), null);
        alerting.warnings().forEach(warning -> ctx.log().warn(warning));

        ctx.export("environment", Output.of(settings.env()));
        ctx.export("region", Output.of(settings.region()));
        ctx.export("vpcId", network.vpcId());
        ctx.export("albDnsName", compute.albDnsName());
        ctx.export("clusterName", compute.clusterName());
        ctx.export("backendContainerName", Output.of(BACKEND_CONTAINER));
        ctx.export("backendTaskFamily", Output.of(FargateService.family(settings.env(), BACKEND_CONTAINER)));
        ctx.export("databaseSecurityGroupId", network.databaseSecurityGroupId());
        ctx.export("dashboardUrl", dashboard.url());
        ctx.export("backendServiceName", compute.backendServiceName());
        ctx.export("frontendServiceName", compute.frontendServiceName());
        ctx.export("backendRepositoryUrl", compute.backendRepositoryUrl());
        ctx.export("frontendRepositoryUrl", compute.frontendRepositoryUrl());
        ctx.export("dbClusterIdentifier", database.clusterIdentifier());
        ctx.export("databaseWriterEndpoint", database.writerEndpoint());
        ctx.export("databaseReaderEndpoint", database.readerEndpoint());
        ctx.export("databasePort", database.port());
        ctx.export("databaseSecretArn", database.masterSecretArn());
        ctx.export("queueUrl", queue.queueUrl());
        ctx.export("queueArn", queue.queueArn());
        ctx.export("dlqUrl", queue.dlqUrl());
        ctx.export("dlqArn", queue.dlqArn());
        ctx.export("producerFunctionName", producer.functionName());
        ctx.export("logGroupNames", logs.names());
        ctx.export("infrastructureAlertsTopicArn", alerting.infrastructureTopicArn());
        ctx.export("securityAlertsTopicArn", alerting.securityTopicArn());
        security.trailArn().ifPresent(arn -> ctx.export("cloudTrailArn", arn));
        security.webAclArn().ifPresent(arn -> ctx.export("webAclArn", arn));
        security.guardDutyDetectorId().ifPresent(id -> ctx.export("guardDutyDetectorId", id));
        ctx.export("dataKeyArn", keys.dataKeyArn());
        ctx.export("logsKeyArn", keys.logsKeyArn());
        ctx.export("messagingKeyArn", keys.messagingKeyArn());
        ctx.export("auditKeyArn", keys.auditKeyArn());
    }

    /** The backend's container (and service key) name in its task definition. */
    private static final String BACKEND_CONTAINER = "backend";

    /** The AWS Config delivery bucket is encrypted with the audit key, so its policy admits Config. */
    private static final boolean AUDIT_KEY_SERVES_CONFIG = true;

    /**
     * The engine passes the whole stack config as JSON in {@code PULUMI_CONFIG} (secret keys in
     * {@code PULUMI_CONFIG_SECRET_KEYS}); reading the map lets validation see every key, typos included.
     */
    private static Map<String, String> engineConfig() {
        String config = System.getenv().getOrDefault("PULUMI_CONFIG", "{}");
        Map<String, String> values = new Gson().fromJson(config, new TypeToken<Map<String, String>>() { }.getType());
        return values == null ? Map.of() : values;
    }

    private static Set<String> engineSecretKeys() {
        String secrets = System.getenv().getOrDefault("PULUMI_CONFIG_SECRET_KEYS", "[]");
        List<String> keys = new Gson().fromJson(secrets, new TypeToken<List<String>>() { }.getType());
        return keys == null ? Set.of() : Set.copyOf(keys);
    }
}

package infra.compute;

import com.pulumi.aws.AwsFunctions;
import com.pulumi.aws.outputs.GetCallerIdentityResult;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.Resource;
import infra.config.ComputeSettings;
import infra.config.Settings;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The application tier of the plan: ECR repositories, the ECS cluster, the load balancer with its
 * access-log bucket, and the backend and frontend Fargate services. It composes one component per
 * concern ({@link ContainerRegistry}, {@link AccessLogBucket}, {@link LoadBalancer},
 * {@link EcsCluster}, {@link FargateService} twice) and wires the IAM documents of
 * {@link TaskPolicies} between them.
 */
public final class Compute extends ComponentResource {
    private final LoadBalancer loadBalancer;
    private final EcsCluster cluster;
    private final FargateService backend;
    private final FargateService frontend;
    private final ContainerRegistry registry;
    private final AccessLogBucket accessLogs;

    public Compute(String name, ComputeArgs args, ComponentResourceOptions opts) {
        super("order-processing:compute:Compute", name, opts);
        Settings settings = args.settings();
        String region = settings.region();
        String partition = Partitions.of(region);
        Output<String> account = AwsFunctions.getCallerIdentity().applyValue(GetCallerIdentityResult::accountId);
        ComponentResourceOptions child = ComponentResourceOptions.builder().parent(this).build();

        this.registry = new ContainerRegistry(name + "-registry",
                new ContainerRegistry.Args(settings, args.ecrKeyArn()), child);
        this.accessLogs = new AccessLogBucket(name + "-alb-logs", new AccessLogBucket.Args(settings, account), child);
        this.loadBalancer = new LoadBalancer(name + "-alb", new LoadBalancer.Args(settings, args.vpcId(),
                args.publicSubnetIds(), args.albSecurityGroupId(), accessLogs.bucketName(), accessLogs.bucketPolicy(),
                ServiceContainers.BACKEND_PORT, ServiceContainers.FRONTEND_PORT), child);
        this.cluster = new EcsCluster(name + "-cluster", new EcsCluster.Args(settings), child);

        Output<String> assumeRole = account.applyValue(a -> TaskPolicies.assumedByEcsTasks(partition, region, a).toJson());
        List<Resource> afterRouting = Stream.concat(loadBalancer.routing().stream(), Stream.of(cluster.capacityProviders()))
                .toList();
        ComputeSettings compute = settings.compute();

        Output<String> backendContainers = Output.tuple(registry.repositoryUrl("backend"), args.queueUrl(),
                        args.databaseWriterEndpoint(), args.databasePort(), args.databaseSecretArn())
                .applyValue(t -> ContainerDefinition.toJson(ServiceContainers.backend(settings, t.t1,
                        new ServiceContainers.BackendEndpoints(t.t2, t.t3, t.t4, t.t5))));
        Output<String> backendTaskPolicy = Output.tuple(args.queueArn(), args.databaseSecretArn(),
                        args.messagingKeyArn(), args.dataKeyArn())
                .applyValue(t -> TaskPolicies.backendTask(region, t.t1, t.t2, t.t3, t.t4, settings.features().xray()).toJson());
        Output<String> backendExecutionPolicy = Output.tuple(account, registry.repositoryArn("backend"),
                        args.databaseSecretArn(), args.dataKeyArn())
                .applyValue(t -> TaskPolicies.execution(partition, region, t.t1, settings.env(), List.of(t.t2),
                        Optional.of(new TaskPolicies.InjectedSecrets(List.of(t.t3), t.t4))).toJson());
        this.backend = new FargateService(name + "-backend", new FargateService.Args(settings, "backend",
                ServiceContainers.BACKEND_PORT, compute.backend(), cluster.clusterArn(), cluster.clusterName(),
                args.appSubnetIds(), args.backendSecurityGroupId(), loadBalancer.backendTargetGroupArn(),
                backendContainers, volumes(compute.backendRuntime()), Optional.of(backendTaskPolicy),
                backendExecutionPolicy, assumeRole, args.logGroups(), afterRouting), child);

        // The frontend task role gets no policy at all: nginx calls no AWS API (plan, IAM least privilege).
        Output<String> frontendContainers = registry.repositoryUrl("frontend")
                .applyValue(url -> ContainerDefinition.toJson(ServiceContainers.frontend(settings, url)));
        Output<String> frontendExecutionPolicy = Output.tuple(account, registry.repositoryArn("frontend"))
                .applyValue(t -> TaskPolicies.execution(partition, region, t.t1, settings.env(), List.of(t.t2),
                        Optional.empty()).toJson());
        this.frontend = new FargateService(name + "-frontend", new FargateService.Args(settings, "frontend",
                ServiceContainers.FRONTEND_PORT, compute.frontend(), cluster.clusterArn(), cluster.clusterName(),
                args.appSubnetIds(), args.frontendSecurityGroupId(), loadBalancer.frontendTargetGroupArn(),
                frontendContainers, volumes(compute.frontendRuntime()), Optional.empty(),
                frontendExecutionPolicy, assumeRole, args.logGroups(), afterRouting), child);

        registerOutputs(Map.ofEntries(
                Map.entry("albArn", albArn()),
                Map.entry("albArnSuffix", albArnSuffix()),
                Map.entry("albDnsName", albDnsName()),
                Map.entry("clusterName", clusterName()),
                Map.entry("clusterArn", clusterArn()),
                Map.entry("backendServiceName", backendServiceName()),
                Map.entry("frontendServiceName", frontendServiceName()),
                Map.entry("backendTargetGroupArnSuffix", backendTargetGroupArnSuffix()),
                Map.entry("frontendTargetGroupArnSuffix", frontendTargetGroupArnSuffix()),
                Map.entry("backendRepositoryUrl", backendRepositoryUrl()),
                Map.entry("frontendRepositoryUrl", frontendRepositoryUrl()),
                Map.entry("accessLogBucketName", accessLogBucketName())));
    }

    private static List<String> volumes(ComputeSettings.ServiceRuntime runtime) {
        return runtime.readOnlyRootFilesystem() ? List.of(ServiceContainers.TMP_VOLUME) : List.of();
    }

    public Output<String> albArn() {
        return loadBalancer.albArn();
    }

    public Output<String> albArnSuffix() {
        return loadBalancer.albArnSuffix();
    }

    public Output<String> albDnsName() {
        return loadBalancer.albDnsName();
    }

    public Output<String> clusterName() {
        return cluster.clusterName();
    }

    public Output<String> clusterArn() {
        return cluster.clusterArn();
    }

    public Output<String> backendServiceName() {
        return backend.serviceName();
    }

    public Output<String> frontendServiceName() {
        return frontend.serviceName();
    }

    public Output<String> backendTargetGroupArnSuffix() {
        return loadBalancer.backendTargetGroupArnSuffix();
    }

    public Output<String> frontendTargetGroupArnSuffix() {
        return loadBalancer.frontendTargetGroupArnSuffix();
    }

    public Output<String> backendRepositoryUrl() {
        return registry.repositoryUrl("backend");
    }

    public Output<String> frontendRepositoryUrl() {
        return registry.repositoryUrl("frontend");
    }

    public Output<String> accessLogBucketName() {
        return accessLogs.bucketName();
    }
}

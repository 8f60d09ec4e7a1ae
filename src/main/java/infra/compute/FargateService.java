package infra.compute;

import com.pulumi.aws.appautoscaling.Policy;
import com.pulumi.aws.appautoscaling.PolicyArgs;
import com.pulumi.aws.appautoscaling.Target;
import com.pulumi.aws.appautoscaling.TargetArgs;
import com.pulumi.aws.appautoscaling.inputs.PolicyTargetTrackingScalingPolicyConfigurationArgs;
import com.pulumi.aws.appautoscaling.inputs.PolicyTargetTrackingScalingPolicyConfigurationPredefinedMetricSpecificationArgs;
import com.pulumi.aws.ecs.Service;
import com.pulumi.aws.ecs.ServiceArgs;
import com.pulumi.aws.ecs.TaskDefinition;
import com.pulumi.aws.ecs.TaskDefinitionArgs;
import com.pulumi.aws.ecs.inputs.ServiceCapacityProviderStrategyArgs;
import com.pulumi.aws.ecs.inputs.ServiceDeploymentCircuitBreakerArgs;
import com.pulumi.aws.ecs.inputs.ServiceLoadBalancerArgs;
import com.pulumi.aws.ecs.inputs.ServiceNetworkConfigurationArgs;
import com.pulumi.aws.ecs.inputs.TaskDefinitionRuntimePlatformArgs;
import com.pulumi.aws.ecs.inputs.TaskDefinitionVolumeArgs;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.aws.iam.RolePolicy;
import com.pulumi.aws.iam.RolePolicyArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import infra.config.ComputeSettings;
import infra.config.Settings;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One Fargate service behind a target group: its task definition, a task role and an execution
 * role of its own, the service in private subnets without public IPs, and target-tracking
 * autoscaling on CPU and memory. Used once for the backend and once for the frontend.
 */
public final class FargateService extends ComponentResource {
    /** Plan, "ECS Services" alarms: CPUUtilization above 80 % means scale up. */
    public static final double CPU_TARGET_PERCENT = 80.0;
    /** Plan, "ECS Services" alarms: MemoryUtilization above 85 % means scale up. */
    public static final double MEMORY_TARGET_PERCENT = 85.0;
    /** Keep every task during a deployment and allow a full second set, so rollouts never drop capacity. */
    public static final int DEPLOYMENT_MINIMUM_HEALTHY_PERCENT = 100;
    public static final int DEPLOYMENT_MAXIMUM_PERCENT = 200;

    private final Output<String> serviceName;
    private final Output<String> taskRoleArn;
    private final Output<String> executionRoleArn;

    public record Args(
            Settings settings,
            String service,
            int containerPort,
            ComputeSettings.ServiceSettings size,
            Output<String> clusterArn,
            Output<String> clusterName,
            Output<List<String>> subnetIds,
            Output<String> securityGroupId,
            Output<String> targetGroupArn,
            Output<String> containerDefinitions,
            List<String> volumes,
            Optional<Output<String>> taskPolicy,
            Output<String> executionPolicy,
            Output<String> assumeRolePolicy,
            List<Resource> taskDefinitionDependsOn,
            List<Resource> serviceDependsOn) {
    }

    public FargateService(String name, Args args, ComponentResourceOptions opts) {
        super("order-processing:compute:FargateService", name, opts);
        FargateSizes.require(args.service(), args.size().cpu(), args.size().memoryMiB());
        Settings settings = args.settings();
        ComputeSettings.TargetHealth health = settings.compute().targetHealth();

        Role taskRole = role(name + "-task-role", "what " + serviceName(args.service()) + " itself may call", args);
        args.taskPolicy().ifPresent(policy -> new RolePolicy(name + "-task-policy", RolePolicyArgs.builder()
                .role(taskRole.name()).policy(policy).build(), child()));
        Role executionRole = role(name + "-execution-role",
                "lets ECS start " + serviceName(args.service()) + ": image pull, logs, injected secrets", args);
        var executionPolicy = new RolePolicy(name + "-execution-policy", RolePolicyArgs.builder()
                .role(executionRole.name()).policy(args.executionPolicy()).build(), child());

        TaskDefinition task = new TaskDefinition(name + "-task", TaskDefinitionArgs.builder()
                .family(family(settings.env(), args.service()))
                .requiresCompatibilities("FARGATE")
                .networkMode("awsvpc")
                .cpu(Integer.toString(args.size().cpu()))
                .memory(Integer.toString(args.size().memoryMiB()))
                .runtimePlatform(TaskDefinitionRuntimePlatformArgs.builder()
                        .operatingSystemFamily("LINUX").cpuArchitecture("X86_64").build())
                .taskRoleArn(taskRole.arn())
                .executionRoleArn(executionRole.arn())
                .containerDefinitions(args.containerDefinitions())
                .volumes(args.volumes().stream().map(v -> TaskDefinitionVolumeArgs.builder().name(v).build()).toList())
                .tags(settings.tags("Service", args.service()))
                .build(), CustomResourceOptions.builder().parent(this)
                .dependsOn(concat(args.taskDefinitionDependsOn(), List.of(executionPolicy))).build());

        Service service = new Service(name, ServiceArgs.builder()
                .name(serviceName(args.service()))
                .cluster(args.clusterArn())
                .taskDefinition(task.arn())
                .desiredCount(args.size().desiredCount())
                .capacityProviderStrategies(ServiceCapacityProviderStrategyArgs.builder()
                        .capacityProvider("FARGATE").base(1).weight(1).build())
                .platformVersion("LATEST")
                .networkConfiguration(ServiceNetworkConfigurationArgs.builder()
                        .subnets(args.subnetIds())
                        .securityGroups(args.securityGroupId().applyValue(List::of))
                        .assignPublicIp(false)
                        .build())
                .loadBalancers(ServiceLoadBalancerArgs.builder()
                        .targetGroupArn(args.targetGroupArn())
                        .containerName(args.service())
                        .containerPort(args.containerPort())
                        .build())
                .deploymentCircuitBreaker(ServiceDeploymentCircuitBreakerArgs.builder().enable(true).rollback(true).build())
                .deploymentMinimumHealthyPercent(DEPLOYMENT_MINIMUM_HEALTHY_PERCENT)
                .deploymentMaximumPercent(DEPLOYMENT_MAXIMUM_PERCENT)
                .healthCheckGracePeriodSeconds(health.healthCheckGracePeriodSeconds())
                .enableEcsManagedTags(true)
                .propagateTags("SERVICE")
                .tags(settings.tags("Service", args.service()))
                .build(), CustomResourceOptions.builder().parent(this)
                .dependsOn(args.serviceDependsOn())
                // autoscaling owns the running count after the first deployment
                .ignoreChanges("desiredCount")
                .build());

        Target target = new Target(name + "-scaling", TargetArgs.builder()
                .serviceNamespace("ecs")
                .scalableDimension("ecs:service:DesiredCount")
                .resourceId(Output.tuple(args.clusterName(), service.name())
                        .applyValue(t -> "service/" + t.t1 + "/" + t.t2))
                .minCapacity(args.size().minCount())
                .maxCapacity(args.size().maxCount())
                .tags(settings.tags("Service", args.service()))
                .build(), child());
        scalingPolicy(name + "-cpu-scaling", target, "ECSServiceAverageCPUUtilization", CPU_TARGET_PERCENT, settings);
        scalingPolicy(name + "-memory-scaling", target, "ECSServiceAverageMemoryUtilization", MEMORY_TARGET_PERCENT,
                settings);

        this.serviceName = service.name();
        this.taskRoleArn = taskRole.arn();
        this.executionRoleArn = executionRole.arn();
        registerOutputs(Map.of("serviceName", serviceName, "taskRoleArn", taskRoleArn,
                "executionRoleArn", executionRoleArn));
    }

    /** {@code order-processor-backend} / {@code order-processor-frontend}, the names the plan's runbooks use. */
    public static String serviceName(String service) {
        return "order-processor-" + service;
    }

    /** Task definition families are account-wide, so they carry the environment. */
    public static String family(String environment, String service) {
        return "order-processor-" + service + "-" + environment;
    }

    private Role role(String name, String description, Args args) {
        return new Role(name, RoleArgs.builder()
                .description(description)
                .assumeRolePolicy(args.assumeRolePolicy())
                .tags(args.settings().tags("Service", args.service()))
                .build(), child());
    }

    private void scalingPolicy(String name, Target target, String metric, double targetPercent, Settings settings) {
        ComputeSettings.Scaling scaling = settings.compute().scaling();
        new Policy(name, PolicyArgs.builder()
                .policyType("TargetTrackingScaling")
                .serviceNamespace(target.serviceNamespace())
                .scalableDimension(target.scalableDimension())
                .resourceId(target.resourceId())
                .targetTrackingScalingPolicyConfiguration(PolicyTargetTrackingScalingPolicyConfigurationArgs.builder()
                        .predefinedMetricSpecification(
                                PolicyTargetTrackingScalingPolicyConfigurationPredefinedMetricSpecificationArgs.builder()
                                        .predefinedMetricType(metric).build())
                        .targetValue(targetPercent)
                        .scaleOutCooldown(scaling.scaleOutCooldownSeconds())
                        .scaleInCooldown(scaling.scaleInCooldownSeconds())
                        .build())
                .build(), child());
    }

    private static List<Resource> concat(List<Resource> a, List<Resource> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }

    private CustomResourceOptions child() {
        return CustomResourceOptions.builder().parent(this).build();
    }

    public Output<String> serviceName() {
        return serviceName;
    }

    public Output<String> taskRoleArn() {
        return taskRoleArn;
    }

    public Output<String> executionRoleArn() {
        return executionRoleArn;
    }
}

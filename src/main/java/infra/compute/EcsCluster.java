package infra.compute;

import com.pulumi.aws.ecs.Cluster;
import com.pulumi.aws.ecs.ClusterArgs;
import com.pulumi.aws.ecs.ClusterCapacityProviders;
import com.pulumi.aws.ecs.ClusterCapacityProvidersArgs;
import com.pulumi.aws.ecs.inputs.ClusterCapacityProvidersDefaultCapacityProviderStrategyArgs;
import com.pulumi.aws.ecs.inputs.ClusterSettingArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import infra.config.Settings;

import java.util.Map;

/** The environment's ECS cluster with Container Insights and the Fargate capacity providers. */
public final class EcsCluster extends ComponentResource {
    private final Output<String> clusterName;
    private final Output<String> clusterArn;
    private final ClusterCapacityProviders capacityProviders;

    public record Args(Settings settings) {
    }

    public EcsCluster(String name, Args args, ComponentResourceOptions opts) {
        super("order-processing:compute:EcsCluster", name, opts);
        Settings settings = args.settings();
        Cluster cluster = new Cluster(name, ClusterArgs.builder()
                .name(clusterName(settings.env()))
                .settings(ClusterSettingArgs.builder().name("containerInsights").value("enabled").build())
                .tags(settings.tags())
                .build(), CustomResourceOptions.builder().parent(this).build());
        this.capacityProviders = new ClusterCapacityProviders(name + "-capacity", ClusterCapacityProvidersArgs.builder()
                .clusterName(cluster.name())
                .capacityProviders("FARGATE", "FARGATE_SPOT")
                .defaultCapacityProviderStrategies(ClusterCapacityProvidersDefaultCapacityProviderStrategyArgs.builder()
                        .capacityProvider("FARGATE").base(1).weight(1).build())
                .build(), CustomResourceOptions.builder().parent(this).build());
        this.clusterName = cluster.name();
        this.clusterArn = cluster.arn();
        registerOutputs(Map.of("clusterName", clusterName, "clusterArn", clusterArn));
    }

    /** {@code order-processing-<env>}; the plan's runbooks address the cluster by this name. */
    public static String clusterName(String environment) {
        return Settings.PROJECT + "-" + environment;
    }

    public Output<String> clusterName() {
        return clusterName;
    }

    public Output<String> clusterArn() {
        return clusterArn;
    }

    /** Services wait for this so their capacity provider strategy exists on the cluster. */
    public Resource capacityProviders() {
        return capacityProviders;
    }
}

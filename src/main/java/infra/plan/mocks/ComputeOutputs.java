package infra.plan.mocks;

import infra.plan.MockOutputs;
import infra.plan.MockOutputs.Rule;

import java.util.Map;

/** Mocked computed outputs for ECR, ECS, load balancer, IAM roles for tasks, autoscaling (issue 5). */
public final class ComputeOutputs {
    private ComputeOutputs() {
    }

    public static void register(Map<String, Rule> rules) {
        rules.put("aws:lb/loadBalancer:LoadBalancer", (name, in, out, env) -> {
            String physical = MockOutputs.physicalName("aws:lb/loadBalancer:LoadBalancer", name, in);
            String suffix = "app/" + physical + "/" + hex16("alb/" + name);
            String arn = env.arn("elasticloadbalancing", "loadbalancer/" + suffix);
            out.put("name", physical);
            out.put("arn", arn);
            out.put("arnSuffix", suffix);
            out.put("dnsName", physical + "-" + digits("alb/" + name) + "." + env.region() + ".elb.amazonaws.com");
            out.put("zoneId", "Z35SXDOTRQ7X7K");
            return arn;
        });
        rules.put("aws:lb/targetGroup:TargetGroup", (name, in, out, env) -> {
            String physical = MockOutputs.physicalName("aws:lb/targetGroup:TargetGroup", name, in);
            String suffix = "targetgroup/" + physical + "/" + hex16("tg/" + name);
            String arn = env.arn("elasticloadbalancing", suffix);
            out.put("name", physical);
            out.put("arn", arn);
            out.put("arnSuffix", suffix);
            return arn;
        });
        rules.put("aws:lb/listener:Listener", (name, in, out, env) -> {
            String lb = MockOutputs.str(in, "loadBalancerArn", env.arn("elasticloadbalancing", "loadbalancer/app/unknown/0"));
            String arn = lb.replace(":loadbalancer/", ":listener/") + "/" + hex16("listener/" + name);
            out.put("arn", arn);
            return arn;
        });
        rules.put("aws:lb/listenerRule:ListenerRule", (name, in, out, env) -> {
            String listener = MockOutputs.str(in, "listenerArn", env.arn("elasticloadbalancing", "listener/app/unknown/0/0"));
            String arn = listener.replace(":listener/", ":listener-rule/") + "/" + hex16("rule/" + name);
            out.put("arn", arn);
            return arn;
        });
        rules.put("aws:ecr/repository:Repository", (name, in, out, env) -> {
            String repo = MockOutputs.physicalName("aws:ecr/repository:Repository", name, in);
            out.put("name", repo);
            out.put("arn", env.arn("ecr", "repository/" + repo));
            out.put("registryId", env.account());
            out.put("repositoryUrl", env.account() + ".dkr.ecr." + env.region() + ".amazonaws.com/" + repo);
            return repo;
        });
        rules.put("aws:ecr/lifecyclePolicy:LifecyclePolicy", (name, in, out, env) -> {
            out.put("registryId", env.account());
            return MockOutputs.str(in, "repository", name);
        });
        rules.put("aws:ecs/cluster:Cluster", (name, in, out, env) -> {
            String cluster = MockOutputs.physicalName("aws:ecs/cluster:Cluster", name, in);
            String arn = env.arn("ecs", "cluster/" + cluster);
            out.put("name", cluster);
            out.put("arn", arn);
            return arn;
        });
        rules.put("aws:ecs/clusterCapacityProviders:ClusterCapacityProviders",
                (name, in, out, env) -> MockOutputs.str(in, "clusterName", name));
        rules.put("aws:ecs/taskDefinition:TaskDefinition", (name, in, out, env) -> {
            String family = MockOutputs.str(in, "family", name);
            out.put("arn", env.arn("ecs", "task-definition/" + family + ":1"));
            out.put("arnWithoutRevision", env.arn("ecs", "task-definition/" + family));
            out.put("revision", 1);
            return family;
        });
        rules.put("aws:ecs/service:Service", (name, in, out, env) -> {
            String service = MockOutputs.physicalName("aws:ecs/service:Service", name, in);
            String cluster = MockOutputs.str(in, "cluster", "default");
            String clusterName = cluster.substring(cluster.lastIndexOf('/') + 1);
            String arn = env.arn("ecs", "service/" + clusterName + "/" + service);
            out.put("name", service);
            return arn;
        });
        rules.put("aws:iam/role:Role", (name, in, out, env) -> {
            String role = MockOutputs.physicalName("aws:iam/role:Role", name, in);
            out.put("name", role);
            out.put("arn", env.globalArn("iam", "role/" + role));
            out.put("uniqueId", "AROA" + hex16("role/" + name).toUpperCase(java.util.Locale.ROOT));
            return role;
        });
        rules.put("aws:iam/rolePolicy:RolePolicy", (name, in, out, env) -> {
            String policy = MockOutputs.physicalName("aws:iam/rolePolicy:RolePolicy", name, in);
            out.put("name", policy);
            return MockOutputs.str(in, "role", "role") + ":" + policy;
        });
        rules.put("aws:s3/bucketV2:BucketV2", (name, in, out, env) -> {
            String bucket = MockOutputs.str(in, "bucket", name + "-" + MockOutputs.suffix("bucket/" + name));
            out.put("bucket", bucket);
            out.put("arn", "arn:" + env.partition() + ":s3:::" + bucket);
            out.put("bucketDomainName", bucket + ".s3.amazonaws.com");
            out.put("bucketRegionalDomainName", bucket + ".s3." + env.region() + ".amazonaws.com");
            out.put("region", env.region());
            return bucket;
        });
        rules.put("aws:appautoscaling/target:Target", (name, in, out, env) -> {
            String resourceId = MockOutputs.str(in, "resourceId", name);
            out.put("arn", env.arn("application-autoscaling", "scalable-target/" + hex16("target/" + name)));
            return resourceId;
        });
        rules.put("aws:appautoscaling/policy:Policy", (name, in, out, env) -> {
            String policy = MockOutputs.physicalName("aws:appautoscaling/policy:Policy", name, in);
            out.put("name", policy);
            out.put("arn", env.arn("autoscaling", "scalingPolicy:" + uuid(name) + ":resource/ecs/"
                    + MockOutputs.str(in, "resourceId", "") + ":policyName/" + policy));
            return policy;
        });
    }

    /** A stable 16-hex-digit id, the form of load balancer and target group ids. */
    static String hex16(String seed) {
        long h = (seed.hashCode() * 0x9E3779B97F4A7C15L) ^ ((long) new StringBuilder(seed).reverse().toString().hashCode() << 32);
        return String.format("%016x", h);
    }

    private static String digits(String seed) {
        return Long.toString(1_000_000_000L + Math.floorMod(seed.hashCode(), 999_999_999L));
    }

    private static String uuid(String seed) {
        String h = hex16(seed) + hex16(seed + "#");
        return h.substring(0, 8) + "-" + h.substring(8, 12) + "-" + h.substring(12, 16) + "-" + h.substring(16, 20) + "-"
                + h.substring(20, 32);
    }
}

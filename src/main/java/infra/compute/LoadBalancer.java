package infra.compute;

import com.pulumi.aws.lb.Listener;
import com.pulumi.aws.lb.ListenerArgs;
import com.pulumi.aws.lb.ListenerRule;
import com.pulumi.aws.lb.ListenerRuleArgs;
import com.pulumi.aws.lb.TargetGroup;
import com.pulumi.aws.lb.TargetGroupArgs;
import com.pulumi.aws.lb.inputs.ListenerDefaultActionArgs;
import com.pulumi.aws.lb.inputs.ListenerDefaultActionRedirectArgs;
import com.pulumi.aws.lb.inputs.ListenerRuleActionArgs;
import com.pulumi.aws.lb.inputs.ListenerRuleConditionArgs;
import com.pulumi.aws.lb.inputs.ListenerRuleConditionPathPatternArgs;
import com.pulumi.aws.lb.inputs.LoadBalancerAccessLogsArgs;
import com.pulumi.aws.lb.inputs.TargetGroupHealthCheckArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import infra.config.ComputeSettings;
import infra.config.Settings;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The internet-facing Application Load Balancer: access logs to the log bucket, invalid header
 * fields dropped, defensive desync mitigation; {@code /api/*} goes to the backend target group and
 * everything else to the frontend. HTTP 80 forwards, as the plan runs today; with a certificate,
 * HTTPS 443 serves and HTTP only redirects to it.
 */
public final class LoadBalancer extends ComponentResource {
    /** TLS 1.3 with TLS 1.2 fallback, the ELB policy family security control B8 recommends. */
    public static final String TLS_POLICY = "ELBSecurityPolicy-TLS13-1-2-2021-06";
    public static final String API_PATH_PATTERN = "/api/*";
    public static final int API_RULE_PRIORITY = 10;

    private final com.pulumi.aws.lb.LoadBalancer alb;
    private final TargetGroup backend;
    private final TargetGroup frontend;
    private final List<Resource> routing = new ArrayList<>();

    public record Args(
            Settings settings,
            Output<String> vpcId,
            Output<List<String>> publicSubnetIds,
            Output<String> securityGroupId,
            Output<String> accessLogBucketName,
            Resource accessLogBucketPolicy,
            int backendPort,
            int frontendPort) {
    }

    public LoadBalancer(String name, Args args, ComponentResourceOptions opts) {
        super("order-processing:compute:LoadBalancer", name, opts);
        Settings settings = args.settings();
        ComputeSettings compute = settings.compute();
        Optional<String> certificate = settings.features().https() ? compute.certificateArn() : Optional.empty();

        this.alb = new com.pulumi.aws.lb.LoadBalancer(name, com.pulumi.aws.lb.LoadBalancerArgs.builder()
                .loadBalancerType("application")
                .internal(false)
                .securityGroups(args.securityGroupId().applyValue(List::of))
                .subnets(args.publicSubnetIds())
                .dropInvalidHeaderFields(true)
                .desyncMitigationMode("defensive")
                .enableDeletionProtection(compute.albDeletionProtection())
                .accessLogs(LoadBalancerAccessLogsArgs.builder()
                        .enabled(true).bucket(args.accessLogBucketName()).prefix(AccessLogBucket.PREFIX).build())
                .tags(settings.tags())
                .build(), CustomResourceOptions.builder().parent(this).dependsOn(args.accessLogBucketPolicy()).build());

        this.backend = targetGroup(name + "-backend", args, args.backendPort(),
                compute.backendRuntime().healthCheckPath(), "backend");
        this.frontend = targetGroup(name + "-frontend", args, args.frontendPort(),
                compute.frontendRuntime().healthCheckPath(), "frontend");

        Listener serving;
        if (certificate.isPresent()) {
            serving = new Listener(name + "-https", ListenerArgs.builder()
                    .loadBalancerArn(alb.arn()).port(443).protocol("HTTPS")
                    .sslPolicy(TLS_POLICY).certificateArn(certificate.get())
                    .defaultActions(forwardTo(frontend))
                    .tags(settings.tags())
                    .build(), child());
            routing.add(new Listener(name + "-http", ListenerArgs.builder()
                    .loadBalancerArn(alb.arn()).port(80).protocol("HTTP")
                    .defaultActions(ListenerDefaultActionArgs.builder()
                            .type("redirect")
                            .redirect(ListenerDefaultActionRedirectArgs.builder()
                                    .protocol("HTTPS").port("443").statusCode("HTTP_301").build())
                            .build())
                    .tags(settings.tags())
                    .build(), child()));
        } else {
            serving = new Listener(name + "-http", ListenerArgs.builder()
                    .loadBalancerArn(alb.arn()).port(80).protocol("HTTP")
                    .defaultActions(forwardTo(frontend))
                    .tags(settings.tags())
                    .build(), child());
        }
        routing.add(serving);
        routing.add(new ListenerRule(name + "-api", ListenerRuleArgs.builder()
                .listenerArn(serving.arn())
                .priority(API_RULE_PRIORITY)
                .conditions(ListenerRuleConditionArgs.builder()
                        .pathPattern(ListenerRuleConditionPathPatternArgs.builder().values(API_PATH_PATTERN).build())
                        .build())
                .actions(ListenerRuleActionArgs.builder().type("forward").targetGroupArn(backend.arn()).build())
                .tags(settings.tags())
                .build(), child()));

        registerOutputs(Map.of(
                "albArn", alb.arn(),
                "albArnSuffix", alb.arnSuffix(),
                "albDnsName", alb.dnsName(),
                "backendTargetGroupArnSuffix", backend.arnSuffix(),
                "frontendTargetGroupArnSuffix", frontend.arnSuffix()));
    }

    private TargetGroup targetGroup(String name, Args args, int port, String healthPath, String service) {
        ComputeSettings.TargetHealth health = args.settings().compute().targetHealth();
        return new TargetGroup(name, TargetGroupArgs.builder()
                .targetType("ip")
                .protocol("HTTP")
                .port(port)
                .vpcId(args.vpcId())
                .deregistrationDelay(health.deregistrationDelaySeconds())
                .healthCheck(TargetGroupHealthCheckArgs.builder()
                        .enabled(true)
                        .protocol("HTTP")
                        .path(healthPath)
                        .port("traffic-port")
                        .matcher("200")
                        .interval(health.intervalSeconds())
                        .timeout(health.timeoutSeconds())
                        .healthyThreshold(health.healthyThreshold())
                        .unhealthyThreshold(health.unhealthyThreshold())
                        .build())
                .tags(args.settings().tags("Service", service))
                .build(), child());
    }

    private static ListenerDefaultActionArgs forwardTo(TargetGroup group) {
        return ListenerDefaultActionArgs.builder().type("forward").targetGroupArn(group.arn()).build();
    }

    private CustomResourceOptions child() {
        return CustomResourceOptions.builder().parent(this).build();
    }

    public Output<String> albArn() {
        return alb.arn();
    }

    public Output<String> albArnSuffix() {
        return alb.arnSuffix();
    }

    public Output<String> albDnsName() {
        return alb.dnsName();
    }

    public Output<String> backendTargetGroupArn() {
        return backend.arn();
    }

    public Output<String> frontendTargetGroupArn() {
        return frontend.arn();
    }

    public Output<String> backendTargetGroupArnSuffix() {
        return backend.arnSuffix();
    }

    public Output<String> frontendTargetGroupArnSuffix() {
        return frontend.arnSuffix();
    }

    /** Listeners and the API rule; services are created after these so ECS can register targets. */
    public List<Resource> routing() {
        return List.copyOf(routing);
    }
}

package infra.observability;

import com.pulumi.aws.cloudwatch.LogGroup;
import com.pulumi.aws.cloudwatch.LogGroupArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import infra.config.Environment;
import infra.config.Settings;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Every log group of the stack, declared in one place with the plan's retention and the logs key,
 * before any service could create one implicitly (AWS would then keep it forever, unencrypted).
 * Services take their groups from here: {@link #ecs}, {@link #producer}, {@link #flowLogs},
 * {@link #aurora}, {@link #waf} (when WAF is on) and {@link #cloudTrail} (when CloudTrail is on).
 */
public final class LogGroups extends ComponentResource {
    /** The ECS services whose container logs the plan names. */
    public static final java.util.List<String> ECS_SERVICES = java.util.List.of("backend", "frontend");

    private final Map<String, LogGroup> groups = new LinkedHashMap<>();
    private final Map<String, LogGroup> ecs = new LinkedHashMap<>();
    private final LogGroup producer;
    private final LogGroup flowLogs;
    private final LogGroup aurora;
    private final Optional<LogGroup> waf;
    private final Optional<LogGroup> cloudTrail;

    public LogGroups(String name, LogGroupsArgs args, ComponentResourceOptions options) {
        super("order-processing:observability:LogGroups", name, options);
        Settings settings = args.settings();
        Environment env = settings.environment();

        for (String service : ECS_SERVICES) {
            ecs.put(service, group(name, "ecs-" + service, LogGroupNames.ecs(env, service), args));
        }
        producer = group(name, "producer", LogGroupNames.producer(env), args);
        flowLogs = group(name, "flow-logs", LogGroupNames.flowLogs(env), args);
        aurora = group(name, "aurora", LogGroupNames.aurora(env), args);
        waf = settings.features().waf()
                ? Optional.of(group(name, "waf", LogGroupNames.waf(env), args)) : Optional.empty();
        cloudTrail = settings.security().cloudTrailEnabled()
                ? Optional.of(group(name, "cloudtrail", LogGroupNames.cloudTrail(env), args)) : Optional.empty();

        registerOutputs(Map.of("logGroupNames", names(), "logGroupArns", arns()));
    }

    /** The container log group of an ECS service ({@code backend} or {@code frontend}). */
    public LogGroup ecs(String service) {
        LogGroup group = ecs.get(service);
        if (group == null) {
            throw new IllegalArgumentException("no ECS log group for service '" + service + "'; known: " + ECS_SERVICES);
        }
        return group;
    }

    public LogGroup producer() {
        return producer;
    }

    public LogGroup flowLogs() {
        return flowLogs;
    }

    /** Aurora's {@code postgresql} export; its name fixes the cluster identifier (see {@link LogGroupNames#aurora}). */
    public LogGroup aurora() {
        return aurora;
    }

    /** Present when {@code wafEnabled}. */
    public Optional<LogGroup> waf() {
        return waf;
    }

    /** Present when {@code cloudTrailEnabled}. */
    public Optional<LogGroup> cloudTrail() {
        return cloudTrail;
    }

    /** Every declared group by role: {@code ecs-backend}, {@code ecs-frontend}, {@code producer}, {@code flow-logs}, {@code aurora}, {@code waf}, {@code cloudtrail}. */
    public Map<String, LogGroup> all() {
        return java.util.Collections.unmodifiableMap(groups);
    }

    /** Role to log group name, as a stack output for runbooks. */
    public Output<Map<String, String>> names() {
        return collect(LogGroup::name);
    }

    public Output<Map<String, String>> arns() {
        return collect(LogGroup::arn);
    }

    private Output<Map<String, String>> collect(java.util.function.Function<LogGroup, Output<String>> field) {
        java.util.List<String> keys = java.util.List.copyOf(groups.keySet());
        return Output.all(groups.values().stream().map(field).collect(Collectors.toList())).applyValue(values -> {
            Map<String, String> out = new LinkedHashMap<>();
            for (int i = 0; i < keys.size(); i++) {
                out.put(keys.get(i), values.get(i));
            }
            return out;
        });
    }

    /** A group named {@code <component>-<role>} (identity; renames need aliases). */
    private LogGroup group(String componentName, String role, String logGroupName, LogGroupsArgs args) {
        boolean protect = args.settings().data().protectStatefulResources();
        LogGroup group = new LogGroup(componentName + "-" + role, LogGroupArgs.builder()
                .name(logGroupName)
                .retentionInDays(args.settings().observability().logRetentionDays())
                .kmsKeyId(args.logsKeyArn())
                .tags(args.settings().tags())
                .build(), CustomResourceOptions.builder().parent(this).protect(protect).retainOnDelete(protect).build());
        groups.put(role, group);
        return group;
    }
}

package policy.rules.stack;

import policy.rules.StackRule;
import policy.rules.Types;
import policy.sdk.EnforcementLevel;
import policy.sdk.Outcome;
import policy.sdk.PolicyContext;
import policy.sdk.PolicyInfo;
import policy.sdk.PropertyValue;
import policy.sdk.ResourceView;
import policy.sdk.Severity;
import policy.sdk.StackView;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Every log group a resource writes to is declared in the stack as an
 * {@code aws:cloudwatch/logGroup:LogGroup}, so retention and encryption rules apply to it instead of
 * the service creating it unencrypted and never-expiring. Writers: task definitions
 * ({@code awslogs-group} of awslogs containers), Lambda functions ({@code loggingConfig.logGroup},
 * else {@code /aws/lambda/<name>}), flow logs to CloudWatch Logs ({@code logGroupName} or
 * {@code logDestination}), Aurora exports ({@code /aws/rds/cluster/<id>/<type>}) and trails
 * ({@code cloudWatchLogsGroupArn}). A log group still unnamed during preview counts as declared when
 * the writer's property depends on it.
 */
public final class LogDestinationsDeclared extends StackRule {
    private static final PolicyInfo INFO = PolicyInfo.builder("log-destinations-declared")
            .description("Every log group that tasks, functions, flow logs, database exports and trails write to is declared in the stack")
            .level(EnforcementLevel.MANDATORY).severity(Severity.MEDIUM)
            .controls("AU-11", "H3", "CloudWatch.16")
            .remediation("Declare an aws.cloudwatch.LogGroup with that exact name, retention and KMS key (LogGroups does this "
                    + "from infra.observability.LogGroupNames), and point the writer at it")
            .build();

    public LogDestinationsDeclared() {
        super(INFO, Types.union(Types.TASK_DEFINITION, Types.FUNCTION, Types.FLOW_LOG, Types.DB_CLUSTER, Types.TRAIL));
    }

    /** One log group a resource writes to, and the property that names it. */
    private record Destination(String property, String logGroup) {
    }

    @Override
    public Outcome validate(StackView stack, PolicyContext context) {
        List<ResourceView> groups = Lookup.all(stack, Types.LOG_GROUP);
        Set<String> declared = new LinkedHashSet<>();
        groups.stream().filter(g -> !g.prop("name").isUnknown()).forEach(g -> g.prop("name").string().ifPresent(declared::add));
        Outcome.Findings findings = Outcome.findings();
        for (ResourceView writer : stack.resources()) {
            for (Destination d : destinations(writer)) {
                boolean viaDependency = writer.propertyDependencies().getOrDefault(d.property(), List.of()).stream()
                        .anyMatch(g -> Types.is(g, Types.LOG_GROUP) && g.prop("name").isUnknown());
                if (!declared.contains(d.logGroup()) && !viaDependency) {
                    findings.add(writer.urn(), kind(writer) + " '" + writer.name() + "' writes to log group '" + d.logGroup()
                            + "' that the stack does not declare");
                }
            }
        }
        return findings.outcome();
    }

    private static String kind(ResourceView r) {
        return Types.is(r, Types.TASK_DEFINITION) ? "task definition" : Types.is(r, Types.FUNCTION) ? "function"
                : Types.is(r, Types.FLOW_LOG) ? "flow log" : Types.is(r, Types.DB_CLUSTER) ? "cluster" : "trail";
    }

    /** A destination still unknown during preview whose property depends on a declared log group. */
    private static boolean linkedWhileUnknown(ResourceView r, String path, String property) {
        return r.prop(path).isUnknown()
                && r.propertyDependencies().getOrDefault(property, List.of()).stream().anyMatch(g -> Types.is(g, Types.LOG_GROUP));
    }

    private static List<Destination> destinations(ResourceView r) {
        List<Destination> out = new ArrayList<>();
        if (Types.is(r, Types.TASK_DEFINITION)) {
            for (PropertyValue container : r.prop("containerDefinitions").json().map(PropertyValue::items).orElse(List.of())) {
                PropertyValue logging = container.get("logConfiguration");
                if ("awslogs".equals(logging.get("logDriver").string().orElse(""))) {
                    logging.get("options").get("awslogs-group").string()
                            .ifPresent(g -> out.add(new Destination("containerDefinitions", g)));
                }
            }
        } else if (linkedWhileUnknown(r, "loggingConfig.logGroup", "loggingConfig")
                || linkedWhileUnknown(r, "logDestination", "logDestination")
                || linkedWhileUnknown(r, "cloudWatchLogsGroupArn", "cloudWatchLogsGroupArn")) {
            return out;
        } else if (Types.is(r, Types.FUNCTION)) {
            String group = r.prop("loggingConfig.logGroup").string()
                    .orElseGet(() -> "/aws/lambda/" + r.prop("name").string().orElseThrow(() -> new IllegalStateException("function has no name")));
            out.add(new Destination("loggingConfig", group));
        } else if (Types.is(r, Types.FLOW_LOG)) {
            if ("cloud-watch-logs".equals(r.prop("logDestinationType").string().orElse("cloud-watch-logs"))) {
                r.prop("logGroupName").string().map(g -> new Destination("logGroupName", g))
                        .or(() -> r.prop("logDestination").string().map(a -> new Destination("logDestination", Lookup.logGroupName(a))))
                        .ifPresent(out::add);
            }
        } else if (Types.is(r, Types.DB_CLUSTER)) {
            List<String> exports = r.prop("enabledCloudwatchLogsExports").stringList();
            if (!exports.isEmpty()) {
                String id = r.prop("clusterIdentifier").string().orElseThrow(() -> new IllegalStateException("cluster has no clusterIdentifier"));
                exports.forEach(type -> out.add(new Destination("enabledCloudwatchLogsExports", "/aws/rds/cluster/" + id + "/" + type)));
            }
        } else if (Types.is(r, Types.TRAIL)) {
            r.prop("cloudWatchLogsGroupArn").string().ifPresent(a -> out.add(new Destination("cloudWatchLogsGroupArn", Lookup.logGroupName(a))));
        }
        return out;
    }
}

package infra.observability;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import infra.plan.CapturedResource;
import infra.plan.RenderedStack;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Finds every log group a rendered stack writes to (ECS task definitions, Lambda functions, VPC
 * flow logs, Aurora log exports, WAF logging, CloudTrail) and reports those no
 * {@code aws:cloudwatch/logGroup:LogGroup} declares: AWS would create them implicitly, without
 * retention or encryption. A Lambda function without {@code loggingConfig.logGroup} writes to
 * {@code /aws/lambda/<function name>}.
 */
public final class LogGroupReferences {
    private LogGroupReferences() {
    }

    /** One resource writing to one log group. */
    public record Reference(String resourceType, String resourceName, String logGroupName) {
        @Override
        public String toString() {
            return resourceType + " '" + resourceName + "' writes to " + logGroupName;
        }
    }

    public static Set<String> declared(RenderedStack stack) {
        return stack.ofType("aws:cloudwatch/logGroup:LogGroup").stream()
                .map(r -> r.input("name").map(String::valueOf).orElse(String.valueOf(r.outputMap().get("name"))))
                .collect(Collectors.toCollection(java.util.TreeSet::new));
    }

    public static List<Reference> referenced(RenderedStack stack) {
        List<Reference> refs = new ArrayList<>();
        // canonical order: the report lists writers the same way on every run, whatever the registration order
        for (CapturedResource r : stack.canonicalResources()) {
            switch (r.type()) {
                case "aws:ecs/taskDefinition:TaskDefinition" -> r.input("containerDefinitions")
                        .ifPresent(json -> awslogsGroups(String.valueOf(json)).forEach(g -> refs.add(ref(r, g))));
                case "aws:lambda/function:Function" -> {
                    Optional<Object> configured = r.input("loggingConfig.logGroup");
                    String functionName = r.input("name").map(String::valueOf)
                            .orElse(String.valueOf(r.outputMap().getOrDefault("name", r.name())));
                    refs.add(ref(r, configured.map(String::valueOf).orElse("/aws/lambda/" + functionName)));
                }
                case "aws:ec2/flowLog:FlowLog" -> {
                    boolean toLogs = r.input("logDestinationType").map(t -> t.equals("cloud-watch-logs")).orElse(true);
                    if (toLogs) {
                        r.input("logDestination").map(a -> nameFromArn(String.valueOf(a)))
                                .or(() -> r.input("logGroupName").map(String::valueOf))
                                .ifPresent(g -> refs.add(ref(r, g)));
                    }
                }
                case "aws:rds/cluster:Cluster" -> {
                    Object identifier = r.input("clusterIdentifier").orElse(r.outputMap().get("clusterIdentifier"));
                    r.input("enabledCloudwatchLogsExports").ifPresent(types -> ((List<?>) types).forEach(
                            t -> refs.add(ref(r, "/aws/rds/cluster/" + identifier + "/" + t))));
                }
                case "aws:wafv2/webAclLoggingConfiguration:WebAclLoggingConfiguration" ->
                        r.input("logDestinationConfigs").ifPresent(arns -> ((List<?>) arns).stream()
                                .map(a -> String.valueOf(a)).filter(a -> a.contains(":logs:"))
                                .forEach(a -> refs.add(ref(r, nameFromArn(a)))));
                case "aws:cloudtrail/trail:Trail" -> r.input("cloudWatchLogsGroupArn")
                        .ifPresent(a -> refs.add(ref(r, nameFromArn(String.valueOf(a)))));
                default -> {
                }
            }
        }
        return refs;
    }

    /** The references whose log group the stack does not declare. */
    public static List<Reference> undeclared(RenderedStack stack) {
        Set<String> declared = declared(stack);
        return referenced(stack).stream().filter(ref -> !declared.contains(ref.logGroupName())).collect(Collectors.toList());
    }

    /** {@code arn:aws:logs:<region>:<account>:log-group:<name>} with or without a trailing {@code :*}. */
    static String nameFromArn(String arn) {
        int at = arn.indexOf(":log-group:");
        if (at < 0) {
            return arn;
        }
        String name = arn.substring(at + ":log-group:".length());
        return name.endsWith(":*") ? name.substring(0, name.length() - 2) : name;
    }

    private static List<String> awslogsGroups(String containerDefinitions) {
        List<String> groups = new ArrayList<>();
        for (JsonElement container : JsonParser.parseString(containerDefinitions).getAsJsonArray()) {
            var c = container.getAsJsonObject();
            if (c.has("logConfiguration")) {
                var log = c.getAsJsonObject("logConfiguration");
                if ("awslogs".equals(log.get("logDriver").getAsString()) && log.has("options")) {
                    Map<String, JsonElement> options = log.getAsJsonObject("options").asMap();
                    if (options.containsKey("awslogs-group")) {
                        groups.add(options.get("awslogs-group").getAsString());
                    }
                }
            }
        }
        return groups;
    }

    private static Reference ref(CapturedResource r, String group) {
        return new Reference(r.type(), r.name(), group);
    }
}

package policy.rules.tags;

import com.google.gson.JsonObject;
import policy.rules.ResourceRule;
import policy.sdk.ConfigSchema;
import policy.sdk.EnforcementLevel;
import policy.sdk.Outcome;
import policy.sdk.PolicyContext;
import policy.sdk.PolicyInfo;
import policy.sdk.PropertyEdit;
import policy.sdk.PropertyValue;
import policy.sdk.ResourceView;
import policy.sdk.Severity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every taggable AWS resource carries the required tag keys, through its own {@code tags} or the
 * provider's {@code defaultTags}, and its {@code Environment} tag names the stack's environment:
 * the policy config's {@code environment}, else the stack's {@code order-processing:environment}
 * setting, else the stack name.
 * A resource is taggable when its token is in {@link #TAGGABLE} or it has a {@code tags} input.
 */
public final class TaggableResourcesCarryRequiredTags extends ResourceRule {
    public static final String NAME = "taggable-resources-carry-required-tags";
    static final String ENVIRONMENT_TAG = "Environment";
    /** The stack setting that names the environment (Pulumi.<stack>.yaml), as ConfigureStack sends it. */
    public static final String ENVIRONMENT_SETTING = "order-processing:environment";

    /** Tokens of this stack's taggable resources, which must be tagged even when they omit {@code tags}. */
    static final Set<String> TAGGABLE = Set.of(
            "aws:ec2/vpc:Vpc", "aws:ec2/subnet:Subnet", "aws:ec2/routeTable:RouteTable",
            "aws:ec2/internetGateway:InternetGateway", "aws:ec2/natGateway:NatGateway", "aws:ec2/eip:Eip",
            "aws:ec2/securityGroup:SecurityGroup", "aws:ec2/networkAcl:NetworkAcl", "aws:ec2/flowLog:FlowLog",
            "aws:ec2/vpcEndpoint:VpcEndpoint", "aws:lb/loadBalancer:LoadBalancer", "aws:alb/loadBalancer:LoadBalancer",
            "aws:lb/targetGroup:TargetGroup", "aws:alb/targetGroup:TargetGroup", "aws:lb/listener:Listener",
            "aws:alb/listener:Listener", "aws:ecs/cluster:Cluster", "aws:ecs/service:Service",
            "aws:ecs/taskDefinition:TaskDefinition", "aws:ecr/repository:Repository", "aws:rds/cluster:Cluster",
            "aws:rds/clusterInstance:ClusterInstance", "aws:rds/subnetGroup:SubnetGroup",
            "aws:rds/clusterParameterGroup:ClusterParameterGroup", "aws:sqs/queue:Queue", "aws:sns/topic:Topic",
            "aws:kms/key:Key", "aws:cloudwatch/logGroup:LogGroup", "aws:cloudwatch/metricAlarm:MetricAlarm",
            "aws:cloudwatch/eventRule:EventRule", "aws:lambda/function:Function", "aws:iam/role:Role",
            "aws:s3/bucketV2:BucketV2", "aws:s3/bucket:Bucket", "aws:secretsmanager/secret:Secret",
            "aws:cloudtrail/trail:Trail", "aws:guardduty/detector:Detector");

    private static final PolicyInfo INFO = PolicyInfo.builder(NAME)
            .description("Taggable AWS resources carry the required tags, and Environment names the stack's environment")
            .level(EnforcementLevel.MANDATORY).severity(Severity.LOW)
            .controls("CM-8", "L6", "Tagging standard")
            .remediation("Add the missing keys to the provider's defaultTags (aws:defaultTags in Pulumi.<stack>.yaml)",
                    "or pass settings.tags(...) to the resource's tags",
                    "Set Environment to the stack's environment")
            .config(ConfigSchema.builder()
                    .stringList("requiredTags", List.of("Environment", "Project"), "Tag keys every taggable resource carries")
                    .string("environment", "", "Expected Environment tag value; empty means the stack's "
                            + ENVIRONMENT_SETTING + " setting, or the stack name when that is unset")
                    .property("tagValues", tagValuesSchema())
                    .build())
            .build();

    public TaggableResourcesCarryRequiredTags() {
        super(INFO, Set.of());
    }

    @Override
    public Outcome validate(ResourceView resource, PolicyContext context) {
        if (!isTaggable(resource)) {
            return Outcome.notApplicable("'" + resource.type() + "' is not a taggable AWS resource");
        }
        Map<String, String> tags = effectiveTags(resource);
        List<String> missing = missing(tags, context);
        List<String> problems = new ArrayList<>();
        if (!missing.isEmpty()) {
            problems.add("lacks tag(s) " + String.join(", ", missing));
        }
        Expected expected = expectedEnvironment(context);
        String actual = tags.get(ENVIRONMENT_TAG);
        if (actual != null && !expected.value().isEmpty() && !expected.value().equals(actual)) {
            problems.add(expected.secret()
                    ? "has Environment '" + actual + "', which is not the stack's environment (" + ENVIRONMENT_SETTING + ", a secret)"
                    : "has Environment '" + actual + "' but the stack's environment is '" + expected.value() + "'");
        }
        return problems.isEmpty() ? Outcome.compliant()
                : Outcome.violation(resource.type() + " '" + resource.name() + "' " + String.join(" and ", problems));
    }

    @Override
    public boolean remediates() {
        return true;
    }

    /** Adds missing keys whose value is known (Environment from the stack, others from tagValues). */
    @Override
    public Optional<PropertyEdit> remediate(ResourceView resource, PolicyContext context) {
        if (!isTaggable(resource)) {
            return Optional.empty();
        }
        Map<String, String> values = new LinkedHashMap<>();
        context.config().json("tagValues").map(JsonObject.class::cast)
                .ifPresent(o -> o.entrySet().forEach(e -> values.put(e.getKey(), e.getValue().getAsString())));
        Expected environment = expectedEnvironment(context);
        if (!environment.secret()) {
            // a secret setting is not written into a plain tag: the missing key stays a violation
            values.putIfAbsent(ENVIRONMENT_TAG, environment.value());
        }
        PropertyEdit edit = resource.edit();
        boolean changed = false;
        for (String key : missing(effectiveTags(resource), context)) {
            String value = values.getOrDefault(key, "");
            if (!value.isEmpty()) {
                edit.set("tags[\"" + key + "\"]", value);
                changed = true;
            }
        }
        return changed ? Optional.of(edit) : Optional.empty();
    }

    private static boolean isTaggable(ResourceView resource) {
        return resource.type().startsWith("aws:")
                && (TAGGABLE.contains(resource.type()) || resource.prop("tags").isPresent());
    }

    /** Provider default tags overlaid with the resource's own, as AWS ends up applying them. */
    static Map<String, String> effectiveTags(ResourceView resource) {
        Map<String, String> tags = new LinkedHashMap<>();
        PropertyValue defaults = resource.providerProps().get("defaultTags");
        Optional<PropertyValue> parsed = defaults.kind() == PropertyValue.Kind.STRING ? defaults.json() : Optional.of(defaults);
        parsed.ifPresent(d -> tags.putAll(d.get("tags").stringMap()));
        tags.putAll(resource.prop("tags").stringMap());
        return tags;
    }

    private static List<String> missing(Map<String, String> tags, PolicyContext context) {
        return context.config().stringList("requiredTags").stream()
                .filter(key -> tags.getOrDefault(key, "").isEmpty()).toList();
    }

    /** The expected Environment value, and whether it came from a secret stack setting (never echoed). */
    private record Expected(String value, boolean secret) {
    }

    /** The policy config's {@code environment}, else the stack's {@link #ENVIRONMENT_SETTING}, else the stack name. */
    private static Expected expectedEnvironment(PolicyContext context) {
        String configured = context.config().string("environment");
        if (!configured.isEmpty()) {
            return new Expected(configured, false);
        }
        String setting = context.stack().config().getOrDefault(ENVIRONMENT_SETTING, "");
        if (!setting.isEmpty()) {
            return new Expected(setting, context.stack().secretKeys().contains(ENVIRONMENT_SETTING));
        }
        return new Expected(context.stack().stack(), false);
    }

    private static JsonObject tagValuesSchema() {
        JsonObject schema = new JsonObject();
        schema.addProperty("type", "object");
        schema.addProperty("description", "Values remediation writes for missing keys (Environment defaults to the stack's)");
        JsonObject values = new JsonObject();
        values.addProperty("type", "string");
        schema.add("additionalProperties", values);
        schema.add("default", new JsonObject());
        return schema;
    }
}

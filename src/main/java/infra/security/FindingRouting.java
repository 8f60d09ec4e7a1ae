package infra.security;

import com.google.gson.JsonObject;
import com.pulumi.aws.cloudwatch.EventRule;
import com.pulumi.aws.cloudwatch.EventRuleArgs;
import com.pulumi.aws.cloudwatch.EventTarget;
import com.pulumi.aws.cloudwatch.EventTargetArgs;
import com.pulumi.aws.cloudwatch.inputs.EventTargetDeadLetterConfigArgs;
import com.pulumi.aws.cloudwatch.inputs.EventTargetInputTransformerArgs;
import com.pulumi.aws.cloudwatch.inputs.EventTargetRetryPolicyArgs;
import com.pulumi.aws.sqs.Queue;
import com.pulumi.aws.sqs.QueueArgs;
import com.pulumi.aws.sqs.QueuePolicy;
import com.pulumi.aws.sqs.QueuePolicyArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import infra.config.Settings;
import infra.security.iam.PolicyDocument;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * EventBridge rules that send HIGH and CRITICAL findings from Security Hub and GuardDuty to the
 * security topic as readable text (plan: "Alerting Strategy", Security Alerts; "AWS GuardDuty",
 * Finding Severity), with retries and a dead-letter queue for deliveries that still fail.
 *
 * <p>Not built: the plan's daily MEDIUM summary and weekly LOW report. A digest needs code that
 * queries and aggregates findings (a scheduled Lambda); EventBridge alone can only forward single
 * events. MEDIUM and LOW findings stay visible in the Security Hub and GuardDuty consoles.
 */
public final class FindingRouting extends ComponentResource {
    /** Retries for a failed publish; EventBridge allows 0-185 (EventBridge user guide, retry policy). */
    static final int MAX_RETRY_ATTEMPTS = 8;
    /** A finding older than this goes to the dead-letter queue instead of being retried. */
    static final Duration MAX_EVENT_AGE = Duration.ofHours(1);
    /** The dead-letter queue keeps undelivered findings for SQS's maximum of 14 days. */
    static final Duration DLQ_RETENTION = Duration.ofDays(14);

    /** One routed finding source: its pattern, the fields the message reads, and the message. */
    record Route(String slug, String description, JsonObject pattern, Map<String, String> inputPaths, String template) {
    }

    static final Route SECURITY_HUB = new Route("securityhub-high",
            "Security Hub findings of HIGH or CRITICAL severity, workflow NEW or NOTIFIED, to the security topic",
            FindingPatterns.securityHubHighFindings(),
            paths("severity", "$.detail.findings[0].Severity.Label", "title", "$.detail.findings[0].Title",
                    "account", "$.detail.findings[0].AwsAccountId", "region", "$.region",
                    "resource", "$.detail.findings[0].Resources[0].Id", "status", "$.detail.findings[0].Workflow.Status"),
            "\"Security Hub <severity> finding in account <account> (<region>): <title>. "
                    + "Resource: <resource>. Workflow status: <status>.\"");

    static final Route GUARDDUTY = new Route("guardduty-high",
            "GuardDuty findings of severity 7.0 or more (High and Critical) to the security topic",
            FindingPatterns.guardDutyHighFindings(),
            paths("severity", "$.detail.severity", "title", "$.detail.title", "type", "$.detail.type",
                    "account", "$.detail.accountId", "region", "$.detail.region", "id", "$.detail.id"),
            "\"GuardDuty finding, severity <severity>, in account <account> (<region>): <title>. "
                    + "Type: <type>. Finding id: <id>.\"");

    private final Queue deadLetterQueue;
    private final List<Output<String>> ruleArns = new ArrayList<>();

    public FindingRouting(String name, FindingRoutingArgs args, ComponentResourceOptions opts) {
        super("order-processing:security:FindingRouting", name, opts);
        Settings settings = args.settings();
        List<Route> routes = new ArrayList<>();
        if (settings.security().securityHubEnabled()) {
            routes.add(SECURITY_HUB);
        }
        if (settings.security().guardDutyEnabled()) {
            routes.add(GUARDDUTY);
        }
        if (routes.isEmpty()) {
            // the caller creates this component only for a stack that routes findings
            throw new IllegalArgumentException("FindingRouting needs a finding source, but neither "
                    + "securityHubEnabled nor guardDutyEnabled is on for stack " + settings.stack());
        }

        // SSE-SQS: EventBridge cannot deliver to a queue encrypted with the AWS-managed SQS key
        deadLetterQueue = new Queue(name + "-dlq", QueueArgs.builder()
                .sqsManagedSseEnabled(true)
                .messageRetentionSeconds((int) DLQ_RETENTION.toSeconds())
                .tags(settings.tags())
                .build(), child());

        for (Route route : routes) {
            String ruleName = "order-processing-" + settings.env() + "-" + route.slug();
            EventRule rule = new EventRule(name + "-" + route.slug(), EventRuleArgs.builder()
                    .name(ruleName)
                    .description(route.description())
                    .eventPattern(route.pattern().toString())
                    .tags(settings.tags())
                    .build(), child());
            new EventTarget(name + "-" + route.slug() + "-topic", EventTargetArgs.builder()
                    .rule(rule.name())
                    .targetId("security-topic")
                    .arn(args.securityTopicArn())
                    .retryPolicy(EventTargetRetryPolicyArgs.builder()
                            .maximumRetryAttempts(MAX_RETRY_ATTEMPTS)
                            .maximumEventAgeInSeconds((int) MAX_EVENT_AGE.toSeconds())
                            .build())
                    .deadLetterConfig(EventTargetDeadLetterConfigArgs.builder().arn(deadLetterQueue.arn()).build())
                    .inputTransformer(EventTargetInputTransformerArgs.builder()
                            .inputPaths(route.inputPaths())
                            .inputTemplate(route.template())
                            .build())
                    .build(), child());
            ruleArns.add(rule.arn());
        }

        // only these rules may drop undelivered findings into the queue
        new QueuePolicy(name + "-dlq-policy", QueuePolicyArgs.builder()
                .queueUrl(deadLetterQueue.url())
                .policy(Output.tuple(deadLetterQueue.arn(), Output.all(ruleArns)).applyValue(t -> dlqPolicy(t.t1, t.t2)))
                .build(), child());

        registerOutputs(Map.of("deadLetterQueueArn", deadLetterQueue.arn(), "ruleArns", Output.all(ruleArns)));
    }

    static String dlqPolicy(String queueArn, List<String> ruleArns) {
        var doc = PolicyDocument.of(PolicyDocument.Statement.deny().sid("DenyInsecureTransport").anyone()
                .actions("sqs:*").resources(queueArn).condition("Bool", "aws:SecureTransport", false));
        if (!ruleArns.isEmpty()) {
            doc.add(PolicyDocument.Statement.allow().sid("AllowFindingRulesDeadLetters").service("events.amazonaws.com")
                    .actions("sqs:SendMessage").resources(queueArn)
                    .condition("ArnEquals", "aws:SourceArn", ruleArns.toArray(String[]::new)));
        }
        return doc.toJson();
    }

    private static Map<String, String> paths(String... keyValues) {
        Map<String, String> paths = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            paths.put(keyValues[i], keyValues[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(paths);
    }

    private CustomResourceOptions child() {
        return CustomResourceOptions.builder().parent(this).build();
    }

    /** Where findings go when the topic cannot take them after all retries. */
    public Output<String> deadLetterQueueArn() {
        return deadLetterQueue.arn();
    }

    /** The routing rules' ARNs, for the security topic's policy ({@code aws:SourceArn}). */
    public Output<List<String>> ruleArns() {
        return Output.all(ruleArns);
    }
}

package infra.producer;

import com.pulumi.aws.cloudwatch.EventRule;
import com.pulumi.aws.cloudwatch.EventRuleArgs;
import com.pulumi.aws.cloudwatch.EventTarget;
import com.pulumi.aws.cloudwatch.EventTargetArgs;
import com.pulumi.aws.cloudwatch.inputs.EventTargetDeadLetterConfigArgs;
import com.pulumi.aws.cloudwatch.inputs.EventTargetRetryPolicyArgs;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.aws.iam.RolePolicy;
import com.pulumi.aws.iam.RolePolicyArgs;
import com.pulumi.aws.lambda.Function;
import com.pulumi.aws.lambda.FunctionArgs;
import com.pulumi.aws.lambda.FunctionEventInvokeConfig;
import com.pulumi.aws.lambda.FunctionEventInvokeConfigArgs;
import com.pulumi.aws.lambda.Permission;
import com.pulumi.aws.lambda.PermissionArgs;
import com.pulumi.aws.lambda.inputs.FunctionEnvironmentArgs;
import com.pulumi.aws.lambda.inputs.FunctionEventInvokeConfigDestinationConfigArgs;
import com.pulumi.aws.lambda.inputs.FunctionEventInvokeConfigDestinationConfigOnFailureArgs;
import com.pulumi.aws.lambda.inputs.FunctionLoggingConfigArgs;
import com.pulumi.aws.lambda.inputs.FunctionTracingConfigArgs;
import com.pulumi.aws.lambda.inputs.FunctionVpcConfigArgs;
import com.pulumi.aws.sqs.Queue;
import com.pulumi.aws.sqs.QueueArgs;
import com.pulumi.aws.sqs.QueuePolicy;
import com.pulumi.aws.sqs.QueuePolicyArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import infra.config.ProducerSettings;
import infra.config.Settings;

import java.util.List;
import java.util.Map;

/**
 * The plan's "Lambda Function (Order Producer)": the function running the {@code orders.producer}
 * handler from {@link ProducerArchive}, its least-privilege role, and the EventBridge schedule that
 * invokes it, with a dead-letter queue for schedule events and failed asynchronous invocations.
 *
 * <pre>{@code
 * var producer = new OrderProducer("order-producer", OrderProducerArgs.of(settings, queue.url(), queue.arn(),
 *         keys.messagingKeyArn(), logs.producerLogGroupName(), logs.producerLogGroupArn(), logs.producerLogGroup()), null);
 * }</pre>
 */
public final class OrderProducer extends ComponentResource {
    public static final String TYPE = "order-processing:producer:OrderProducer";

    /** Lambda's Java 21 runtime, which supports arm64 (Graviton: cheaper per GB-second). */
    public static final String RUNTIME = "java21";
    public static final String ARCHITECTURE = "arm64";
    /** Retries of a failed schedule delivery; the next tick comes 5 minutes later anyway (plan: rate(5 minutes)). */
    public static final int SCHEDULE_MAX_RETRY_ATTEMPTS = 3;
    /** A schedule event older than two 5-minute periods is stale: the next tick replaces it. */
    public static final int SCHEDULE_MAX_EVENT_AGE_SECONDS = 600;
    /** Lambda's own async retries (its default, stated explicitly), then the on-failure destination. */
    public static final int ASYNC_MAX_RETRY_ATTEMPTS = 2;
    /** Async invocations are dropped to the destination after three schedule periods. */
    public static final int ASYNC_MAX_EVENT_AGE_SECONDS = 900;
    /** SQS's maximum retention, 14 days, so failures outlive a long weekend. */
    public static final int DEAD_LETTER_RETENTION_SECONDS = 14 * 24 * 3600;

    private final Output<String> functionName;
    private final Output<String> functionArn;
    private final Output<String> scheduleRuleName;
    private final Output<String> roleArn;
    private final Output<String> deadLetterQueueUrl;
    private final Output<String> deadLetterQueueArn;

    public OrderProducer(String name, OrderProducerArgs args, ComponentResourceOptions options) {
        super(TYPE, name, options == null ? ComponentResourceOptions.Empty : options);
        Settings settings = args.settings();
        ProducerSettings producer = settings.producer();
        boolean xray = settings.features().xray();
        boolean vpc = producer.vpcEnabled();
        if (vpc && (args.appSubnetIds().isEmpty() || args.producerSecurityGroupId().isEmpty())) {
            throw new IllegalArgumentException(name + ": producerVpcEnabled is set, so appSubnetIds and "
                    + "producerSecurityGroupId are required in OrderProducerArgs (use withVpc); or set "
                    + "`pulumi config set order-processing:producerVpcEnabled false`");
        }
        var archive = ProducerArchive.at(args.archivePath());
        String physical = settings.env() + "-order-producer";

        // dead letters: schedule events EventBridge could not deliver, and async invocations that kept failing.
        // SQS-managed encryption, because EventBridge cannot use a customer key whose policy does not name it.
        var deadLetters = new Queue(name + "-dlq", QueueArgs.builder()
                .name(physical + "-dlq")
                .sqsManagedSseEnabled(true)
                .messageRetentionSeconds(DEAD_LETTER_RETENTION_SECONDS)
                .tags(settings.tags("Component", "order-producer"))
                .build(), child());

        var role = new Role(name + "-role", RoleArgs.builder()
                .name(physical + "-role")
                .description("Execution role of the " + settings.env() + " order producer Lambda")
                .assumeRolePolicy(ProducerPolicies.assumeRole())
                .tags(settings.tags("Component", "order-producer"))
                .build(), child());
        var rolePolicy = new RolePolicy(name + "-policy", RolePolicyArgs.builder()
                .role(role.name())
                .policy(Output.tuple(args.queueArn(), args.messagingKeyArn(), deadLetters.arn(), args.logGroupArn())
                        .applyValue(t -> ProducerPolicies.executionRole(settings.region(), t.t1, t.t2, t.t3, t.t4, xray, vpc)))
                .build(), child());

        var functionArgs = FunctionArgs.builder()
                .name(physical)
                .description("Generates orders and sends them to the orders queue on a schedule")
                .runtime(RUNTIME)
                .architectures(ARCHITECTURE)
                .handler(ProducerArchive.HANDLER)
                .code(archive)
                .role(role.arn())
                .memorySize(producer.memoryMiB())
                .timeout(producer.timeoutSeconds())
                .tracingConfig(FunctionTracingConfigArgs.builder().mode(xray ? "Active" : "PassThrough").build())
                .loggingConfig(args.logGroupName().applyValue(group -> FunctionLoggingConfigArgs.builder()
                        .logFormat("JSON").logGroup(group).applicationLogLevel("INFO").systemLogLevel("WARN").build()))
                .environment(args.queueUrl().applyValue(url -> FunctionEnvironmentArgs.builder().variables(Map.of(
                        "QUEUE_URL", url,
                        "BATCH_SIZE", Integer.toString(producer.batchSize()),
                        "ENVIRONMENT", settings.env(),
                        "ORDERS_PER_INVOCATION", Integer.toString(producer.ordersPerInvocation()))).build()))
                .tags(settings.tags("Component", "order-producer"));
        if (vpc) {
            functionArgs.vpcConfig(FunctionVpcConfigArgs.builder()
                    .subnetIds(args.appSubnetIds().orElseThrow())
                    .securityGroupIds(args.producerSecurityGroupId().orElseThrow().applyValue(List::of))
                    .build());
        }
        if (producer.reservedConcurrency() != ProducerSettings.UNRESERVED) {
            functionArgs.reservedConcurrentExecutions(producer.reservedConcurrency());
        }
        // the log group and the role's permissions exist before the first invocation can log or send
        var function = new Function(name + "-function", functionArgs.build(), CustomResourceOptions.builder()
                .parent(this).dependsOn(List.of(args.logGroup(), rolePolicy)).build());

        new FunctionEventInvokeConfig(name + "-async", FunctionEventInvokeConfigArgs.builder()
                .functionName(function.name())
                .maximumRetryAttempts(ASYNC_MAX_RETRY_ATTEMPTS)
                .maximumEventAgeInSeconds(ASYNC_MAX_EVENT_AGE_SECONDS)
                .destinationConfig(FunctionEventInvokeConfigDestinationConfigArgs.builder()
                        .onFailure(FunctionEventInvokeConfigDestinationConfigOnFailureArgs.builder()
                                .destination(deadLetters.arn()).build())
                        .build())
                .build(), CustomResourceOptions.builder().parent(this).dependsOn(rolePolicy).build());

        // the schedule; a disabled stack keeps the rule (state DISABLED) so enabling it is a one-line change
        var rule = new EventRule(name + "-schedule", EventRuleArgs.builder()
                .name(physical + "-schedule")
                .description("Invokes the order producer")
                .scheduleExpression(producer.scheduleExpression())
                .state(producer.scheduleEnabled() ? "ENABLED" : "DISABLED")
                .tags(settings.tags("Component", "order-producer"))
                .build(), child());
        var permission = new Permission(name + "-schedule-invoke", PermissionArgs.builder()
                .action("lambda:InvokeFunction")
                .function(function.name())
                .principal("events.amazonaws.com")
                .sourceArn(rule.arn())
                .build(), child());
        new QueuePolicy(name + "-dlq-policy", QueuePolicyArgs.builder()
                .queueUrl(deadLetters.url())
                .policy(Output.tuple(deadLetters.arn(), rule.arn()).applyValue(t -> ProducerPolicies.deadLetterQueue(t.t1, t.t2)))
                .build(), child());
        new EventTarget(name + "-schedule-target", EventTargetArgs.builder()
                .rule(rule.name())
                .arn(function.arn())
                .retryPolicy(EventTargetRetryPolicyArgs.builder()
                        .maximumRetryAttempts(SCHEDULE_MAX_RETRY_ATTEMPTS)
                        .maximumEventAgeInSeconds(SCHEDULE_MAX_EVENT_AGE_SECONDS).build())
                .deadLetterConfig(EventTargetDeadLetterConfigArgs.builder().arn(deadLetters.arn()).build())
                .build(), CustomResourceOptions.builder().parent(this).dependsOn(permission).build());

        this.functionName = function.name();
        this.functionArn = function.arn();
        this.scheduleRuleName = rule.name();
        this.roleArn = role.arn();
        this.deadLetterQueueUrl = deadLetters.url();
        this.deadLetterQueueArn = deadLetters.arn();
        registerOutputs(Map.of(
                "functionName", functionName,
                "functionArn", functionArn,
                "scheduleRuleName", scheduleRuleName,
                "roleArn", roleArn,
                "deadLetterQueueUrl", deadLetterQueueUrl,
                "deadLetterQueueArn", deadLetterQueueArn));
    }

    private CustomResourceOptions child() {
        return CustomResourceOptions.builder().parent(this).build();
    }

    public Output<String> functionName() {
        return functionName;
    }

    public Output<String> functionArn() {
        return functionArn;
    }

    public Output<String> scheduleRuleName() {
        return scheduleRuleName;
    }

    public Output<String> roleArn() {
        return roleArn;
    }

    /** Schedule events and async invocations that failed for good land here; alarm on its depth. */
    public Output<String> deadLetterQueueUrl() {
        return deadLetterQueueUrl;
    }

    public Output<String> deadLetterQueueArn() {
        return deadLetterQueueArn;
    }
}

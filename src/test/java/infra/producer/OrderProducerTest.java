package infra.producer;

import com.pulumi.aws.cloudwatch.LogGroup;
import com.pulumi.aws.cloudwatch.LogGroupArgs;
import com.pulumi.core.Output;
import infra.config.Settings;
import infra.observability.LogGroupNames;
import infra.plan.AwsMocks;
import infra.plan.CapturedResource;
import infra.plan.MockEngine;
import infra.plan.RenderedStack;
import infra.testing.Stacks;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OrderProducerTest {
    static final String QUEUE_ARN = "arn:aws:sqs:us-east-1:123456789012:dev-orders";
    static final String QUEUE_URL = "https://sqs.us-east-1.amazonaws.com/123456789012/dev-orders";
    static final String KEY_ARN = "arn:aws:kms:us-east-1:123456789012:key/0b5e1c3a-8d5f-4f8e-9f57-3c2e0c6d1a11";

    static RenderedStack render(Settings settings, java.util.function.Function<OrderProducerArgs, OrderProducerArgs> tweak) {
        return Stacks.render(settings, ctx -> {
            var group = new LogGroup("producer-logs", LogGroupArgs.builder()
                    .name(LogGroupNames.producer(settings.environment())).retentionInDays(7).build());
            new OrderProducer("order-producer", tweak.apply(OrderProducerArgs.of(settings, Output.of(QUEUE_URL),
                    Output.of(QUEUE_ARN), Output.of(KEY_ARN), group.name(), group.arn(), group)), null);
        });
    }

    static RenderedStack render(Settings settings) {
        return render(settings, a -> a);
    }

    static final String FUNCTION = "aws:lambda/function:Function";

    @Test
    void functionRunsTheArchivedHandlerOnJava21Arm64WithSettingsSizes() {
        Settings settings = Stacks.settings("dev", Map.of("producerMemoryMiB", "1024", "producerTimeoutSeconds", "30"));

        CapturedResource fn = render(settings).get(FUNCTION, "order-producer-function");

        assertEquals("dev-order-producer", fn.input("name").orElseThrow());
        assertEquals("java21", fn.input("runtime").orElseThrow());
        assertEquals(List.of("arm64"), fn.input("architectures").orElseThrow());
        assertEquals("orders.producer.OrderProducerHandler::handleRequest", fn.input("handler").orElseThrow());
        assertEquals(1024.0, fn.input("memorySize").orElseThrow());
        assertEquals(30.0, fn.input("timeout").orElseThrow());
        assertEquals("target/order-producer.zip", fn.input("code.path").orElseThrow());
        assertEquals("Active", fn.input("tracingConfig.mode").orElseThrow());
        assertFalse(fn.input("vpcConfig").isPresent());
        assertFalse(fn.input("reservedConcurrentExecutions").isPresent());
        assertEquals(Map.of("Environment", "dev", "Project", "order-processing", "Component", "order-producer"),
                fn.input("tags").orElseThrow());
    }

    @Test
    void functionLogsJsonToTheExplicitLogGroupAndWaitsForIt() {
        RenderedStack stack = render(Stacks.settings("dev"));

        CapturedResource fn = stack.get(FUNCTION, "order-producer-function");
        CapturedResource group = stack.get("aws:cloudwatch/logGroup:LogGroup", "producer-logs");
        assertEquals(Map.of("logFormat", "JSON", "logGroup", "/aws/lambda/dev/order-producer",
                "applicationLogLevel", "INFO", "systemLogLevel", "WARN"), fn.input("loggingConfig").orElseThrow());
        assertEquals(7.0, group.input("retentionInDays").orElseThrow());
        assertTrue(fn.dependencies().contains(group.urn()), fn.dependencies().toString());
        assertTrue(fn.dependencies().contains(stack.get("aws:iam/rolePolicy:RolePolicy", "order-producer-policy").urn()));
    }

    @Test
    void environmentCarriesQueueBatchEnvironmentAndOrderCount() {
        Settings settings = Stacks.settings("dev", Map.of("producerOrdersPerInvocation", "25", "producerBatchSize", "5"));

        CapturedResource fn = render(settings).get(FUNCTION, "order-producer-function");

        assertEquals(Map.of("QUEUE_URL", QUEUE_URL, "BATCH_SIZE", "5", "ENVIRONMENT", "dev", "ORDERS_PER_INVOCATION", "25"),
                fn.input("environment.variables").orElseThrow());
    }

    @Test
    void roleMaySendOnlyToItsQueuesUseTheKeyThroughSqsAndWriteOnlyItsLogs() {
        RenderedStack stack = render(Stacks.settings("dev"));

        CapturedResource policy = stack.get("aws:iam/rolePolicy:RolePolicy", "order-producer-policy");
        String dlqArn = (String) stack.get("aws:sqs/queue:Queue", "order-producer-dlq").outputMap().get("arn");
        String groupArn = (String) stack.get("aws:cloudwatch/logGroup:LogGroup", "producer-logs").outputMap().get("arn");
        String expected = ProducerPolicies.executionRole("us-east-1", QUEUE_ARN, KEY_ARN, dlqArn, groupArn, true, false);
        assertEquals(expected, policy.input("policy").orElseThrow());
        assertEquals("{\"Version\":\"2012-10-17\",\"Statement\":["
                + "{\"Sid\":\"SendOrders\",\"Effect\":\"Allow\",\"Action\":\"sqs:SendMessage\",\"Resource\":\"" + QUEUE_ARN + "\"},"
                + "{\"Sid\":\"EncryptOrdersThroughSqs\",\"Effect\":\"Allow\",\"Action\":[\"kms:GenerateDataKey\",\"kms:Decrypt\"],"
                + "\"Resource\":\"" + KEY_ARN + "\",\"Condition\":{\"StringEquals\":{\"kms:ViaService\":\"sqs.us-east-1.amazonaws.com\"}}},"
                + "{\"Sid\":\"SendFailedInvocations\",\"Effect\":\"Allow\",\"Action\":\"sqs:SendMessage\",\"Resource\":\"" + dlqArn + "\"},"
                + "{\"Sid\":\"WriteOwnLogs\",\"Effect\":\"Allow\",\"Action\":[\"logs:CreateLogStream\",\"logs:PutLogEvents\"],"
                + "\"Resource\":\"" + groupArn + ":log-stream:*\"},"
                + "{\"Sid\":\"SendTraces\",\"Effect\":\"Allow\",\"Action\":[\"xray:PutTraceSegments\",\"xray:PutTelemetryRecords\"],\"Resource\":\"*\"}]}",
                expected);
        assertEquals(ProducerPolicies.assumeRole(), stack.get("aws:iam/role:Role", "order-producer-role").input("assumeRolePolicy").orElseThrow());
    }

    @Test
    void invokePermissionIsScopedToTheScheduleRuleArn() {
        RenderedStack stack = render(Stacks.settings("dev"));

        CapturedResource rule = stack.get("aws:cloudwatch/eventRule:EventRule", "order-producer-schedule");
        CapturedResource permission = stack.get("aws:lambda/permission:Permission", "order-producer-schedule-invoke");
        assertEquals("arn:aws:events:us-east-1:123456789012:rule/dev-order-producer-schedule", rule.outputMap().get("arn"));
        assertEquals(rule.outputMap().get("arn"), permission.input("sourceArn").orElseThrow());
        assertEquals("events.amazonaws.com", permission.input("principal").orElseThrow());
        assertEquals("lambda:InvokeFunction", permission.input("action").orElseThrow());
        assertEquals("dev-order-producer", permission.input("function").orElseThrow());
    }

    @Test
    void scheduleRunsEveryFiveMinutesWithRetriesAndADeadLetterQueue() {
        RenderedStack stack = render(Stacks.settings("dev"));

        CapturedResource rule = stack.get("aws:cloudwatch/eventRule:EventRule", "order-producer-schedule");
        CapturedResource target = stack.get("aws:cloudwatch/eventTarget:EventTarget", "order-producer-schedule-target");
        CapturedResource dlq = stack.get("aws:sqs/queue:Queue", "order-producer-dlq");
        assertEquals("rate(5 minutes)", rule.input("scheduleExpression").orElseThrow());
        assertEquals("ENABLED", rule.input("state").orElseThrow());
        assertEquals("dev-order-producer-schedule", target.input("rule").orElseThrow());
        assertEquals("arn:aws:lambda:us-east-1:123456789012:function:dev-order-producer", target.input("arn").orElseThrow());
        assertEquals(Map.of("maximumRetryAttempts", 3.0, "maximumEventAgeInSeconds", 600.0), target.input("retryPolicy").orElseThrow());
        assertEquals(dlq.outputMap().get("arn"), target.input("deadLetterConfig.arn").orElseThrow());
        assertTrue(target.dependencies().contains(stack.get("aws:lambda/permission:Permission", "order-producer-schedule-invoke").urn()));
        assertEquals(true, dlq.input("sqsManagedSseEnabled").orElseThrow());
        assertEquals(1209600.0, dlq.input("messageRetentionSeconds").orElseThrow());
    }

    @Test
    void deadLetterQueueAdmitsOnlyThisRuleOverTls() {
        RenderedStack stack = render(Stacks.settings("dev"));

        String dlqArn = (String) stack.get("aws:sqs/queue:Queue", "order-producer-dlq").outputMap().get("arn");
        String ruleArn = (String) stack.get("aws:cloudwatch/eventRule:EventRule", "order-producer-schedule").outputMap().get("arn");
        CapturedResource policy = stack.get("aws:sqs/queuePolicy:QueuePolicy", "order-producer-dlq-policy");
        assertEquals("{\"Version\":\"2012-10-17\",\"Statement\":["
                + "{\"Sid\":\"ScheduleDeadLetters\",\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"events.amazonaws.com\"},"
                + "\"Action\":\"sqs:SendMessage\",\"Resource\":\"" + dlqArn + "\",\"Condition\":{\"ArnEquals\":{\"aws:SourceArn\":\"" + ruleArn + "\"}}},"
                + "{\"Sid\":\"DenyInsecureTransport\",\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"sqs:*\",\"Resource\":\"" + dlqArn + "\","
                + "\"Condition\":{\"Bool\":{\"aws:SecureTransport\":\"false\"}}}]}", policy.input("policy").orElseThrow());
    }

    @Test
    void asyncFailuresGoToTheDeadLetterQueue() {
        RenderedStack stack = render(Stacks.settings("dev"));

        CapturedResource config = stack.get("aws:lambda/functionEventInvokeConfig:FunctionEventInvokeConfig", "order-producer-async");
        assertEquals(stack.get("aws:sqs/queue:Queue", "order-producer-dlq").outputMap().get("arn"),
                config.input("destinationConfig.onFailure.destination").orElseThrow());
        assertEquals(2.0, config.input("maximumRetryAttempts").orElseThrow());
        assertEquals(900.0, config.input("maximumEventAgeInSeconds").orElseThrow());
    }

    @Test
    void disabledScheduleKeepsTheRuleDisabledWithTheConfiguredExpression() {
        Settings settings = Stacks.settings("dev", Map.of("producerScheduleEnabled", "false", "producerSchedule", "rate(1 hour)"));

        CapturedResource rule = render(settings).get("aws:cloudwatch/eventRule:EventRule", "order-producer-schedule");

        assertEquals("DISABLED", rule.input("state").orElseThrow());
        assertEquals("rate(1 hour)", rule.input("scheduleExpression").orElseThrow());
    }

    @Test
    void withoutXrayTracingPassesThroughAndTheRoleHasNoTraceStatement() {
        RenderedStack stack = render(Stacks.settings("dev", Map.of("xrayEnabled", "false")));

        assertEquals("PassThrough", stack.get(FUNCTION, "order-producer-function").input("tracingConfig.mode").orElseThrow());
        assertFalse(((String) stack.get("aws:iam/rolePolicy:RolePolicy", "order-producer-policy").input("policy").orElseThrow())
                .contains("xray:"));
    }

    @Test
    void vpcSettingPlacesTheFunctionInTheProducerGroupAndAllowsNetworkInterfaces() {
        Settings settings = Stacks.settings("dev", Map.of("producerVpcEnabled", "true", "producerReservedConcurrency", "5"));

        RenderedStack stack = render(settings, a -> a.withVpc(Output.of(List.of("subnet-0a1b2c3d4e5f60718", "subnet-0f1e2d3c4b5a69788")),
                Output.of("sg-0123456789abcdef0")));

        CapturedResource fn = stack.get(FUNCTION, "order-producer-function");
        assertEquals(List.of("subnet-0a1b2c3d4e5f60718", "subnet-0f1e2d3c4b5a69788"), fn.input("vpcConfig.subnetIds").orElseThrow());
        assertEquals(List.of("sg-0123456789abcdef0"), fn.input("vpcConfig.securityGroupIds").orElseThrow());
        assertEquals(5.0, fn.input("reservedConcurrentExecutions").orElseThrow());
        assertTrue(((String) stack.get("aws:iam/rolePolicy:RolePolicy", "order-producer-policy").input("policy").orElseThrow())
                .contains("\"Sid\":\"ManageVpcNetworkInterfaces\""));
    }

    @Test
    void vpcSettingWithoutSubnetsFailsNamingTheArgs() {
        Settings settings = Stacks.settings("dev", Map.of("producerVpcEnabled", "true"));

        MockEngine.Run run = Stacks.tryRender(settings, AwsMocks.Mode.KNOWN_OUTPUTS, ctx -> new OrderProducer("order-producer",
                OrderProducerArgs.of(settings, Output.of(QUEUE_URL), Output.of(QUEUE_ARN), Output.of(KEY_ARN),
                        Output.of("/aws/lambda/dev/order-producer"), Output.of("arn:aws:logs:us-east-1:123456789012:log-group:/aws/lambda/dev/order-producer"),
                        new LogGroup("producer-logs", LogGroupArgs.builder().build())), null));

        assertEquals("order-producer: producerVpcEnabled is set, so appSubnetIds and producerSecurityGroupId are required in "
                + "OrderProducerArgs (use withVpc); or set `pulumi config set order-processing:producerVpcEnabled false`",
                rootCause(run.failure()).getMessage());
    }

    @Test
    void missingArchiveFailsWithTheBuildCommand() {
        Settings settings = Stacks.settings("dev");
        Path missing = Path.of("target", "no-such-producer.zip");

        MockEngine.Run run = Stacks.tryRender(settings, AwsMocks.Mode.KNOWN_OUTPUTS, ctx -> {
            var group = new LogGroup("producer-logs", LogGroupArgs.builder().build());
            new OrderProducer("order-producer", OrderProducerArgs.of(settings, Output.of(QUEUE_URL), Output.of(QUEUE_ARN),
                    Output.of(KEY_ARN), group.name(), group.arn(), group).withArchive(missing), null);
        });

        assertEquals("the order-producer deployment archive target/no-such-producer.zip does not exist (looked in "
                + missing.toAbsolutePath() + "); build it with `mvn compile` in the program directory, which runs the pom's"
                + " order-producer-zip execution", rootCause(run.failure()).getMessage());
    }

    @Test
    void childrenAreParentedToTheComponent() {
        RenderedStack stack = render(Stacks.settings("dev"));

        CapturedResource component = stack.single(OrderProducer.TYPE);
        assertEquals(9, stack.childrenOf(component).size());
    }

    static Throwable rootCause(Throwable t) {
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }
}

package infra.messaging;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.pulumi.core.Output;
import infra.config.Settings;
import infra.plan.AwsMocks;
import infra.plan.CapturedResource;
import infra.plan.RenderedStack;
import infra.testing.Stacks;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OrderQueueTest {
    private static final String QUEUE = "aws:sqs/queue:Queue";
    private static final String POLICY = "aws:sqs/queuePolicy:QueuePolicy";
    private static final String KEY = "arn:aws:kms:us-east-1:123456789012:key/9999aaaa-2222-3333-4444-555566667777";

    @Test
    void queuesHaveThePlansNamesRetentionAndLongPolling() {
        RenderedStack stack = render("dev", Map.of());
        CapturedResource queue = stack.get(QUEUE, "orders-queue");
        CapturedResource dlq = stack.get(QUEUE, "orders-dlq");

        assertEquals("order-processing-dev-orders", queue.input("name").orElseThrow());
        assertEquals("order-processing-dev-orders-dlq", dlq.input("name").orElseThrow());
        assertEquals(345_600.0, queue.input("messageRetentionSeconds").orElseThrow());
        assertEquals(1_209_600.0, dlq.input("messageRetentionSeconds").orElseThrow());
        assertEquals(20.0, queue.input("receiveWaitTimeSeconds").orElseThrow());
        assertEquals(20.0, dlq.input("receiveWaitTimeSeconds").orElseThrow());
        assertEquals(Map.of("Environment", "dev", "Project", "order-processing", "Queue", "orders"), queue.input("tags").orElseThrow());
    }

    @Test
    void visibilityTimeoutIsSixTimesTheConsumerProcessingTimeout() {
        assertEquals(180.0, render("dev", Map.of()).get(QUEUE, "orders-queue").input("visibilityTimeoutSeconds").orElseThrow());
        assertEquals(540.0, render("dev", Map.of("consumerProcessingTimeoutSeconds", "90"))
                .get(QUEUE, "orders-queue").input("visibilityTimeoutSeconds").orElseThrow());
    }

    @Test
    void redrivePolicyNamesTheDlqArnAndMaxReceiveCount() {
        RenderedStack stack = render("prod", Map.of("queueMaxReceiveCount", "3"));
        CapturedResource queue = stack.get(QUEUE, "orders-queue");
        String dlqArn = (String) stack.get(QUEUE, "orders-dlq").outputMap().get("arn");

        JsonObject redrive = JsonParser.parseString((String) queue.input("redrivePolicy").orElseThrow()).getAsJsonObject();
        assertEquals("arn:aws:sqs:us-east-1:" + AwsMocks.ACCOUNT + ":order-processing-prod-orders-dlq", dlqArn);
        assertEquals(dlqArn, redrive.get("deadLetterTargetArn").getAsString());
        assertEquals(3, redrive.get("maxReceiveCount").getAsInt());
        assertEquals(2, redrive.size());
    }

    @Test
    void dlqAdmitsOnlyTheOrdersQueue() {
        RenderedStack stack = render("dev", Map.of());
        CapturedResource allow = stack.single("aws:sqs/redriveAllowPolicy:RedriveAllowPolicy");
        Map<String, Object> queueOut = stack.get(QUEUE, "orders-queue").outputMap();

        assertEquals(stack.get(QUEUE, "orders-dlq").outputMap().get("url"), allow.input("queueUrl").orElseThrow());
        JsonObject policy = JsonParser.parseString((String) allow.input("redriveAllowPolicy").orElseThrow()).getAsJsonObject();
        assertEquals("byQueue", policy.get("redrivePermission").getAsString());
        assertEquals(List.of(queueOut.get("arn")), List.of(policy.getAsJsonArray("sourceQueueArns").get(0).getAsString()));
        assertEquals(1, policy.getAsJsonArray("sourceQueueArns").size());
    }

    @Test
    void bothQueuesDenyRequestsWithoutTls() {
        RenderedStack stack = render("dev", Map.of());

        assertEquals(2, stack.ofType(POLICY).size());
        for (String name : List.of("queue", "dlq")) {
            Map<String, Object> queueOut = stack.get(QUEUE, "orders-" + name).outputMap();
            CapturedResource policy = stack.get(POLICY, "orders-" + name + "-policy");
            assertEquals(queueOut.get("url"), policy.input("queueUrl").orElseThrow());
            JsonObject doc = JsonParser.parseString((String) policy.input("policy").orElseThrow()).getAsJsonObject();
            assertEquals(1, doc.getAsJsonArray("Statement").size());
            JsonObject deny = doc.getAsJsonArray("Statement").get(0).getAsJsonObject();
            assertEquals("Deny", deny.get("Effect").getAsString());
            assertEquals("*", deny.get("Principal").getAsString());
            assertEquals("sqs:*", deny.get("Action").getAsString());
            assertEquals(queueOut.get("arn"), deny.get("Resource").getAsString());
            assertEquals("false", deny.getAsJsonObject("Condition").getAsJsonObject("Bool").get("aws:SecureTransport").getAsString());
        }
    }

    @Test
    void encryptsWithTheMessagingKeyByDefault() {
        RenderedStack stack = render("dev", Map.of());

        for (String name : List.of("orders-queue", "orders-dlq")) {
            CapturedResource queue = stack.get(QUEUE, name);
            assertEquals(KEY, queue.input("kmsMasterKeyId").orElseThrow());
            assertEquals(300.0, queue.input("kmsDataKeyReusePeriodSeconds").orElseThrow());
            assertFalse(queue.inputMap().containsKey("sqsManagedSseEnabled"));
        }
    }

    @Test
    void encryptsWithSqsManagedKeysWhenSet() {
        RenderedStack stack = render("dev", Map.of("queueEncryption", "sqs-managed"));

        for (String name : List.of("orders-queue", "orders-dlq")) {
            CapturedResource queue = stack.get(QUEUE, name);
            assertEquals(true, queue.input("sqsManagedSseEnabled").orElseThrow());
            assertFalse(queue.inputMap().containsKey("kmsMasterKeyId"));
        }
    }

    @Test
    void prodProtectsBothQueuesAndDevDoesNot() {
        for (String name : List.of("orders-queue", "orders-dlq")) {
            assertTrue(render("prod", Map.of()).get(QUEUE, name).protect(), name);
            assertFalse(render("dev", Map.of()).get(QUEUE, name).protect(), name);
        }
    }

    @Test
    void outputsAreTheQueuesUrlsArnsAndNames() {
        Settings settings = Stacks.settings("prod");
        Map<String, Object> seen = new java.util.concurrent.ConcurrentHashMap<>();
        Stacks.render(settings, ctx -> {
            OrderQueue q = new OrderQueue("orders", new OrderQueueArgs(settings, Output.of(KEY)), null);
            record(seen, "queueUrl", q.queueUrl());
            record(seen, "queueArn", q.queueArn());
            record(seen, "queueName", q.queueName());
            record(seen, "dlqUrl", q.dlqUrl());
            record(seen, "dlqArn", q.dlqArn());
            record(seen, "dlqName", q.dlqName());
        });

        String base = "https://sqs.us-east-1.amazonaws.com/" + AwsMocks.ACCOUNT + "/";
        assertEquals(Map.of(
                "queueUrl", base + "order-processing-prod-orders",
                "queueArn", "arn:aws:sqs:us-east-1:" + AwsMocks.ACCOUNT + ":order-processing-prod-orders",
                "queueName", "order-processing-prod-orders",
                "dlqUrl", base + "order-processing-prod-orders-dlq",
                "dlqArn", "arn:aws:sqs:us-east-1:" + AwsMocks.ACCOUNT + ":order-processing-prod-orders-dlq",
                "dlqName", "order-processing-prod-orders-dlq"), seen);
    }

    private static <T> void record(Map<String, Object> seen, String key, Output<T> output) {
        output.applyValue(v -> seen.put(key, v));
    }

    private static RenderedStack render(String env, Map<String, String> overrides) {
        Settings settings = Stacks.settings(env, overrides);
        return Stacks.render(settings, ctx -> new OrderQueue("orders", new OrderQueueArgs(settings, Output.of(KEY)), null));
    }
}

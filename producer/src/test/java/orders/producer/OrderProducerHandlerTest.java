package orders.producer;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequest;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResultEntry;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class OrderProducerHandlerTest {
    static final String QUEUE = "https://sqs.us-east-1.amazonaws.com/123456789012/dev-orders";
    static final Clock CLOCK = Clock.fixed(Instant.parse("2025-12-06T06:42:00Z"), ZoneOffset.UTC);

    final SqsClient sqs = mock(SqsClient.class);
    final List<SendMessageBatchRequest> requests = new ArrayList<>();
    final List<Duration> sleeps = new ArrayList<>();
    final ByteArrayOutputStream stdout = new ByteArrayOutputStream();

    OrderProducerHandler handler(int orders, int batchSize) {
        var config = new ProducerConfig(QUEUE, batchSize, "dev", orders, "us-east-1", Optional.empty());
        return new OrderProducerHandler(config, sqs, new OrderGenerator(new Random(42), CLOCK), RetryPolicy.DEFAULT,
                sleeps::add, new PrintStream(stdout, true, StandardCharsets.UTF_8), CLOCK);
    }

    /** SQS accepts every entry except those whose ids are in {@code failIds} (for the first {@code failCalls} calls). */
    void sqsFails(Set<String> failIds, int failCalls, boolean senderFault) {
        when(sqs.sendMessageBatch(any(SendMessageBatchRequest.class))).thenAnswer(inv -> {
            SendMessageBatchRequest request = inv.getArgument(0);
            requests.add(request);
            boolean failing = requests.size() <= failCalls;
            var ok = new ArrayList<SendMessageBatchResultEntry>();
            var bad = new ArrayList<BatchResultErrorEntry>();
            for (SendMessageBatchRequestEntry e : request.entries()) {
                if (failing && failIds.contains(e.id())) {
                    bad.add(BatchResultErrorEntry.builder().id(e.id()).code("InternalError").message("try again")
                            .senderFault(senderFault).build());
                } else {
                    ok.add(SendMessageBatchResultEntry.builder().id(e.id()).messageId("m-" + e.id()).build());
                }
            }
            return SendMessageBatchResponse.builder().successful(ok).failed(bad).build();
        });
    }

    List<String> lines() {
        return stdout.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @ParameterizedTest(name = "{0} orders in batches of 10 -> {1} calls sized {2}")
    @CsvSource({"0,0,''", "1,1,1", "10,1,10", "11,2,10 1", "25,3,10 10 5"})
    void sendsOrdersInBatchesOfAtMostTen(int orders, int calls, String sizes) {
        sqsFails(Set.of(), 0, false);

        Map<String, Object> result = handler(orders, 10).handleRequest(Map.of(), null);

        assertEquals(calls, requests.size());
        assertEquals(sizes, String.join(" ", requests.stream().map(r -> Integer.toString(r.entries().size())).toList()));
        assertEquals(orders, result.get("sent"));
        assertEquals(0, result.get("failed"));
        requests.forEach(r -> assertEquals(QUEUE, r.queueUrl()));
        if (orders == 0) {
            verify(sqs, never()).sendMessageBatch(any(SendMessageBatchRequest.class));
        }
    }

    @Test
    void retriesOnlyTheFailedEntriesWithBackoffAndSucceeds() {
        sqsFails(Set.of("2", "7"), 2, false);

        Map<String, Object> result = handler(10, 10).handleRequest(Map.of(), null);

        assertEquals(3, requests.size());
        assertEquals(List.of("2", "7"), requests.get(1).entries().stream().map(SendMessageBatchRequestEntry::id).toList());
        assertEquals(requests.get(0).entries().get(2).messageBody(), requests.get(1).entries().get(0).messageBody());
        assertEquals(List.of(Duration.ofMillis(100), Duration.ofMillis(200)), sleeps);
        assertEquals(10, result.get("sent"));
        assertEquals(0, result.get("failed"));
    }

    @Test
    void failuresLeftAfterTheLastAttemptFailTheInvocationAndAreLogged() {
        sqsFails(Set.of("3"), Integer.MAX_VALUE, false);

        var e = assertThrows(OrdersNotSentException.class, () -> handler(11, 10).handleRequest(Map.of(), null));

        assertEquals("1 of 11 orders not sent; first: InternalError: try again", e.getMessage());
        assertEquals(4, requests.size()); // batch one: 3 attempts; batch two: 1
        JsonObject log = JsonParser.parseString(lines().get(1)).getAsJsonObject();
        assertEquals("ERROR", log.get("level").getAsString());
        assertEquals("orders not sent", log.get("message").getAsString());
        assertEquals(10, log.get("sent").getAsInt());
        assertEquals(1, log.get("failed").getAsInt());
        assertEquals(1, JsonParser.parseString(lines().get(0)).getAsJsonObject().get("OrderSendFailures").getAsInt());
    }

    @Test
    void senderFaultEntriesAreNotRetried() {
        sqsFails(Set.of("0"), Integer.MAX_VALUE, true);

        assertThrows(OrdersNotSentException.class, () -> handler(1, 10).handleRequest(Map.of(), null));

        assertEquals(1, requests.size());
        assertEquals(List.of(), sleeps);
    }

    @Test
    void emitsEmbeddedMetricsInThePlansNamespaceThenAJsonLogWithTheCorrelationId() {
        sqsFails(Set.of(), 0, false);

        handler(3, 10).handleRequest(Map.of(), null);

        JsonObject emf = JsonParser.parseString(lines().get(0)).getAsJsonObject();
        assertEquals("{\"Timestamp\":" + CLOCK.millis() + ",\"CloudWatchMetrics\":[{\"Namespace\":\"OrderProcessing/Application\","
                + "\"Dimensions\":[[\"Environment\",\"Service\"]],\"Metrics\":[{\"Name\":\"OrdersGenerated\",\"Unit\":\"Count\"},"
                + "{\"Name\":\"OrdersSent\",\"Unit\":\"Count\"},{\"Name\":\"OrderSendFailures\",\"Unit\":\"Count\"},"
                + "{\"Name\":\"ProducerDuration\",\"Unit\":\"Milliseconds\"}]}]}", emf.get("_aws").toString());
        assertEquals("dev", emf.get("Environment").getAsString());
        assertEquals("order-producer", emf.get("Service").getAsString());
        assertEquals(3, emf.get("OrdersGenerated").getAsInt());
        assertEquals(3, emf.get("OrdersSent").getAsInt());
        assertEquals(0, emf.get("OrderSendFailures").getAsInt());
        assertEquals(0, emf.get("ProducerDuration").getAsLong());
        JsonObject log = JsonParser.parseString(lines().get(1)).getAsJsonObject();
        assertEquals("INFO", log.get("level").getAsString());
        assertEquals("orders sent", log.get("message").getAsString());
        assertEquals(36, log.get("correlationId").getAsString().length());
        assertEquals(2, lines().size());
    }

    @Test
    void everySentBodyIsAValidOrder() {
        sqsFails(Set.of(), 0, false);

        handler(25, 10).handleRequest(Map.of(), null);

        requests.stream().flatMap(r -> r.entries().stream()).forEach(e -> ValidOrders.assertValid(e.messageBody()));
    }

    static Map<String, String> goodEnv() {
        Map<String, String> env = new HashMap<>();
        env.put("QUEUE_URL", QUEUE);
        env.put("BATCH_SIZE", "10");
        env.put("ENVIRONMENT", "dev");
        env.put("ORDERS_PER_INVOCATION", "10");
        env.put("AWS_REGION", "us-east-1");
        return env;
    }

    @Test
    void readsAValidEnvironment() {
        assertEquals(new ProducerConfig(QUEUE, 10, "dev", 10, "us-east-1", Optional.empty()),
                ProducerConfig.fromEnvironment(goodEnv()));
    }

    @Test
    void badEnvironmentVariablesAreAllReportedAtColdStart() {
        Map<String, String> env = goodEnv();
        env.remove("QUEUE_URL");
        env.put("BATCH_SIZE", "11");
        env.put("ENVIRONMENT", "qa");
        env.put("ORDERS_PER_INVOCATION", "many");

        var e = assertThrows(IllegalStateException.class, () -> new OrderProducerHandler(env));

        assertEquals("order producer is misconfigured: QUEUE_URL is required (the orders queue URL); "
                + "BATCH_SIZE must be an integer from 1 to 10, got '11'; ENVIRONMENT must be one of dev, staging, prod, got 'qa'; "
                + "ORDERS_PER_INVOCATION must be an integer from 0 to 1000, got 'many'", e.getMessage());
    }

    @Test
    void queueUrlMustBeAnHttpUrl() {
        Map<String, String> env = goodEnv();
        env.put("QUEUE_URL", "dev-orders");
        env.remove("BATCH_SIZE");

        var e = assertThrows(IllegalStateException.class, () -> ProducerConfig.fromEnvironment(env));

        assertEquals("order producer is misconfigured: QUEUE_URL must be an http(s) queue URL, got 'dev-orders'; "
                + "BATCH_SIZE must be an integer from 1 to 10, got nothing", e.getMessage());
    }
}

package orders.producer;

import com.google.gson.Gson;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * CloudWatch Embedded Metric Format: one JSON log line that CloudWatch turns into metrics in the plan's
 * {@code OrderProcessing/Application} namespace, dimensioned by {@code Environment} and {@code Service}.
 */
public final class EmbeddedMetrics {
    public static final String NAMESPACE = "OrderProcessing/Application";
    public static final String SERVICE = "order-producer";

    public static final String ORDERS_GENERATED = "OrdersGenerated";
    public static final String ORDERS_SENT = "OrdersSent";
    public static final String SEND_FAILURES = "OrderSendFailures";
    public static final String DURATION = "ProducerDuration";

    private EmbeddedMetrics() {
    }

    public static String line(Gson gson, Instant timestamp, String environment, int generated, int sent, int failed,
                              long durationMillis) {
        Map<String, Object> directive = new LinkedHashMap<>();
        directive.put("Namespace", NAMESPACE);
        directive.put("Dimensions", List.of(List.of("Environment", "Service")));
        directive.put("Metrics", List.of(
                metric(ORDERS_GENERATED, "Count"),
                metric(ORDERS_SENT, "Count"),
                metric(SEND_FAILURES, "Count"),
                metric(DURATION, "Milliseconds")));

        Map<String, Object> aws = new LinkedHashMap<>();
        aws.put("Timestamp", timestamp.toEpochMilli());
        aws.put("CloudWatchMetrics", List.of(directive));

        Map<String, Object> root = new LinkedHashMap<>();
        root.put("_aws", aws);
        root.put("Environment", environment);
        root.put("Service", SERVICE);
        root.put(ORDERS_GENERATED, generated);
        root.put(ORDERS_SENT, sent);
        root.put(SEND_FAILURES, failed);
        root.put(DURATION, durationMillis);
        return gson.toJson(root);
    }

    private static Map<String, String> metric(String name, String unit) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("Name", name);
        m.put("Unit", unit);
        return m;
    }
}

package orders.producer;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The handler's environment, read and validated once at cold start. Every problem is reported in one
 * message, so a misconfigured function fails its first invocation with the whole list.
 */
public record ProducerConfig(String queueUrl, int batchSize, String environment, int ordersPerInvocation,
                             String region, Optional<URI> endpointOverride) {

    /** SendMessageBatch accepts at most 10 entries (SQS quotas, "Messages per batch"). */
    public static final int SQS_MAX_BATCH_ENTRIES = 10;
    /** Keeps one invocation well inside the function timeout; the stack setting allows the same range. */
    public static final int MAX_ORDERS_PER_INVOCATION = 1000;

    public static final String QUEUE_URL = "QUEUE_URL";
    public static final String BATCH_SIZE = "BATCH_SIZE";
    public static final String ENVIRONMENT = "ENVIRONMENT";
    public static final String ORDERS_PER_INVOCATION = "ORDERS_PER_INVOCATION";
    /** Set by the Lambda runtime. */
    public static final String AWS_REGION = "AWS_REGION";
    /** The SDK's standard per-service endpoint variable; unset on AWS, set for local SQS-compatible servers. */
    public static final String ENDPOINT_URL = "AWS_ENDPOINT_URL_SQS";

    private static final List<String> ENVIRONMENTS = List.of("dev", "staging", "prod");

    public static ProducerConfig fromEnvironment(Map<String, String> env) {
        List<String> problems = new ArrayList<>();

        String queueUrl = env.get(QUEUE_URL);
        if (blank(queueUrl)) {
            problems.add(QUEUE_URL + " is required (the orders queue URL)");
        } else if (!queueUrl.startsWith("https://") && !queueUrl.startsWith("http://")) {
            problems.add(QUEUE_URL + " must be an http(s) queue URL, got '" + queueUrl + "'");
        }
        int batchSize = integer(env, BATCH_SIZE, 1, SQS_MAX_BATCH_ENTRIES, problems);
        String environment = env.get(ENVIRONMENT);
        if (!ENVIRONMENTS.contains(environment)) {
            problems.add(ENVIRONMENT + " must be one of " + String.join(", ", ENVIRONMENTS) + ", got "
                    + (environment == null ? "nothing" : "'" + environment + "'"));
        }
        int orders = integer(env, ORDERS_PER_INVOCATION, 0, MAX_ORDERS_PER_INVOCATION, problems);
        String region = env.get(AWS_REGION);
        if (blank(region)) {
            problems.add(AWS_REGION + " is required (the Lambda runtime sets it)");
        }
        Optional<URI> endpoint = Optional.ofNullable(env.get(ENDPOINT_URL)).filter(s -> !s.isBlank()).map(URI::create);

        if (!problems.isEmpty()) {
            throw new IllegalStateException("order producer is misconfigured: " + String.join("; ", problems));
        }
        return new ProducerConfig(queueUrl, batchSize, environment, orders, region, endpoint);
    }

    private static int integer(Map<String, String> env, String key, int min, int max, List<String> problems) {
        String raw = env.get(key);
        try {
            int value = Integer.parseInt(raw == null ? "" : raw.trim());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below with the bound
        }
        problems.add(key + " must be an integer from " + min + " to " + max + ", got "
                + (raw == null ? "nothing" : "'" + raw + "'"));
        return min;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}

package orders.producer;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.google.gson.Gson;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.SqsClientBuilder;

import java.io.PrintStream;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The order-producer Lambda: each invocation generates {@code ORDERS_PER_INVOCATION} orders, sends them
 * to {@code QUEUE_URL} in batches of {@code BATCH_SIZE}, logs the result as JSON and emits EMF metrics.
 * An invocation that leaves orders unsent throws, so the platform's retries and on-failure destination
 * apply. Handler string: {@code orders.producer.OrderProducerHandler::handleRequest}.
 */
public final class OrderProducerHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    private final ProducerConfig config;
    private final OrderGenerator generator;
    private final BatchSender sender;
    private final JsonLog log;
    private final PrintStream out;
    private final Clock clock;
    private final Gson gson = new Gson();

    /** The runtime's entry: configuration comes from the process environment, validated here (cold start). */
    public OrderProducerHandler() {
        this(System.getenv());
    }

    /** Configuration from {@code env}; credentials are the ones the Lambda runtime puts there. */
    public OrderProducerHandler(Map<String, String> env) {
        this(ProducerConfig.fromEnvironment(env), env);
    }

    private OrderProducerHandler(ProducerConfig config, Map<String, String> env) {
        this(config, sqsClient(config, env), new OrderGenerator(new SecureRandom(), Clock.systemUTC()),
                RetryPolicy.DEFAULT, d -> Thread.sleep(d.toMillis()),
                System.out, Clock.systemUTC());
    }

    /** Everything injected (tests). */
    public OrderProducerHandler(ProducerConfig config, SqsClient sqs, OrderGenerator generator, RetryPolicy retry,
                                BatchSender.Sleeper sleeper, PrintStream out, Clock clock) {
        this.config = config;
        this.generator = generator;
        this.sender = new BatchSender(sqs, config.queueUrl(), config.batchSize(), retry, sleeper);
        this.out = out;
        this.clock = clock;
        this.log = new JsonLog(out, clock, gson, EmbeddedMetrics.SERVICE, config.environment());
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        String correlationId = context != null && context.getAwsRequestId() != null
                ? context.getAwsRequestId() : UUID.randomUUID().toString();
        long started = clock.millis();

        List<Order> orders = generator.generate(config.ordersPerInvocation());
        BatchSender.Outcome outcome;
        try {
            outcome = sender.send(orders.stream().map(gson::toJson).toList());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OrdersNotSentException("interrupted while sending orders");
        }
        long duration = clock.millis() - started;

        out.println(EmbeddedMetrics.line(gson, clock.instant(), config.environment(), orders.size(), outcome.sent(),
                outcome.failed(), duration));
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("generated", orders.size());
        result.put("sent", outcome.sent());
        result.put("failed", outcome.failed());
        result.put("sendCalls", outcome.calls());
        result.put("durationMillis", duration);
        if (outcome.failed() > 0) {
            Map<String, Object> fields = new LinkedHashMap<>(result);
            fields.put("failures", outcome.failures());
            log.error(correlationId, "orders not sent", fields);
            throw new OrdersNotSentException(outcome.failed() + " of " + orders.size() + " orders not sent; first: "
                    + outcome.failures().get(0));
        }
        log.info(correlationId, "orders sent", result);
        return result;
    }

    private static SqsClient sqsClient(ProducerConfig config, Map<String, String> env) {
        SqsClientBuilder builder = SqsClient.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .region(Region.of(config.region()))
                .credentialsProvider(StaticCredentialsProvider.create(credentials(env)));
        config.endpointOverride().ifPresent(builder::endpointOverride);
        return builder.build();
    }

    /**
     * The execution role's credentials, which the Lambda runtime sets as environment variables for the
     * life of the execution environment. Reading them here (rather than the SDK's default chain) keeps
     * the client from ever probing profile files or instance metadata.
     */
    private static AwsCredentials credentials(Map<String, String> env) {
        String key = env.get("AWS_ACCESS_KEY_ID");
        String secret = env.get("AWS_SECRET_ACCESS_KEY");
        String token = env.get("AWS_SESSION_TOKEN");
        if (key == null || secret == null) {
            throw new IllegalStateException(
                    "order producer is misconfigured: AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are required (the Lambda runtime sets them)");
        }
        return token == null ? AwsBasicCredentials.create(key, secret) : AwsSessionCredentials.create(key, secret, token);
    }
}

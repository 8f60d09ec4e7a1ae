package orders.producer;

import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

import java.io.File;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The handler against ElasticMQ, an SQS-compatible server bound to 127.0.0.1, over the real SQS API. */
class ElasticMqIntegrationTest {
    static SQSRestServer server;
    static URI endpoint;
    static SqsClient sqs;

    @BeforeAll
    static void start() {
        server = SQSRestServerBuilder.withInterface("127.0.0.1").withDynamicPort().start();
        int port = server.waitUntilStarted().localAddress().getPort();
        endpoint = URI.create("http://127.0.0.1:" + port);
        sqs = SqsClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"))).build();
    }

    @AfterAll
    static void stop() {
        sqs.close();
        server.stopAndWait();
    }

    Map<String, String> env(String queueUrl, int orders, int batchSize) {
        Map<String, String> env = new HashMap<>();
        env.put("QUEUE_URL", queueUrl);
        env.put("BATCH_SIZE", Integer.toString(batchSize));
        env.put("ENVIRONMENT", "dev");
        env.put("ORDERS_PER_INVOCATION", Integer.toString(orders));
        env.put("AWS_REGION", "us-east-1");
        env.put("AWS_ACCESS_KEY_ID", "test");
        env.put("AWS_SECRET_ACCESS_KEY", "test");
        env.put("AWS_ENDPOINT_URL_SQS", endpoint.toString());
        return env;
    }

    List<Message> drain(String queueUrl) {
        List<Message> all = new ArrayList<>();
        while (true) {
            List<Message> batch = sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(0)).messages();
            if (batch.isEmpty()) {
                return all;
            }
            all.addAll(batch);
        }
    }

    @Test
    void twentyFiveOrdersArriveAsValidOrders() {
        String queueUrl = sqs.createQueue(b -> b.queueName("orders-25")).queueUrl();

        Map<String, Object> result = new OrderProducerHandler(env(queueUrl, 25, 10)).handleRequest(Map.of(), null);

        List<Message> messages = drain(queueUrl);
        assertEquals(25, messages.size());
        assertEquals(25, result.get("sent"));
        assertEquals(3, result.get("sendCalls"));
        messages.forEach(m -> ValidOrders.assertValid(m.body()));
        assertEquals(25, messages.stream().map(Message::body).distinct().count());
    }

    @Test
    void theDeploymentArchiveRunsOnItsOwnWithoutThePulumiSdk() throws Exception {
        Path zip = Path.of("target", "order-producer.zip");
        Path root = Files.createTempDirectory("order-producer-zip");
        List<URL> classpath = new ArrayList<>();
        classpath.add(root.toUri().toURL());
        List<String> names = new ArrayList<>();
        try (ZipFile file = new ZipFile(zip.toFile())) {
            for (Enumeration<? extends ZipEntry> e = file.entries(); e.hasMoreElements(); ) {
                ZipEntry entry = e.nextElement();
                names.add(entry.getName());
                Path target = root.resolve(entry.getName()).normalize();
                assertTrue(target.startsWith(root), entry.getName());
                if (entry.isDirectory()) {
                    continue;
                }
                Files.createDirectories(target.getParent());
                try (var in = file.getInputStream(entry)) {
                    Files.copy(in, target);
                }
                if (entry.getName().startsWith("lib/")) {
                    classpath.add(target.toUri().toURL());
                }
            }
        }
        assertTrue(names.contains("orders/producer/OrderProducerHandler.class"));
        assertFalse(names.stream().anyMatch(n -> n.contains("pulumi") || n.startsWith("infra/") || n.contains("grpc")
                || n.contains("protobuf") || n.contains("elasticmq") || n.contains("apache")), names.toString());
        String queueUrl = sqs.createQueue(b -> b.queueName("orders-from-zip")).queueUrl();

        // only the archive's contents and the JDK: what the Lambda Java runtime gives the handler
        try (var loader = new URLClassLoader(classpath.toArray(URL[]::new), ClassLoader.getPlatformClassLoader())) {
            Class<?> handlerClass = loader.loadClass("orders.producer.OrderProducerHandler");
            Object handler = handlerClass.getConstructor(Map.class).newInstance(env(queueUrl, 12, 5));
            Class<?> context = loader.loadClass("com.amazonaws.services.lambda.runtime.Context");
            Method handle = handlerClass.getMethod("handleRequest", Map.class, context);
            @SuppressWarnings("unchecked")
            Map<String, Object> result = (Map<String, Object>) handle.invoke(handler, Map.of(), null);
            assertEquals(12, result.get("sent"));
        }
        List<Message> messages = drain(queueUrl);
        assertEquals(12, messages.size());
        messages.forEach(m -> ValidOrders.assertValid(m.body()));
        System.out.printf("order-producer.zip: %d bytes, %d entries, %d jars%n", zip.toFile().length(), names.size(),
                names.stream().filter(n -> n.startsWith("lib/")).count());
        deleteTree(root.toFile());
    }

    static void deleteTree(File f) {
        File[] children = f.listFiles();
        if (children != null) {
            for (File c : children) {
                deleteTree(c);
            }
        }
        f.delete();
    }
}

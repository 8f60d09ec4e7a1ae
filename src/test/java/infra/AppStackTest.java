package infra;

import infra.config.Settings;
import infra.config.StackFiles;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import infra.observability.AlertPublishers;
import infra.observability.LogGroupReferences;
import infra.plan.AwsMocks;
import infra.plan.CapturedResource;
import infra.plan.OfflinePlan;
import infra.plan.RenderedStack;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The whole program, rendered from the checked-in stack files the way the offline plan does. */
class AppStackTest {

    private static OfflinePlan.Result render(String stack, AwsMocks.Mode mode) throws IOException {
        StackFiles.StackConfig file = OfflinePlan.stackFile(Path.of("."), stack);
        Settings settings = Settings.load(file.values(), file.secretKeys(), file.stack());
        return OfflinePlan.render(file, settings, mode, App::stack);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "staging", "prod"})
    void everyStackRendersEveryComponentWithoutErrors(String stack) throws IOException {
        OfflinePlan.Result result = render(stack, AwsMocks.Mode.KNOWN_OUTPUTS);
        assertNull(result.failure(), () -> "program failed: " + result.failure());
        Set<String> components = result.stack().resources().stream().map(CapturedResource::type)
                .filter(t -> t.startsWith("order-processing:")).collect(Collectors.toCollection(TreeSet::new));
        assertTrue(components.containsAll(List.of(
                "order-processing:security:KmsKeys", "order-processing:observability:LogGroups",
                "order-processing:network:Network", "order-processing:data:Database",
                "order-processing:messaging:OrderQueue", "order-processing:compute:Compute",
                "order-processing:producer:OrderProducer", "order-processing:observability:Alerting",
                "order-processing:observability:Alarms", "order-processing:observability:Dashboard",
                "order-processing:security:SecurityServices", "order-processing:security:ThreatDetection",
                "order-processing:security:FindingRouting", "order-processing:security:AuditTrail",
                "order-processing:security:ConfigRecorder")),
                () -> "components present: " + components);
    }

    @org.junit.jupiter.api.Test
    void withNoFindingSourceThereIsNoFindingsQueueNorItsAlarm() throws IOException {
        StackFiles.StackConfig file = OfflinePlan.stackFile(Path.of("."), "dev");
        Map<String, String> values = new java.util.HashMap<>(file.values());
        values.put("order-processing:securityHubEnabled", "false"); // GuardDuty is already off in dev
        StackFiles.StackConfig noHub = new StackFiles.StackConfig("dev", file.file(), values, file.secretKeys());
        Settings settings = Settings.load(values, file.secretKeys(), "dev");

        OfflinePlan.Result result = OfflinePlan.render(noHub, settings, AwsMocks.Mode.KNOWN_OUTPUTS, App::stack);

        assertNull(result.failure(), () -> "program failed: " + result.failure());
        RenderedStack rendered = result.stack();
        assertEquals(List.of("order-producer-dlq", "orders-dlq", "orders-queue"), rendered.ofType("aws:sqs/queue:Queue").stream()
                .map(CapturedResource::name).sorted().toList());
        assertEquals(List.of(), rendered.ofType("aws:cloudwatch/metricAlarm:MetricAlarm").stream()
                .map(CapturedResource::name).filter(n -> n.contains("findings")).toList());
        assertEquals(List.of(), rendered.ofType("order-processing:security:FindingRouting"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "staging", "prod"})
    void everyLogGroupThatSomethingWritesToIsDeclared(String stack) throws IOException {
        RenderedStack rendered = render(stack, AwsMocks.Mode.KNOWN_OUTPUTS).stack();
        assertEquals(List.of(), LogGroupReferences.undeclared(rendered));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void rendersAsTheFirstPreviewOfANewStack(String stack) throws IOException {
        OfflinePlan.Result result = render(stack, AwsMocks.Mode.UNKNOWN_OUTPUTS);
        assertNull(result.failure(), () -> "program failed with unknown outputs: " + result.failure());
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void encryptedTopicsCanBePublishedToByAlarmsAndEventRules(String stack) throws IOException {
        RenderedStack rendered = render(stack, AwsMocks.Mode.KNOWN_OUTPUTS).stack();
        String messagingKeyArn = (String) rendered.ofType("aws:sns/topic:Topic").get(0).input("kmsMasterKeyId").orElseThrow();
        CapturedResource key = rendered.ofType("aws:kms/key:Key").stream()
                .filter(k -> messagingKeyArn.equals(k.outputMap().get("arn"))).findFirst().orElseThrow();
        JsonArray statements = JsonParser.parseString((String) key.input("policy").orElseThrow())
                .getAsJsonObject().getAsJsonArray("Statement");
        for (String publisher : List.of(AlertPublishers.CLOUDWATCH, AlertPublishers.EVENTS)) {
            JsonObject grant = statementFor(statements, publisher);
            assertEquals("[\"kms:Decrypt\",\"kms:GenerateDataKey*\"]", grant.get("Action").toString(), publisher);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void logGroupsAreEncryptedWithAKeyThatAdmitsThisRegionsCloudWatchLogs(String stack) throws IOException {
        RenderedStack rendered = render(stack, AwsMocks.Mode.KNOWN_OUTPUTS).stack();
        Set<Object> keyArns = rendered.ofType("aws:cloudwatch/logGroup:LogGroup").stream()
                .map(g -> g.input("kmsKeyId").orElseThrow()).collect(Collectors.toSet());
        assertEquals(1, keyArns.size(), "one logs key for every log group");
        CapturedResource key = rendered.ofType("aws:kms/key:Key").stream()
                .filter(k -> keyArns.contains(k.outputMap().get("arn"))).findFirst().orElseThrow();
        JsonArray statements = JsonParser.parseString((String) key.input("policy").orElseThrow())
                .getAsJsonObject().getAsJsonArray("Statement");
        JsonObject grant = statementFor(statements, "logs.us-east-1.amazonaws.com");
        assertEquals("arn:aws:logs:us-east-1:123456789012:log-group:*", grant.getAsJsonObject("Condition")
                .getAsJsonObject("ArnLike").get("kms:EncryptionContext:aws:logs:arn").getAsString());
    }

    private static JsonObject statementFor(JsonArray statements, String servicePrincipal) {
        for (var element : statements) {
            JsonObject statement = element.getAsJsonObject();
            JsonObject principal = statement.getAsJsonObject("Principal");
            if (principal != null && principal.has("Service")
                    && principal.get("Service").toString().contains("\"" + servicePrincipal + "\"")) {
                return statement;
            }
        }
        throw new AssertionError("no key policy statement for " + servicePrincipal + " in " + statements);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void exportsEveryOutputTheRunbooksNeed(String stack) throws IOException {
        Map<String, Object> exports = render(stack, AwsMocks.Mode.KNOWN_OUTPUTS).exports();
        List<String> missing = infra.observability.RunbookFacts.OUTPUT_NAMES.stream()
                .filter(name -> !exports.containsKey(name)).toList();
        assertEquals(List.of(), missing);
        assertEquals("order-processing-" + stack, exports.get("clusterName"));
        assertEquals(stack + "-auroracluster", exports.get("dbClusterIdentifier"));
    }
}

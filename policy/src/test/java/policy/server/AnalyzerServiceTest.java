package policy.server;

import com.google.protobuf.Empty;
import com.google.protobuf.Struct;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import policy.sample.SamplePack;
import pulumirpc.AnalyzerOuterClass.AnalyzeDiagnostic;
import pulumirpc.AnalyzerOuterClass.AnalyzeRequest;
import pulumirpc.AnalyzerOuterClass.AnalyzeResponse;
import pulumirpc.AnalyzerOuterClass.AnalyzeStackRequest;
import pulumirpc.AnalyzerOuterClass.AnalyzerHandshakeRequest;
import pulumirpc.AnalyzerOuterClass.AnalyzerInfo;
import pulumirpc.AnalyzerOuterClass.AnalyzerPropertyDependencies;
import pulumirpc.AnalyzerOuterClass.AnalyzerResource;
import pulumirpc.AnalyzerOuterClass.AnalyzerResourceOptions;
import pulumirpc.AnalyzerOuterClass.AnalyzerStackConfigureRequest;
import pulumirpc.AnalyzerOuterClass.ConfigureAnalyzerRequest;
import pulumirpc.AnalyzerOuterClass.EnforcementLevel;
import pulumirpc.AnalyzerOuterClass.PolicyConfig;
import pulumirpc.AnalyzerOuterClass.PolicyInfo;
import pulumirpc.AnalyzerOuterClass.PolicySeverity;
import pulumirpc.AnalyzerOuterClass.PolicyType;
import pulumirpc.AnalyzerOuterClass.RemediateResponse;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static policy.testing.Fixtures.secret;
import static policy.testing.Fixtures.struct;
import static policy.testing.Fixtures.urn;

/** The service driven over a real gRPC channel on loopback, in the engine's call order. */
class AnalyzerServiceTest {
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    private LoopbackAnalyzer analyzer;

    @BeforeEach
    void start() throws Exception {
        analyzer = new LoopbackAnalyzer(SamplePack.create(), new PrintStream(stderr, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void stop() throws Exception {
        analyzer.close();
    }

    private static AnalyzeRequest queue(String name, String json) {
        return AnalyzeRequest.newBuilder().setType(SamplePack.QUEUE).setUrn(urn(SamplePack.QUEUE, name)).setName(name)
                .setProperties(struct(json)).setOptions(AnalyzerResourceOptions.newBuilder()
                        .setParent(urn("pulumi:pulumi:Stack", "order-processing-dev"))).build();
    }

    private static PolicyConfig level(EnforcementLevel level) {
        return PolicyConfig.newBuilder().setEnforcementLevel(level).build();
    }

    private void configure(String policy, PolicyConfig config) {
        analyzer.stub().configure(ConfigureAnalyzerRequest.newBuilder().putPolicyConfig(policy, config).build());
    }

    private static List<String> summary(AnalyzeResponse response) {
        return response.getDiagnosticsList().stream()
                .map(d -> d.getEnforcementLevel() + " " + d.getPolicyName() + " " + d.getUrn()).toList();
    }

    @Test
    void answersEveryRpcInTheEnginesCallOrder() {
        var stub = analyzer.stub();

        stub.handshake(AnalyzerHandshakeRequest.newBuilder().setEngineAddress("127.0.0.1:4000")
                .setRootDirectory("/p").setProgramDirectory("/p").build());
        stub.configureStack(AnalyzerStackConfigureRequest.newBuilder().setStack("dev").setProject("order-processing")
                .setOrganization("acme").setDryRun(true).putConfig("aws:region", "eu-west-1").putTags("team", "platform").build());
        assertEquals("1.0.0", stub.getPluginInfo(Empty.getDefaultInstance()).getVersion());
        AnalyzerInfo info = stub.getAnalyzerInfo(Empty.getDefaultInstance());
        stub.configure(ConfigureAnalyzerRequest.newBuilder()
                .putPolicyConfig("all", level(EnforcementLevel.ADVISORY))
                .putPolicyConfig("sample-queue-encrypted", level(EnforcementLevel.REMEDIATE))
                .putPolicyConfig("sample-log-retention", PolicyConfig.newBuilder().setEnforcementLevel(EnforcementLevel.MANDATORY)
                        .setProperties(struct("{'minimumRetentionDays':30}")).build())
                .putPolicyConfig("sample-required-tags", level(EnforcementLevel.DISABLED))
                .putPolicyConfig("sample-dead-letter-queue-in-stack", level(EnforcementLevel.MANDATORY)).build());
        RemediateResponse remediation = stub.remediate(queue("orders", "{'name':'orders','kmsMasterKeyId':null}"));
        AnalyzeResponse remediated = stub.analyze(queue("orders", "{'name':'orders','sqsManagedSseEnabled':true}"));
        AnalyzeResponse logGroup = stub.analyze(AnalyzeRequest.newBuilder().setType(SamplePack.LOG_GROUP)
                .setUrn(urn(SamplePack.LOG_GROUP, "app")).setName("app").setProperties(struct("{'retentionInDays':14}")).build());
        AnalyzeResponse stack = stub.analyzeStack(AnalyzeStackRequest.newBuilder()
                .addResources(AnalyzerResource.newBuilder().setType(SamplePack.QUEUE).setUrn(urn(SamplePack.QUEUE, "stray"))
                        .setName("stray").setProperties(struct("{'redrivePolicy':'{\\\"deadLetterTargetArn\\\":\\\"arn:gone\\\"}'}"))
                        .addDependencies(urn(SamplePack.QUEUE, "dlq"))
                        .putPropertyDependencies("redrivePolicy", AnalyzerPropertyDependencies.newBuilder()
                                .addUrns(urn(SamplePack.QUEUE, "dlq")).build()))
                .build());
        stub.cancel(Empty.getDefaultInstance());

        assertEquals("127.0.0.1:4000", analyzer.server.service().engineAddress());
        assertEquals("sample-pack", info.getName());
        assertEquals("0.1.0", info.getVersion());
        assertTrue(info.getSupportsConfig());
        PolicyInfo encrypted = info.getPolicies(0);
        assertEquals("sample-queue-encrypted", encrypted.getName());
        assertEquals(EnforcementLevel.MANDATORY, encrypted.getEnforcementLevel());
        assertEquals(PolicyType.POLICY_TYPE_RESOURCE, encrypted.getPolicyType());
        assertEquals(PolicySeverity.POLICY_SEVERITY_HIGH, encrypted.getSeverity());
        assertEquals(List.of("SC-28", "SQS.1"), encrypted.getTagsList());
        assertEquals("Set kmsMasterKeyId, or sqsManagedSseEnabled to true", encrypted.getRemediationSteps());
        assertEquals("Queues encrypted", encrypted.getDisplayName());
        assertEquals("SQS queues are encrypted at rest", encrypted.getDescription());
        assertEquals("NIST-800-53 rev5 SC-28", encrypted.getFramework().getName() + " " + encrypted.getFramework().getVersion()
                + " " + encrypted.getFramework().getSpecification());
        assertFalse(encrypted.hasConfigSchema());
        PolicyInfo retention = info.getPolicies(1);
        assertEquals(EnforcementLevel.ADVISORY, retention.getEnforcementLevel());
        assertEquals(struct("{'minimumRetentionDays':{'type':'integer','description':'Shortest retention accepted, in days',"
                + "'minimum':1,'default':7}}"), retention.getConfigSchema().getProperties());
        assertEquals(PolicyType.POLICY_TYPE_STACK, info.getPolicies(3).getPolicyType());

        assertEquals(1, remediation.getRemediationsCount());
        assertEquals(struct("{'name':'orders','kmsMasterKeyId':null,'sqsManagedSseEnabled':true}"),
                remediation.getRemediations(0).getProperties());
        assertEquals("sample-pack", remediation.getRemediations(0).getPolicyPackName());
        assertEquals(List.of(), remediated.getDiagnosticsList());
        assertEquals(List.of("MANDATORY sample-log-retention " + urn(SamplePack.LOG_GROUP, "app")), summary(logGroup));
        assertEquals("Log groups keep logs for at least the configured number of days\nlog group 'app' keeps logs 14 days, minimum is 30",
                logGroup.getDiagnostics(0).getMessage());
        assertEquals(List.of("MANDATORY sample-dead-letter-queue-in-stack " + urn(SamplePack.QUEUE, "stray")), summary(stack));
        assertTrue(analyzer.server.isCancelled());
    }

    @ParameterizedTest
    @CsvSource({"ADVISORY, ADVISORY", "MANDATORY, MANDATORY", "REMEDIATE, MANDATORY", "DISABLED, none"})
    void reportsTheConfiguredLevelAndNeverDisabled(EnforcementLevel configured, String reported) {
        configure("sample-queue-encrypted", level(configured));

        AnalyzeResponse response = analyzer.stub().analyze(queue("orders", "{'tags':{'Environment':'e','Project':'p'}}"));

        assertEquals(reported.equals("none") ? List.of() : List.of(reported + " sample-queue-encrypted " + urn(SamplePack.QUEUE, "orders")),
                summary(response));
    }

    @Test
    void unknownValuesDuringPreviewGiveAnAdvisoryNamingThePath() {
        AnalyzeResponse response = analyzer.stub().analyze(queue("orders",
                "{'kmsMasterKeyId':" + secret("'04da6b54-80e4-46f7-96ec-b56ff0331ba9'") + ",'tags':{}}"));

        AnalyzeDiagnostic d = response.getDiagnostics(0);
        assertEquals(EnforcementLevel.ADVISORY, d.getEnforcementLevel());
        assertTrue(d.getMessage().contains("cannot be decided during preview: 'kmsMasterKeyId' is unknown"), d.getMessage());
        assertEquals(PolicySeverity.POLICY_SEVERITY_HIGH, d.getSeverity());
    }

    @Test
    void configThatBreaksASchemaIsRejectedWithThePolicyName() {
        StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () -> configure("sample-log-retention",
                PolicyConfig.newBuilder().setEnforcementLevel(EnforcementLevel.MANDATORY)
                        .setProperties(struct("{'minimumRetentionDays':'long'}")).build()));

        assertEquals(Status.Code.INVALID_ARGUMENT, e.getStatus().getCode());
        assertEquals("invalid policy config for pack 'sample-pack': sample-log-retention: $.minimumRetentionDays: "
                + "string found, integer expected", e.getStatus().getDescription());
        // the previous configuration stays in force
        assertEquals(List.of("MANDATORY sample-queue-encrypted " + urn(SamplePack.QUEUE, "q")), summary(analyzer.stub().analyze(queue("q", "{}"))));
    }

    @Test
    void malformedRequestsGetInvalidArgument() {
        var stub = analyzer.stub();

        StatusRuntimeException noType = assertThrows(StatusRuntimeException.class,
                () -> stub.analyze(AnalyzeRequest.newBuilder().setUrn("urn:x").build()));
        StatusRuntimeException duplicate = assertThrows(StatusRuntimeException.class, () -> stub.analyzeStack(
                AnalyzeStackRequest.newBuilder()
                        .addResources(AnalyzerResource.newBuilder().setType("t:m:T").setUrn("urn:a"))
                        .addResources(AnalyzerResource.newBuilder().setType("t:m:T").setUrn("urn:a")).build()));
        StatusRuntimeException badLevel = assertThrows(StatusRuntimeException.class, () -> configure("sample-log-retention",
                PolicyConfig.newBuilder().setEnforcementLevelValue(42).build()));

        assertEquals("INVALID_ARGUMENT: AnalyzeRequest.type is empty", noType.getMessage());
        assertEquals("INVALID_ARGUMENT: AnalyzeStackRequest lists urn 'urn:a' twice", duplicate.getMessage());
        assertEquals("INVALID_ARGUMENT: policy 'sample-log-retention': unknown enforcement level 42", badLevel.getMessage());
        assertFalse(analyzer.server.isCancelled());
    }

    @Test
    void theTagRuleTakesTheEnvironmentFromConfigureStacksConfigBeforeTheStackName() throws Exception {
        String queue = "aws:sqs/queue:Queue";
        String rule = policy.rules.tags.TaggableResourcesCarryRequiredTags.NAME;
        try (LoopbackAnalyzer pack = new LoopbackAnalyzer(policy.OrderProcessingPack.create(),
                new PrintStream(stderr, true, StandardCharsets.UTF_8))) {
            pack.stub().configureStack(AnalyzerStackConfigureRequest.newBuilder().setStack("prod-eu").setProject("order-processing")
                    .putConfig("order-processing:environment", "prod").putConfig("aws:region", "eu-west-1").build());

            List<String> tagged = new java.util.ArrayList<>();
            for (String environment : List.of("prod", "prod-eu")) {
                pack.stub().analyze(AnalyzeRequest.newBuilder().setType(queue).setUrn(urn(queue, "orders")).setName("orders")
                        .setProperties(struct("{'tags':{'Environment':'" + environment + "','Project':'order-processing'}}")).build())
                        .getDiagnosticsList().stream().filter(d -> d.getPolicyName().equals(rule))
                        .forEach(d -> tagged.add(environment + ": " + d.getEnforcementLevel() + " " + d.getMessage()));
            }

            assertEquals(List.of("prod-eu: MANDATORY Taggable AWS resources carry the required tags, and Environment names the "
                    + "stack's environment\naws:sqs/queue:Queue 'orders' has Environment 'prod-eu' but the stack's environment is 'prod'"),
                    tagged);
        }
    }

    @Test
    void everyRpcWorksWithoutConfigureStack() {
        var stub = analyzer.stub();

        assertEquals(4, stub.getAnalyzerInfo(Empty.getDefaultInstance()).getPoliciesCount());
        assertEquals(List.of("MANDATORY sample-queue-encrypted " + urn(SamplePack.QUEUE, "q"), "ADVISORY sample-required-tags " + urn(SamplePack.QUEUE, "q")),
                summary(stub.analyze(queue("q", "{'tags':{}}"))));
        assertEquals(0, stub.analyzeStack(AnalyzeStackRequest.getDefaultInstance()).getDiagnosticsCount());
        assertEquals(0, stub.remediate(queue("q", "{}")).getRemediationsCount());
    }

    @Test
    void concurrentAnalyzeCallsWhileReconfiguringStayConsistent() throws Exception {
        int threads = 8;
        int callsPerThread = 100;
        var pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        List<java.util.concurrent.Future<Integer>> futures = new java.util.ArrayList<>();
        for (int t = 0; t < threads; t++) {
            futures.add(pool.submit(() -> {
                int wellFormed = 0;
                for (int i = 0; i < callsPerThread; i++) {
                    List<String> levels = analyzer.stub().analyze(queue("q" + i, "{'tags':{'Environment':'e','Project':'p'}}"))
                            .getDiagnosticsList().stream().map(d -> d.getEnforcementLevel().name()).toList();
                    if (levels.equals(List.of("MANDATORY")) || levels.equals(List.of("ADVISORY"))) {
                        wellFormed++;
                    }
                }
                return wellFormed;
            }));
        }
        for (int i = 0; i < 50; i++) {
            configure("sample-queue-encrypted", level(i % 2 == 0 ? EnforcementLevel.ADVISORY : EnforcementLevel.MANDATORY));
        }
        int total = 0;
        for (var f : futures) {
            total += f.get();
        }
        pool.shutdown();

        assertEquals(threads * callsPerThread, total);
    }

    @Test
    void acceptsMessagesFarAboveTheGrpcDefaultOfFourMebibytes() {
        Struct.Builder big = Struct.newBuilder();
        big.putFields("policy", com.google.protobuf.Value.newBuilder().setStringValue("x".repeat(12 * 1024 * 1024)).build());
        big.putFields("sqsManagedSseEnabled", com.google.protobuf.Value.newBuilder().setBoolValue(true).build());

        AnalyzeResponse response = analyzer.stub().analyze(AnalyzeRequest.newBuilder().setType(SamplePack.QUEUE)
                .setUrn(urn(SamplePack.QUEUE, "big")).setProperties(big).build());

        assertEquals(List.of(), response.getDiagnosticsList());
    }
}

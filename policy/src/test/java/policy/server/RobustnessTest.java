package policy.server;

import com.google.protobuf.ListValue;
import com.google.protobuf.NullValue;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import org.junit.jupiter.api.Test;
import policy.sample.SamplePack;
import policy.sdk.Wire;
import pulumirpc.AnalyzerOuterClass.AnalyzeDiagnostic;
import pulumirpc.AnalyzerOuterClass.AnalyzeRequest;
import pulumirpc.AnalyzerOuterClass.AnalyzeResponse;
import pulumirpc.AnalyzerOuterClass.AnalyzeStackRequest;
import pulumirpc.AnalyzerOuterClass.AnalyzerResource;
import pulumirpc.AnalyzerOuterClass.ConfigureAnalyzerRequest;
import pulumirpc.AnalyzerOuterClass.EnforcementLevel;
import pulumirpc.AnalyzerOuterClass.PolicyConfig;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hundreds of random and hostile payloads (deep nesting, huge strings, wrong kinds, stray and broken
 * signature objects, sentinels everywhere); the server must stay up and every answer must be
 * either a well-formed response or INVALID_ARGUMENT.
 */
class RobustnessTest {
    private static final List<String> TYPES = List.of(SamplePack.QUEUE, SamplePack.LOG_GROUP, "aws:s3/bucket:Bucket", "", "x");
    private static final List<String> SIGNATURES = List.of(Wire.SECRET_SIG, Wire.ASSET_SIG, Wire.ARCHIVE_SIG,
            Wire.RESOURCE_REFERENCE_SIG, Wire.OUTPUT_VALUE_SIG, "803fd3297a5875dc03ca845dda5d2a98", "not-a-signature");
    private static final List<String> KEYS = List.of("tags", "kmsMasterKeyId", "sqsManagedSseEnabled", "retentionInDays",
            "redrivePolicy", "arn", "value", "assets", "text", "path", "uri", "hash", "Environment", "a.b", "[0]", "");

    private final Random random = new Random(20261204L);

    private Value randomValue(int depth) {
        int pick = random.nextInt(depth <= 0 ? 5 : 10);
        return switch (pick) {
            case 0 -> Value.newBuilder().setNullValue(NullValue.NULL_VALUE).build();
            case 1 -> Value.newBuilder().setBoolValue(random.nextBoolean()).build();
            case 2 -> Value.newBuilder().setNumberValue(random.nextBoolean() ? random.nextGaussian() * 1e6
                    : List.of(Double.NaN, Double.POSITIVE_INFINITY, -0.0, 1e308).get(random.nextInt(4))).build();
            case 3 -> Value.newBuilder().setStringValue(randomString()).build();
            case 4 -> Value.newBuilder().setStringValue(List.copyOf(Wire.UNKNOWN_SENTINELS.keySet())
                    .get(random.nextInt(Wire.UNKNOWN_SENTINELS.size()))).build();
            case 5, 6 -> {
                ListValue.Builder list = ListValue.newBuilder();
                for (int i = random.nextInt(4); i > 0; i--) {
                    list.addValues(randomValue(depth - 1));
                }
                yield Value.newBuilder().setListValue(list).build();
            }
            case 7 -> signatureObject(depth);
            default -> Value.newBuilder().setStructValue(randomStruct(depth - 1)).build();
        };
    }

    private Value signatureObject(int depth) {
        Struct.Builder s = Struct.newBuilder();
        Value sig = random.nextInt(5) == 0 ? randomValue(0) : Value.newBuilder()
                .setStringValue(SIGNATURES.get(random.nextInt(SIGNATURES.size()))).build();
        s.putFields(Wire.SIGNATURE_KEY, sig);
        for (int i = random.nextInt(3); i > 0; i--) {
            s.putFields(KEYS.get(random.nextInt(KEYS.size())), randomValue(depth - 1));
        }
        return Value.newBuilder().setStructValue(s).build();
    }

    private Struct randomStruct(int depth) {
        Struct.Builder s = Struct.newBuilder();
        for (int i = random.nextInt(6); i > 0; i--) {
            s.putFields(KEYS.get(random.nextInt(KEYS.size())), randomValue(depth));
        }
        return s.build();
    }

    private String randomString() {
        return switch (random.nextInt(6)) {
            case 0 -> "x".repeat(random.nextInt(2_000_000));
            case 1 -> "{\"deadLetterTargetArn\":" + random.nextInt() + "}";
            case 2 -> "{not json";
            case 3 -> "\u0000\uD83D\uDE00\u202E";
            default -> Integer.toHexString(random.nextInt());
        };
    }

    private static Value nested(int levels) {
        Value v = Value.newBuilder().setStringValue("bottom").build();
        for (int i = 0; i < levels; i++) {
            v = Value.newBuilder().setStructValue(Struct.newBuilder().putFields("tags", v)).build();
        }
        return v;
    }

    private AnalyzeRequest randomRequest() {
        return randomRequest(true);
    }

    /**
     * {@code deep} allows nesting past stock gRPC-Java's 100-message parse limit; the server copes,
     * but a Remediate response echoing such properties could not be read by this test's stock client.
     */
    private AnalyzeRequest randomRequest(boolean deep) {
        Struct props = deep && random.nextInt(10) == 0
                ? Struct.newBuilder().putFields("tags", nested(20 + random.nextInt(300))).build()
                : randomStruct(4);
        String type = TYPES.get(random.nextInt(TYPES.size()));
        return AnalyzeRequest.newBuilder().setType(type).setUrn(random.nextInt(20) == 0 ? "" : "urn:pulumi:s::p::" + type + "::r")
                .setName("r").setProperties(props).build();
    }

    private static boolean wellFormed(AnalyzeDiagnostic d) {
        return !d.getPolicyName().isEmpty() && d.getPolicyPackName().equals(SamplePack.NAME) && !d.getMessage().isEmpty()
                && (d.getEnforcementLevel() == EnforcementLevel.ADVISORY || d.getEnforcementLevel() == EnforcementLevel.MANDATORY);
    }

    @Test
    void survivesHundredsOfHostilePayloadsWithWellFormedAnswers() throws Exception {
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        Map<String, Integer> outcomes = new TreeMap<>();
        try (LoopbackAnalyzer analyzer = new LoopbackAnalyzer(SamplePack.create(), new PrintStream(stderr, true, StandardCharsets.UTF_8))) {
            analyzer.stub().configure(ConfigureAnalyzerRequest.newBuilder()
                    .putPolicyConfig("sample-queue-encrypted", PolicyConfig.newBuilder().setEnforcementLevel(EnforcementLevel.REMEDIATE).build())
                    .build());
            for (int i = 0; i < 400; i++) {
                int kind = i % 4;
                AnalyzeRequest request = randomRequest(kind != 2);
                String outcome = call(() -> {
                    if (kind == 0 || kind == 1) {
                        AnalyzeResponse r = analyzer.stub().analyze(request);
                        assertTrue(r.getDiagnosticsList().stream().allMatch(RobustnessTest::wellFormed), r.toString());
                    } else if (kind == 2) {
                        analyzer.stub().remediate(request).getRemediationsList().forEach(rem ->
                                assertTrue(rem.hasProperties() || !rem.getDiagnostic().isEmpty(), rem.toString()));
                    } else {
                        List<AnalyzerResource> resources = new ArrayList<>();
                        for (int j = random.nextInt(5); j >= 0; j--) {
                            AnalyzeRequest r = randomRequest();
                            resources.add(AnalyzerResource.newBuilder().setType(r.getType()).setUrn(r.getUrn() + j)
                                    .setProperties(r.getProperties()).setParent("urn:" + random.nextInt(3))
                                    .addDependencies("urn:" + random.nextInt(3)).build());
                        }
                        AnalyzeResponse r = analyzer.stub().analyzeStack(AnalyzeStackRequest.newBuilder().addAllResources(resources).build());
                        assertTrue(r.getDiagnosticsList().stream().allMatch(RobustnessTest::wellFormed), r.toString());
                    }
                });
                outcomes.merge(outcome, 1, Integer::sum);
            }
            for (int i = 0; i < 50; i++) {
                Struct props = randomStruct(3);
                String outcome = call(() -> analyzer.stub().configure(ConfigureAnalyzerRequest.newBuilder()
                        .putPolicyConfig(KEYS.get(random.nextInt(KEYS.size())), PolicyConfig.newBuilder()
                                .setEnforcementLevelValue(random.nextInt(5)).setProperties(props).build())
                        .putPolicyConfig("sample-log-retention", PolicyConfig.newBuilder().setProperties(props).build()).build()));
                outcomes.merge("configure " + outcome, 1, Integer::sum);
            }

            assertEquals(4, analyzer.stub().getAnalyzerInfo(com.google.protobuf.Empty.getDefaultInstance()).getPoliciesCount());
            assertFalse(analyzer.server.isCancelled());
        }
        System.err.println("robustness outcomes: " + outcomes);
        assertTrue(outcomes.keySet().stream().allMatch(k -> k.endsWith("OK") || k.endsWith("INVALID_ARGUMENT")), outcomes.toString());
        assertTrue(outcomes.getOrDefault("OK", 0) > 250, outcomes.toString());
    }

    @Test
    void deepNestingIsAnalyzedUpToTheLimitAndRejectedAsInvalidBeyondIt() throws Exception {
        try (LoopbackAnalyzer analyzer = new LoopbackAnalyzer(SamplePack.create(), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))) {
            AnalyzeRequest.Builder request = AnalyzeRequest.newBuilder().setType("aws:s3/bucket:Bucket").setUrn("urn:b");

            AnalyzeResponse deep = analyzer.stub().analyze(request.setProperties(Struct.newBuilder().putFields("tags", nested(300))).build());
            StatusRuntimeException tooDeep = org.junit.jupiter.api.Assertions.assertThrows(StatusRuntimeException.class,
                    () -> analyzer.stub().analyze(request.setProperties(Struct.newBuilder().putFields("tags", nested(400))).build()));

            assertEquals("expected a string at 'tags.tags', got object", deep.getDiagnostics(0).getMessage()
                    .replaceAll("(?s).*failed with PropertyTypeException: ", ""));
            assertEquals(Status.Code.INVALID_ARGUMENT, tooDeep.getStatus().getCode());
            assertTrue(tooDeep.getStatus().getDescription().startsWith("malformed request: InvalidProtocolBufferException: "
                    + "Protocol message had too many levels of nesting"), tooDeep.getStatus().getDescription());
        }
    }

    private static String call(Runnable rpc) {
        try {
            rpc.run();
            return "OK";
        } catch (StatusRuntimeException e) {
            return e.getStatus().getCode() == Status.Code.INVALID_ARGUMENT ? "INVALID_ARGUMENT"
                    : e.getStatus().getCode() + " " + e.getStatus().getDescription();
        }
    }
}

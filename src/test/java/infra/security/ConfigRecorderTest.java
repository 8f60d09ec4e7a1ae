package infra.security;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import infra.config.Settings;
import infra.plan.CapturedResource;
import infra.plan.RenderedStack;
import infra.testing.Stacks;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfigRecorderTest {
    private static final String AUDIT_KEY = "arn:aws:kms:us-east-1:123456789012:key/0b5a6f1e-2c3d-4e5f-8a9b-0c1d2e3f4a5b";

    static final String RECORDER = "aws:cfg/recorder:Recorder";
    static final String CHANNEL = "aws:cfg/deliveryChannel:DeliveryChannel";
    static final String STATUS = "aws:cfg/recorderStatus:RecorderStatus";
    static final String RULE = "aws:cfg/rule:Rule";
    static final String ROLE_ARN = "arn:aws:iam::123456789012:role/aws-service-role/config.amazonaws.com/AWSServiceRoleForConfig";

    static RenderedStack render(Settings settings) {
        return Stacks.render(settings, ctx -> new ConfigRecorder("config", new ConfigRecorderArgs(settings, com.pulumi.core.Output.of(AUDIT_KEY)), null));
    }

    @Test
    void recorderRecordsAllSupportedTypesWithTheServiceLinkedRole() {
        RenderedStack stack = render(Stacks.settings("prod"));
        CapturedResource recorder = stack.single(RECORDER);

        assertEquals("order-processing-prod", recorder.input("name").orElseThrow());
        assertEquals(ROLE_ARN, recorder.input("roleArn").orElseThrow());
        assertEquals(Map.of("allSupported", true, "includeGlobalResourceTypes", true), recorder.input("recordingGroup").orElseThrow());
        assertEquals("config.amazonaws.com",
                stack.single("aws:iam/serviceLinkedRole:ServiceLinkedRole").input("awsServiceName").orElseThrow());
    }

    @Test
    void channelFollowsTheRecorderAndStatusFollowsTheChannel() {
        RenderedStack stack = render(Stacks.settings("dev"));
        CapturedResource recorder = stack.single(RECORDER);
        CapturedResource channel = stack.single(CHANNEL);
        CapturedResource status = stack.single(STATUS);
        CapturedResource bucket = stack.single("aws:s3/bucketV2:BucketV2");

        assertTrue(channel.dependencies().contains(recorder.urn()));
        assertTrue(channel.dependencies().contains(stack.single("aws:s3/bucketPolicy:BucketPolicy").urn()));
        assertEquals("Six_Hours", channel.input("snapshotDeliveryProperties.deliveryFrequency").orElseThrow());
        assertEquals(bucket.id(), channel.input("s3BucketName").orElseThrow());
        assertEquals("order-processing-config-dev-123456789012", bucket.id());
        assertTrue(status.dependencies().contains(channel.urn()));
        assertEquals(true, status.input("isEnabled").orElseThrow());
        assertEquals("order-processing-dev", status.input("name").orElseThrow());
        List<String> order = stack.resources().stream().map(CapturedResource::type)
                .filter(t -> t.equals(RECORDER) || t.equals(CHANNEL) || t.equals(STATUS)).toList();
        assertEquals(List.of(RECORDER, CHANNEL, STATUS), order);
    }

    @Test
    void thePlansManagedRulesRunAfterTheRecorder() {
        RenderedStack stack = render(Stacks.settings("prod"));
        String recorder = stack.single(RECORDER).urn();

        // rules register concurrently, so compare by logical name rather than registration order
        assertEquals(Map.of("config-required-tags", "REQUIRED_TAGS", "config-encrypted-volumes", "ENCRYPTED_VOLUMES",
                "config-rds-snapshots-public-prohibited", "RDS_SNAPSHOTS_PUBLIC_PROHIBITED",
                "config-vpc-sg-open-only-to-authorized-ports", "VPC_SG_OPEN_ONLY_TO_AUTHORIZED_PORTS"),
                stack.ofType(RULE).stream().collect(java.util.stream.Collectors.toMap(
                        CapturedResource::name, r -> r.input("source.sourceIdentifier").orElseThrow())));
        stack.ofType(RULE).forEach(r -> {
            assertEquals("AWS", r.input("source.owner").orElseThrow());
            assertTrue(r.dependencies().contains(recorder), r.name());
        });
        assertEquals(JsonParser.parseString("{\"tag1Key\":\"Environment\",\"tag2Key\":\"Project\"}"), JsonParser.parseString(
                (String) stack.get(RULE, "config-required-tags").input("inputParameters").orElseThrow()));
        assertEquals(JsonParser.parseString("{\"authorizedTcpPorts\":\"80,443\"}"), JsonParser.parseString(
                (String) stack.get(RULE, "config-vpc-sg-open-only-to-authorized-ports").input("inputParameters").orElseThrow()));
        assertFalse(stack.get(RULE, "config-encrypted-volumes").input("inputParameters").isPresent());
        assertEquals("order-processing-prod-required-tags", stack.get(RULE, "config-required-tags").input("name").orElseThrow());
    }

    @Test
    void deliveryBucketIsEncryptedKeptSevenYearsAndWritableOnlyByConfig() {
        RenderedStack stack = render(Stacks.settings("prod"));
        CapturedResource lifecycle = stack.single("aws:s3/bucketLifecycleConfigurationV2:BucketLifecycleConfigurationV2");
        JsonArray statements = JsonParser.parseString((String) stack.single("aws:s3/bucketPolicy:BucketPolicy")
                .input("policy").orElseThrow()).getAsJsonObject().getAsJsonArray("Statement");

        CapturedResource encryption = stack.single(
                "aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2");
        assertEquals("aws:kms", encryption.input("rules.0.applyServerSideEncryptionByDefault.sseAlgorithm").orElseThrow());
        assertEquals(AUDIT_KEY, encryption.input("rules.0.applyServerSideEncryptionByDefault.kmsMasterKeyId").orElseThrow());
        assertEquals(AUDIT_KEY, stack.single("aws:cfg/deliveryChannel:DeliveryChannel").input("s3KmsKeyArn").orElseThrow());
        assertEquals(2555.0, lifecycle.input("rules.0.expiration.days").orElseThrow());
        assertFalse(lifecycle.input("rules.0.transitions").isPresent());
        JsonObject write = statements.get(1).getAsJsonObject();
        assertEquals("config.amazonaws.com", write.getAsJsonObject("Principal").get("Service").getAsString());
        assertEquals("arn:aws:s3:::order-processing-config-prod-123456789012/config/AWSLogs/123456789012/Config/*",
                write.get("Resource").getAsString());
        assertEquals("123456789012",
                write.getAsJsonObject("Condition").getAsJsonObject("StringEquals").get("aws:SourceAccount").getAsString());
        assertEquals("DenyInsecureTransport", statements.get(2).getAsJsonObject().get("Sid").getAsString());
    }

    @Test
    void anExistingServiceLinkedRoleIsReferencedNotCreated() {
        RenderedStack stack = render(Stacks.settings("prod", Map.of("configServiceLinkedRoleExists", "true")));

        assertEquals(0, stack.ofType("aws:iam/serviceLinkedRole:ServiceLinkedRole").size());
        assertEquals(ROLE_ARN, stack.single(RECORDER).input("roleArn").orElseThrow());
    }
}

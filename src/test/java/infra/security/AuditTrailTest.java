package infra.security;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.pulumi.core.Output;
import infra.config.Settings;
import infra.plan.CapturedResource;
import infra.plan.RenderedStack;
import infra.testing.Stacks;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AuditTrailTest {
    static final String KEY = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";
    static final String LOG_GROUP = "arn:aws:logs:us-east-1:123456789012:log-group:/aws/cloudtrail/prod";
    static final String TRAIL = "aws:cloudtrail/trail:Trail";

    static RenderedStack render(Settings settings, Optional<String> logGroup) {
        return Stacks.render(settings, ctx -> new AuditTrail("audit",
                new AuditTrailArgs(settings, Output.of(KEY), logGroup.map(Output::of)), null));
    }

    static JsonObject json(CapturedResource r, String input) {
        return JsonParser.parseString((String) r.input(input).orElseThrow()).getAsJsonObject();
    }

    @Test
    void trailIsMultiRegionValidatedAndEncryptedWithTheAuditKey() {
        RenderedStack stack = render(Stacks.settings("prod"), Optional.empty());
        CapturedResource trail = stack.single(TRAIL);
        CapturedResource bucket = stack.single("aws:s3/bucketV2:BucketV2");

        assertEquals("order-processing-prod", trail.input("name").orElseThrow());
        assertEquals(true, trail.input("isMultiRegionTrail").orElseThrow());
        assertEquals(true, trail.input("includeGlobalServiceEvents").orElseThrow());
        assertEquals(true, trail.input("enableLogFileValidation").orElseThrow());
        assertEquals(KEY, trail.input("kmsKeyId").orElseThrow());
        assertEquals("order-processing-cloudtrail-prod-123456789012", bucket.input("bucket").orElseThrow());
        assertEquals(bucket.id(), trail.input("s3BucketName").orElseThrow());
        assertEquals("cloudtrail", trail.input("s3KeyPrefix").orElseThrow());
        assertEquals(Map.of("Environment", "prod", "Project", "order-processing"), trail.input("tags").orElseThrow());
        assertTrue(trail.dependencies().contains(stack.single("aws:s3/bucketPolicy:BucketPolicy").urn()));
        assertFalse(trail.input("cloudWatchLogsGroupArn").isPresent());
    }

    @Test
    void bucketPolicyAdmitsOnlyThisTrailUnderItsPrefixAndOnlyOverTls() {
        RenderedStack stack = render(Stacks.settings("prod"), Optional.empty());
        String trailArn = (String) stack.single(TRAIL).outputMap().get("arn");
        JsonArray statements = json(stack.single("aws:s3/bucketPolicy:BucketPolicy"), "policy").getAsJsonArray("Statement");

        assertEquals("arn:aws:cloudtrail:us-east-1:123456789012:trail/order-processing-prod", trailArn);
        assertEquals(3, statements.size());
        JsonObject acl = statements.get(0).getAsJsonObject();
        assertEquals("s3:GetBucketAcl", acl.get("Action").getAsString());
        assertEquals("arn:aws:s3:::order-processing-cloudtrail-prod-123456789012", acl.get("Resource").getAsString());
        assertEquals(trailArn, acl.getAsJsonObject("Condition").getAsJsonObject("StringEquals").get("aws:SourceArn").getAsString());
        JsonObject write = statements.get(1).getAsJsonObject();
        assertEquals("cloudtrail.amazonaws.com", write.getAsJsonObject("Principal").get("Service").getAsString());
        assertEquals("s3:PutObject", write.get("Action").getAsString());
        assertEquals("arn:aws:s3:::order-processing-cloudtrail-prod-123456789012/cloudtrail/AWSLogs/123456789012/*",
                write.get("Resource").getAsString());
        JsonObject equals = write.getAsJsonObject("Condition").getAsJsonObject("StringEquals");
        assertEquals("bucket-owner-full-control", equals.get("s3:x-amz-acl").getAsString());
        assertEquals(trailArn, equals.get("aws:SourceArn").getAsString());
        JsonObject tls = statements.get(2).getAsJsonObject();
        assertEquals("Deny", tls.get("Effect").getAsString());
        assertEquals("*", tls.get("Principal").getAsString());
        assertEquals("false", tls.getAsJsonObject("Condition").getAsJsonObject("Bool").get("aws:SecureTransport").getAsString());
    }

    @Test
    void bucketIsPrivateKmsEncryptedAndArchivedThenExpired() {
        RenderedStack stack = render(Stacks.settings("dev"), Optional.empty());
        CapturedResource block = stack.single("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock");
        CapturedResource encryption = stack.single(
                "aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2");
        CapturedResource lifecycle = stack.single("aws:s3/bucketLifecycleConfigurationV2:BucketLifecycleConfigurationV2");

        for (String flag : List.of("blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets")) {
            assertEquals(true, block.input(flag).orElseThrow(), flag);
        }
        assertEquals("aws:kms", encryption.input("rules.0.applyServerSideEncryptionByDefault.sseAlgorithm").orElseThrow());
        assertEquals(KEY, encryption.input("rules.0.applyServerSideEncryptionByDefault.kmsMasterKeyId").orElseThrow());
        assertEquals("Enabled", lifecycle.input("rules.0.status").orElseThrow());
        assertEquals(List.of(Map.of("days", 90.0, "storageClass", "GLACIER")), lifecycle.input("rules.0.transitions").orElseThrow());
        assertEquals(2555.0, lifecycle.input("rules.0.expiration.days").orElseThrow());
        assertEquals("BucketOwnerEnforced",
                stack.single("aws:s3/bucketOwnershipControls:BucketOwnershipControls").input("rule.objectOwnership").orElseThrow());
        assertEquals("order-processing-cloudtrail-dev-123456789012", stack.single("aws:s3/bucketV2:BucketV2").id());
    }

    @Test
    void prodProtectsTheBucketDevDoesNot() {
        assertTrue(render(Stacks.settings("prod"), Optional.empty()).single("aws:s3/bucketV2:BucketV2").protect());
        assertFalse(render(Stacks.settings("dev"), Optional.empty()).single("aws:s3/bucketV2:BucketV2").protect());
    }

    @Test
    void s3DataEventsAreOnInProdExceptForTheTrailsOwnBucket() {
        CapturedResource prod = render(Stacks.settings("prod"), Optional.empty()).single(TRAIL);
        CapturedResource dev = render(Stacks.settings("dev"), Optional.empty()).single(TRAIL);

        assertEquals(List.of(Map.of("name", "Management events",
                "fieldSelectors", List.of(Map.of("field", "eventCategory", "equals", List.of("Management"))))),
                dev.input("advancedEventSelectors").orElseThrow());
        assertEquals(List.of(
                        Map.of("field", "eventCategory", "equals", List.of("Data")),
                        Map.of("field", "resources.type", "equals", List.of("AWS::S3::Object")),
                        Map.of("field", "resources.ARN",
                                "notStartsWiths", List.of("arn:aws:s3:::order-processing-cloudtrail-prod-123456789012/"))),
                prod.input("advancedEventSelectors.1.fieldSelectors").orElseThrow());
    }

    @Test
    void cloudWatchDeliveryUsesARoleOnlyThisTrailCanAssume() {
        RenderedStack stack = render(Stacks.settings("prod"), Optional.of(LOG_GROUP));
        CapturedResource trail = stack.single(TRAIL);
        CapturedResource role = stack.single("aws:iam/role:Role");
        CapturedResource policy = stack.single("aws:iam/rolePolicy:RolePolicy");

        assertEquals(LOG_GROUP + ":*", trail.input("cloudWatchLogsGroupArn").orElseThrow());
        assertEquals(role.outputMap().get("arn"), trail.input("cloudWatchLogsRoleArn").orElseThrow());
        assertTrue(trail.dependencies().contains(policy.urn()));
        JsonObject trust = json(role, "assumeRolePolicy").getAsJsonArray("Statement").get(0).getAsJsonObject();
        assertEquals("arn:aws:cloudtrail:us-east-1:123456789012:trail/order-processing-prod",
                trust.getAsJsonObject("Condition").getAsJsonObject("StringEquals").get("aws:SourceArn").getAsString());
        JsonObject grant = json(policy, "policy").getAsJsonArray("Statement").get(0).getAsJsonObject();
        assertEquals(LOG_GROUP + ":log-stream:*", grant.get("Resource").getAsString());
    }

    @Test
    void aLogGroupArnWithTheWildcardIsNotDoubled() {
        CapturedResource trail = render(Stacks.settings("dev"), Optional.of(LOG_GROUP + ":*")).single(TRAIL);

        assertEquals(LOG_GROUP + ":*", trail.input("cloudWatchLogsGroupArn").orElseThrow());
    }
}

package policy.rules.tags;

import com.google.protobuf.Struct;
import org.junit.jupiter.api.Test;
import policy.rules.RuleCheck;
import policy.sdk.PackEvaluator;
import policy.sdk.ResourceInput;
import policy.sdk.StackInfo;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static policy.rules.RuleCheck.UNKNOWN;
import static policy.testing.Fixtures.struct;
import static policy.testing.Fixtures.urn;

class TaggableResourcesCarryRequiredTagsTest {
    private static final String QUEUE = "aws:sqs/queue:Queue";
    private final RuleCheck tags = RuleCheck.of(TaggableResourcesCarryRequiredTags.NAME, "{'" + TaggableResourcesCarryRequiredTags.NAME
            + "':{'environment':'dev'}}");

    private static ResourceInput withDefaultTags(String type, String name, String json, String defaultTagsJson) {
        ResourceInput r = RuleCheck.res(type, name, json);
        var provider = new ResourceInput.ProviderInput("pulumi:providers:aws", "urn:pulumi:dev::order-processing::pulumi:providers:aws::default",
                "default", struct("{'region':'us-east-1','defaultTags':" + defaultTagsJson + "}"));
        return new ResourceInput(r.type(), r.urn(), r.name(), r.properties(), r.options(), Optional.of(provider), "", List.of(), Map.of());
    }

    @Test
    void ownTagsOrProviderDefaultTagsSatisfyTheRule() {
        assertTrue(tags.resource(QUEUE, "orders", "{'tags':{'Environment':'dev','Project':'order-processing'}}").compliant());
        assertTrue(tags.resource(withDefaultTags(QUEUE, "orders", "{}", "{'tags':{'Environment':'dev','Project':'p'}}")).compliant());
        assertTrue(tags.resource(withDefaultTags(QUEUE, "orders", "{'tags':{'Project':'p'}}",
                "'{\\\"tags\\\":{\\\"Environment\\\":\\\"dev\\\"}}'")).compliant(), "defaultTags as JSON text, as config strings arrive");
    }

    @Test
    void missingKeysAndWrongEnvironmentAreViolations() {
        assertEquals(List.of("aws:sqs/queue:Queue 'orders' lacks tag(s) Project"),
                tags.resource(QUEUE, "orders", "{'tags':{'Environment':'dev'}}").violations());
        assertEquals(List.of("aws:kms/key:Key 'data' lacks tag(s) Environment, Project"),
                tags.resource("aws:kms/key:Key", "data", "{}").violations(), "a taggable type without tags at all");
        assertEquals(List.of("aws:sqs/queue:Queue 'orders' has Environment 'prod' but the stack's environment is 'dev'"),
                tags.resource(QUEUE, "orders", "{'tags':{'Environment':'prod','Project':'p'}}").violations());
    }

    @Test
    void untaggableAndNonAwsResourcesAreNotApplicable() {
        assertEquals("'aws:s3/bucketPolicy:BucketPolicy' is not a taggable AWS resource",
                tags.resource("aws:s3/bucketPolicy:BucketPolicy", "logs", "{'policy':'{}'}").notApplicable());
        assertEquals("'order-processing:data:Database' is not a taggable AWS resource",
                tags.resource("order-processing:data:Database", "db", "{'tags':{}}").notApplicable());
    }

    @Test
    void anUnknownTagValueCannotBeDecidedDuringPreview() {
        assertTrue(tags.resource(QUEUE, "orders", "{'tags':{'Environment':'" + UNKNOWN + "','Project':'p'}}").undecidable());
    }

    @Test
    void remediationAddsTheEnvironmentAndConfiguredValues() {
        var pack = RuleCheck.PACK;
        String config = "{'" + TaggableResourcesCarryRequiredTags.NAME + "':{'enforcementLevel':'remediate','environment':'dev',"
                + "'tagValues':{'Project':'order-processing'}}}";
        PackEvaluator evaluator = PackEvaluator.create(pack, config.replace('\'', '"'), StackInfo.NONE);
        var result = evaluator.remediate(ResourceInput.of(QUEUE, urn(QUEUE, "orders"), "orders", struct("{'tags':{'Owner':'x'}}")));

        Struct fixed = result.remediations().get(0).properties().orElseThrow();
        assertEquals(struct("{'tags':{'Owner':'x','Environment':'dev','Project':'order-processing'}}"), fixed);
    }
}

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
    private static final String ENV_KEY = "order-processing:environment";

    private static StackInfo stack(String name, Map<String, String> config, java.util.Set<String> secretKeys) {
        return new StackInfo(name, "order-processing", "", true, config, secretKeys, Map.of());
    }

    /** The rule's violation details for one queue tagged {@code Environment=environmentTag}. */
    private static List<String> violations(String configJson, StackInfo stack, String environmentTag) {
        PackEvaluator evaluator = PackEvaluator.create(RuleCheck.PACK, configJson.replace('\'', '"'), stack);
        var queue = ResourceInput.of(QUEUE, urn(QUEUE, "orders"), "orders",
                struct("{'tags':{'Environment':'" + environmentTag + "','Project':'p'}}"));
        return evaluator.analyze(queue).diagnostics().stream()
                .filter(d -> d.policyName().equals(TaggableResourcesCarryRequiredTags.NAME))
                .map(d -> d.message().substring(d.message().indexOf('\n') + 1)).toList();
    }

    @Test
    void theStacksEnvironmentSettingWinsOverTheStackName() {
        StackInfo prodEu = stack("prod-eu", Map.of(ENV_KEY, "prod", "aws:region", "eu-west-1"), java.util.Set.of());

        assertEquals(List.of(), violations("", prodEu, "prod"));
        assertEquals(List.of("aws:sqs/queue:Queue 'orders' has Environment 'prod-eu' but the stack's environment is 'prod'"),
                violations("", prodEu, "prod-eu"));
    }

    @Test
    void thePolicyConfigWinsOverTheStackSettingAndTheStackNameIsTheLastResort() {
        StackInfo prodEu = stack("prod-eu", Map.of(ENV_KEY, "prod"), java.util.Set.of());
        String configured = "{'" + TaggableResourcesCarryRequiredTags.NAME + "':{'environment':'staging'}}";

        assertEquals(List.of(), violations(configured, prodEu, "staging"));
        assertEquals(List.of("aws:sqs/queue:Queue 'orders' has Environment 'prod' but the stack's environment is 'staging'"),
                violations(configured, prodEu, "prod"));
        assertEquals(List.of(), violations("", stack("prod-eu", Map.of(), java.util.Set.of()), "prod-eu"));
        assertEquals(List.of("aws:sqs/queue:Queue 'orders' has Environment 'prod' but the stack's environment is 'prod-eu'"),
                violations("", stack("prod-eu", Map.of(ENV_KEY, ""), java.util.Set.of()), "prod"), "an empty setting counts as unset");
    }

    @Test
    void aSecretEnvironmentSettingIsHonouredButNeverEchoed() {
        StackInfo secret = stack("prod-eu", Map.of(ENV_KEY, "prod"), java.util.Set.of(ENV_KEY));

        assertEquals(List.of(), violations("", secret, "prod"));
        assertEquals(List.of("aws:sqs/queue:Queue 'orders' has Environment 'dev', which is not the stack's environment "
                + "(order-processing:environment, a secret)"), violations("", secret, "dev"));
    }

    @Test
    void remediationWritesTheEnvironmentFromTheStackSetting() {
        String config = "{'" + TaggableResourcesCarryRequiredTags.NAME + "':{'enforcementLevel':'remediate'}}";
        ResourceInput queue = ResourceInput.of(QUEUE, urn(QUEUE, "orders"), "orders", struct("{'tags':{'Project':'p'}}"));

        var fromSetting = PackEvaluator.create(RuleCheck.PACK, config.replace('\'', '"'),
                stack("prod-eu", Map.of(ENV_KEY, "prod"), java.util.Set.of())).remediate(queue);
        var fromName = PackEvaluator.create(RuleCheck.PACK, config.replace('\'', '"'),
                stack("prod-eu", Map.of(), java.util.Set.of())).remediate(queue);
        var secret = PackEvaluator.create(RuleCheck.PACK, config.replace('\'', '"'),
                stack("prod-eu", Map.of(ENV_KEY, "prod"), java.util.Set.of(ENV_KEY))).remediate(queue);

        assertEquals(struct("{'tags':{'Project':'p','Environment':'prod'}}"),
                fromSetting.remediations().get(0).properties().orElseThrow());
        assertEquals(struct("{'tags':{'Project':'p','Environment':'prod-eu'}}"),
                fromName.remediations().get(0).properties().orElseThrow());
        assertEquals(List.of(), secret.remediations(), "a secret value is not written into a plain tag");
    }
}

package policy.sdk;

import org.junit.jupiter.api.Test;
import policy.sample.SamplePack;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static policy.testing.Fixtures.UNKNOWN_STRING;
import static policy.testing.Fixtures.resource;
import static policy.testing.Fixtures.secret;
import static policy.testing.Fixtures.struct;
import static policy.testing.Fixtures.urn;

class PackEvaluatorTest {
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    private final PrintStream errors = new PrintStream(stderr, true, StandardCharsets.UTF_8);

    private PackEvaluator evaluator(PolicyPack pack, String configJson) {
        return new PackEvaluator(pack, ResolvedConfig.resolve(pack, PackConfig.parse(configJson)), StackInfo.NONE, errors);
    }

    private PackEvaluator sample(String configJson) {
        return evaluator(SamplePack.create(), configJson);
    }

    private static List<String> summary(Evaluation e) {
        return e.diagnostics().stream().map(d -> d.level().text() + " " + d.policyName() + ": " + d.message()).toList();
    }

    @Test
    void violationsCarryDescriptionThenDetailAtThePolicyLevel() {
        Evaluation e = sample("").analyze(resource(SamplePack.QUEUE, "orders", "{'tags':{'Environment':'dev'}}"));

        assertEquals(List.of(
                "mandatory sample-queue-encrypted: SQS queues are encrypted at rest\n"
                        + "queue 'orders' sets neither kmsMasterKeyId nor sqsManagedSseEnabled",
                "advisory sample-required-tags: Taggable resources carry the required tags\nmissing tags Project"), summary(e));
        Diagnostic first = e.diagnostics().get(0);
        assertEquals("sample-pack", first.packName());
        assertEquals("0.1.0", first.packVersion());
        assertEquals(Severity.HIGH, first.severity());
        assertEquals(Optional.of(urn(SamplePack.QUEUE, "orders")), first.urn());
        assertEquals(List.of(new Evaluation.NotApplicable("sample-log-retention", urn(SamplePack.QUEUE, "orders"),
                "the policy only applies to resources of type aws:cloudwatch/logGroup:LogGroup")), e.notApplicable());
    }

    @Test
    void compliantResourcesYieldNothingAndSecretsAreReadUnwrapped() {
        Evaluation e = sample("").analyze(resource(SamplePack.QUEUE, "orders",
                "{'kmsMasterKeyId':" + secret("'arn:aws:kms:k'") + ",'tags':{'Environment':'dev','Project':'p'}}"));

        assertEquals(List.of(), e.diagnostics());
    }

    @Test
    void configuredLevelsOverrideDefaultsAndDisabledPoliciesAreSkipped() {
        Evaluation e = sample("{\"sample-queue-encrypted\":\"advisory\",\"sample-required-tags\":\"disabled\"}")
                .analyze(resource(SamplePack.QUEUE, "orders", "{}"));

        assertEquals(List.of("advisory sample-queue-encrypted: SQS queues are encrypted at rest\n"
                + "queue 'orders' sets neither kmsMasterKeyId nor sqsManagedSseEnabled"), summary(e));
        assertTrue(e.notApplicable().stream().noneMatch(n -> n.policyName().equals("sample-required-tags")));
    }

    @Test
    void remediateLevelLeftoversAreReportedMandatory() {
        Evaluation e = sample("{\"all\":\"remediate\"}").analyze(resource(SamplePack.LOG_GROUP, "app", "{'retentionInDays':3}"));

        assertEquals(List.of("mandatory sample-log-retention: Log groups keep logs for at least the configured number of days\n"
                + "log group 'app' keeps logs 3 days, minimum is 7"), summary(e));
    }

    @Test
    void configValuesReachThePolicy() {
        Evaluation e = sample("{\"sample-log-retention\":{\"minimumRetentionDays\":30}}")
                .analyze(resource(SamplePack.LOG_GROUP, "app", "{'retentionInDays':14}"));

        assertEquals(List.of("advisory sample-log-retention: Log groups keep logs for at least the configured number of days\n"
                + "log group 'app' keeps logs 14 days, minimum is 30"), summary(e));
    }

    @Test
    void readingAnUnknownValueIsAnAdvisoryUndecidableNamingThePath() {
        Evaluation e = sample("").analyze(resource(SamplePack.QUEUE, "orders", "{'kmsMasterKeyId':null,"
                + "'sqsManagedSseEnabled':'1c4a061d-8072-4f0a-a4cb-0ff528b18fe7','tags':'" + UNKNOWN_STRING + "'}"));

        assertEquals(List.of(
                "advisory sample-queue-encrypted: SQS queues are encrypted at rest\ncannot be decided during preview: "
                        + "'sqsManagedSseEnabled' is unknown until the resource is created (policy 'sample-queue-encrypted' "
                        + "from policy pack 'sample-pack@v0.1.0')",
                "advisory sample-required-tags: Taggable resources carry the required tags\ncannot be decided during preview: "
                        + "'tags' is unknown until the resource is created (policy 'sample-required-tags' from policy pack "
                        + "'sample-pack@v0.1.0')"), summary(e));
        assertTrue(e.diagnostics().stream().allMatch(d -> d.kind() == Diagnostic.Kind.UNDECIDABLE));
    }

    @Test
    void aThrowingPolicyIsReportedAtItsLevelWithTheErrorAndTraceOnStderr() {
        PolicyPack pack = PolicyPack.builder("boom-pack").version("2.0.0").add(ResourcePolicy.of(
                PolicyInfo.builder("explodes").description("Never fails").level(EnforcementLevel.MANDATORY).build(), Set.of(),
                (r, c) -> {
                    throw new IllegalStateException("bug in rule");
                })).build();

        Evaluation e = evaluator(pack, "").analyze(resource("aws:s3/bucket:Bucket", "b", "{}"));

        assertEquals(List.of("mandatory explodes: Never fails\npolicy 'explodes' from policy pack 'boom-pack@v2.0.0' failed with "
                + "IllegalStateException: bug in rule"), summary(e));
        String trace = stderr.toString(StandardCharsets.UTF_8);
        assertTrue(trace.startsWith("policy 'explodes' from policy pack 'boom-pack@v2.0.0' threw while checking "
                + urn("aws:s3/bucket:Bucket", "b") + ":\njava.lang.IllegalStateException: bug in rule"), trace);
    }

    @Test
    void aPolicyReturningNullIsReportedNotCrashing() {
        PolicyPack pack = PolicyPack.builder("p").add(ResourcePolicy.of(
                PolicyInfo.builder("nothing").description("Returns null").build(), Set.of(), (r, c) -> null)).build();

        assertEquals(List.of("advisory nothing: Returns null\npolicy 'nothing' from policy pack 'p@v0.0.1' failed with "
                + "NullPointerException: the policy returned null instead of an Outcome"),
                summary(evaluator(pack, "").analyze(resource("t:m:T", "x", "{}"))));
    }

    @Test
    void stackPoliciesSeeLinksAndReportTheOffendingUrn() {
        String dlqArn = "arn:aws:sqs:eu-west-1:123456789012:orders-dlq";
        ResourceInput component = resource("order-processing:messaging:Queues", "queues", "{}");
        ResourceInput dlq = new ResourceInput(SamplePack.QUEUE, urn(SamplePack.QUEUE, "dlq"), "dlq",
                struct("{'arn':'" + dlqArn + "'}"), ResourceOptions.NONE, Optional.empty(), component.urn(), List.of(), Map.of());
        ResourceInput good = new ResourceInput(SamplePack.QUEUE, urn(SamplePack.QUEUE, "orders"), "orders",
                struct("{'redrivePolicy':'{\\\"deadLetterTargetArn\\\":\\\"" + dlqArn + "\\\"}'}"), ResourceOptions.NONE,
                Optional.empty(), component.urn(), List.of(dlq.urn(), "urn:not:in:stack"), Map.of("redrivePolicy", List.of(dlq.urn())));
        ResourceInput bad = resource(SamplePack.QUEUE, "stray", "{'redrivePolicy':'{\\\"deadLetterTargetArn\\\":\\\"arn:elsewhere\\\"}'}");

        StackView view = StackView.of(List.of(component, dlq, good, bad));
        ResourceView orders = view.find(good.urn()).orElseThrow();
        assertEquals(Optional.of("queues"), orders.parent().map(ResourceView::name));
        assertEquals(List.of("dlq"), orders.dependencies().stream().map(ResourceView::name).toList());
        assertEquals(List.of("dlq"), orders.propertyDependencies().get("redrivePolicy").stream().map(ResourceView::name).toList());
        assertEquals(List.of("dlq", "orders"), view.childrenOf(view.find(component.urn()).orElseThrow()).stream().map(ResourceView::name).toList());

        Evaluation e = sample("").analyzeStack(List.of(component, dlq, good, bad));

        assertEquals(1, e.diagnostics().size());
        Diagnostic d = e.diagnostics().get(0);
        assertEquals(Optional.of(bad.urn()), d.urn());
        assertEquals(EnforcementLevel.MANDATORY, d.level());
        assertEquals("Queues with a redrive policy send to a dead-letter queue of the same stack\n"
                + "queue 'stray' sends to 'arn:elsewhere', which is not in this stack", d.message());
    }

    @Test
    void stackPoliciesAreNotApplicableWithoutTheirTypes() {
        Evaluation e = sample("").analyzeStack(List.of(resource(SamplePack.LOG_GROUP, "a", "{}")));

        assertEquals(List.of(new Evaluation.NotApplicable("sample-dead-letter-queue-in-stack", "",
                "the stack has no resource of type aws:sqs/queue:Queue")), e.notApplicable());
    }

    @Test
    void remediationReturnsOnlyRealChangesWithTheCompleteMap() {
        PackEvaluator remediating = sample("{\"sample-queue-encrypted\":\"remediate\"}");

        PackEvaluator.RemediationResult changed = remediating.remediate(
                resource(SamplePack.QUEUE, "orders", "{'__defaults':['name'],'name':'orders','kmsMasterKeyId':null}"));
        PackEvaluator.RemediationResult unchanged = remediating.remediate(
                resource(SamplePack.QUEUE, "orders", "{'sqsManagedSseEnabled':true}"));
        PackEvaluator.RemediationResult advisory = sample("").remediate(resource(SamplePack.QUEUE, "orders", "{}"));

        assertEquals(1, changed.remediations().size());
        assertEquals(Optional.of(struct("{'__defaults':['name'],'name':'orders','kmsMasterKeyId':null,'sqsManagedSseEnabled':true}")),
                changed.remediations().get(0).properties());
        assertEquals(List.of(), unchanged.remediations());
        assertEquals(List.of(), advisory.remediations());
    }

    @Test
    void evaluateRunsAnalyzeThenAnalyzeStack() {
        ResourceInput stray = resource(SamplePack.QUEUE, "stray", "{'sqsManagedSseEnabled':true,'tags':{'Environment':'e','Project':'p'},"
                + "'redrivePolicy':'{\\\"deadLetterTargetArn\\\":\\\"arn:x\\\"}'}");

        Evaluation e = PackEvaluator.create(SamplePack.create(), "{}", StackInfo.NONE).evaluate(List.of(stray));

        assertEquals(List.of("sample-dead-letter-queue-in-stack"), e.diagnostics().stream().map(Diagnostic::policyName).toList());
        assertTrue(e.hasMandatory());
    }
}

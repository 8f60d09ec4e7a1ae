package infra.plan;

import infra.App;
import infra.config.Settings;
import infra.config.StackFiles;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import policy.OrderProcessingPack;
import policy.sdk.PackConfig;
import policy.sdk.ResolvedConfig;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The real program rendered per stack through the offline plan machinery, gated by the pack. */
class PackGateTest {
    /** The real stacks pass the gate: no mandatory violation at all. */
    static final List<String> REPORTED_PROGRAM_GAPS = List.of();

    private static PolicyGate.Outcome gate(String stack, AwsMocks.Mode mode) throws IOException {
        StackFiles.StackConfig file = OfflinePlan.stackFile(Path.of("."), stack);
        Settings settings = Settings.load(file.values(), file.secretKeys(), file.stack());
        OfflinePlan.Result result = OfflinePlan.render(file, settings, mode, App::stack);
        assertNull(result.failure(), () -> "program failed: " + result.failure());
        return PackGate.forProject(Path.of(".")).evaluate(result.stack(), settings);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "staging", "prod"})
    void realStacksHaveNoMandatoryViolationsBeyondTheReportedGaps(String stack) throws IOException {
        PolicyGate.Outcome outcome = gate(stack, AwsMocks.Mode.KNOWN_OUTPUTS);

        assertTrue(outcome.evaluated());
        assertEquals(REPORTED_PROGRAM_GAPS, outcome.reportLines().stream().filter(l -> l.startsWith("mandatory")).toList());
        assertEquals(stack.equals("prod") ? List.of(PROD_PAGES_NOBODY) : List.of(),
                outcome.reportLines().stream().filter(l -> l.startsWith("advisory")).toList());
    }

    /**
     * The checked-in prod stack cannot carry the team's PagerDuty endpoint (a secret of the real
     * stack), so the pack says that P1 alarms would page nobody until it is set (README).
     */
    static final java.util.Set<String> ADVISORY_RULES = java.util.Set.of("alarm-topics-reach-someone");

    static final String PROD_PAGES_NOBODY = "advisory  alarm-topics-reach-someone  aws:sns/topic:Topic::alerting-paging  "
            + "topic 'alerting-paging' has no subscription, so 8 alarms notify nobody (first: 'alarms-alb-backend-unhealthy-hosts')";

    @Test
    void prodWithItsPagerDutyEndpointSetPagesSomeone() throws IOException {
        StackFiles.StackConfig file = OfflinePlan.stackFile(Path.of("."), "prod");
        java.util.Map<String, String> values = new java.util.HashMap<>(file.values());
        values.put("order-processing:pagerDutyEndpoint", "https://events.pagerduty.com/integration/abc123/enqueue");
        StackFiles.StackConfig withPager = new StackFiles.StackConfig(file.stack(), file.file(), values,
                java.util.Set.of("order-processing:pagerDutyEndpoint"));
        Settings settings = Settings.load(withPager.values(), withPager.secretKeys(), withPager.stack());
        OfflinePlan.Result result = OfflinePlan.render(withPager, settings, AwsMocks.Mode.KNOWN_OUTPUTS, App::stack);
        PolicyGate.Outcome outcome = PackGate.forProject(Path.of(".")).evaluate(result.stack(), settings);

        assertEquals(List.of(), outcome.reportLines());
    }

    @Test
    void aFirstPreviewOfProdOnlyAddsAdvisoriesForValuesNotYetKnown() throws IOException {
        PolicyGate.Outcome outcome = gate("prod", AwsMocks.Mode.UNKNOWN_OUTPUTS);

        assertEquals(REPORTED_PROGRAM_GAPS, outcome.reportLines().stream().filter(l -> l.startsWith("mandatory")).toList());
        assertTrue(outcome.advisoryViolations() > 0);
        assertTrue(outcome.reportLines().stream().filter(l -> l.startsWith("advisory") && !l.equals(PROD_PAGES_NOBODY))
                        .allMatch(l -> l.contains("cannot be decided during preview")),
                () -> String.join("\n", outcome.reportLines()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "staging", "prod"})
    void configFilesValidateAgainstTheRuleSchemasAndNameOnlyRealRules(String env) throws IOException {
        String json = Files.readString(PackGate.CONFIG_DIR.resolve(env + ".json"));
        var pack = OrderProcessingPack.create();
        PackConfig config = PackConfig.parse(json);

        ResolvedConfig resolved = ResolvedConfig.resolve(pack, config);
        var names = pack.policies().stream().map(p -> p.info().name()).toList();
        assertTrue(names.containsAll(config.entries().keySet()), () -> "unknown rule in " + env + ".json: " + config.entries().keySet());
        assertTrue(config.entries().values().stream().allMatch(e -> e.level().isEmpty()), "config files never change a level");
        // every rule enforces, except the one advisory whose subject may legitimately live outside the stack
        resolved.all().forEach((name, setting) -> assertEquals(ADVISORY_RULES.contains(name)
                ? policy.sdk.EnforcementLevel.ADVISORY : policy.sdk.EnforcementLevel.MANDATORY, setting.level(), name));
    }

    @Test
    void prodConfigKeepsThePlansStrictestThresholds() throws IOException {
        var prod = ResolvedConfig.resolve(OrderProcessingPack.create(),
                PackConfig.parse(Files.readString(PackGate.CONFIG_DIR.resolve("prod.json")))).all();
        var dev = ResolvedConfig.resolve(OrderProcessingPack.create(),
                PackConfig.parse(Files.readString(PackGate.CONFIG_DIR.resolve("dev.json")))).all();

        assertEquals(90, prod.get("log-groups-retain-for-minimum").config().integer("minimumRetentionDays"));
        assertEquals(7, dev.get("log-groups-retain-for-minimum").config().integer("minimumRetentionDays"));
        assertTrue(prod.get("databases-survive-deletion").config().bool("required"));
        assertTrue(!dev.get("databases-survive-deletion").config().bool("required"));
        assertEquals(30, prod.get("key-deletion-windows-meet-minimum").config().integer("minimumDeletionWindowDays"));
    }

    @Test
    void theTagRuleReadsTheEnvironmentSettingWhenTheStackNameIsNotTheEnvironment() throws IOException {
        StackFiles.StackConfig dev = OfflinePlan.stackFile(Path.of("."), "dev");
        StackFiles.StackConfig devEu = new StackFiles.StackConfig("dev-eu", dev.file(), dev.values(), dev.secretKeys());
        Settings settings = Settings.load(devEu.values(), devEu.secretKeys(), devEu.stack());
        OfflinePlan.Result result = OfflinePlan.render(devEu, settings, AwsMocks.Mode.KNOWN_OUTPUTS, App::stack);
        assertNull(result.failure(), () -> "program failed: " + result.failure());

        // no policy config: the rule's environment comes from the stack, not from dev.json
        var tagFindings = PackGate.forProject(Path.of(".")).evaluate(result.stack(), settings, "").diagnostics().stream()
                .filter(d -> d.policyName().equals(policy.rules.tags.TaggableResourcesCarryRequiredTags.NAME)).toList();

        assertEquals(List.of(), tagFindings);
    }

    @Test
    void reportLinesNameLevelRuleResourceAndMessage() {
        assertEquals("aws:sqs/queue:Queue::orders", PackGate.shortUrn(
                "urn:pulumi:dev::order-processing::order-processing:messaging:OrderQueue$aws:sqs/queue:Queue::orders"));
    }
}

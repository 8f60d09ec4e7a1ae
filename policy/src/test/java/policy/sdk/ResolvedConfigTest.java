package policy.sdk;

import org.junit.jupiter.api.Test;
import policy.sample.SamplePack;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ResolvedConfigTest {
    private final PolicyPack pack = SamplePack.create();

    private ResolvedConfig.Setting setting(ResolvedConfig config, String name) {
        return config.all().get(name);
    }

    @Test
    void defaultsComeFromPolicyThenPack() {
        ResolvedConfig config = ResolvedConfig.defaults(pack);

        assertEquals(EnforcementLevel.MANDATORY, setting(config, "sample-queue-encrypted").level());
        assertEquals(EnforcementLevel.ADVISORY, setting(config, "sample-log-retention").level());
        assertEquals(7, setting(config, "sample-log-retention").config().integer("minimumRetentionDays"));
        assertEquals(List.of("Environment", "Project"), setting(config, "sample-required-tags").config().stringList("requiredTags"));
    }

    @Test
    void allSetsEveryLevelAndPolicyEntriesOverrideIt() {
        ResolvedConfig config = ResolvedConfig.resolve(pack, PackConfig.parse(
                "{\"all\":\"disabled\",\"sample-log-retention\":{\"enforcementLevel\":\"mandatory\",\"minimumRetentionDays\":30},"
                        + "\"not-a-policy\":\"advisory\"}"));

        assertEquals(EnforcementLevel.DISABLED, setting(config, "sample-queue-encrypted").level());
        assertEquals(EnforcementLevel.MANDATORY, setting(config, "sample-log-retention").level());
        assertEquals(30, setting(config, "sample-log-retention").config().integer("minimumRetentionDays"));
    }

    @Test
    void propertiesWithoutLevelKeepTheDefaultLevel() {
        ResolvedConfig config = ResolvedConfig.resolve(pack, PackConfig.parse("{\"sample-required-tags\":{\"requiredTags\":[\"Owner\"]}}"));

        assertEquals(EnforcementLevel.ADVISORY, setting(config, "sample-required-tags").level());
        assertEquals(List.of("Owner"), setting(config, "sample-required-tags").config().stringList("requiredTags"));
    }

    @Test
    void schemaViolationsAreRejectedNamingThePolicy() {
        PolicyConfigException e = assertThrows(PolicyConfigException.class, () -> ResolvedConfig.resolve(pack, PackConfig.parse(
                "{\"sample-log-retention\":{\"minimumRetentionDays\":0},\"sample-required-tags\":{\"requiredTags\":\"Owner\"}}")));

        assertEquals(List.of("sample-log-retention: $.minimumRetentionDays: must have a minimum value of 1",
                "sample-required-tags: $.requiredTags: string found, array expected"), e.problems());
    }

    @Test
    void malformedConfigFilesAreRejectedWithEveryProblem() {
        PolicyConfigException e = assertThrows(PolicyConfigException.class, () -> PackConfig.parse(
                "{\"a\":\"strict\",\"b\":5,\"c\":{\"enforcementLevel\":1}}"));

        assertEquals(List.of("a: enforcement level must be one of advisory, mandatory, remediate, disabled, got 'strict'",
                "b: must be a level string or an object, got 5",
                "c: enforcementLevel must be a string, got 1"), e.problems());
        assertEquals(List.of("policy pack config must be a JSON object of policy name to settings"),
                assertThrows(PolicyConfigException.class, () -> PackConfig.parse("[]")).problems());
        assertEquals(PackConfig.EMPTY, PackConfig.parse("  "));
    }

    @Test
    void packRulesAreCheckedAtBuildTime() {
        assertEquals("policy pack name 'bad name' must match ^[a-zA-Z0-9-_.]{1,100}$",
                assertThrows(IllegalArgumentException.class, () -> PolicyPack.builder("bad name").build()).getMessage());
        assertEquals("policy name 'all' is reserved: config files use it to set every policy's level",
                assertThrows(IllegalArgumentException.class, () -> PolicyInfo.builder("all").description("d").build()).getMessage());
        assertEquals("'enforcementLevel' is reserved: the engine adds it to every policy's config",
                assertThrows(IllegalArgumentException.class, () -> ConfigSchema.builder().string("enforcementLevel", "x", "").build()).getMessage());
        var policy = new SamplePack.LogRetention();
        assertEquals("policy name 'sample-log-retention' is used twice in pack 'p'",
                assertThrows(IllegalArgumentException.class, () -> PolicyPack.builder("p").add(policy, policy).build()).getMessage());
    }
}

package infra.config;

import infra.testing.Stacks;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every bad input of issue 2 item 3 gets one precise message, asserted exactly. */
final class SettingsValidationTest {

    /** The messages for the dev stack file with {@code overrides} applied. */
    private static List<String> problems(String stack, Map<String, String> overrides) {
        InvalidConfigException e = assertThrows(InvalidConfigException.class, () -> Stacks.settings(stack, overrides));
        return e.problems().stream().map(ConfigProblem::message).toList();
    }

    private static List<String> devProblems(String key, String value) {
        return problems("dev", Map.of(key, value));
    }

    @Test
    void checkedInStacksLoadWithoutProblems() {
        assertEquals(Environment.DEV, Stacks.settings("dev").environment());
        assertEquals(Environment.STAGING, Stacks.settings("staging").environment());
        assertEquals(Environment.PROD, Stacks.settings("prod").environment());
    }

    @Test
    void rejectsAnUnknownEnvironmentName() {
        assertEquals(List.of("order-processing:environment = 'qa': is not a known environment; expected one of dev, "
                        + "staging, prod. Fix: pulumi config set order-processing:environment dev --stack dev"),
                devProblems("environment", "qa"));
    }

    @Test
    void rejectsAStackNameThatIsNoEnvironmentWhenEnvironmentIsUnset() {
        Map<String, String> config = new HashMap<>(Stacks.config("dev", Map.of()));
        config.remove("order-processing:environment");

        InvalidConfigException e = assertThrows(InvalidConfigException.class, () -> Settings.load(config, "sandbox"));

        assertEquals("order-processing:environment: is not set and the stack name 'sandbox' is not an environment; "
                        + "expected one of dev, staging, prod. Fix: pulumi config set order-processing:environment dev "
                        + "--stack sandbox",
                e.problems().get(0).message());
    }

    @Test
    void rejectsAVpcCidrThatIsNotIpv4() {
        assertEquals(List.of("order-processing:vpcCidr = 'fd00::/56': must be an IPv4 CIDR block such as 10.0.0.0/16, "
                        + "with a prefix from /16 to /24. Fix: pulumi config set order-processing:vpcCidr 10.0.0.0/16 --stack dev"),
                devProblems("vpcCidr", "fd00::/56"));
        assertEquals(List.of("order-processing:vpcCidr = '10.0.0.0': must be an IPv4 CIDR block such as 10.0.0.0/16, "
                        + "with a prefix from /16 to /24. Fix: pulumi config set order-processing:vpcCidr 10.0.0.0/16 --stack dev"),
                devProblems("vpcCidr", "10.0.0.0"));
        assertEquals(List.of("order-processing:vpcCidr = '10.300.0.0/16': must be an IPv4 CIDR block such as "
                        + "10.0.0.0/16, with a prefix from /16 to /24. Fix: pulumi config set order-processing:vpcCidr "
                        + "10.0.0.0/16 --stack dev"),
                devProblems("vpcCidr", "10.300.0.0/16"));
    }

    @Test
    void rejectsCidrSpellingsThatAParserWouldSilentlyTurnIntoAnotherNetwork() {
        // 010.0.0.0 is octal 8.0.0.0 to a lenient parser: a public range instead of the intended 10/16
        for (String spelling : List.of("010.0.0.0/16", "0xa.0.0.0/16", "167772160/16", "10.0.0.0/255.255.0.0", "10/16")) {
            assertEquals(List.of("order-processing:vpcCidr = '" + spelling + "': must be an IPv4 CIDR block such as "
                    + "10.0.0.0/16, with a prefix from /16 to /24. Fix: pulumi config set order-processing:vpcCidr "
                    + "10.0.0.0/16 --stack dev"), devProblems("vpcCidr", spelling), spelling);
        }
    }

    @Test
    void acceptsOnlyScheduleExpressionsEventBridgeAccepts() {
        for (String ok : List.of("rate(1 minute)", "rate(5 minutes)", "rate(12 hours)", "rate(1 day)", "cron(0/15 * * * ? *)")) {
            assertEquals(ok, Stacks.settings("dev", Map.of("producerSchedule", ok)).producer().scheduleExpression(), ok);
        }
        for (String bad : List.of("rate(1 minutes)", "rate(5 minute)", "rate(0 minutes)", "cron(bad)", "every 5 minutes")) {
            assertEquals(List.of("order-processing:producerSchedule = '" + bad + "': must be an EventBridge rate(1 minute), "
                    + "rate(N minutes|hours|days) or six-field cron(...) expression. Fix: pulumi config set "
                    + "order-processing:producerSchedule 'rate(5 minutes)' --stack dev"), devProblems("producerSchedule", bad), bad);
        }
    }

    @Test
    void rejectsAVpcCidrInSpaceAwsReservesForItself() {
        assertEquals(List.of("order-processing:vpcCidr = '127.0.0.0/16': lies in 127.0.0.0/8, which AWS does not allow "
                        + "for a VPC; use a private range such as 10.0.0.0/16. Fix: pulumi config set "
                        + "order-processing:vpcCidr 10.0.0.0/16 --stack dev"),
                devProblems("vpcCidr", "127.0.0.0/16"));
        assertEquals(List.of("order-processing:vpcCidr = '224.1.0.0/16': lies in 224.0.0.0/3, which AWS does not allow "
                        + "for a VPC; use a private range such as 10.0.0.0/16. Fix: pulumi config set "
                        + "order-processing:vpcCidr 10.0.0.0/16 --stack dev"),
                devProblems("vpcCidr", "224.1.0.0/16"));
    }

    @Test
    void rejectsAVpcCidrPrefixOutsideSixteenToTwentyFour() {
        assertEquals(List.of("order-processing:vpcCidr = '10.0.0.0/8': prefix /8 is outside /16 to /24. "
                        + "Fix: pulumi config set order-processing:vpcCidr 10.0.0.0/16 --stack dev"),
                devProblems("vpcCidr", "10.0.0.0/8"));
        assertEquals(List.of("order-processing:vpcCidr = '10.0.0.0/28': prefix /28 is outside /16 to /24. "
                        + "Fix: pulumi config set order-processing:vpcCidr 10.0.0.0/16 --stack dev"),
                devProblems("vpcCidr", "10.0.0.0/28"));
    }

    @Test
    void rejectsAVpcCidrWithHostBits() {
        assertEquals(List.of("order-processing:vpcCidr = '10.0.5.0/16': has host bits set; the block's network address "
                        + "is 10.0.0.0/16. Fix: pulumi config set order-processing:vpcCidr 10.0.0.0/16 --stack dev"),
                devProblems("vpcCidr", "10.0.5.0/16"));
    }

    @Test
    void acceptsAVpcCidrInRange() {
        assertEquals("172.20.0.0/20", Stacks.settings("dev", Map.of("vpcCidr", "172.20.0.0/20")).network().vpcCidr());
    }

    @Test
    void rejectsAnAzCountOutsideTwoToThree() {
        assertEquals(List.of("order-processing:azCount = '4': must be a whole number from 2 to 3. "
                        + "Fix: pulumi config set order-processing:azCount 3 --stack dev"),
                devProblems("azCount", "4"));
        assertEquals(List.of("order-processing:azCount = '1': must be a whole number from 2 to 3. "
                        + "Fix: pulumi config set order-processing:azCount 2 --stack dev"),
                devProblems("azCount", "1"));
        assertEquals(List.of("order-processing:azCount = 'three': must be a whole number from 2 to 3. "
                        + "Fix: pulumi config set order-processing:azCount 3 --stack dev"),
                devProblems("azCount", "three"));
    }

    @Test
    void rejectsALogRetentionCloudWatchDoesNotOffer() {
        assertEquals(List.of("order-processing:logRetentionDays = '10': is not a CloudWatch Logs retention period in "
                        + "days; expected one of 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, "
                        + "1827, 2192, 2557, 2922, 3288, 3653. "
                        + "Fix: pulumi config set order-processing:logRetentionDays 7 --stack dev"),
                devProblems("logRetentionDays", "10"));
        assertEquals(List.of("order-processing:logRetentionDays = '45': is not a CloudWatch Logs retention period in "
                        + "days; expected one of 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, "
                        + "1827, 2192, 2557, 2922, 3288, 3653. "
                        + "Fix: pulumi config set order-processing:logRetentionDays 60 --stack dev"),
                devProblems("logRetentionDays", "45"));
    }

    @Test
    void rejectsAnAcuMinimumAboveTheMaximum() {
        assertEquals(List.of("order-processing:auroraMinAcu = '4': must not exceed order-processing:auroraMaxAcu (2). "
                        + "Fix: pulumi config set order-processing:auroraMinAcu 2 --stack dev"),
                devProblems("auroraMinAcu", "4"));
    }

    @Test
    void rejectsAMaximumAcuOutsideOneTo256() {
        assertEquals(List.of("order-processing:auroraMaxAcu = '300': must be a number from 1 to 256. "
                        + "Fix: pulumi config set order-processing:auroraMaxAcu 256 --stack dev"),
                devProblems("auroraMaxAcu", "300"));
    }

    @Test
    void rejectsAMaximumAcuBelowOneWhichAuroraServerlessV2DoesNotAllow() {
        assertEquals(List.of("order-processing:auroraMaxAcu = '0.5': must be a number from 1 to 256. "
                        + "Fix: pulumi config set order-processing:auroraMaxAcu 1 --stack dev"),
                devProblems("auroraMaxAcu", "0.5"));
        assertEquals(List.of("order-processing:auroraMaxAcu = '0': must be a number from 1 to 256. "
                        + "Fix: pulumi config set order-processing:auroraMaxAcu 1 --stack dev"),
                devProblems("auroraMaxAcu", "0"));
    }

    @Test
    void theMinimumAcuStillStartsAtZero() {
        assertEquals(0.0, Stacks.settings("dev", Map.of("auroraMinAcu", "0")).data().minAcu());
    }

    @Test
    void rejectsAnAcuThatIsNotAMultipleOfHalf() {
        assertEquals(List.of("order-processing:auroraMaxAcu = '2.3': must be a multiple of 0.5 within 1 to 256. "
                        + "Fix: pulumi config set order-processing:auroraMaxAcu 2.5 --stack dev"),
                devProblems("auroraMaxAcu", "2.3"));
    }

    @Test
    void rejectsAMalformedEmailAndKeepsTheValidOnesInTheFix() {
        assertEquals(List.of("order-processing:infrastructureAlertEmails = 'devops-team@example.com,oncall@': "
                        + "'oncall@' is not an e-mail address like ops@example.com (separate several with commas). "
                        + "Fix: pulumi config set order-processing:infrastructureAlertEmails devops-team@example.com "
                        + "--stack dev"),
                devProblems("infrastructureAlertEmails", "devops-team@example.com,oncall@"));
    }

    @Test
    void rejectsAPagerDutyEndpointThatIsNotHttpsWithoutShowingIt() {
        List<String> messages = problems("prod", Map.of("pagerDutyEndpoint", "http://events.pagerduty.com/x"));

        assertEquals(List.of("order-processing:pagerDutyEndpoint = '[secret]': must be an https:// URL (the PagerDuty "
                + "integration endpoint). Fix: pulumi config set --secret order-processing:pagerDutyEndpoint "
                + "'https://events.pagerduty.com/integration/<key>/enqueue' --stack prod"), messages);
    }

    @Test
    void rejectsPagerDutyOutsideProdWithoutShowingIt() {
        assertEquals(List.of("order-processing:pagerDutyEndpoint = '[secret]': PagerDuty pages only from prod "
                        + "(plan: Alerting Strategy). Fix: pulumi config rm order-processing:pagerDutyEndpoint --stack dev"),
                devProblems("pagerDutyEndpoint", "https://events.pagerduty.com/integration/abc/enqueue"));
    }

    @Test
    void rejectsADesiredTaskCountAboveTheMaximum() {
        assertEquals(List.of("order-processing:backendDesiredCount = '6': must not exceed "
                        + "order-processing:backendMaxCount (4). "
                        + "Fix: pulumi config set order-processing:backendDesiredCount 4 --stack dev"),
                devProblems("backendDesiredCount", "6"));
    }

    @Test
    void rejectsANegativeNumber() {
        assertEquals(List.of("order-processing:frontendMinCount = '-1': must not be negative; expected a whole number "
                        + "from 0 to 100. Fix: pulumi config set order-processing:frontendMinCount 2 --stack dev"),
                devProblems("frontendMinCount", "-1"));
        assertEquals(List.of("order-processing:auroraMinAcu = '-0.5': must not be negative; expected a number from 0 "
                        + "to 256. Fix: pulumi config set order-processing:auroraMinAcu 0.5 --stack dev"),
                devProblems("auroraMinAcu", "-0.5"));
    }

    @Test
    void rejectsABooleanThatIsNeitherTrueNorFalse() {
        assertEquals(List.of("order-processing:wafEnabled = 'yes': must be true or false. "
                        + "Fix: pulumi config set order-processing:wafEnabled false --stack dev"),
                devProblems("wafEnabled", "yes"));
    }

    @Test
    void reportsAnUnknownProjectKeyAsATypoWithASuggestion() {
        assertEquals(List.of("order-processing:azCuont = '2': is not a setting of this project (likely a typo); "
                        + "did you mean order-processing:azCount? Fix: pulumi config rm order-processing:azCuont --stack dev"),
                devProblems("azCuont", "2"));
    }

    @Test
    void reportsAnUnknownKeyFarFromEveryKnownOneWithoutASuggestion() {
        assertEquals(List.of("order-processing:colourScheme = 'blue': is not a setting of this project (likely a typo); "
                        + "remove it. Fix: pulumi config rm order-processing:colourScheme --stack dev"),
                devProblems("colourScheme", "blue"));
    }

    @Test
    void reportsEveryProblemTogetherInOneException() {
        InvalidConfigException e = assertThrows(InvalidConfigException.class, () -> Stacks.settings("dev",
                Map.of("azCount", "5", "wafEnabled", "maybe", "logRetentionDays", "8")));

        assertEquals(3, e.problems().size());
        assertEquals("""
                3 invalid stack settings:
                  - order-processing:wafEnabled = 'maybe': must be true or false. \
                Fix: pulumi config set order-processing:wafEnabled false --stack dev
                  - order-processing:azCount = '5': must be a whole number from 2 to 3. \
                Fix: pulumi config set order-processing:azCount 3 --stack dev
                  - order-processing:logRetentionDays = '8': is not a CloudWatch Logs retention period in days; \
                expected one of 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, \
                2557, 2922, 3288, 3653. Fix: pulumi config set order-processing:logRetentionDays 7 --stack dev""",
                e.getMessage());
    }

    @Test
    void neverShowsASecretValueEvenForAnUnknownSecretKey() {
        Map<String, String> config = new HashMap<>(Stacks.config("dev", Map.of()));
        config.put("order-processing:slackWebhok", "https://hooks.slack.com/services/T000/B000/XXXX");

        InvalidConfigException e = assertThrows(InvalidConfigException.class,
                () -> Settings.load(config, Set.of("order-processing:slackWebhok"), "dev"));

        assertFalse(e.getMessage().contains("hooks.slack.com"), e.getMessage());
        assertTrue(e.getMessage().contains("order-processing:slackWebhok = '[secret]'"), e.getMessage());
    }

    @Test
    void suggestsTheDefaultTagsPathCommandWhenATagIsMissing() {
        List<String> messages = devProblems("aws:defaultTags", "{\"tags\":{\"Environment\":\"dev\"}}");

        assertEquals(List.of("aws:defaultTags = '{\"tags\":{\"Environment\":\"dev\"}}': must carry the Project tag "
                + "(plan: tagging). Fix: pulumi config set --path aws:defaultTags.tags.Project order-processing "
                + "--stack dev"), messages);
    }
}

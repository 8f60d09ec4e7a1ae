package infra.config;

import infra.testing.Stacks;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ObservabilitySettingsTest {

    @Test
    void alertRoutingDefaultsPerEnvironment() {
        ObservabilitySettings dev = Stacks.settings("dev").observability();
        ObservabilitySettings prod = Stacks.settings("prod").observability();

        assertEquals(7, dev.logRetentionDays());
        assertEquals(90, prod.logRetentionDays());
        assertEquals(Map.of(), dev.alarmThresholds());
        assertEquals(Optional.empty(), dev.securitySlackWebhookUrl());
        assertEquals(List.of("devops-team@example.com", "sre-oncall@example.com"), prod.infrastructureAlertEmails());
    }

    @Test
    void alarmThresholdsAreAJsonObjectOfNumbers() {
        ObservabilitySettings s = Stacks.settings("staging", Map.of(
                "alarmThresholds", "{\"backend-cpu-high\": 70, \"database-read-latency-high\": \"0.25\"}",
                "securitySlackWebhookUrl", "https://hooks.slack.com/services/T0/B0/x")).observability();

        assertEquals(Map.of("backend-cpu-high", 70.0, "database-read-latency-high", 0.25), s.alarmThresholds());
        assertEquals(Optional.of("https://hooks.slack.com/services/T0/B0/x"), s.securitySlackWebhookUrl());
    }

    @Test
    void badThresholdsAreReportedWithTheFix() {
        InvalidConfigException e = assertThrows(InvalidConfigException.class, () -> Stacks.settings("dev", Map.of(
                "alarmThresholds", "{\"Backend CPU\": 70, \"backend-cpu-high\": \"lots\"}",
                "securitySlackWebhookUrl", "http://hooks.slack.com/x")));

        assertEquals(List.of(
                "order-processing:securitySlackWebhookUrl = '[secret]': must be an https:// URL (a Slack incoming webhook). "
                        + "Fix: pulumi config set --secret order-processing:securitySlackWebhookUrl "
                        + "'https://hooks.slack.com/services/<id>' --stack dev",
                "order-processing:alarmThresholds = 'Backend CPU': expected alarm ids such as backend-cpu-high as keys. "
                        + "Fix: pulumi config rm order-processing:alarmThresholds --stack dev",
                "order-processing:alarmThresholds = 'backend-cpu-high=lots': expected a non-negative number as the threshold"
                        + " of backend-cpu-high. Fix: pulumi config rm order-processing:alarmThresholds --stack dev"),

                e.problems().stream().map(ConfigProblem::message).collect(Collectors.toList()));
    }

    @Test
    void theFixForABadThresholdKeepsTheValidOnesAndDropsEveryBadOne() {
        InvalidConfigException e = assertThrows(InvalidConfigException.class, () -> Stacks.settings("staging", Map.of(
                "alarmThresholds", "{\"backend-cpu-high\": 70, \"database-read-latency-high\": \"-1\", "
                        + "\"frontend-cpu-high\": 65.5, \"Frontend CPU\": 80}")));

        String fix = "Fix: pulumi config set order-processing:alarmThresholds "
                + "'{\"backend-cpu-high\":70,\"frontend-cpu-high\":65.5}' --stack staging";
        assertEquals(List.of(
                "order-processing:alarmThresholds = 'database-read-latency-high=-1': expected a non-negative number as the"
                        + " threshold of database-read-latency-high. " + fix,
                "order-processing:alarmThresholds = 'Frontend CPU': expected alarm ids such as backend-cpu-high as keys. " + fix),
                e.problems().stream().map(ConfigProblem::message).toList());
    }
}

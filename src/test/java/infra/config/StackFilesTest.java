package infra.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

final class StackFilesTest {
    @TempDir
    Path dir;

    private StackFiles.StackConfig read(String name, String yaml) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, yaml);
        return StackFiles.read(file);
    }

    @Test
    void flattensKeysQualifiesShortOnesAndKeepsScalarsAsText() throws IOException {
        StackFiles.StackConfig config = read("Pulumi.qa.yaml", """
                config:
                  aws:region: eu-west-1
                  azCount: 2
                  order-processing:auroraMaxAcu: 4.5
                  order-processing:wafEnabled: true
                """);

        assertEquals("qa", config.stack());
        assertEquals(Map.of("aws:region", "eu-west-1", "order-processing:azCount", "2",
                "order-processing:auroraMaxAcu", "4.5", "order-processing:wafEnabled", "true"), config.values());
        assertEquals(Set.of(), config.secretKeys());
    }

    @Test
    void readsPlainScalarsByTheYaml12CoreSchemaAsThePulumiCliDoes() throws IOException {
        StackFiles.StackConfig config = read("Pulumi.dev.yaml", """
                config:
                  xrayEnabled: off
                  deletionProtection: yes
                  finalSnapshot: True
                  wafEnabled: FALSE
                  backupRetentionDays: 1_0
                  azCount: 3
                  queueMaxReceiveCount: 010
                  kmsDeletionWindowDays: 0x1e
                  auroraMaxAcu: 4.50
                  auroraMinAcu: .5
                  producerSchedule: 12:30
                  auroraBackupWindow: 2024-01-01
                  certificateArn: ~
                  slackWebhookUrl:
                  alarmThresholds:
                    backend-cpu-high: 1_0
                    frontend-cpu-high: 70
                    flag: on
                    strict: true
                """);

        Map<String, String> expected = new java.util.TreeMap<>(Map.ofEntries(
                Map.entry("order-processing:xrayEnabled", "off"),
                Map.entry("order-processing:deletionProtection", "yes"),
                Map.entry("order-processing:finalSnapshot", "true"),
                Map.entry("order-processing:wafEnabled", "false"),
                Map.entry("order-processing:backupRetentionDays", "1_0"),
                Map.entry("order-processing:azCount", "3"),
                Map.entry("order-processing:queueMaxReceiveCount", "010"),
                Map.entry("order-processing:kmsDeletionWindowDays", "0x1e"),
                Map.entry("order-processing:auroraMaxAcu", "4.5"),
                Map.entry("order-processing:auroraMinAcu", "0.5"),
                Map.entry("order-processing:producerSchedule", "12:30"),
                Map.entry("order-processing:auroraBackupWindow", "2024-01-01"),
                Map.entry("order-processing:certificateArn", ""),
                Map.entry("order-processing:slackWebhookUrl", ""),
                Map.entry("order-processing:alarmThresholds",
                        "{\"backend-cpu-high\":\"1_0\",\"frontend-cpu-high\":70,\"flag\":\"on\",\"strict\":true}")));
        assertEquals(expected, new java.util.TreeMap<>(config.values()));
    }

    @Test
    void yaml11WordsReachTheSettingsAsWrittenAndAreReported() throws IOException {
        StackFiles.StackConfig file = StackFiles.read(Path.of("Pulumi.dev.yaml"));
        String yaml = Files.readString(Path.of("Pulumi.dev.yaml"))
                .replace("order-processing:xrayEnabled: \"true\"", "order-processing:xrayEnabled: off")
                .replace("order-processing:deletionProtection: \"false\"", "order-processing:deletionProtection: yes")
                .replace("order-processing:backupRetentionDays: \"1\"", "order-processing:backupRetentionDays: 1_0");
        StackFiles.StackConfig config = read("Pulumi.dev.yaml", yaml);

        InvalidConfigException e = assertThrows(InvalidConfigException.class,
                () -> Settings.load(config.values(), config.secretKeys(), config.stack()));
        assertEquals(java.util.List.of(
                "order-processing:xrayEnabled = 'off': must be true or false. "
                        + "Fix: pulumi config set order-processing:xrayEnabled true --stack dev",
                "order-processing:deletionProtection = 'yes': must be true or false. "
                        + "Fix: pulumi config set order-processing:deletionProtection false --stack dev",
                "order-processing:backupRetentionDays = '1_0': must be a whole number from 1 to 35. "
                        + "Fix: pulumi config set order-processing:backupRetentionDays 1 --stack dev"),
                e.problems().stream().map(ConfigProblem::message).toList());
        assertEquals("true", file.values().get("order-processing:xrayEnabled"));
    }

    @Test
    void secretsTheOfflinePlanCannotReadUseTheDefaultUnlessTheyAreUrlsAndEachGetsOneNote() throws IOException {
        String yaml = Files.readString(Path.of("Pulumi.dev.yaml"))
                .replace("order-processing:infrastructureAlertEmails: devops-team@example.com",
                        "order-processing:infrastructureAlertEmails:\n    secure: AAABAKx1")
                + "  order-processing:vpcCidr:\n    secure: AAABAKx2\n"
                + "  order-processing:backupRetentionDays:\n    secure: AAABAKx3\n"
                + "  order-processing:slackWebhookUrl:\n    secure: AAABAKx4\n";
        StackFiles.StackConfig config = read("Pulumi.dev.yaml", yaml);

        Settings settings = Settings.load(config.values(), config.secretKeys(), config.stack());

        assertEquals(java.util.List.of("devops-team@example.com"), settings.observability().infrastructureAlertEmails());
        assertEquals("10.0.0.0/16", settings.network().vpcCidr());
        assertEquals(1, settings.data().backupRetentionDays());
        assertEquals(java.util.Optional.of(StackFiles.SECRET_PLACEHOLDER), settings.observability().slackWebhookUrl());
        assertEquals(java.util.List.of(
                "order-processing:vpcCidr: secret value not checked offline; the plan uses the setting's default",
                "order-processing:backupRetentionDays: secret value not checked offline; the plan uses 1",
                "order-processing:infrastructureAlertEmails: secret value not checked offline; the plan uses devops-team@example.com",
                "order-processing:slackWebhookUrl: secret value not checked offline; the plan uses a placeholder https URL (offline-plan.invalid)"),
                settings.offlineNotes());
    }

    @Test
    void settingsFromTheEngineHaveNoOfflineNotesEvenForSecretKeys() {
        java.util.Map<String, String> config = new java.util.HashMap<>(infra.testing.Stacks.config("dev", Map.of()));
        config.put("order-processing:infrastructureAlertEmails", "oncall@example.com");

        Settings settings = Settings.load(config, Set.of("order-processing:infrastructureAlertEmails"), "dev");

        assertEquals(java.util.List.of("oncall@example.com"), settings.observability().infrastructureAlertEmails());
        assertEquals(java.util.List.of(), settings.offlineNotes());
    }

    @Test
    void turnsNestedValuesIntoJsonAsTheEngineDoes() throws IOException {
        StackFiles.StackConfig config = read("Pulumi.dev.yaml", """
                config:
                  aws:defaultTags:
                    tags:
                      Environment: dev
                      Project: order-processing
                  order-processing:securityAlertEmails:
                    - a@example.com
                    - b@example.com
                """);

        assertEquals("{\"tags\":{\"Environment\":\"dev\",\"Project\":\"order-processing\"}}",
                config.values().get("aws:defaultTags"));
        assertEquals("[\"a@example.com\",\"b@example.com\"]", config.values().get("order-processing:securityAlertEmails"));
    }

    @Test
    void replacesSecureValuesWithThePlaceholderAndMarksThemSecret() throws IOException {
        StackFiles.StackConfig config = read("Pulumi.prod.yaml", """
                config:
                  order-processing:pagerDutyEndpoint:
                    secure: AAABAKvZ0000notrealciphertext
                  order-processing:alerting:
                    slack:
                      secure: AAABAotherciphertext
                """);

        assertEquals(StackFiles.SECRET_PLACEHOLDER, config.values().get("order-processing:pagerDutyEndpoint"));
        assertEquals("{\"slack\":\"" + StackFiles.SECRET_PLACEHOLDER + "\"}", config.values().get("order-processing:alerting"));
        assertEquals(Set.of("order-processing:pagerDutyEndpoint", "order-processing:alerting"), config.secretKeys());
    }

    @Test
    void reportsBadYamlWithFileLineAndColumn() throws IOException {
        Path file = dir.resolve("Pulumi.bad.yaml");
        Files.writeString(file, "config:\n  aws:region: us-east-1\n   azCount: 2\n");

        IOException e = assertThrows(IOException.class, () -> StackFiles.read(file));

        assertEquals(file + ": not valid YAML at line 3, column 11: mapping values are not allowed here", e.getMessage());
    }

    @Test
    void rejectsAConfigSectionThatIsNotAMapping() throws IOException {
        Path file = dir.resolve("Pulumi.list.yaml");
        Files.writeString(file, "config:\n  - aws:region\n");

        IOException e = assertThrows(IOException.class, () -> StackFiles.read(file));

        assertEquals(file + ": 'config:' must be a mapping of keys to values", e.getMessage());
    }

    @Test
    void readsAnEmptyFileAsNoConfig() throws IOException {
        assertEquals(Map.of(), read("Pulumi.empty.yaml", "").values());
    }
}

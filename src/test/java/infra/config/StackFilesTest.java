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

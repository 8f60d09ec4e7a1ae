package infra.config;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a {@code Pulumi.<stack>.yaml} file into the flat key map the engine would hand the program
 * (structured values become JSON text, as in {@code PULUMI_CONFIG}). {@code secure:} values cannot be
 * decrypted without the Pulumi CLI, so they become a placeholder and their keys are marked secret.
 */
public final class StackFiles {
    /** What a {@code secure:} value reads as offline. */
    public static final String SECRET_PLACEHOLDER = "https://offline-plan.invalid/secret-placeholder";

    private StackFiles() {
    }

    /** The flat config and the keys that were secret. */
    public record StackConfig(String stack, Path file, Map<String, String> values, Set<String> secretKeys) {
    }

    public static StackConfig read(Path file) throws IOException {
        String fileName = file.getFileName().toString();
        String stack = fileName.startsWith("Pulumi.") && fileName.endsWith(".yaml")
                ? fileName.substring("Pulumi.".length(), fileName.length() - ".yaml".length())
                : fileName.replaceFirst("\\.ya?ml$", "");
        Object root;
        try (Reader reader = Files.newBufferedReader(file)) {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark();
            String where = mark == null ? "" : " at line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1);
            throw new IOException(file + ": not valid YAML" + where + ": " + e.getProblem());
        } catch (YAMLException e) {
            throw new IOException(file + ": not valid YAML: " + e.getMessage());
        }
        Map<String, String> values = new LinkedHashMap<>();
        Set<String> secrets = new LinkedHashSet<>();
        if (root == null) {
            return new StackConfig(stack, file, values, secrets);
        }
        if (!(root instanceof Map<?, ?> top)) {
            throw new IOException(file + ": expected a YAML mapping with a 'config:' section");
        }
        Object config = top.get("config");
        if (config == null) {
            return new StackConfig(stack, file, values, secrets);
        }
        if (!(config instanceof Map<?, ?> entries)) {
            throw new IOException(file + ": 'config:' must be a mapping of keys to values");
        }
        for (Map.Entry<?, ?> e : entries.entrySet()) {
            String key = String.valueOf(e.getKey());
            if (!key.contains(":")) {
                key = ConfigReader.NAMESPACE + ":" + key;
            }
            Object value = e.getValue();
            if (isSecure(value)) {
                values.put(key, SECRET_PLACEHOLDER);
                secrets.add(key);
            } else if (value instanceof Map<?, ?> || value instanceof List<?>) {
                boolean[] hadSecret = {false};
                values.put(key, new com.google.gson.Gson().toJson(withPlaceholders(value, hadSecret)));
                if (hadSecret[0]) {
                    secrets.add(key);
                }
            } else {
                values.put(key, value == null ? "" : String.valueOf(value));
            }
        }
        return new StackConfig(stack, file, values, secrets);
    }

    private static boolean isSecure(Object value) {
        return value instanceof Map<?, ?> m && m.size() == 1 && m.containsKey("secure");
    }

    /** Structured values may hold {@code secure:} leaves too (set with {@code --path --secret}). */
    private static Object withPlaceholders(Object value, boolean[] hadSecret) {
        if (isSecure(value)) {
            hadSecret[0] = true;
            return SECRET_PLACEHOLDER;
        }
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> copy = new LinkedHashMap<>();
            m.forEach((k, v) -> copy.put(String.valueOf(k), withPlaceholders(v, hadSecret)));
            return copy;
        }
        if (value instanceof List<?> l) {
            List<Object> copy = new ArrayList<>();
            l.forEach(v -> copy.add(withPlaceholders(v, hadSecret)));
            return copy;
        }
        return value;
    }
}

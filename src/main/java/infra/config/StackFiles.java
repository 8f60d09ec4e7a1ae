package infra.config;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

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
import java.util.regex.Pattern;

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
            LoaderOptions options = new LoaderOptions();
            root = new Yaml(new SafeConstructor(options), new Representer(new DumperOptions()), new DumperOptions(),
                    options, new CoreSchemaResolver()).load(reader);
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

    /**
     * Plain scalars by the YAML 1.2 core schema, as the Pulumi CLI (Go yaml v3) reads stack files,
     * not SnakeYAML's YAML 1.1 defaults: {@code off}, {@code yes}, {@code 1_0}, {@code 0x1f},
     * {@code 12:30} and dates stay text, so the settings see what the user wrote and report it.
     * Integers are decimal without a leading zero (SnakeYAML would read {@code 010} as octal; as text
     * it still parses as 10), floats need a dot or an exponent.
     */
    static final class CoreSchemaResolver extends Resolver {
        private static final Pattern CORE_BOOL = Pattern.compile("^(?:true|True|TRUE|false|False|FALSE)$");
        private static final Pattern CORE_INT = Pattern.compile("^[-+]?(?:0|[1-9][0-9]*)$");
        private static final Pattern CORE_FLOAT = Pattern.compile(
                "^(?:[-+]?(?:\\.[0-9]+|[0-9]+\\.[0-9]*)(?:[eE][-+]?[0-9]+)?|[-+]?[0-9]+[eE][-+]?[0-9]+"
                        + "|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$");
        private static final Pattern CORE_NULL = Pattern.compile("^(?:~|null|Null|NULL|)$");

        @Override
        protected void addImplicitResolvers() {
            addImplicitResolver(Tag.BOOL, CORE_BOOL, "tTfF");
            addImplicitResolver(Tag.INT, CORE_INT, "-+0123456789");
            addImplicitResolver(Tag.FLOAT, CORE_FLOAT, "-+0123456789.");
            addImplicitResolver(Tag.NULL, CORE_NULL, "~nN\0");
            addImplicitResolver(Tag.NULL, EMPTY, null);
        }
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

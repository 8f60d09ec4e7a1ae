package policy.check;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import policy.sdk.ResourceInput;
import policy.sdk.ResourceOptions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the three inputs the checker understands, tolerantly:
 * <ul>
 * <li><b>plan</b>: the offline plan's {@code target/plan/<stack>.json}: {@code {resources: [{urn,
 * type, name, parent, dependencies, propertyDependencies, inputs, outputs?, options?...}]}};</li>
 * <li><b>state</b>: {@code pulumi stack export}: {@code {deployment: {resources: [...]}}};</li>
 * <li><b>preview</b>: {@code pulumi preview --json}: {@code {steps: [{op, newState: {...}}]}}.</li>
 * </ul>
 * Anything else (an empty file, a bare array, a scalar, an object with none of those keys) is
 * unreadable input.
 * Per-resource analysis sees inputs; stack analysis sees outputs, falling back to inputs when a
 * resource has none (plans without outputs, previews of new resources).
 */
public final class InputFiles {
    /**
     * What was read: the format, the resources for Analyze and for AnalyzeStack, whether it is a
     * preview, and the stack the file names with the stack config it carries (fully-qualified keys;
     * empty when the format has none).
     */
    public record CheckInput(String format, List<ResourceInput> inputs, List<ResourceInput> outputs, boolean dryRun,
                             String stack, Map<String, String> stackConfig) {
        public CheckInput {
            stackConfig = Map.copyOf(stackConfig);
        }

        CheckInput withStack(String newStack, Map<String, String> config) {
            return new CheckInput(format, inputs, outputs, dryRun, newStack, config);
        }
    }

    /** How the offline plan's file and {@code pulumi preview --json} blind a secret value. */
    private static final String BLINDED = "[secret]";
    /** The offline plan's file names the stack's environment at the top level; it is this stack setting. */
    private static final String ENVIRONMENT_SETTING = "order-processing:environment";

    /** The accepted top-level shapes, for messages about a file that has none of them. */
    static final String SHAPES = "expected a JSON object: a plan {\"resources\": [...]}, "
            + "a stack export {\"deployment\": {...}} or preview --json output {\"steps\": [...]}";

    /** Preview steps whose new state is not read: deletions, and replacement steps that repeat the replace step's. */
    private static final Set<String> SKIPPED_OPS = Set.of("delete", "discard", "delete-replaced",
            "discard-replaced", "create-replacement", "read-replacement");

    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|h|m|s)");

    private InputFiles() {
    }

    public static CheckInput read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UnreadableInputException("cannot read " + file + ": " + e.getMessage());
        }
        return parse(text, file.toString());
    }

    public static CheckInput parse(String text, String source) {
        if (text.isBlank()) {
            throw new UnreadableInputException(source + " is empty; " + SHAPES);
        }
        JsonElement root;
        try {
            root = JsonParser.parseString(text);
        } catch (JsonParseException e) {
            throw new UnreadableInputException(source + " is not JSON: " + e.getMessage());
        }
        try {
            if (root.isJsonArray()) {
                // none of the three formats is a bare list; reading one as a plan would pass [] as clean
                throw new UnreadableInputException(source + " holds a JSON array; " + SHAPES);
            }
            if (!root.isJsonObject()) {
                throw new UnreadableInputException(source + " holds " + WireJson.abbreviate(root) + "; " + SHAPES);
            }
            JsonObject object = root.getAsJsonObject();
            if (object.has("deployment")) {
                return resources("state", source, "resource entry", numbered(array(object.getAsJsonObject("deployment"), "resources")), false);
            }
            if (object.has("steps")) {
                Map<Integer, JsonElement> states = new LinkedHashMap<>();
                JsonArray steps = array(object, "steps");
                for (int i = 0; i < steps.size(); i++) {
                    JsonObject s = steps.get(i).getAsJsonObject();
                    String op = string(s, "op");
                    // with --show-replacement-steps a replacement's new state appears on its create-replacement
                    // (or read-replacement) step and again on the replace step: read it once, from the latter
                    if (s.has("newState") && !s.get("newState").isJsonNull() && !SKIPPED_OPS.contains(op)) {
                        states.put(i + 1, s.get("newState"));
                    }
                }
                // preview --json carries the stack config (secrets blinded, so left out)
                Map<String, String> config = new LinkedHashMap<>();
                if (object.has("config") && object.get("config").isJsonObject()) {
                    object.getAsJsonObject("config").entrySet().forEach(e -> {
                        String value = e.getValue().isJsonPrimitive() ? e.getValue().getAsString() : "";
                        if (!value.isEmpty() && !value.equals(BLINDED)) {
                            config.put(e.getKey(), value);
                        }
                    });
                }
                return resources("preview", source, "step", states, true).withStack("", config);
            }
            if (object.has("resources")) {
                // the offline plan's unknown-outputs mode stands for a first preview
                boolean dryRun = object.has("dryRun") && object.get("dryRun").getAsBoolean()
                        || "unknown".equals(string(object, "outputs"));
                String environment = string(object, "environment");
                return resources("plan", source, "resource entry", numbered(array(object, "resources")), dryRun)
                        .withStack(string(object, "stack"), environment.isEmpty() ? Map.of() : Map.of(ENVIRONMENT_SETTING, environment));
            }
        } catch (IllegalStateException | ClassCastException | UnsupportedOperationException | NumberFormatException e) {
            throw new UnreadableInputException(source + " has an unexpected shape: " + e.getMessage());
        }
        throw new UnreadableInputException(source + " has none of 'resources' (plan), 'deployment' (stack export) "
                + "or 'steps' (preview --json); " + SHAPES);
    }

    /** Entries by their 1-based position in the file. */
    private static Map<Integer, JsonElement> numbered(JsonArray array) {
        Map<Integer, JsonElement> out = new LinkedHashMap<>();
        for (int i = 0; i < array.size(); i++) {
            out.put(i + 1, array.get(i));
        }
        return out;
    }

    /**
     * Reads numbered resource entries. A URN listed twice is refused, as the engine refuses it in
     * AnalyzeStack: silently keeping one of the two would check a resource the file does not describe.
     */
    private static CheckInput resources(String format, String source, String entry, Map<Integer, JsonElement> entries,
                                        boolean dryRun) {
        PlanResources plan = new PlanResources();
        Map<String, Integer> firstAt = new LinkedHashMap<>();
        for (Map.Entry<Integer, JsonElement> numbered : entries.entrySet()) {
            JsonElement e = numbered.getValue();
            if (!e.isJsonObject()) {
                throw new UnreadableInputException(format + " resource entry is not an object: " + WireJson.abbreviate(e));
            }
            JsonObject r = e.getAsJsonObject();
            String urn = string(r, "urn");
            if (urn.isEmpty() || string(r, "type").isEmpty()) {
                throw new UnreadableInputException(format + " resource entry lacks urn or type: " + WireJson.abbreviate(r));
            }
            Integer first = firstAt.putIfAbsent(urn, numbered.getKey());
            if (first != null) {
                throw new UnreadableInputException(source + ": " + format + " " + entry + " " + numbered.getKey()
                        + " repeats URN " + urn + " (first at " + entry.substring(entry.lastIndexOf(' ') + 1) + " " + first + ")");
            }
            add(plan, r);
        }
        return new CheckInput(format, plan.inputs(), plan.outputs(), dryRun, "", Map.of());
    }

    private static void add(PlanResources plan, JsonObject r) {
        JsonObject opts = r.has("options") && r.get("options").isJsonObject() ? r.getAsJsonObject("options") : r;
        String parent = string(r, "parent").isEmpty() ? string(opts, "parent") : string(r, "parent");
        Map<String, List<String>> propertyDependencies = new LinkedHashMap<>();
        if (r.has("propertyDependencies") && r.get("propertyDependencies").isJsonObject()) {
            r.getAsJsonObject("propertyDependencies").entrySet().forEach(e -> propertyDependencies.put(e.getKey(), strings(e.getValue())));
        }
        Optional<Boolean> dbr = opts.has("deleteBeforeReplace") && !opts.get("deleteBeforeReplace").isJsonNull()
                ? Optional.of(opts.get("deleteBeforeReplace").getAsBoolean()) : Optional.empty();
        JsonObject timeouts = opts.has("customTimeouts") && opts.get("customTimeouts").isJsonObject()
                ? opts.getAsJsonObject("customTimeouts") : new JsonObject();
        ResourceOptions options = new ResourceOptions(opts.has("protect") && opts.get("protect").getAsBoolean(),
                strings(opts.get("ignoreChanges")), dbr, strings(opts.get("additionalSecretOutputs")), strings(opts.get("aliases")),
                new ResourceOptions.CustomTimeouts(seconds(timeouts.get("create")), seconds(timeouts.get("update")),
                        seconds(timeouts.get("delete")), seconds(timeouts.get("read"))), parent);
        JsonElement outputs = r.get("outputs");
        plan.add(string(r, "type"), string(r, "urn"), string(r, "name"), WireJson.struct(r.get("inputs")),
                outputs != null && outputs.isJsonObject() ? WireJson.struct(outputs) : null, options, parent,
                strings(r.get("dependencies")), propertyDependencies,
                string(r, "provider").isEmpty() ? string(opts, "provider") : string(r, "provider"));
    }

    private static double seconds(JsonElement e) {
        if (e == null || e.isJsonNull()) {
            return 0;
        }
        if (e.getAsJsonPrimitive().isNumber()) {
            return e.getAsDouble();
        }
        Matcher m = DURATION.matcher(e.getAsString());
        double total = 0;
        while (m.find()) {
            double n = Double.parseDouble(m.group(1));
            total += switch (m.group(2)) {
                case "h" -> n * 3600;
                case "m" -> n * 60;
                case "ms" -> n / 1000;
                default -> n;
            };
        }
        return total;
    }

    private static JsonArray array(JsonObject object, String key) {
        JsonElement e = object.get(key);
        if (e == null || !e.isJsonArray()) {
            throw new UnreadableInputException("'" + key + "' is missing or not a list");
        }
        return e.getAsJsonArray();
    }

    private static String string(JsonObject object, String key) {
        JsonElement e = object.get(key);
        return e == null || e.isJsonNull() || !e.isJsonPrimitive() ? "" : e.getAsString();
    }

    private static List<String> strings(JsonElement e) {
        List<String> out = new ArrayList<>();
        if (e != null && e.isJsonArray()) {
            e.getAsJsonArray().forEach(item -> out.add(item.getAsString()));
        }
        return out;
    }
}

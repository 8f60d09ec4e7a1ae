package infra.plan;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;

import java.util.List;

/**
 * The machine-readable plan: every resource as the engine registered it (URN, type, name, parent,
 * provider, dependencies, property dependencies, inputs, outputs and options). Inputs and outputs
 * keep the engine's wire form (the unknown sentinel, secret envelopes) so the policy pack can read
 * the file as it reads a real preview; secret values are masked.
 */
public final class PlanJson {
    private PlanJson() {
    }

    public static String render(RenderedStack stack, String environment, AwsMocks.Mode mode) {
        JsonObject root = new JsonObject();
        root.addProperty("project", stack.project());
        root.addProperty("stack", stack.stack());
        root.addProperty("environment", environment);
        root.addProperty("region", stack.region());
        root.addProperty("outputs", mode == AwsMocks.Mode.UNKNOWN_OUTPUTS ? "unknown" : "known");
        root.addProperty("resourceCount", stack.resources().size());
        JsonArray resources = new JsonArray();
        // CI diffs this file: list resources in the canonical order, not the run's registration order
        stack.canonicalResources().forEach(r -> resources.add(resource(r)));
        root.add("resources", resources);
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeNulls().create().toJson(root);
    }

    static JsonObject resource(CapturedResource r) {
        JsonObject o = new JsonObject();
        o.addProperty("urn", r.urn());
        o.addProperty("type", r.type());
        o.addProperty("name", r.name());
        o.addProperty("custom", r.custom());
        o.add("id", textOrNull(r.id()));
        o.add("parent", textOrNull(r.parentUrn()));
        o.add("provider", textOrNull(r.provider()));
        o.add("dependencies", strings(r.dependencies()));
        JsonObject propertyDependencies = new JsonObject();
        r.propertyDependencies().forEach((k, v) -> propertyDependencies.add(k, strings(v)));
        o.add("propertyDependencies", propertyDependencies);
        o.add("inputs", struct(r.inputs()));
        o.add("outputs", outputs(r));

        JsonObject options = new JsonObject();
        options.addProperty("protect", r.protect());
        options.addProperty("retainOnDelete", r.retainOnDelete());
        options.addProperty("deleteBeforeReplace", r.deleteBeforeReplace());
        options.add("ignoreChanges", strings(r.ignoreChanges()));
        options.add("aliases", strings(r.aliases()));
        options.add("additionalSecretOutputs", strings(r.additionalSecretOutputs()));
        JsonObject timeouts = new JsonObject();
        timeouts.add("create", textOrNull(r.customTimeouts().create()));
        timeouts.add("update", textOrNull(r.customTimeouts().update()));
        timeouts.add("delete", textOrNull(r.customTimeouts().delete()));
        options.add("customTimeouts", timeouts);
        o.add("options", options);
        return o;
    }

    /**
     * Outputs as the engine would hold them: an output whose input was secret, or that the program
     * lists in additionalSecretOutputs, is secret too (the mocks echo inputs back in plain form).
     */
    static JsonObject outputs(CapturedResource r) {
        JsonObject o = struct(r.outputs());
        for (String key : o.keySet()) {
            boolean secretInput = r.inputs().containsFields(key) && EngineView.isSecret(r.inputs().getFieldsOrThrow(key));
            if (secretInput || r.additionalSecretOutputs().contains(key)) {
                o.add(key, value(EngineView.secret()));
            }
        }
        return o;
    }

    static JsonObject struct(Struct struct) {
        JsonObject o = new JsonObject();
        new java.util.TreeMap<>(struct.getFieldsMap()).forEach((k, v) -> o.add(k, value(v)));
        return o;
    }

    /** One wire value as JSON; a secret keeps its envelope but never its value. */
    static JsonElement value(Value v) {
        if (EngineView.isSecret(v)) {
            JsonObject masked = new JsonObject();
            masked.addProperty(EngineView.SIG_KEY, EngineView.SECRET_SIG);
            masked.addProperty("value", EngineView.MASK);
            return masked;
        }
        return switch (v.getKindCase()) {
            case NULL_VALUE, KIND_NOT_SET -> JsonNull.INSTANCE;
            case BOOL_VALUE -> new JsonPrimitive(v.getBoolValue());
            case NUMBER_VALUE -> number(v.getNumberValue());
            case STRING_VALUE -> new JsonPrimitive(v.getStringValue());
            case STRUCT_VALUE -> struct(v.getStructValue());
            case LIST_VALUE -> {
                JsonArray a = new JsonArray();
                v.getListValue().getValuesList().forEach(e -> a.add(value(e)));
                yield a;
            }
        };
    }

    /** Whole numbers print as such (CloudWatch's 30, not 30.0), as the engine's JSON shows them. */
    private static JsonPrimitive number(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? new JsonPrimitive((long) d) : new JsonPrimitive(d);
    }

    private static JsonElement textOrNull(String s) {
        return s == null || s.isEmpty() ? JsonNull.INSTANCE : new JsonPrimitive(s);
    }

    private static JsonArray strings(List<String> values) {
        JsonArray a = new JsonArray();
        values.forEach(a::add);
        return a;
    }
}

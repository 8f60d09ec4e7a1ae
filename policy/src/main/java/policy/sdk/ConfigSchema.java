package policy.sdk;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON schema of one policy's configuration: named properties (each a JSON-schema object,
 * usually with a {@code default}) and the required ones. Values are read through
 * {@link PolicyConfig}.
 *
 * <pre>{@code
 * ConfigSchema.builder()
 *     .integer("minimumRetentionDays", 30, 1, "Shortest log retention accepted, in days")
 *     .stringList("requiredTags", List.of("Environment", "Project"), "Tag keys every resource carries")
 *     .build();
 * }</pre>
 */
public final class ConfigSchema {
    public static final ConfigSchema NONE = new ConfigSchema(Map.of(), List.of());

    private final Map<String, JsonObject> properties;
    private final List<String> required;

    private ConfigSchema(Map<String, JsonObject> properties, List<String> required) {
        this.properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
        this.required = List.copyOf(required);
    }

    public static Builder builder() {
        return new Builder();
    }

    public boolean isEmpty() {
        return properties.isEmpty();
    }

    /** Property name → JSON-schema object (copies; callers may not mutate the schema). */
    public Map<String, JsonObject> properties() {
        Map<String, JsonObject> copy = new LinkedHashMap<>();
        properties.forEach((k, v) -> copy.put(k, v.deepCopy()));
        return copy;
    }

    public List<String> required() {
        return required;
    }

    /** {@code {type: object, properties, required}}, the document the engine validates against. */
    public JsonObject asJsonSchema() {
        JsonObject schema = new JsonObject();
        schema.addProperty("type", "object");
        JsonObject props = new JsonObject();
        properties.forEach((k, v) -> props.add(k, v.deepCopy()));
        schema.add("properties", props);
        if (!required.isEmpty()) {
            JsonArray req = new JsonArray();
            required.forEach(req::add);
            schema.add("required", req);
        }
        return schema;
    }

    /** Default values declared in the schema. */
    JsonObject defaults() {
        JsonObject out = new JsonObject();
        properties.forEach((k, v) -> {
            if (v.has("default")) {
                out.add(k, v.get("default").deepCopy());
            }
        });
        return out;
    }

    public static final class Builder {
        private final Map<String, JsonObject> properties = new LinkedHashMap<>();
        private final List<String> required = new ArrayList<>();

        private Builder() {
        }

        public Builder integer(String name, long defaultValue, long minimum, String description) {
            JsonObject p = base("integer", description);
            p.addProperty("minimum", minimum);
            p.addProperty("default", defaultValue);
            return property(name, p);
        }

        public Builder number(String name, double defaultValue, String description) {
            JsonObject p = base("number", description);
            p.addProperty("default", defaultValue);
            return property(name, p);
        }

        public Builder bool(String name, boolean defaultValue, String description) {
            JsonObject p = base("boolean", description);
            p.addProperty("default", defaultValue);
            return property(name, p);
        }

        public Builder string(String name, String defaultValue, String description) {
            JsonObject p = base("string", description);
            p.addProperty("default", defaultValue);
            return property(name, p);
        }

        /** A string restricted to {@code allowed}. */
        public Builder oneOf(String name, String defaultValue, List<String> allowed, String description) {
            JsonObject p = base("string", description);
            JsonArray values = new JsonArray();
            allowed.forEach(values::add);
            p.add("enum", values);
            p.addProperty("default", defaultValue);
            return property(name, p);
        }

        public Builder stringList(String name, List<String> defaultValue, String description) {
            JsonObject p = base("array", description);
            JsonObject items = new JsonObject();
            items.addProperty("type", "string");
            p.add("items", items);
            JsonArray values = new JsonArray();
            defaultValue.forEach(values::add);
            p.add("default", values);
            return property(name, p);
        }

        /** Any JSON-schema object, for shapes the typed helpers do not cover. */
        public Builder property(String name, JsonObject schema) {
            if ("enforcementLevel".equals(name)) {
                throw new IllegalArgumentException("'enforcementLevel' is reserved: the engine adds it to every policy's config");
            }
            if (properties.containsKey(name)) {
                throw new IllegalArgumentException("config property '" + name + "' is declared twice");
            }
            properties.put(name, schema.deepCopy());
            return this;
        }

        public Builder require(String name) {
            if ("enforcementLevel".equals(name)) {
                throw new IllegalArgumentException("'enforcementLevel' is reserved and cannot be required");
            }
            required.add(name);
            return this;
        }

        public ConfigSchema build() {
            for (String name : required) {
                if (!properties.containsKey(name)) {
                    throw new IllegalArgumentException("required config property '" + name + "' is not declared");
                }
            }
            return new ConfigSchema(properties, required);
        }

        private static JsonObject base(String type, String description) {
            JsonObject p = new JsonObject();
            p.add("type", new JsonPrimitive(type));
            if (description != null && !description.isEmpty()) {
                p.addProperty("description", description);
            }
            return p;
        }
    }

    static JsonElement copy(JsonElement e) {
        return e == null ? null : e.deepCopy();
    }
}

package policy.sdk;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Raw per-policy configuration as written in a {@code --policy-pack-config} file or sent by the
 * engine's {@code Configure}: policy name (or {@code all}) → optional level plus properties.
 * Turn it into effective settings with {@link ResolvedConfig#resolve}.
 */
public final class PackConfig {
    public static final PackConfig EMPTY = new PackConfig(Map.of());
    /** Key that sets the level of every policy. */
    public static final String ALL = "all";
    /** Reserved key naming ESC environments; there is no ESC offline, so it is ignored. */
    public static final String ENVIRONMENTS = "environments";

    /** One entry; {@code level} is empty when the entry only carries properties. */
    public record Entry(Optional<EnforcementLevel> level, JsonObject properties) {
        public Entry {
            properties = properties == null ? new JsonObject() : properties.deepCopy();
        }
    }

    private final Map<String, Entry> entries;

    public PackConfig(Map<String, Entry> entries) {
        this.entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
    }

    public Map<String, Entry> entries() {
        return entries;
    }

    public Optional<Entry> entry(String policyName) {
        return Optional.ofNullable(entries.get(policyName));
    }

    /**
     * Parses the file format: a JSON object whose values are a level string or an object with an
     * optional {@code enforcementLevel} and other properties. Empty text means no config.
     */
    public static PackConfig parse(String json) {
        if (json == null || json.isBlank()) {
            return EMPTY;
        }
        JsonElement root;
        try {
            root = JsonParser.parseString(json);
        } catch (JsonParseException e) {
            throw new PolicyConfigException(List.of("policy pack config is not valid JSON: " + e.getMessage()));
        }
        if (!root.isJsonObject()) {
            throw new PolicyConfigException(List.of("policy pack config must be a JSON object of policy name to settings"));
        }
        Map<String, Entry> entries = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, JsonElement> e : root.getAsJsonObject().entrySet()) {
            String key = e.getKey();
            JsonElement value = e.getValue();
            if (ENVIRONMENTS.equals(key)) {
                continue;
            }
            try {
                if (value.isJsonPrimitive() && value.getAsJsonPrimitive().isString()) {
                    entries.put(key, new Entry(Optional.of(EnforcementLevel.parse(value.getAsString())), new JsonObject()));
                } else if (value.isJsonObject()) {
                    JsonObject props = value.getAsJsonObject().deepCopy();
                    Optional<EnforcementLevel> level = Optional.empty();
                    JsonElement levelValue = props.remove("enforcementLevel");
                    if (levelValue != null) {
                        if (!levelValue.isJsonPrimitive() || !levelValue.getAsJsonPrimitive().isString()) {
                            throw new IllegalArgumentException("enforcementLevel must be a string, got " + levelValue);
                        }
                        level = Optional.of(EnforcementLevel.parse(levelValue.getAsString()));
                    }
                    entries.put(key, new Entry(level, props));
                } else {
                    throw new IllegalArgumentException("must be a level string or an object, got " + value);
                }
            } catch (IllegalArgumentException ex) {
                problems.add(key + ": " + ex.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new PolicyConfigException(problems);
        }
        return new PackConfig(entries);
    }
}

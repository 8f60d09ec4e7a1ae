package policy.sdk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.gson.JsonObject;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The effective level and validated config of every policy in a pack, computed the way the engine
 * reconciles them: policy (or pack) default level, then {@code all}, then the policy's own entry;
 * schema defaults shallow-merged under the configured properties, then validated against the schema.
 */
public final class ResolvedConfig {
    /** Loaded on first real validation only: the validator and Jackson cost a few hundred ms of start-up. */
    private static final class Validator {
        static final ObjectMapper JSON = new ObjectMapper();
        static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7);
    }

    /** Effective settings of one policy. */
    public record Setting(EnforcementLevel level, PolicyConfig config) {
    }

    private final Map<String, Setting> settings;

    private ResolvedConfig(Map<String, Setting> settings) {
        this.settings = Collections.unmodifiableMap(settings);
    }

    /** Defaults only (no configuration given). */
    public static ResolvedConfig defaults(PolicyPack pack) {
        return resolve(pack, PackConfig.EMPTY);
    }

    /**
     * Resolves and validates; throws {@link PolicyConfigException} listing every policy whose config
     * breaks its schema ("policy-name: message"). Keys naming no policy are ignored, as the engine does.
     */
    public static ResolvedConfig resolve(PolicyPack pack, PackConfig config) {
        Map<String, Setting> out = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        PackConfig.Entry all = config.entry(PackConfig.ALL).orElse(null);
        for (Policy policy : pack.policies()) {
            String name = policy.info().name();
            EnforcementLevel level = pack.defaultLevelOf(policy);
            if (all != null && all.level().isPresent()) {
                level = all.level().get();
            }
            JsonObject properties = policy.info().config().defaults();
            PackConfig.Entry entry = config.entry(name).orElse(null);
            if (entry != null) {
                level = entry.level().orElse(level);
                entry.properties().entrySet().forEach(e -> properties.add(e.getKey(), e.getValue().deepCopy()));
            }
            problems.addAll(validate(policy, properties));
            out.put(name, new Setting(level, new PolicyConfig(properties)));
        }
        if (!problems.isEmpty()) {
            throw new PolicyConfigException(problems);
        }
        return new ResolvedConfig(out);
    }

    private static List<String> validate(Policy policy, JsonObject properties) {
        ConfigSchema schema = policy.info().config();
        if (schema.isEmpty()) {
            return List.of();
        }
        JsonObject defaults = schema.defaults();
        if (properties.equals(defaults) && defaults.keySet().containsAll(schema.required())) {
            return List.of(); // nothing but the schema's own defaults: no need to start the validator
        }
        try {
            JsonSchema compiled = Validator.SCHEMAS.getSchema(Validator.JSON.readTree(schema.asJsonSchema().toString()));
            JsonNode document = Validator.JSON.readTree(properties.toString());
            Set<ValidationMessage> messages = compiled.validate(document);
            Set<String> sorted = new TreeSet<>();
            messages.forEach(m -> sorted.add(policy.info().name() + ": " + m.getMessage()));
            return new ArrayList<>(sorted);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return List.of(policy.info().name() + ": config could not be read: " + e.getOriginalMessage());
        }
    }

    public Setting of(Policy policy) {
        Setting s = settings.get(policy.info().name());
        if (s == null) {
            throw new IllegalArgumentException("policy '" + policy.info().name() + "' is not in this configuration");
        }
        return s;
    }

    public Map<String, Setting> all() {
        return settings;
    }
}

package infra.config;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Reads {@code aws:defaultTags} (the provider's {@code {"tags": {...}}} object) and checks the plan's tags. */
final class DefaultTags {
    private DefaultTags() {
    }

    static Map<String, String> read(ConfigReader r) {
        Optional<String> text = r.text("aws:defaultTags");
        Map<String, String> tags = new LinkedHashMap<>();
        if (text.isPresent()) {
            try {
                JsonObject root = JsonParser.parseString(text.get()).getAsJsonObject();
                JsonObject inner = root.has("tags") ? root.getAsJsonObject("tags") : new JsonObject();
                inner.entrySet().forEach(e -> tags.put(e.getKey(), e.getValue().getAsString()));
            } catch (RuntimeException e) {
                r.problem("aws:defaultTags", text.get(), "expected a JSON object {\"tags\": {\"Environment\": ..., \"Project\": ...}}", null);
                return Map.of();
            }
        }
        String env = r.environment().id();
        String expected = "{\"tags\":{\"Environment\":\"" + env + "\",\"Project\":\"" + Settings.PROJECT + "\"}}";
        if (!tags.containsKey("Environment") || !tags.containsKey("Project")) {
            r.problem("aws:defaultTags", text.orElse(null), "must carry the Environment and Project tags", expected);
        } else if (!env.equals(tags.get("Environment"))) {
            r.problem("aws:defaultTags", text.orElse(null), "tag Environment must be '" + env + "' for this stack", expected);
        }
        return Map.copyOf(tags);
    }
}

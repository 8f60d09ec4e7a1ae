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
                r.problemWithFix("aws:defaultTags", text.get(),
                        "must be an object {\"tags\": {\"Environment\": ..., \"Project\": ...}}", tagFix(r, "Environment", env(r)));
                return Map.of();
            }
        }
        String env = env(r);
        if (!tags.containsKey("Environment")) {
            r.problemWithFix("aws:defaultTags", text.orElse(null), "must carry the Environment tag (plan: tagging)",
                    tagFix(r, "Environment", env));
        } else if (!env.equals(tags.get("Environment"))) {
            r.problemWithFix("aws:defaultTags", text.orElse(null), "tag Environment must be '" + env + "' for this stack",
                    tagFix(r, "Environment", env));
        }
        if (!tags.containsKey("Project")) {
            r.problemWithFix("aws:defaultTags", text.orElse(null), "must carry the Project tag (plan: tagging)",
                    tagFix(r, "Project", Settings.PROJECT));
        }
        return Map.copyOf(tags);
    }

    private static String env(ConfigReader r) {
        return r.environment().id();
    }

    /** Structured config is set one path at a time: {@code pulumi config set --path aws:defaultTags.tags.X v}. */
    private static String tagFix(ConfigReader r, String tag, String value) {
        return "pulumi config set --path aws:defaultTags.tags." + tag + " " + value + " --stack " + r.stack();
    }
}

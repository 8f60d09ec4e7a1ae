package infra;

import com.google.gson.Gson;
import com.google.gson.reflect.TypeToken;
import com.pulumi.Context;
import com.pulumi.Pulumi;
import com.pulumi.exceptions.RunException;
import infra.config.InvalidConfigException;
import infra.config.Settings;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Pulumi program: loads the stack settings once, creates the components in dependency order
 * and exports what operators and runbooks need.
 */
public final class App {
    private App() {
    }

    public static void main(String[] args) {
        Pulumi.run(ctx -> stack(ctx, settingsFromEngine(ctx)));
    }

    /**
     * Loads the settings the engine passed; invalid config ends the run with the one list of
     * problems and no stack trace (the SDK prints a {@link RunException}'s message only).
     */
    static Settings settingsFromEngine(Context ctx) {
        try {
            return Settings.load(engineConfig(), engineSecretKeys(), ctx.stackName());
        } catch (InvalidConfigException e) {
            throw new RunException(e.getMessage());
        }
    }

    /** Builds the whole stack from validated settings. */
    public static void stack(Context ctx, Settings settings) {
        ctx.export("environment", com.pulumi.core.Output.of(settings.env()));
        ctx.export("region", com.pulumi.core.Output.of(settings.region()));
    }

    /**
     * The engine passes the whole stack config as JSON in {@code PULUMI_CONFIG} (secret keys in
     * {@code PULUMI_CONFIG_SECRET_KEYS}); reading the map lets validation see every key, typos included.
     */
    private static Map<String, String> engineConfig() {
        String config = System.getenv().getOrDefault("PULUMI_CONFIG", "{}");
        Map<String, String> values = new Gson().fromJson(config, new TypeToken<Map<String, String>>() { }.getType());
        return values == null ? Map.of() : values;
    }

    private static Set<String> engineSecretKeys() {
        String secrets = System.getenv().getOrDefault("PULUMI_CONFIG_SECRET_KEYS", "[]");
        List<String> keys = new Gson().fromJson(secrets, new TypeToken<List<String>>() { }.getType());
        return keys == null ? Set.of() : Set.copyOf(keys);
    }
}

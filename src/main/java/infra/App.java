package infra;

import com.google.gson.Gson;
import com.google.gson.reflect.TypeToken;
import com.pulumi.Context;
import com.pulumi.Pulumi;
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

    /** Builds the whole stack from validated settings. */
    public static void stack(Context ctx, Settings settings) {
        ctx.export("environment", com.pulumi.core.Output.of(settings.env()));
        ctx.export("region", com.pulumi.core.Output.of(settings.region()));
    }

    /**
     * The engine passes the whole stack config as JSON in {@code PULUMI_CONFIG} (secret keys in
     * {@code PULUMI_CONFIG_SECRET_KEYS}); reading the map lets validation see every key, typos included.
     */
    static Settings settingsFromEngine(Context ctx) {
        Gson gson = new Gson();
        String config = System.getenv().getOrDefault("PULUMI_CONFIG", "{}");
        String secrets = System.getenv().getOrDefault("PULUMI_CONFIG_SECRET_KEYS", "[]");
        Map<String, String> values = gson.fromJson(config, new TypeToken<Map<String, String>>() { }.getType());
        List<String> secretKeys = gson.fromJson(secrets, new TypeToken<List<String>>() { }.getType());
        return Settings.load(values == null ? Map.of() : values, secretKeys == null ? Set.of() : Set.copyOf(secretKeys), ctx.stackName());
    }
}

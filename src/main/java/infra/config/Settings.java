package infra.config;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Every stack setting, typed and validated, loaded once from a flat map of config keys. The
 * engine ({@code PULUMI_CONFIG}), the offline plan ({@code Pulumi.<stack>.yaml}) and the tests all
 * load through {@link #load}; nothing else reads config.
 */
public record Settings(
        String project,
        String stack,
        Environment environment,
        String region,
        Map<String, String> defaultTags,
        Features features,
        NetworkSettings network,
        DataSettings data,
        ComputeSettings compute,
        ProducerSettings producer,
        ObservabilitySettings observability,
        SecuritySettings security,
        List<String> offlineNotes) {

    public static final String PROJECT = ConfigReader.NAMESPACE;
    private static final Pattern REGION = Pattern.compile("^[a-z]{2}(-gov|-iso[a-z]*)?-[a-z]+-\\d$");

    /**
     * A check of loaded settings that needs knowledge outside this package, such as the alarm
     * catalog's ids for {@code alarmThresholds}. It reports through the reader, so its problems are
     * listed with every other one. Passed in by the program rather than called from here, so that
     * {@code infra.config} depends on no component package.
     */
    @FunctionalInterface
    public interface Check {
        void check(Settings settings, ConfigReader reader);
    }

    /** Loads and validates; throws {@link InvalidConfigException} listing every problem. */
    public static Settings load(Map<String, String> config, Set<String> secretKeys, String stack) {
        return load(config, secretKeys, stack, List.of());
    }

    /**
     * Loads and validates, then runs {@code checks} over the result; throws
     * {@link InvalidConfigException} listing every problem, the checks' included.
     */
    public static Settings load(Map<String, String> config, Set<String> secretKeys, String stack,
                                List<Check> checks) {
        Environment environment = resolveEnvironment(config, secretKeys, stack);
        ConfigReader r = new ConfigReader(config, secretKeys, stack, environment == null ? Environment.DEV : environment);
        // read again through the reader so the key counts as known and problems are collected in order
        if (environment == null) {
            Optional<String> given = r.text("environment");
            String allowed = "expected one of " + Environment.allowedList();
            r.problem("environment", given.orElse(null), given.isPresent()
                    ? "is not a known environment; " + allowed
                    : "is not set and the stack name '" + stack + "' is not an environment; " + allowed, "dev");
            environment = Environment.DEV;
        } else {
            r.text("environment");
        }
        String region = r.string("aws:region", null, REGION, "an AWS region such as us-east-1");
        if (region == null) {
            if (!r.isSet("aws:region")) {
                r.problem("aws:region", null, "is required (the AWS region to deploy to)", "us-east-1");
            }
            region = "us-east-1";
        }
        Map<String, String> defaultTags = DefaultTags.read(r);
        Features features = Features.load(r);
        NetworkSettings network = NetworkSettings.load(r);
        DataSettings data = DataSettings.load(r);
        ComputeSettings compute = ComputeSettings.load(r, features);
        ProducerSettings producer = ProducerSettings.load(r);
        ObservabilitySettings observability = ObservabilitySettings.load(r);
        SecuritySettings security = SecuritySettings.load(r);
        Settings settings = new Settings(PROJECT, stack, environment, region, defaultTags, features, network, data,
                compute, producer, observability, security, r.offlineSecretNotes());
        checks.forEach(check -> check.check(settings, r));
        r.reportUnknownKeys();
        r.finish();
        return settings;
    }

    public static Settings load(Map<String, String> config, String stack) {
        return load(config, Set.of(), stack);
    }

    private static Environment resolveEnvironment(Map<String, String> config, Set<String> secretKeys, String stack) {
        String explicit = config.get(ConfigReader.fullKey("environment"));
        if (explicit != null) {
            return Environment.parse(explicit).orElse(null);
        }
        return Environment.parse(stack).orElse(null);
    }

    /**
     * {@code offlineNotes}: one line per secret key the offline plan could not decrypt, saying it was
     * not checked and what the plan uses instead; empty when the engine supplies real values.
     */
    public Settings {
        offlineNotes = List.copyOf(offlineNotes);
    }

    /** A physical-name prefix that keeps stacks sharing an account apart, e.g. {@code prod}. */
    public String env() {
        return environment.id();
    }

    /**
     * Explicit tags for a resource: the plan's {@code Environment} and {@code Project} (also set as
     * provider default tags, which do not reach every resource) plus {@code keyValues} pairs.
     */
    public Map<String, String> tags(String... keyValues) {
        if (keyValues.length % 2 != 0) {
            throw new IllegalArgumentException("tags need key/value pairs");
        }
        Map<String, String> tags = new java.util.LinkedHashMap<>();
        tags.put("Environment", env());
        tags.put("Project", PROJECT);
        for (int i = 0; i < keyValues.length; i += 2) {
            tags.put(keyValues[i], keyValues[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(tags);
    }
}

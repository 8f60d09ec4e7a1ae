package infra.config;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Typed, validating access to a flat map of Pulumi config keys ({@code namespace:key -> value}).
 *
 * <p>Nothing here throws for bad input: every problem is recorded with the full key, the bad
 * value, what is allowed and the {@code pulumi config set} command that fixes it, and the
 * caller receives a safe fallback so that loading can go on and report everything at once.
 * {@link #finish()} throws a single {@link InvalidConfigException} listing all problems.
 */
public final class ConfigReader {
    /** The project's own config namespace (the {@code name:} in Pulumi.yaml). */
    public static final String NAMESPACE = "order-processing";

    private static final Pattern EMAIL =
            Pattern.compile("^[A-Za-z0-9._%+-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\\.[A-Za-z]{2,}$");

    private final Map<String, String> raw;
    private final Set<String> secretKeys;
    private final String stack;
    private final Environment environment;
    private final List<ConfigProblem> problems = new ArrayList<>();
    private final Set<String> consumed = new HashSet<>();

    public ConfigReader(Map<String, String> raw, Set<String> secretKeys, String stack, Environment environment) {
        this.raw = Map.copyOf(raw);
        this.secretKeys = Set.copyOf(secretKeys);
        this.stack = stack;
        this.environment = environment;
    }

    public Environment environment() {
        return environment;
    }

    public String stack() {
        return stack;
    }

    public List<ConfigProblem> problems() {
        return List.copyOf(problems);
    }

    /** The full key for a key of the project namespace. */
    public static String fullKey(String key) {
        return key.contains(":") ? key : NAMESPACE + ":" + key;
    }

    /** Whether the key (project namespace unless qualified) has a value in the stack. */
    public boolean isSet(String key) {
        return raw.containsKey(fullKey(key));
    }

    /** Records a problem the caller found by its own rule (for cross-field checks). */
    public void problem(String key, String value, String whatIsWrong, String suggestedValue) {
        String shown = value != null && isSecret(key) ? "[secret]" : value;
        problems.add(new ConfigProblem(fullKey(key), shown, whatIsWrong, fixCommand(key, suggestedValue)));
    }

    /** The raw text of a key, marking it as known. */
    public Optional<String> text(String key) {
        String full = fullKey(key);
        consumed.add(full);
        String value = raw.get(full);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    public boolean isSecret(String key) {
        return secretKeys.contains(fullKey(key));
    }

    public String string(String key, String fallback) {
        return text(key).orElse(fallback);
    }

    /** A string that must match {@code pattern}; {@code allowed} describes it for the message. */
    public String string(String key, String fallback, Pattern pattern, String allowed) {
        Optional<String> value = text(key);
        if (value.isEmpty()) {
            return fallback;
        }
        if (!pattern.matcher(value.get()).matches()) {
            problem(key, value.get(), "expected " + allowed, fallback);
            return fallback;
        }
        return value.get();
    }

    public boolean bool(String key, boolean fallback) {
        Optional<String> value = text(key);
        if (value.isEmpty()) {
            return fallback;
        }
        String v = value.get().toLowerCase(Locale.ROOT);
        if (v.equals("true")) {
            return true;
        }
        if (v.equals("false")) {
            return false;
        }
        problem(key, value.get(), "expected true or false", Boolean.toString(fallback));
        return fallback;
    }

    /** A whole number in {@code [min, max]}. */
    public int integer(String key, int fallback, int min, int max) {
        Optional<String> value = text(key);
        if (value.isEmpty()) {
            return fallback;
        }
        long parsed;
        try {
            parsed = Long.parseLong(value.get());
        } catch (NumberFormatException e) {
            problem(key, value.get(), "expected a whole number between " + min + " and " + max, Integer.toString(fallback));
            return fallback;
        }
        if (parsed < 0 && min >= 0) {
            problem(key, value.get(), "must not be negative; expected a whole number between " + min + " and " + max,
                    Integer.toString(fallback));
            return fallback;
        }
        if (parsed < min || parsed > max) {
            problem(key, value.get(), "expected a whole number between " + min + " and " + max, Integer.toString(fallback));
            return fallback;
        }
        return (int) parsed;
    }

    /** A whole number that must be one of {@code allowed} (e.g. CloudWatch's retention values). */
    public int integerOneOf(String key, int fallback, Collection<Integer> allowed) {
        Optional<String> value = text(key);
        if (value.isEmpty()) {
            return fallback;
        }
        String allowedText = allowed.stream().map(String::valueOf).collect(Collectors.joining(", "));
        try {
            int parsed = Integer.parseInt(value.get());
            if (allowed.contains(parsed)) {
                return parsed;
            }
            if (parsed < 0) {
                problem(key, value.get(), "must not be negative; expected one of " + allowedText, Integer.toString(fallback));
                return fallback;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problem(key, value.get(), "expected one of " + allowedText, Integer.toString(fallback));
        return fallback;
    }

    /** A decimal number in {@code [min, max]} that is a multiple of {@code step} (when step > 0). */
    public double decimal(String key, double fallback, double min, double max, double step) {
        Optional<String> value = text(key);
        if (value.isEmpty()) {
            return fallback;
        }
        String fb = BigDecimal.valueOf(fallback).stripTrailingZeros().toPlainString();
        BigDecimal parsed;
        try {
            parsed = new BigDecimal(value.get());
        } catch (NumberFormatException e) {
            problem(key, value.get(), "expected a number between " + fmt(min) + " and " + fmt(max), fb);
            return fallback;
        }
        if (parsed.signum() < 0 && min >= 0) {
            problem(key, value.get(), "must not be negative; expected a number between " + fmt(min) + " and " + fmt(max), fb);
            return fallback;
        }
        if (parsed.compareTo(BigDecimal.valueOf(min)) < 0 || parsed.compareTo(BigDecimal.valueOf(max)) > 0) {
            problem(key, value.get(), "expected a number between " + fmt(min) + " and " + fmt(max), fb);
            return fallback;
        }
        if (step > 0 && parsed.remainder(BigDecimal.valueOf(step)).signum() != 0) {
            problem(key, value.get(), "must be a multiple of " + fmt(step), fb);
            return fallback;
        }
        return parsed.doubleValue();
    }

    /** One of a fixed set of words (case-insensitive), mapped to a value. */
    public <T> T choice(String key, T fallback, Map<String, T> allowed) {
        Optional<String> value = text(key);
        if (value.isEmpty()) {
            return fallback;
        }
        for (Map.Entry<String, T> e : allowed.entrySet()) {
            if (e.getKey().equalsIgnoreCase(value.get())) {
                return e.getValue();
            }
        }
        String fallbackWord = allowed.entrySet().stream().filter(e -> e.getValue().equals(fallback))
                .map(Map.Entry::getKey).findFirst().orElse(null);
        problem(key, value.get(), "expected one of " + String.join(", ", allowed.keySet()), fallbackWord);
        return fallback;
    }

    /**
     * A list given either as a JSON array of strings or as comma-separated text; each element must
     * pass {@code check} ({@code allowed} describes valid elements).
     */
    public List<String> list(String key, List<String> fallback, Predicate<String> check, String allowed) {
        Optional<String> value = text(key);
        if (value.isEmpty()) {
            return fallback;
        }
        List<String> items = new ArrayList<>();
        String v = value.get();
        if (v.startsWith("[")) {
            try {
                JsonArray array = JsonParser.parseString(v).getAsJsonArray();
                for (JsonElement element : array) {
                    items.add(element.getAsString().trim());
                }
            } catch (RuntimeException e) {
                problem(key, v, "expected a JSON array of strings or comma-separated values", String.join(",", fallback));
                return fallback;
            }
        } else {
            for (String part : v.split(",")) {
                if (!part.isBlank()) {
                    items.add(part.trim());
                }
            }
        }
        boolean ok = true;
        for (String item : items) {
            if (!check.test(item)) {
                problem(key, item, "list element is not valid; expected " + allowed, String.join(",", fallback));
                ok = false;
            }
        }
        return ok ? List.copyOf(items) : fallback;
    }

    /** A list of e-mail addresses. */
    public List<String> emails(String key, List<String> fallback) {
        return list(key, fallback, ConfigReader::isEmail, "an e-mail address such as ops@example.com");
    }

    public static boolean isEmail(String s) {
        return EMAIL.matcher(s).matches();
    }

    /** A JSON object of string values (for example {@code aws:defaultTags}' {@code tags}). */
    public Map<String, String> stringMap(String key, Map<String, String> fallback) {
        Optional<String> value = text(key);
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            JsonObject object = JsonParser.parseString(value.get()).getAsJsonObject();
            Map<String, String> result = new LinkedHashMap<>();
            object.entrySet().forEach(e -> result.put(e.getKey(), e.getValue().getAsString()));
            return result;
        } catch (JsonParseException | IllegalStateException | UnsupportedOperationException e) {
            problem(key, value.get(), "expected a JSON object of string values", null);
            return fallback;
        }
    }

    /** Parses the value with {@code parser}; a null result or exception is reported as {@code allowed}. */
    public <T> T parsed(String key, T fallback, Function<String, T> parser, String allowed, String suggestion) {
        Optional<String> value = text(key);
        if (value.isEmpty()) {
            return fallback;
        }
        T result;
        try {
            result = parser.apply(value.get());
        } catch (RuntimeException e) {
            result = null;
        }
        if (result == null) {
            problem(key, value.get(), "expected " + allowed, suggestion);
            return fallback;
        }
        return result;
    }

    /**
     * Reports every key of the project namespace that no loader asked for, as a likely typo,
     * naming the closest known key when one is near.
     */
    public void reportUnknownKeys() {
        Set<String> known = consumed.stream().filter(k -> k.startsWith(NAMESPACE + ":")).collect(Collectors.toSet());
        new TreeMap<>(raw).forEach((key, value) -> {
            if (key.startsWith(NAMESPACE + ":") && !consumed.contains(key)) {
                String nearest = nearest(key, known);
                String shown = secretKeys.contains(key) ? "[secret]" : value;
                problems.add(new ConfigProblem(key, shown,
                        "unknown setting (likely a typo)" + (nearest == null ? "" : "; did you mean " + nearest + "?"),
                        "pulumi config rm " + key + " --stack " + stack));
            }
        });
    }

    /** Throws one exception listing every problem, if there are any. */
    public void finish() {
        if (!problems.isEmpty()) {
            throw new InvalidConfigException(problems);
        }
    }

    private String fixCommand(String key, String suggestedValue) {
        String full = fullKey(key);
        String secret = secretKeys.contains(full) || isSecretByName(full) ? "--secret " : "";
        String value = suggestedValue == null || suggestedValue.isEmpty() ? "<value>" : quote(suggestedValue);
        return "pulumi config set " + secret + full + " " + value + " --stack " + stack;
    }

    private static boolean isSecretByName(String key) {
        String lower = key.toLowerCase(Locale.ROOT);
        return lower.contains("webhook") || lower.contains("pagerduty");
    }

    private static String quote(String s) {
        return s.matches("[A-Za-z0-9._/:@,+=-]+") ? s : "'" + s.replace("'", "'\\''") + "'";
    }

    private static String fmt(double d) {
        return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }

    private static String nearest(String key, Set<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : known) {
            int d = distance(key.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                bestDistance = d;
                best = candidate;
            }
        }
        return bestDistance <= 3 ? best : null;
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}

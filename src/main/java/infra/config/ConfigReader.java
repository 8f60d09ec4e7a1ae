package infra.config;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

import org.apache.commons.text.similarity.LevenshteinDistance;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
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

    /** How far (in edits) a mistyped key may be from a known one to be suggested. */
    private static final int MAX_TYPO_EDITS = 3;
    private static final LevenshteinDistance TYPO_DISTANCE = new LevenshteinDistance(MAX_TYPO_EDITS);
    private static final String SECRET_MASK = "[secret]";
    private static final Pattern EMAIL =
            Pattern.compile("^[A-Za-z0-9._%+-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\\.[A-Za-z]{2,}$");

    private final Map<String, String> raw;
    private final Set<String> secretKeys;
    private final String stack;
    private final Environment environment;
    private final List<ConfigProblem> problems = new ArrayList<>();
    private final Set<String> consumed = new HashSet<>();
    /** Secret keys that hold the offline plan's placeholder, to what the plan uses instead (in read order). */
    private final Map<String, String> offlineSecrets = new LinkedHashMap<>();

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
        problemWithFix(key, value, whatIsWrong, fixCommand(key, suggestedValue));
    }

    /** Records a problem whose fix is not a plain {@code pulumi config set key value}. */
    public void problemWithFix(String key, String value, String whatIsWrong, String fixCommand) {
        problems.add(new ConfigProblem(fullKey(key), shown(key, value), whatIsWrong, fixCommand));
    }

    /** The value as messages may show it: secret keys (declared or by name) never show their value. */
    private String shown(String key, String value) {
        return value != null && (isSecret(key) || isSecretByName(fullKey(key))) ? SECRET_MASK : value;
    }

    /** The command that sets {@code key}, with {@code --secret} for secret keys, for this stack. */
    public String fixCommand(String key, String suggestedValue) {
        String full = fullKey(key);
        String secret = secretKeys.contains(full) || isSecretByName(full) ? "--secret " : "";
        String value = suggestedValue == null || suggestedValue.isEmpty() ? "<value>" : quote(suggestedValue);
        return "pulumi config set " + secret + full + " " + value + " --stack " + stack;
    }

    /**
     * The raw text of a key, marking it as known. A secret the offline plan could not decrypt (its
     * value is {@link StackFiles#SECRET_PLACEHOLDER}) reads as not set, so callers fall back to the
     * setting's default instead of validating the placeholder as if the user had written it.
     */
    public Optional<String> text(String key) {
        String full = fullKey(key);
        consumed.add(full);
        String value = raw.get(full);
        if (isOfflinePlaceholder(full)) {
            offlineSecrets.putIfAbsent(full, "the setting's default");
            return Optional.empty();
        }
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    /** As {@link #text(String)}; for an offline placeholder, notes {@code fallback} as what the plan uses. */
    private Optional<String> text(String key, Object fallback) {
        Optional<String> value = text(key);
        if (isOfflinePlaceholder(fullKey(key))) {
            offlineSecrets.put(fullKey(key), describe(fallback));
        }
        return value;
    }

    private boolean isOfflinePlaceholder(String fullKey) {
        return secretKeys.contains(fullKey) && StackFiles.SECRET_PLACEHOLDER.equals(raw.get(fullKey));
    }

    private static String describe(Object fallback) {
        if (fallback == null) {
            return "no value (as if the key were not set)";
        }
        if (fallback instanceof Collection<?> c) {
            return c.isEmpty() ? "an empty list" : c.stream().map(String::valueOf).collect(Collectors.joining(","));
        }
        if (fallback instanceof Map<?, ?> m) {
            return m.isEmpty() ? "{}" : new com.google.gson.Gson().toJson(m);
        }
        if (fallback instanceof Double d) {
            return fmt(d);
        }
        return String.valueOf(fallback);
    }

    /**
     * One line per secret key whose value the offline plan could not read: that it was not checked
     * and what the plan uses instead. Never the placeholder as if it were the user's value.
     */
    public List<String> offlineSecretNotes() {
        List<String> notes = new ArrayList<>();
        offlineSecrets.forEach((key, used) -> notes.add(key + ": secret value not checked offline; the plan uses " + used));
        return List.copyOf(notes);
    }

    public boolean isSecret(String key) {
        return secretKeys.contains(fullKey(key));
    }

    public String string(String key, String fallback) {
        return text(key, fallback).orElse(fallback);
    }

    /** A string that must match {@code pattern}; {@code allowed} describes it for the message. */
    public String string(String key, String fallback, Pattern pattern, String allowed) {
        Optional<String> value = text(key, fallback);
        if (value.isEmpty()) {
            return fallback;
        }
        if (!pattern.matcher(value.get()).matches()) {
            problem(key, value.get(), "must be " + allowed, fallback);
            return fallback;
        }
        return value.get();
    }

    public boolean bool(String key, boolean fallback) {
        Optional<String> value = text(key, fallback);
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
        problem(key, value.get(), "must be true or false", Boolean.toString(fallback));
        return fallback;
    }

    /** A whole number in {@code [min, max]}. */
    public int integer(String key, int fallback, int min, int max) {
        Optional<String> value = text(key, fallback);
        if (value.isEmpty()) {
            return fallback;
        }
        String range = "a whole number from " + min + " to " + max;
        long parsed;
        try {
            parsed = Long.parseLong(value.get());
        } catch (NumberFormatException e) {
            problem(key, value.get(), "must be " + range, Integer.toString(fallback));
            return fallback;
        }
        if (parsed < 0 && min >= 0) {
            problem(key, value.get(), "must not be negative; expected " + range, Integer.toString(fallback));
            return fallback;
        }
        if (parsed < min || parsed > max) {
            problem(key, value.get(), "must be " + range, Long.toString(Math.max(min, Math.min(max, parsed))));
            return fallback;
        }
        return (int) parsed;
    }

    /** A whole number that must be one of {@code allowed} (e.g. CloudWatch's retention values). */
    public int integerOneOf(String key, int fallback, Collection<Integer> allowed) {
        return integerOneOf(key, fallback, allowed, "one of the allowed values");
    }

    /**
     * A whole number that must be one of {@code allowed}; {@code what} names the set in messages
     * (e.g. "a CloudWatch Logs retention period"). The fix suggests the nearest allowed value.
     */
    public int integerOneOf(String key, int fallback, Collection<Integer> allowed, String what) {
        Optional<String> value = text(key, fallback);
        if (value.isEmpty()) {
            return fallback;
        }
        String allowedText = allowed.stream().sorted().map(String::valueOf).collect(Collectors.joining(", "));
        long parsed;
        try {
            parsed = Long.parseLong(value.get());
        } catch (NumberFormatException e) {
            problem(key, value.get(), "must be " + what + ", one of " + allowedText, Integer.toString(fallback));
            return fallback;
        }
        if (allowed.contains((int) parsed) && parsed == (int) parsed) {
            return (int) parsed;
        }
        String negative = parsed < 0 ? "must not be negative; " : "is not " + what + "; ";
        int nearest = allowed.stream().min(Comparator.comparingLong((Integer a) -> Math.abs(a - parsed))
                .thenComparing(Comparator.reverseOrder())).orElse(fallback);
        problem(key, value.get(), negative + "expected one of " + allowedText, Integer.toString(nearest));
        return fallback;
    }

    /** A decimal number in {@code [min, max]} that is a multiple of {@code step} (when step > 0). */
    public double decimal(String key, double fallback, double min, double max, double step) {
        Optional<String> value = text(key, fallback);
        if (value.isEmpty()) {
            return fallback;
        }
        String fb = fmt(fallback);
        String range = "a number from " + fmt(min) + " to " + fmt(max);
        BigDecimal parsed;
        try {
            parsed = new BigDecimal(value.get());
        } catch (NumberFormatException e) {
            problem(key, value.get(), "must be " + range, fb);
            return fallback;
        }
        if (parsed.signum() < 0 && min >= 0) {
            problem(key, value.get(), "must not be negative; expected " + range, fb);
            return fallback;
        }
        if (parsed.compareTo(BigDecimal.valueOf(min)) < 0 || parsed.compareTo(BigDecimal.valueOf(max)) > 0) {
            problem(key, value.get(), "must be " + range, fmt(parsed.doubleValue() < min ? min : max));
            return fallback;
        }
        if (step > 0 && parsed.remainder(BigDecimal.valueOf(step)).signum() != 0) {
            BigDecimal stepValue = BigDecimal.valueOf(step);
            BigDecimal nearest = parsed.divide(stepValue, 0, RoundingMode.HALF_UP).multiply(stepValue);
            problem(key, value.get(), "must be a multiple of " + fmt(step) + " within " + fmt(min) + " to " + fmt(max),
                    nearest.stripTrailingZeros().toPlainString());
            return fallback;
        }
        return parsed.doubleValue();
    }

    /** One of a fixed set of words (case-insensitive), mapped to a value. */
    public <T> T choice(String key, T fallback, Map<String, T> allowed) {
        String fallbackName = allowed.entrySet().stream().filter(e -> e.getValue().equals(fallback))
                .map(Map.Entry::getKey).findFirst().orElse(String.valueOf(fallback));
        Optional<String> value = text(key, fallbackName);
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
        String words = allowed.keySet().stream().sorted().collect(Collectors.joining(", "));
        problem(key, value.get(), "must be one of " + words, fallbackWord);
        return fallback;
    }

    /**
     * A list given either as a JSON array of strings or as comma-separated text; each element must
     * pass {@code check} ({@code allowed} describes valid elements).
     */
    public List<String> list(String key, List<String> fallback, Predicate<String> check, String allowed) {
        Optional<String> value = text(key, fallback);
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
                problem(key, v, "must be a JSON array of strings or comma-separated values", String.join(",", fallback));
                return fallback;
            }
        } else {
            for (String part : v.split(",")) {
                if (!part.isBlank()) {
                    items.add(part.trim());
                }
            }
        }
        List<String> bad = items.stream().filter(check.negate()).toList();
        if (bad.isEmpty()) {
            return List.copyOf(items);
        }
        List<String> good = items.stream().filter(check).toList();
        String quoted = bad.stream().map(b -> "'" + b + "'").collect(Collectors.joining(", "));
        problem(key, v, quoted + (bad.size() == 1 ? " is not " : " are not ") + allowed
                + " (separate several with commas)", String.join(",", good.isEmpty() ? fallback : good));
        return fallback;
    }

    /** A list of e-mail addresses. */
    public List<String> emails(String key, List<String> fallback) {
        return list(key, fallback, ConfigReader::isEmail, "an e-mail address like ops@example.com");
    }

    public static boolean isEmail(String s) {
        return EMAIL.matcher(s).matches();
    }

    /** An {@code https://} URL with a host (alert endpoints and webhooks); an absent key is empty. */
    public Optional<String> httpsUrl(String key, String allowed, String suggestion) {
        if (isOfflinePlaceholder(fullKey(key))) {
            // the placeholder is itself an https URL: keep it, so the subscription it feeds still renders
            consumed.add(fullKey(key));
            offlineSecrets.put(fullKey(key), "a placeholder https URL (offline-plan.invalid)");
            return Optional.of(StackFiles.SECRET_PLACEHOLDER);
        }
        return Optional.ofNullable(parsed(key, null, v -> isHttpsUrl(v) ? v : null, allowed, suggestion));
    }

    static boolean isHttpsUrl(String text) {
        try {
            URI uri = new URI(text);
            return "https".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null && !uri.getHost().isEmpty();
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    /** A JSON object of string values (for example {@code aws:defaultTags}' {@code tags}). */
    public Map<String, String> stringMap(String key, Map<String, String> fallback) {
        Optional<String> value = text(key, fallback);
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            JsonObject object = JsonParser.parseString(value.get()).getAsJsonObject();
            Map<String, String> result = new LinkedHashMap<>();
            object.entrySet().forEach(e -> result.put(e.getKey(), e.getValue().getAsString()));
            return result;
        } catch (JsonParseException | IllegalStateException | UnsupportedOperationException e) {
            problem(key, value.get(), "must be a JSON object of string values", null);
            return fallback;
        }
    }

    /** Parses the value with {@code parser}; a null result or exception is reported as {@code allowed}. */
    public <T> T parsed(String key, T fallback, Function<String, T> parser, String allowed, String suggestion) {
        Optional<String> value = text(key, fallback);
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
            problem(key, value.get(), "must be " + allowed, suggestion);
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
                String what = nearest == null
                        ? "is not a setting of this project (likely a typo); remove it"
                        : "is not a setting of this project (likely a typo); did you mean " + nearest + "?";
                problems.add(new ConfigProblem(key, shown(key, value), what, "pulumi config rm " + key + " --stack " + stack));
            }
        });
    }

    /** Throws one exception listing every problem, if there are any. */
    public void finish() {
        if (!problems.isEmpty()) {
            throw new InvalidConfigException(problems);
        }
    }

    private static boolean isSecretByName(String key) {
        String lower = key.toLowerCase(Locale.ROOT);
        return lower.contains("webhook") || lower.contains("pagerduty");
    }

    private static String quote(String s) {
        return s.matches("[A-Za-z0-9._/:@,+=-]+") ? s : "'" + s.replace("'", "'\\''") + "'";
    }

    /** A number as users write it: {@code 0.5}, {@code 2}, never {@code 2.0}. */
    static String fmt(double d) {
        return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }

    /**
     * The known key (or id) fewest edits away (case-insensitive), if within {@link #MAX_TYPO_EDITS};
     * ties go alphabetically; null when none is that near.
     */
    public static String nearest(String key, Collection<String> known) {
        String lower = key.toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : new java.util.TreeSet<>(known)) {
            int d = TYPO_DISTANCE.apply(lower, candidate.toLowerCase(Locale.ROOT));
            if (d >= 0 && d < bestDistance) {
                bestDistance = d;
                best = candidate;
            }
        }
        return best;
    }
}

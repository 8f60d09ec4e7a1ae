package infra.security;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

import java.util.ArrayList;
import java.util.List;

/**
 * Decides whether an event matches an EventBridge event pattern, so that routing rules can be
 * checked against sample events without AWS.
 *
 * <p>Supported: nested objects, lists of exact values (strings, numbers compared numerically,
 * booleans, null), and the operators {@code prefix}, {@code numeric}, {@code anything-but}
 * (value or list) and {@code exists}. As in EventBridge, arrays in the event are flattened: each
 * leaf condition is met when any value found at its path matches, independently of the others.
 * Other operators ({@code suffix}, {@code cidr}, {@code wildcard}, {@code $or}) are rejected
 * with an {@link IllegalArgumentException} rather than silently misread.
 */
public final class EventPatternMatcher {
    private EventPatternMatcher() {
    }

    public static boolean matches(JsonObject pattern, JsonObject event) {
        return matchObject(pattern, List.of(event), "$");
    }

    private static boolean matchObject(JsonObject pattern, List<JsonElement> candidates, String path) {
        for (String key : pattern.keySet()) {
            JsonElement rule = pattern.get(key);
            String at = path + "." + key;
            List<JsonElement> values = new ArrayList<>();
            for (JsonElement candidate : candidates) {
                if (candidate.isJsonObject() && candidate.getAsJsonObject().has(key)) {
                    flatten(candidate.getAsJsonObject().get(key), values);
                }
            }
            boolean ok;
            if (rule.isJsonObject()) {
                List<JsonElement> objects = values.stream().filter(JsonElement::isJsonObject).toList();
                ok = !objects.isEmpty() && matchObject(rule.getAsJsonObject(), objects, at);
            } else if (rule.isJsonArray()) {
                ok = matchAny(rule.getAsJsonArray(), values, at);
            } else {
                throw new IllegalArgumentException("pattern value at " + at + " must be an object or an array, got " + rule);
            }
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static boolean matchAny(JsonArray rules, List<JsonElement> values, String path) {
        for (JsonElement rule : rules) {
            if (rule.isJsonObject()) {
                if (matchOperator(rule.getAsJsonObject(), values, path)) {
                    return true;
                }
            } else if (values.stream().anyMatch(v -> same(rule, v))) {
                return true;
            }
        }
        return false;
    }

    private static boolean matchOperator(JsonObject operator, List<JsonElement> values, String path) {
        if (operator.size() != 1) {
            throw new IllegalArgumentException("operator at " + path + " must have exactly one key, got " + operator);
        }
        String name = operator.keySet().iterator().next();
        JsonElement arg = operator.get(name);
        List<JsonElement> scalars = values.stream().filter(v -> !v.isJsonObject()).toList();
        switch (name) {
            case "exists":
                return arg.getAsBoolean() == !scalars.isEmpty();
            case "prefix":
                return scalars.stream().anyMatch(v -> isString(v) && v.getAsString().startsWith(arg.getAsString()));
            case "numeric":
                return scalars.stream().anyMatch(v -> isNumber(v) && numeric(arg.getAsJsonArray(), v.getAsDouble(), path));
            case "anything-but":
                List<JsonElement> excluded = new ArrayList<>();
                flatten(arg, excluded);
                return scalars.stream().anyMatch(v -> excluded.stream().noneMatch(e -> same(e, v)));
            default:
                throw new IllegalArgumentException("unsupported operator '" + name + "' at " + path
                        + "; supported: exists, prefix, numeric, anything-but");
        }
    }

    private static boolean numeric(JsonArray comparisons, double value, String path) {
        if (comparisons.size() % 2 != 0) {
            throw new IllegalArgumentException("numeric at " + path + " needs operator/number pairs, got " + comparisons);
        }
        for (int i = 0; i < comparisons.size(); i += 2) {
            double bound = comparisons.get(i + 1).getAsDouble();
            boolean ok = switch (comparisons.get(i).getAsString()) {
                case "<" -> value < bound;
                case "<=" -> value <= bound;
                case "=" -> value == bound;
                case ">=" -> value >= bound;
                case ">" -> value > bound;
                default -> throw new IllegalArgumentException("unknown numeric operator '"
                        + comparisons.get(i).getAsString() + "' at " + path + "; expected <, <=, =, >= or >");
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static void flatten(JsonElement value, List<JsonElement> into) {
        if (value.isJsonArray()) {
            value.getAsJsonArray().forEach(v -> flatten(v, into));
        } else {
            into.add(value);
        }
    }

    private static boolean same(JsonElement expected, JsonElement actual) {
        if (expected.isJsonNull() || actual.isJsonNull()) {
            return expected.isJsonNull() && actual.isJsonNull();
        }
        if (isNumber(expected) && isNumber(actual)) {
            return expected.getAsDouble() == actual.getAsDouble();
        }
        return expected.equals(actual);
    }

    private static boolean isString(JsonElement v) {
        return v instanceof JsonPrimitive p && p.isString();
    }

    private static boolean isNumber(JsonElement v) {
        return v instanceof JsonPrimitive p && p.isNumber();
    }
}

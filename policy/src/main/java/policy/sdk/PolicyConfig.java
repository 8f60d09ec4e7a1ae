package policy.sdk;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * One policy's configuration after merging schema defaults, the pack's and the user's settings,
 * already validated against the policy's {@link ConfigSchema}. Typed getters throw
 * {@link IllegalStateException} naming the key when it is absent or of another type (which the
 * evaluator reports like any other policy failure).
 */
public final class PolicyConfig {
    public static final PolicyConfig EMPTY = new PolicyConfig(new JsonObject());

    private final JsonObject values;

    PolicyConfig(JsonObject values) {
        this.values = values.deepCopy();
    }

    public boolean has(String key) {
        return values.has(key) && !values.get(key).isJsonNull();
    }

    public String string(String key) {
        JsonElement e = require(key);
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
            throw wrongType(key, "a string", e);
        }
        return e.getAsString();
    }

    public long integer(String key) {
        JsonElement e = require(key);
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) {
            throw wrongType(key, "an integer", e);
        }
        double d = e.getAsDouble();
        if (d != Math.rint(d)) {
            throw wrongType(key, "an integer", e);
        }
        return (long) d;
    }

    public double number(String key) {
        JsonElement e = require(key);
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) {
            throw wrongType(key, "a number", e);
        }
        return e.getAsDouble();
    }

    public boolean bool(String key) {
        JsonElement e = require(key);
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isBoolean()) {
            throw wrongType(key, "a boolean", e);
        }
        return e.getAsBoolean();
    }

    public List<String> stringList(String key) {
        JsonElement e = require(key);
        if (!e.isJsonArray()) {
            throw wrongType(key, "a list of strings", e);
        }
        List<String> out = new ArrayList<>();
        for (JsonElement item : e.getAsJsonArray()) {
            if (!item.isJsonPrimitive() || !item.getAsJsonPrimitive().isString()) {
                throw wrongType(key, "a list of strings", e);
            }
            out.add(item.getAsString());
        }
        return Collections.unmodifiableList(out);
    }

    /** The raw JSON of a key, for shapes the typed getters do not cover. */
    public Optional<JsonElement> json(String key) {
        return has(key) ? Optional.of(values.get(key).deepCopy()) : Optional.empty();
    }

    /** All values (a copy). */
    public JsonObject asJson() {
        return values.deepCopy();
    }

    private JsonElement require(String key) {
        if (!has(key)) {
            throw new IllegalStateException("policy config '" + key + "' is not set and has no default");
        }
        return values.get(key);
    }

    private static IllegalStateException wrongType(String key, String expected, JsonElement actual) {
        return new IllegalStateException("policy config '" + key + "' must be " + expected + ", got " + actual);
    }

    @Override
    public String toString() {
        return values.toString();
    }
}

package policy.check;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.protobuf.ListValue;
import com.google.protobuf.NullValue;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import policy.sdk.Wire;

import java.util.Map;

/**
 * JSON from files → the engine's wire form. State files carry secrets as
 * {@code {sig, ciphertext}} (cannot be read here: they become secret unknowns, so policies that
 * need them report "cannot be decided") or {@code {sig, plaintext: "<json>"}} after
 * {@code --show-secrets}; both become {@code {sig, value}} like the engine sends. The offline
 * plan's files mask secret values as {@code {sig, value: "[secret]"}}; those are unknown too.
 */
final class WireJson {
    /** How the offline plan's JSON masks a secret's value. */
    static final String PLAN_SECRET_MASK = "[secret]";

    private WireJson() {
    }

    static Struct struct(JsonElement json) {
        if (json == null || json.isJsonNull()) {
            return Struct.getDefaultInstance();
        }
        if (!json.isJsonObject()) {
            throw new UnreadableInputException("expected an object of properties, got " + abbreviate(json));
        }
        Struct.Builder b = Struct.newBuilder();
        for (Map.Entry<String, JsonElement> e : json.getAsJsonObject().entrySet()) {
            b.putFields(e.getKey(), value(e.getValue()));
        }
        return b.build();
    }

    static Value value(JsonElement json) {
        if (json == null || json.isJsonNull()) {
            return Value.newBuilder().setNullValue(NullValue.NULL_VALUE).build();
        }
        if (json.isJsonPrimitive()) {
            var p = json.getAsJsonPrimitive();
            if (p.isBoolean()) {
                return Value.newBuilder().setBoolValue(p.getAsBoolean()).build();
            }
            if (p.isNumber()) {
                return Value.newBuilder().setNumberValue(p.getAsDouble()).build();
            }
            return Value.newBuilder().setStringValue(p.getAsString()).build();
        }
        if (json.isJsonArray()) {
            ListValue.Builder list = ListValue.newBuilder();
            json.getAsJsonArray().forEach(item -> list.addValues(value(item)));
            return Value.newBuilder().setListValue(list).build();
        }
        JsonObject object = json.getAsJsonObject();
        JsonElement sig = object.get(Wire.SIGNATURE_KEY);
        JsonElement masked = object.get("value");
        if (sig != null && sig.isJsonPrimitive() && Wire.SECRET_SIG.equals(sig.getAsString())
                && (masked == null || masked.isJsonPrimitive() && PLAN_SECRET_MASK.equals(masked.getAsString()))) {
            if (object.has("plaintext")) {
                try {
                    return Wire.secret(value(JsonParser.parseString(object.get("plaintext").getAsString())));
                } catch (JsonParseException | IllegalStateException | UnsupportedOperationException e) {
                    throw new UnreadableInputException("a secret's plaintext is not JSON: " + e.getMessage());
                }
            }
            // a plan's masked value is unknown; a stack export's ciphertext is an unreadable secret, said as such
            return object.has("ciphertext") ? Wire.encryptedSecret()
                    : Wire.secret(Value.newBuilder().setStringValue(Wire.UNKNOWN_STRING).build());
        }
        return Value.newBuilder().setStructValue(struct(object)).build();
    }

    static String abbreviate(JsonElement json) {
        String text = json.toString();
        return text.length() > 60 ? text.substring(0, 57) + "..." : text;
    }
}

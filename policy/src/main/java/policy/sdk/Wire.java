package policy.sdk;

import com.google.protobuf.Struct;
import com.google.protobuf.Value;

import java.util.Map;

/**
 * The engine's encoding of special values inside a protobuf {@code Struct}: signature objects for
 * secrets, assets, archives (and, defensively, resource references and output values), and the
 * seven unknown-value sentinel strings. See analyzer-protocol.md §3.
 */
public final class Wire {
    public static final String SIGNATURE_KEY = "4dabf18193072939515e22adb298388d";
    public static final String SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";
    public static final String ASSET_SIG = "c44067f5952c0a294b673a41bacd8c17";
    public static final String ARCHIVE_SIG = "0def7320c3a5731c473e5ecbe6d01bc7";
    public static final String RESOURCE_REFERENCE_SIG = "5cf8f73096256a8f31e491e813e4eb8e";
    public static final String OUTPUT_VALUE_SIG = "d0e6a833031e9bbcd3f4e8bde6ca49a4";

    /** Sentinel string → the kind of value that is unknown. CLI ≥ 3.249 only sends the string one. */
    public static final Map<String, String> UNKNOWN_SENTINELS = Map.of(
            "1c4a061d-8072-4f0a-a4cb-0ff528b18fe7", "boolean",
            "3eeb2bf0-c639-47a8-9e75-3b44932eb421", "number",
            "04da6b54-80e4-46f7-96ec-b56ff0331ba9", "string",
            "6a19a0b0-7e62-4c92-b797-7f8e31da9cc2", "array",
            "030794c1-ac77-496b-92df-f27374a8bd58", "asset",
            "e48ece36-62e2-4504-bad9-02848725956a", "archive",
            "dd056dcd-154b-4c76-9bd3-c8f88648b5ff", "object");

    /** The string sentinel, which is what current engines send for every unknown. */
    public static final String UNKNOWN_STRING = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

    private Wire() {
    }

    /** The signature of a special object, or null for plain values. */
    static String signatureOf(Value value) {
        if (value == null || value.getKindCase() != Value.KindCase.STRUCT_VALUE) {
            return null;
        }
        Value sig = value.getStructValue().getFieldsMap().get(SIGNATURE_KEY);
        return sig != null && sig.getKindCase() == Value.KindCase.STRING_VALUE ? sig.getStringValue() : null;
    }

    static boolean isSecret(Value value) {
        return SECRET_SIG.equals(signatureOf(value));
    }

    /**
     * Marks, inside a secret signature object, a secret whose ciphertext could not be decrypted
     * (a {@code pulumi stack export} without {@code --show-secrets}). Engines never send it; the
     * offline checker does, so the value reads as unknown but is reported for what it is.
     */
    public static final String ENCRYPTED_KEY = "ciphertext";

    /** An encrypted secret that cannot be read: a secret holding the unknown sentinel, marked {@link #ENCRYPTED_KEY}. */
    public static Value encryptedSecret() {
        return Value.newBuilder().setStructValue(Struct.newBuilder()
                .putFields(SIGNATURE_KEY, Value.newBuilder().setStringValue(SECRET_SIG).build())
                .putFields("value", Value.newBuilder().setStringValue(UNKNOWN_STRING).build())
                .putFields(ENCRYPTED_KEY, Value.newBuilder().setBoolValue(true).build())).build();
    }

    /** Wraps a value in the secret signature object. */
    public static Value secret(Value payload) {
        return Value.newBuilder().setStructValue(Struct.newBuilder()
                .putFields(SIGNATURE_KEY, Value.newBuilder().setStringValue(SECRET_SIG).build())
                .putFields("value", payload)).build();
    }

    /** The unknown kind for a sentinel string, or null when {@code text} is an ordinary string. */
    static String unknownKind(String text) {
        return text.length() == 36 ? UNKNOWN_SENTINELS.get(text) : null;
    }
}

package policy.testing;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Struct;
import com.google.protobuf.util.JsonFormat;
import policy.sdk.ResourceInput;

/** Test data: structs from JSON text (single quotes allowed), the engine's special values, URNs. */
public final class Fixtures {
    public static final String SIG = "4dabf18193072939515e22adb298388d";
    public static final String SECRET = "1b47061264138c4ac30d75fd1eb44270";
    public static final String ASSET = "c44067f5952c0a294b673a41bacd8c17";
    public static final String ARCHIVE = "0def7320c3a5731c473e5ecbe6d01bc7";
    public static final String UNKNOWN_STRING = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

    private Fixtures() {
    }

    /** Parses JSON with {@code '} accepted for {@code "}. */
    public static Struct struct(String json) {
        Struct.Builder b = Struct.newBuilder();
        try {
            JsonFormat.parser().merge(json.replace('\'', '"'), b);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalArgumentException(e);
        }
        return b.build();
    }

    /** A secret wrapper around JSON text, for embedding in {@link #struct}. */
    public static String secret(String json) {
        return "{'" + SIG + "':'" + SECRET + "','value':" + json + "}";
    }

    public static String urn(String type, String name) {
        return "urn:pulumi:dev::order-processing::" + type + "::" + name;
    }

    public static ResourceInput resource(String type, String name, String json) {
        return ResourceInput.of(type, urn(type, name), name, struct(json));
    }
}

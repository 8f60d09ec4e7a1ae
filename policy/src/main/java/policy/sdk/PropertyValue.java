package policy.sdk;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.ListValue;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import com.google.protobuf.util.JsonFormat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A read-only, path-aware view of one property as the engine sent it.
 *
 * <p>Secrets are unwrapped (their payload is what you read; {@link #isSecret()} says so), assets
 * and archives are recognised, and every one of the seven unknown sentinels is understood. Missing
 * and null values read as empty; reading an unknown value throws {@link UnknownValueException};
 * reading the wrong kind throws {@link PropertyTypeException}. Navigation never throws for missing
 * parts: {@code resource.prop("a.b.c").string()} is empty if {@code a} is absent.
 *
 * <pre>{@code
 * for (PropertyValue rule : sg.prop("ingress").items()) {
 *     if (rule.at("cidrBlocks").stringList().contains("0.0.0.0/0")) { ... }
 * }
 * }</pre>
 */
public final class PropertyValue {

    /** What a property holds after unwrapping secrets. */
    public enum Kind { MISSING, NULL, BOOL, NUMBER, STRING, LIST, OBJECT, ASSET, ARCHIVE, UNKNOWN }

    private final String path;
    private final Value value;
    private final boolean secret;
    private final Kind kind;
    private final String unknownKind;
    /** Unknown because it is an encrypted secret that could not be read ({@link Wire#ENCRYPTED_KEY}). */
    private final boolean encrypted;

    private PropertyValue(String path, Value value, boolean secret, Kind kind, String unknownKind) {
        this(path, value, secret, kind, unknownKind, false);
    }

    private PropertyValue(String path, Value value, boolean secret, Kind kind, String unknownKind, boolean encrypted) {
        this.path = path;
        this.value = value;
        this.secret = secret;
        this.kind = kind;
        this.unknownKind = unknownKind;
        this.encrypted = encrypted && kind == Kind.UNKNOWN;
    }

    /** The root of a property map. */
    public static PropertyValue root(Struct properties) {
        return of("", Value.newBuilder().setStructValue(properties).build(), false);
    }

    /** Classifies a wire value found at {@code path}; {@code secret} is inherited from enclosing secrets. */
    static PropertyValue of(String path, Value raw, boolean secret) {
        Value current = raw;
        boolean isSecret = secret;
        boolean encrypted = false;
        for (int guard = 0; current != null && guard < 64; guard++) {
            String sig = Wire.signatureOf(current);
            if (Wire.SECRET_SIG.equals(sig)) {
                isSecret = true;
                encrypted |= current.getStructValue().getFieldsMap().containsKey(Wire.ENCRYPTED_KEY);
                current = current.getStructValue().getFieldsMap().get("value");
                continue;
            }
            if (Wire.OUTPUT_VALUE_SIG.equals(sig)) {
                Map<String, Value> f = current.getStructValue().getFieldsMap();
                Value secretFlag = f.get("secret");
                isSecret |= secretFlag != null && secretFlag.getBoolValue();
                current = f.get("value");
                if (current == null) {
                    return new PropertyValue(path, null, isSecret, Kind.UNKNOWN, "output");
                }
                continue;
            }
            if (Wire.RESOURCE_REFERENCE_SIG.equals(sig)) {
                // The engine substitutes the id (or urn for components) before analyzers see it; be lenient.
                Map<String, Value> f = current.getStructValue().getFieldsMap();
                Value id = f.get("id");
                current = id != null && id.getKindCase() == Value.KindCase.STRING_VALUE ? id : f.get("urn");
                continue;
            }
            break;
        }
        if (current == null) {
            return new PropertyValue(path, null, isSecret, Kind.MISSING, null);
        }
        String sig = Wire.signatureOf(current);
        Kind kind;
        String unknown = null;
        switch (current.getKindCase()) {
            case NULL_VALUE, KIND_NOT_SET -> kind = Kind.NULL;
            case BOOL_VALUE -> kind = Kind.BOOL;
            case NUMBER_VALUE -> kind = Kind.NUMBER;
            case STRING_VALUE -> {
                unknown = Wire.unknownKind(current.getStringValue());
                kind = unknown != null ? Kind.UNKNOWN : Kind.STRING;
            }
            case LIST_VALUE -> kind = Kind.LIST;
            case STRUCT_VALUE -> kind = Wire.ASSET_SIG.equals(sig) ? Kind.ASSET
                    : Wire.ARCHIVE_SIG.equals(sig) ? Kind.ARCHIVE : Kind.OBJECT;
            default -> kind = Kind.NULL;
        }
        return new PropertyValue(path, current, isSecret, kind, unknown, encrypted);
    }

    static String displayPath(String path) {
        return path.isEmpty() ? "the property root" : "'" + path + "'";
    }

    /** Dotted path from the resource's property root, e.g. {@code ingress[0].cidrBlocks}. */
    public String path() {
        return path;
    }

    public Kind kind() {
        return kind;
    }

    public boolean isMissing() {
        return kind == Kind.MISSING;
    }

    public boolean isNull() {
        return kind == Kind.NULL;
    }

    /** Neither missing nor null (it may still be unknown). */
    public boolean isPresent() {
        return kind != Kind.MISSING && kind != Kind.NULL;
    }

    public boolean isUnknown() {
        return kind == Kind.UNKNOWN;
    }

    /** True when this value or an enclosing one was marked secret. */
    public boolean isSecret() {
        return secret;
    }

    /** The unknown sentinel's kind (boolean, number, string, array, asset, archive, object), if unknown. */
    public Optional<String> unknownKind() {
        return Optional.ofNullable(unknownKind);
    }

    /** True when this value is unknown because it is an encrypted secret that could not be read (a stack export). */
    public boolean isEncryptedSecret() {
        return encrypted;
    }

    /** True when this value or anything below it is unknown. */
    public boolean containsUnknown() {
        return switch (kind) {
            case UNKNOWN -> true;
            case LIST -> rawItems().stream().anyMatch(PropertyValue::containsUnknown);
            case OBJECT, ARCHIVE, ASSET -> rawFields().values().stream().anyMatch(PropertyValue::containsUnknown);
            default -> false;
        };
    }

    /** The child under {@code key}; missing when this is missing, null or lacks the key. */
    public PropertyValue get(String key) {
        String childPath = childKeyPath(key);
        return switch (kind) {
            case MISSING, NULL -> missing(childPath);
            case UNKNOWN -> new PropertyValue(childPath, null, secret, Kind.UNKNOWN, unknownKind, encrypted);
            case OBJECT -> of(childPath, value.getStructValue().getFieldsMap().get(key), secret);
            default -> throw new PropertyTypeException(path, "an object", kind);
        };
    }

    /** The list element at {@code index}; missing when out of range, missing or null. */
    public PropertyValue index(int index) {
        String childPath = path + "[" + index + "]";
        return switch (kind) {
            case MISSING, NULL -> missing(childPath);
            case UNKNOWN -> new PropertyValue(childPath, null, secret, Kind.UNKNOWN, unknownKind, encrypted);
            case LIST -> {
                ListValue list = value.getListValue();
                yield index >= 0 && index < list.getValuesCount()
                        ? of(childPath, list.getValues(index), secret) : missing(childPath);
            }
            default -> throw new PropertyTypeException(path, "a list", kind);
        };
    }

    /** Follows a path relative to this value: {@code a.b.0.c}, {@code a.b[0].c}, {@code tags["x.y"]}. */
    public PropertyValue at(String relativePath) {
        PropertyValue current = this;
        for (PropertyPath.Segment segment : PropertyPath.parse(relativePath)) {
            boolean numeric = segment.key().chars().allMatch(Character::isDigit);
            if (segment.index() || (numeric && current.kind == Kind.LIST)) {
                current = current.index(Integer.parseInt(segment.key()));
            } else {
                current = current.get(segment.key());
            }
        }
        return current;
    }

    public Optional<String> string() {
        return read(Kind.STRING, "a string") ? Optional.of(value.getStringValue()) : Optional.empty();
    }

    public Optional<Boolean> bool() {
        return read(Kind.BOOL, "a boolean") ? Optional.of(value.getBoolValue()) : Optional.empty();
    }

    public Optional<Double> number() {
        return read(Kind.NUMBER, "a number") ? Optional.of(value.getNumberValue()) : Optional.empty();
    }

    /** A number that must be integral (the wire carries every number as a double). */
    public Optional<Long> integer() {
        Optional<Double> number = number();
        if (number.isPresent() && (number.get() != Math.rint(number.get()) || number.get().isInfinite())) {
            throw new PropertyTypeException("expected an integer at " + displayPath(path) + ", got " + number.get());
        }
        return number.map(Double::longValue);
    }

    /** The elements of a list; empty when missing or null. */
    public List<PropertyValue> items() {
        return read(Kind.LIST, "a list") ? rawItems() : List.of();
    }

    /** The fields of an object in wire order; empty when missing or null. */
    public Map<String, PropertyValue> fields() {
        return read(Kind.OBJECT, "an object") ? rawFields() : Map.of();
    }

    /** A list of strings; empty when missing or null. Unknown elements throw. */
    public List<String> stringList() {
        List<String> out = new ArrayList<>();
        for (PropertyValue item : items()) {
            out.add(item.string().orElseThrow(() -> new PropertyTypeException(item.path, "a string", item.kind)));
        }
        return Collections.unmodifiableList(out);
    }

    /** An object of strings (tags); empty when missing or null. Unknown values throw. */
    public Map<String, String> stringMap() {
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, PropertyValue> e : fields().entrySet()) {
            PropertyValue v = e.getValue();
            out.put(e.getKey(), v.string().orElseThrow(() -> new PropertyTypeException(v.path, "a string", v.kind)));
        }
        return Collections.unmodifiableMap(out);
    }

    public Optional<Asset> asset() {
        if (!read(Kind.ASSET, "an asset")) {
            return Optional.empty();
        }
        return Optional.of(new Asset(field("hash"), field("text"), field("path"), field("uri")));
    }

    public Optional<Archive> archive() {
        if (!read(Kind.ARCHIVE, "an archive")) {
            return Optional.empty();
        }
        PropertyValue assets = rawFields().get("assets");
        Map<String, PropertyValue> members = assets != null && assets.kind == Kind.OBJECT ? assets.rawFields() : Map.of();
        return Optional.of(new Archive(field("hash"), members, field("path"), field("uri")));
    }

    /**
     * Parses a string holding JSON (IAM, bucket and queue policies arrive as strings) into a
     * navigable value under the same path. Empty when missing or null.
     */
    public Optional<PropertyValue> json() {
        Optional<String> text = string();
        if (text.isEmpty()) {
            return Optional.empty();
        }
        Value.Builder parsed = Value.newBuilder();
        try {
            JsonFormat.parser().merge(text.get(), parsed);
        } catch (InvalidProtocolBufferException | RuntimeException e) {
            throw new PropertyTypeException("expected JSON text at " + displayPath(path) + ": " + e.getMessage());
        }
        return Optional.of(of(path, parsed.build(), secret));
    }

    /**
     * Plain Java form: null, Boolean, Double, String, List, Map (secrets unwrapped; assets and
     * archives as their maps). Throws {@link UnknownValueException} if anything inside is unknown.
     */
    public Object toJava() {
        return switch (kind) {
            case MISSING, NULL -> null;
            case UNKNOWN -> throw new UnknownValueException(path, unknownKind, encrypted);
            case BOOL -> value.getBoolValue();
            case NUMBER -> value.getNumberValue();
            case STRING -> value.getStringValue();
            case LIST -> {
                List<Object> out = new ArrayList<>();
                rawItems().forEach(item -> out.add(item.toJava()));
                yield Collections.unmodifiableList(out);
            }
            case OBJECT, ASSET, ARCHIVE -> {
                Map<String, Object> out = new LinkedHashMap<>();
                rawFields().forEach((k, v) -> {
                    if (!Wire.SIGNATURE_KEY.equals(k)) {
                        out.put(k, v.toJava());
                    }
                });
                yield Collections.unmodifiableMap(out);
            }
        };
    }

    @Override
    public String toString() {
        return path + "=" + kind + (secret ? "(secret)" : "");
    }

    private boolean read(Kind expected, String description) {
        if (kind == expected) {
            return true;
        }
        if (kind == Kind.MISSING || kind == Kind.NULL) {
            return false;
        }
        if (kind == Kind.UNKNOWN) {
            throw new UnknownValueException(path, unknownKind, encrypted);
        }
        throw new PropertyTypeException(path, description, kind);
    }

    private Optional<String> field(String key) {
        Value v = value.getStructValue().getFieldsMap().get(key);
        return v != null && v.getKindCase() == Value.KindCase.STRING_VALUE ? Optional.of(v.getStringValue()) : Optional.empty();
    }

    private List<PropertyValue> rawItems() {
        ListValue list = value.getListValue();
        List<PropertyValue> out = new ArrayList<>(list.getValuesCount());
        for (int i = 0; i < list.getValuesCount(); i++) {
            out.add(of(path + "[" + i + "]", list.getValues(i), secret));
        }
        return Collections.unmodifiableList(out);
    }

    private Map<String, PropertyValue> rawFields() {
        Map<String, PropertyValue> out = new LinkedHashMap<>();
        value.getStructValue().getFieldsMap().forEach((k, v) -> out.put(k, of(childKeyPath(k), v, secret)));
        return Collections.unmodifiableMap(out);
    }

    private String childKeyPath(String key) {
        boolean plain = !key.isEmpty() && key.chars().noneMatch(c -> c == '.' || c == '[' || c == ']' || c == '"');
        if (!plain) {
            return path + "[\"" + key + "\"]";
        }
        return path.isEmpty() ? key : path + "." + key;
    }

    private PropertyValue missing(String childPath) {
        return new PropertyValue(childPath, null, secret, Kind.MISSING, null);
    }
}

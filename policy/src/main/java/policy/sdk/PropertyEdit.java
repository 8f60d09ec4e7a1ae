package policy.sdk;

import com.google.protobuf.ListValue;
import com.google.protobuf.NullValue;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;

import java.util.List;
import java.util.Map;

/**
 * Changes to a resource's wire-form properties, made by a remediation. Everything not touched is
 * kept byte-for-byte (internal {@code __} keys, secrets, unknowns). A value written where a secret
 * was, or inside a secret, is wrapped as a secret again.
 *
 * <pre>{@code
 * return Optional.of(resource.edit().set("versioning.enabled", true));
 * }</pre>
 */
public final class PropertyEdit {
    private Value root;

    PropertyEdit(Struct properties) {
        this.root = Value.newBuilder().setStructValue(properties).build();
    }

    /** Sets {@code path} to a Java value: null, Boolean, Number, String, List, Map, or a protobuf Value. */
    public PropertyEdit set(String path, Object value) {
        root = apply(root, PropertyPath.parse(path), 0, toValue(value), path);
        return this;
    }

    /** Removes the key at {@code path} (no-op if absent). */
    public PropertyEdit remove(String path) {
        root = apply(root, PropertyPath.parse(path), 0, null, path);
        return this;
    }

    /** The complete property map after the edits. */
    public Struct result() {
        return root.getStructValue();
    }

    private static Value apply(Value node, List<PropertyPath.Segment> segments, int i, Value replacement, String path) {
        if (node != null && Wire.isSecret(node)) {
            Value payload = node.getStructValue().getFieldsMap().get("value");
            Value changed = apply(payload, segments, i, replacement, path);
            return changed == null ? null : Wire.secret(changed);
        }
        if (i == segments.size()) {
            return replacement;
        }
        PropertyPath.Segment segment = segments.get(i);
        boolean last = i == segments.size() - 1;
        if (node != null && node.getKindCase() == Value.KindCase.LIST_VALUE && segment.key().chars().allMatch(Character::isDigit)) {
            int index = Integer.parseInt(segment.key());
            ListValue.Builder list = node.getListValue().toBuilder();
            if (index > list.getValuesCount()) {
                throw new IllegalArgumentException("index " + index + " is past the end of the list at '" + path + "'");
            }
            if (index == list.getValuesCount()) {
                if (replacement != null) {
                    list.addValues(apply(null, segments, i + 1, replacement, path));
                }
            } else if (last && replacement == null) {
                list.removeValues(index);
            } else {
                list.setValues(index, apply(list.getValues(index), segments, i + 1, replacement, path));
            }
            return Value.newBuilder().setListValue(list).build();
        }
        if (segment.index()) {
            throw new IllegalArgumentException("'" + path + "' indexes something that is not a list");
        }
        Struct.Builder struct;
        if (node == null || node.getKindCase() == Value.KindCase.NULL_VALUE) {
            struct = Struct.newBuilder();
        } else if (node.getKindCase() == Value.KindCase.STRUCT_VALUE) {
            struct = node.getStructValue().toBuilder();
        } else {
            throw new IllegalArgumentException("'" + path + "' goes through a " + node.getKindCase() + ", not an object");
        }
        if (last && replacement == null) {
            struct.removeFields(segment.key());
        } else {
            Value child = struct.getFieldsMap().get(segment.key());
            struct.putFields(segment.key(), apply(child, segments, i + 1, replacement, path));
        }
        return Value.newBuilder().setStructValue(struct).build();
    }

    /** Converts plain Java values into wire values. */
    public static Value toValue(Object value) {
        if (value == null) {
            return Value.newBuilder().setNullValue(NullValue.NULL_VALUE).build();
        }
        if (value instanceof Value v) {
            return v;
        }
        if (value instanceof Boolean b) {
            return Value.newBuilder().setBoolValue(b).build();
        }
        if (value instanceof Number n) {
            return Value.newBuilder().setNumberValue(n.doubleValue()).build();
        }
        if (value instanceof CharSequence s) {
            return Value.newBuilder().setStringValue(s.toString()).build();
        }
        if (value instanceof List<?> list) {
            ListValue.Builder b = ListValue.newBuilder();
            list.forEach(item -> b.addValues(toValue(item)));
            return Value.newBuilder().setListValue(b).build();
        }
        if (value instanceof Map<?, ?> map) {
            Struct.Builder b = Struct.newBuilder();
            map.forEach((k, v) -> b.putFields(String.valueOf(k), toValue(v)));
            return Value.newBuilder().setStructValue(b).build();
        }
        throw new IllegalArgumentException("cannot put a " + value.getClass().getName() + " into resource properties");
    }
}

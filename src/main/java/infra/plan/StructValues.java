package infra.plan;

import com.google.protobuf.ListValue;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Conversions between protobuf {@link Struct}s and plain Java values. */
public final class StructValues {
    private StructValues() {
    }

    public static Map<String, Object> toJava(Struct struct) {
        Map<String, Object> out = new LinkedHashMap<>();
        struct.getFieldsMap().forEach((k, v) -> out.put(k, toJava(v)));
        return out;
    }

    public static Object toJava(Value value) {
        return switch (value.getKindCase()) {
            case NULL_VALUE, KIND_NOT_SET -> null;
            case NUMBER_VALUE -> value.getNumberValue();
            case STRING_VALUE -> value.getStringValue();
            case BOOL_VALUE -> value.getBoolValue();
            case STRUCT_VALUE -> toJava(value.getStructValue());
            case LIST_VALUE -> {
                List<Object> list = new ArrayList<>();
                for (Value v : value.getListValue().getValuesList()) {
                    list.add(toJava(v));
                }
                yield list;
            }
        };
    }

    public static Value toValue(Object o) {
        if (o == null) {
            return Value.newBuilder().setNullValue(com.google.protobuf.NullValue.NULL_VALUE).build();
        }
        if (o instanceof String s) {
            return Value.newBuilder().setStringValue(s).build();
        }
        if (o instanceof Boolean b) {
            return Value.newBuilder().setBoolValue(b).build();
        }
        if (o instanceof Number n) {
            return Value.newBuilder().setNumberValue(n.doubleValue()).build();
        }
        if (o instanceof Map<?, ?> m) {
            Struct.Builder s = Struct.newBuilder();
            m.forEach((k, v) -> s.putFields(String.valueOf(k), toValue(v)));
            return Value.newBuilder().setStructValue(s).build();
        }
        if (o instanceof Iterable<?> it) {
            ListValue.Builder l = ListValue.newBuilder();
            it.forEach(v -> l.addValues(toValue(v)));
            return Value.newBuilder().setListValue(l).build();
        }
        return Value.newBuilder().setStringValue(o.toString()).build();
    }


    /** Looks up a dotted path; numeric segments index lists. */
    public static Optional<Object> at(Object root, String path) {
        Object current = root;
        for (String segment : path.split("\\.")) {
            if (current instanceof Map<?, ?> m) {
                current = m.get(segment);
            } else if (current instanceof List<?> l && segment.matches("\\d+")) {
                int i = Integer.parseInt(segment);
                current = i < l.size() ? l.get(i) : null;
            } else {
                return Optional.empty();
            }
            if (current == null) {
                return Optional.empty();
            }
        }
        return Optional.of(current);
    }
}

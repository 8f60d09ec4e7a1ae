package policy.rules.stack;

import policy.sdk.ResourceView;

import java.util.List;
import java.util.Set;

/** Relations between stack resources, through property dependencies or matching output values. */
final class Links {
    private Links() {
    }

    /** True when {@code from}'s {@code property} depends on {@code to}, or holds one of {@code to}'s identifiers. */
    static boolean refers(ResourceView from, String property, ResourceView to) {
        if (from.propertyDependencies().getOrDefault(property, List.of()).contains(to)) {
            return true;
        }
        Set<String> ids = identifiers(to);
        return from.prop(property).containsUnknown() ? false : mentions(from.prop(property).toJava(), ids);
    }

    /** The known {@code id}, {@code arn} and {@code name} outputs of a resource. */
    static Set<String> identifiers(ResourceView resource) {
        java.util.Set<String> out = new java.util.HashSet<>();
        for (String key : List.of("id", "arn", "name", "bucket")) {
            var value = resource.prop(key);
            if (value.kind() == policy.sdk.PropertyValue.Kind.STRING) {
                out.add(value.string().orElseThrow());
            }
        }
        out.remove("");
        return out;
    }

    private static boolean mentions(Object value, Set<String> ids) {
        if (value instanceof String s) {
            return ids.contains(s) || ids.stream().anyMatch(id -> id.startsWith("arn:") && s.contains(id));
        }
        if (value instanceof List<?> list) {
            return list.stream().anyMatch(v -> mentions(v, ids));
        }
        if (value instanceof java.util.Map<?, ?> map) {
            return map.values().stream().anyMatch(v -> mentions(v, ids));
        }
        return false;
    }
}

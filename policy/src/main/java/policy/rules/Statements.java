package policy.rules;

import policy.sdk.PropertyValue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The statements of an IAM-style policy document (IAM, key, bucket, queue and topic policies),
 * read from a property holding the document as JSON text. {@code Action}, {@code Resource} and
 * principal values may be a string or a list; both read as lists here.
 */
public record Statements(List<Statement> statements) {

    /** One statement; {@code principals} maps {@code AWS}/{@code Service}/{@code *} to its values. */
    public record Statement(String sid, String effect, List<String> actions, List<String> notActions,
                            List<String> resources, Map<String, List<String>> principals, PropertyValue condition) {

        public boolean allows() {
            return "Allow".equals(effect);
        }

        /** The statement's name for messages: its Sid, or its position. */
        public String label(int index) {
            return sid.isEmpty() ? "statement " + (index + 1) : "statement '" + sid + "'";
        }

        /** True for {@code "Principal": "*"} or {@code {"AWS": "*"}}. */
        public boolean anyPrincipal() {
            return principals.getOrDefault("*", List.of()).contains("*")
                    || principals.getOrDefault("AWS", List.of()).contains("*");
        }
    }

    /** The document in {@code property} (JSON text); empty when the property is missing. */
    public static Optional<Statements> read(PropertyValue property) {
        return property.json().map(Statements::of);
    }

    /** Statements of an already parsed document. */
    public static Statements of(PropertyValue document) {
        PropertyValue raw = document.get("Statement");
        List<PropertyValue> items = raw.kind() == PropertyValue.Kind.OBJECT ? List.of(raw) : raw.items();
        List<Statement> out = new ArrayList<>();
        for (PropertyValue s : items) {
            out.add(new Statement(s.get("Sid").string().orElse(""), s.get("Effect").string().orElse(""),
                    strings(s.get("Action")), strings(s.get("NotAction")), strings(s.get("Resource")),
                    principals(s.get("Principal")), s.get("Condition")));
        }
        return new Statements(List.copyOf(out));
    }

    private static List<String> strings(PropertyValue v) {
        return v.kind() == PropertyValue.Kind.STRING ? List.of(v.string().orElseThrow()) : v.stringList();
    }

    private static Map<String, List<String>> principals(PropertyValue v) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (v.kind() == PropertyValue.Kind.STRING) {
            out.put("*", List.of(v.string().orElseThrow()));
            return out;
        }
        v.fields().forEach((type, values) -> out.put(type, strings(values)));
        return out;
    }

    /** True when some Deny statement matches requests with {@code aws:SecureTransport} false. */
    public boolean deniesInsecureTransport() {
        for (Statement s : statements) {
            if (!"Deny".equals(s.effect())) {
                continue;
            }
            PropertyValue bool = s.condition().get("Bool");
            PropertyValue flag = bool.get("aws:SecureTransport");
            boolean matches = flag.kind() == PropertyValue.Kind.STRING ? "false".equals(flag.string().orElseThrow())
                    : flag.kind() == PropertyValue.Kind.BOOL ? !flag.bool().orElseThrow()
                    : flag.stringList().contains("false");
            if (matches) {
                return true;
            }
        }
        return false;
    }
}

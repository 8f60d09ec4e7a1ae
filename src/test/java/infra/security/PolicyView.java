package infra.security;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** A parsed policy document, indexed for principal-by-principal assertions in tests. */
final class PolicyView {
    final JsonObject document;

    PolicyView(String json) {
        this.document = JsonParser.parseString(json).getAsJsonObject();
    }

    List<JsonObject> statements() {
        List<JsonObject> out = new ArrayList<>();
        document.getAsJsonArray("Statement").forEach(s -> out.add(s.getAsJsonObject()));
        return out;
    }

    JsonObject statement(String sid) {
        return statements().stream().filter(s -> sid.equals(s.get("Sid").getAsString())).findFirst()
                .orElseThrow(() -> new AssertionError("no statement " + sid + " in " + document));
    }

    /** Every principal ({@code Kind:value}) with the union of actions its Allow statements grant. */
    Map<String, TreeSet<String>> allowedActionsByPrincipal() {
        Map<String, TreeSet<String>> out = new TreeMap<>();
        for (JsonObject s : statements()) {
            if (!s.get("Effect").getAsString().equals("Allow")) {
                continue;
            }
            for (String principal : principals(s)) {
                out.computeIfAbsent(principal, k -> new TreeSet<>()).addAll(strings(s.get("Action")));
            }
        }
        return out;
    }

    static List<String> principals(JsonObject statement) {
        JsonElement p = statement.get("Principal");
        List<String> out = new ArrayList<>();
        if (p.isJsonPrimitive()) {
            out.add("*");
            return out;
        }
        p.getAsJsonObject().entrySet().forEach(e -> strings(e.getValue()).forEach(v -> out.add(e.getKey() + ":" + v)));
        return out;
    }

    static List<String> strings(JsonElement element) {
        List<String> out = new ArrayList<>();
        if (element == null) {
            return out;
        }
        if (element.isJsonArray()) {
            JsonArray array = element.getAsJsonArray();
            array.forEach(e -> out.add(e.getAsString()));
        } else {
            out.add(element.getAsString());
        }
        return out;
    }

    /** The statement's condition as {@code operator -> key -> values}. */
    static Map<String, Map<String, List<String>>> conditions(JsonObject statement) {
        Map<String, Map<String, List<String>>> out = new TreeMap<>();
        JsonObject c = statement.getAsJsonObject("Condition");
        if (c == null) {
            return out;
        }
        c.entrySet().forEach(op -> {
            Map<String, List<String>> keys = new TreeMap<>();
            op.getValue().getAsJsonObject().entrySet().forEach(k -> keys.put(k.getKey(), strings(k.getValue())));
            out.put(op.getKey(), keys);
        });
        return out;
    }
}

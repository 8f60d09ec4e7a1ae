package infra.security.iam;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An IAM, key, bucket, queue or topic policy built as data and serialized once with gson, never
 * by string concatenation. Statements keep their insertion order so rendered JSON is stable.
 */
public final class PolicyDocument {
    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();
    private final List<Statement> statements = new ArrayList<>();

    public static PolicyDocument of(Statement... statements) {
        PolicyDocument doc = new PolicyDocument();
        for (Statement s : statements) {
            doc.add(s);
        }
        return doc;
    }

    public PolicyDocument add(Statement statement) {
        statements.add(Objects.requireNonNull(statement));
        return this;
    }

    public List<Statement> statements() {
        return List.copyOf(statements);
    }

    public JsonObject toJsonObject() {
        JsonObject doc = new JsonObject();
        doc.addProperty("Version", "2012-10-17");
        JsonArray array = new JsonArray();
        statements.forEach(s -> array.add(s.toJson()));
        doc.add("Statement", array);
        return doc;
    }

    public String toJson() {
        return GSON.toJson(toJsonObject());
    }

    /** One statement; build with {@link #allow()} or {@link #deny()}. */
    public static final class Statement {
        private final String effect;
        private String sid;
        private JsonObject principal;
        private final List<String> actions = new ArrayList<>();
        private final List<String> notActions = new ArrayList<>();
        private final List<String> resources = new ArrayList<>();
        private JsonObject condition;

        private Statement(String effect) {
            this.effect = effect;
        }

        public static Statement allow() {
            return new Statement("Allow");
        }

        public static Statement deny() {
            return new Statement("Deny");
        }

        public Statement sid(String sid) {
            this.sid = sid;
            return this;
        }

        /** Adds principals of one kind: {@code AWS}, {@code Service}, {@code Federated}. */
        public Statement principal(String kind, String... values) {
            if (principal == null) {
                principal = new JsonObject();
            }
            principal.add(kind, merge(principal.get(kind), values));
            return this;
        }

        public Statement service(String... services) {
            return principal("Service", services);
        }

        public Statement aws(String... arns) {
            return principal("AWS", arns);
        }

        /** {@code "Principal": "*"}, for deny statements such as TLS-only bucket and queue policies. */
        public Statement anyone() {
            principal = null;
            anyPrincipal = true;
            return this;
        }

        private boolean anyPrincipal;

        public Statement actions(String... values) {
            actions.addAll(List.of(values));
            return this;
        }

        public Statement notActions(String... values) {
            notActions.addAll(List.of(values));
            return this;
        }

        public Statement resources(String... values) {
            resources.addAll(List.of(values));
            return this;
        }

        /** Adds {@code operator: {key: value(s)}}; repeated keys under one operator merge into a list. */
        public Statement condition(String operator, String key, String... values) {
            if (condition == null) {
                condition = new JsonObject();
            }
            JsonObject op = condition.has(operator) ? condition.getAsJsonObject(operator) : new JsonObject();
            op.add(key, merge(op.get(key), values));
            condition.add(operator, op);
            return this;
        }

        /** A boolean condition such as {@code Bool: {aws:SecureTransport: false}}. */
        public Statement condition(String operator, String key, boolean value) {
            if (condition == null) {
                condition = new JsonObject();
            }
            JsonObject op = condition.has(operator) ? condition.getAsJsonObject(operator) : new JsonObject();
            op.addProperty(key, Boolean.toString(value));
            condition.add(operator, op);
            return this;
        }

        JsonObject toJson() {
            JsonObject s = new JsonObject();
            if (sid != null) {
                s.addProperty("Sid", sid);
            }
            s.addProperty("Effect", effect);
            if (anyPrincipal) {
                s.addProperty("Principal", "*");
            } else if (principal != null) {
                s.add("Principal", principal);
            }
            if (!actions.isEmpty()) {
                s.add("Action", list(actions));
            }
            if (!notActions.isEmpty()) {
                s.add("NotAction", list(notActions));
            }
            if (!resources.isEmpty()) {
                s.add("Resource", list(resources));
            }
            if (condition != null) {
                s.add("Condition", condition);
            }
            return s;
        }

        private static JsonElement list(List<String> values) {
            if (values.size() == 1) {
                return new JsonPrimitive(values.get(0));
            }
            JsonArray array = new JsonArray();
            values.forEach(array::add);
            return array;
        }

        private static JsonElement merge(JsonElement existing, String... values) {
            List<String> all = new ArrayList<>();
            if (existing != null) {
                if (existing.isJsonArray()) {
                    existing.getAsJsonArray().forEach(e -> all.add(e.getAsString()));
                } else {
                    all.add(existing.getAsString());
                }
            }
            all.addAll(List.of(values));
            return list(all);
        }
    }
}

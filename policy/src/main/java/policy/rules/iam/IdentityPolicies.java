package policy.rules.iam;

import policy.rules.Statements;
import policy.rules.Types;
import policy.sdk.PropertyValue;
import policy.sdk.ResourceView;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The identity policy documents a resource carries: {@code policy}, or a role's {@code inlinePolicies[].policy}. */
final class IdentityPolicies {
    static final Set<String> TOKENS = Types.union(Types.ROLE, Types.ROLE_POLICY, Types.MANAGED_POLICY, Types.USER_OR_GROUP_POLICY);

    /** A document and where it came from, for messages. */
    record Document(String where, Statements statements) {
    }

    private IdentityPolicies() {
    }

    static List<Document> of(ResourceView resource) {
        List<Document> out = new ArrayList<>();
        if (Types.is(resource, Types.ROLE)) {
            List<PropertyValue> inline = resource.prop("inlinePolicies").items();
            for (int i = 0; i < inline.size(); i++) {
                String name = inline.get(i).get("name").string().orElse("inlinePolicies[" + i + "]");
                Statements.read(inline.get(i).get("policy")).ifPresent(s -> out.add(new Document("inline policy '" + name + "'", s)));
            }
        } else {
            Statements.read(resource.prop("policy")).ifPresent(s -> out.add(new Document("policy", s)));
        }
        return out;
    }
}

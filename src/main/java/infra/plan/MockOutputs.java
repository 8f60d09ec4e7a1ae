package infra.plan;

import java.util.Locale;
import java.util.Map;

/**
 * What AWS computes for each resource type: the physical id and the output properties a program
 * reads later (arn, name, url, endpoint ...), in AWS's real formats. Types without a specific rule
 * get a generic id and ARN derived from the type token.
 */
public final class MockOutputs {
    private MockOutputs() {
    }

    /** Computes one resource type's outputs into {@code out} and returns its physical id. */
    @FunctionalInterface
    public interface Rule {
        String apply(String name, Map<String, Object> in, Map<String, Object> out, Env env);
    }

    private static final Map<String, Rule> RULES = rules();

    private static Map<String, Rule> rules() {
        Map<String, Rule> rules = new java.util.HashMap<>() {
            private static final long serialVersionUID = 1L;

            @Override
            public Rule put(String type, Rule rule) {
                if (containsKey(type)) {
                    throw new IllegalStateException("two mock output rules for " + type + "; keep one owner per type");
                }
                return super.put(type, rule);
            }
        };
        infra.plan.mocks.NetworkOutputs.register(rules);
        infra.plan.mocks.DataOutputs.register(rules);
        infra.plan.mocks.ComputeOutputs.register(rules);
        infra.plan.mocks.ProducerOutputs.register(rules);
        infra.plan.mocks.ObservabilityOutputs.register(rules);
        infra.plan.mocks.SecurityOutputs.register(rules);
        return Map.copyOf(rules);
    }

    /** The placeholder account, the stack's region and its partition, with ARN builders. */
    public record Env(String region, String partition, String account) {
        public String arn(String service, String resource) {
            return "arn:" + partition + ":" + service + ":" + region + ":" + account + ":" + resource;
        }

        public String globalArn(String service, String resource) {
            return "arn:" + partition + ":" + service + "::" + account + ":" + resource;
        }
    }

    /** Auto-named physical name: the logical name plus a stable 7-hex suffix, unless the inputs set {@code name}. */
    public static String physicalName(String type, String name, Map<String, Object> in) {
        return str(in, "name", name + "-" + suffix(type + "/" + name));
    }

    /**
     * Fills {@code out} with computed outputs and returns the resource id: the type's rule, or for
     * other AWS types a generic id and ARN derived from the type token; components have no id.
     */
    static String synthesize(String type, String name, Map<String, Object> in, Map<String, Object> out, Env env) {
        Rule rule = RULES.get(type);
        if (rule != null) {
            String id = rule.apply(name, in, out, env);
            out.putIfAbsent("id", id);
            return id;
        }
        if (!type.startsWith("aws:")) {
            return null;
        }
        String physical = physicalName(type, name, in);
        String service = type.substring(4, type.indexOf('/') > 0 ? type.indexOf('/') : type.length());
        String resource = type.substring(type.lastIndexOf(':') + 1).toLowerCase(Locale.ROOT);
        out.put("id", physical);
        out.put("arn", env.arn(service, resource + "/" + physical));
        if (!in.containsKey("name")) {
            out.put("name", physical);
        }
        return physical;
    }

    public static String str(Map<String, Object> in, String key, String fallback) {
        Object v = in.get(key);
        return v instanceof String s && !s.isEmpty() ? s : fallback;
    }

    /** A stable 7-character hex suffix, like Pulumi's auto-naming. */
    public static String suffix(String seed) {
        return String.format("%07x", seed.hashCode() & 0xfffffff);
    }

    /** A stable 17-hex-digit AWS-style id, e.g. for vpc-..., subnet-.... */
    public static String hexId(String prefix, String seed) {
        long h = seed.hashCode() * 2654435761L;
        return prefix + "-" + String.format("%017x", (h & 0xffffffffffffL) | 0x1000000000000000L).substring(0, 17);
    }
}

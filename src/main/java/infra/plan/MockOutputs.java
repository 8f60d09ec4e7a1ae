package infra.plan;

import java.util.Locale;
import java.util.Map;

/**
 * What AWS computes for each resource type: the physical id and the output properties a program
 * reads later (arn, name, url, endpoint ...), in AWS's real formats. Types without a specific rule
 * get a generic id and ARN derived from the type token.
 */
final class MockOutputs {
    private MockOutputs() {
    }

    record Env(String region, String partition, String account) {
        String arn(String service, String resource) {
            return "arn:" + partition + ":" + service + ":" + region + ":" + account + ":" + resource;
        }

        String globalArn(String service, String resource) {
            return "arn:" + partition + ":" + service + "::" + account + ":" + resource;
        }
    }

    /** Fills {@code out} with computed outputs and returns the resource id. */
    static String synthesize(String type, String name, Map<String, Object> in, Map<String, Object> out, Env env) {
        String suffix = suffix(type + "/" + name);
        String physical = str(in, "name", name + "-" + suffix);
        switch (type) {
            // ---- components carry no provider state
            default:
                if (!type.startsWith("aws:")) {
                    return null;
                }
                String service = type.substring(4, type.indexOf('/') > 0 ? type.indexOf('/') : type.length());
                String resource = type.substring(type.lastIndexOf(':') + 1).toLowerCase(Locale.ROOT);
                String id = physical;
                out.put("id", id);
                out.put("arn", env.arn(service, resource + "/" + physical));
                if (!in.containsKey("name")) {
                    out.put("name", physical);
                }
                return id;
        }
    }

    static String str(Map<String, Object> in, String key, String fallback) {
        Object v = in.get(key);
        return v instanceof String s && !s.isEmpty() ? s : fallback;
    }

    /** A stable 7-character hex suffix, like Pulumi's auto-naming. */
    static String suffix(String seed) {
        return String.format("%07x", seed.hashCode() & 0xfffffff);
    }

    /** A stable 17-hex-digit AWS-style id, e.g. for vpc-..., subnet-.... */
    static String hexId(String prefix, String seed) {
        long h = seed.hashCode() * 2654435761L;
        return prefix + "-" + String.format("%017x", (h & 0xffffffffffffL) | 0x1000000000000000L).substring(0, 17);
    }
}

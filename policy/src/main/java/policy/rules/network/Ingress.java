package policy.rules.network;

import policy.rules.Types;
import policy.sdk.PropertyValue;
import policy.sdk.ResourceView;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One ingress permission, whichever of the three shapes declared it: an inline
 * {@code securityGroup.ingress[]} entry, an {@code ec2/securityGroupRule} of type ingress, or a
 * {@code vpc/securityGroupIngressRule}. Protocol {@code -1} (or {@code all}) covers every port.
 */
record Ingress(String label, String protocol, long fromPort, long toPort, List<String> worldCidrs, List<String> cidrs) {
    static final Set<String> WORLD = Set.of("0.0.0.0/0", "::/0");
    static final Set<String> TOKENS = Types.union(Types.SECURITY_GROUP, Types.SECURITY_GROUP_RULE, Types.INGRESS_RULE);
    static final long MAX_PORT = 65535;

    boolean allPorts() {
        return "-1".equals(protocol) || "all".equalsIgnoreCase(protocol);
    }

    boolean isWorldOpen() {
        return !worldCidrs.isEmpty();
    }

    /** True when this permission admits exactly one TCP port contained in {@code ports}. */
    boolean onlyPortIn(List<Long> ports) {
        return !allPorts() && "tcp".equalsIgnoreCase(protocol) && fromPort == toPort && ports.contains(fromPort);
    }

    String describePorts() {
        return allPorts() ? "all ports" : fromPort == toPort ? protocol + "/" + fromPort : protocol + "/" + fromPort + "-" + toPort;
    }

    /** The ingress permissions a resource declares; empty for egress rules and other types. */
    static List<Ingress> of(ResourceView resource) {
        List<Ingress> out = new ArrayList<>();
        if (Types.is(resource, Types.SECURITY_GROUP)) {
            List<PropertyValue> rules = resource.prop("ingress").items();
            for (int i = 0; i < rules.size(); i++) {
                PropertyValue r = rules.get(i);
                List<String> cidrs = concat(r.get("cidrBlocks").stringList(), r.get("ipv6CidrBlocks").stringList());
                out.add(make("ingress[" + i + "]", r.get("protocol"), r.get("fromPort"), r.get("toPort"), cidrs));
            }
        } else if (Types.is(resource, Types.SECURITY_GROUP_RULE)) {
            if ("ingress".equals(resource.prop("type").string().orElse(""))) {
                List<String> cidrs = concat(resource.prop("cidrBlocks").stringList(), resource.prop("ipv6CidrBlocks").stringList());
                out.add(make("rule", resource.prop("protocol"), resource.prop("fromPort"), resource.prop("toPort"), cidrs));
            }
        } else if (Types.is(resource, Types.INGRESS_RULE)) {
            List<String> cidrs = new ArrayList<>();
            resource.prop("cidrIpv4").string().ifPresent(cidrs::add);
            resource.prop("cidrIpv6").string().ifPresent(cidrs::add);
            out.add(make("rule", resource.prop("ipProtocol"), resource.prop("fromPort"), resource.prop("toPort"), cidrs));
        }
        return out;
    }

    private static Ingress make(String label, PropertyValue protocol, PropertyValue from, PropertyValue to, List<String> cidrs) {
        String p = protocol.string().orElse("-1");
        String normalized = "6".equals(p) ? "tcp" : p;
        long fromPort = from.integer().orElse(0L);
        long toPort = to.integer().orElse(MAX_PORT);
        List<String> world = cidrs.stream().filter(WORLD::contains).toList();
        return new Ingress(label, normalized, fromPort, toPort, world, List.copyOf(cidrs));
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}

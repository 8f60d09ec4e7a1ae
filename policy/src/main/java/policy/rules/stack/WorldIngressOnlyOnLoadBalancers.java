package policy.rules.stack;

import policy.rules.StackRule;
import policy.rules.Types;
import policy.sdk.EnforcementLevel;
import policy.sdk.Outcome;
import policy.sdk.PolicyContext;
import policy.sdk.PolicyInfo;
import policy.sdk.PropertyValue;
import policy.sdk.ResourceView;
import policy.sdk.Severity;
import policy.sdk.StackView;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Only security groups attached to a load balancer admit 0.0.0.0/0 or ::/0, whether inline or
 * through a separate rule resource ({@code securityGroupId}). Which ports is
 * {@code WorldIngressLimitedToWebPorts}.
 */
public final class WorldIngressOnlyOnLoadBalancers extends StackRule {
    static final Set<String> WORLD = Set.of("0.0.0.0/0", "::/0");

    private static final PolicyInfo INFO = PolicyInfo.builder("world-ingress-only-on-load-balancers")
            .description("Only the load balancer's security group admits the internet")
            .level(EnforcementLevel.MANDATORY).severity(Severity.CRITICAL)
            .controls("SC-7", "A8", "RDS.2", "AwsSolutions-RDS8")
            .remediation("Reference the load balancer's security group as the source instead of a world CIDR")
            .build();

    public WorldIngressOnlyOnLoadBalancers() {
        super(INFO, Types.union(Types.SECURITY_GROUP, Types.SECURITY_GROUP_RULE, Types.INGRESS_RULE));
    }

    @Override
    public Outcome validate(StackView stack, PolicyContext context) {
        List<ResourceView> balancers = stack.resources().stream().filter(r -> Types.is(r, Types.LOAD_BALANCER)).toList();
        List<ResourceView> groups = stack.resources().stream().filter(r -> Types.is(r, Types.SECURITY_GROUP)).toList();
        Outcome.Findings findings = Outcome.findings();
        for (ResourceView r : stack.resources()) {
            if (!worldOpen(r)) {
                continue;
            }
            Optional<ResourceView> group = Types.is(r, Types.SECURITY_GROUP) ? Optional.of(r)
                    : groups.stream().filter(g -> Links.refers(r, "securityGroupId", g)).findFirst();
            boolean onBalancer = group.isPresent() && balancers.stream().anyMatch(lb -> Links.refers(lb, "securityGroups", group.get()));
            if (!onBalancer) {
                findings.add(r.urn(), r.type() + " '" + r.name() + "' admits the internet but "
                        + group.map(g -> "security group '" + g.name() + "'").orElse("its security group")
                        + " is not attached to a load balancer");
            }
        }
        return findings.outcome();
    }

    private static boolean worldOpen(ResourceView r) {
        if (Types.is(r, Types.SECURITY_GROUP)) {
            return r.prop("ingress").items().stream().anyMatch(WorldIngressOnlyOnLoadBalancers::worldCidr);
        }
        if (Types.is(r, Types.SECURITY_GROUP_RULE)) {
            return "ingress".equals(r.prop("type").string().orElse("")) && worldCidr(r.props());
        }
        if (Types.is(r, Types.INGRESS_RULE)) {
            return WORLD.contains(r.prop("cidrIpv4").string().orElse("")) || WORLD.contains(r.prop("cidrIpv6").string().orElse(""));
        }
        return false;
    }

    private static boolean worldCidr(PropertyValue rule) {
        return rule.get("cidrBlocks").stringList().stream().anyMatch(WORLD::contains)
                || rule.get("ipv6CidrBlocks").stringList().stream().anyMatch(WORLD::contains);
    }
}

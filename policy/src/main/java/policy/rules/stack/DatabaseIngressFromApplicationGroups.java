package policy.rules.stack;

import policy.rules.StackRule;
import policy.rules.Types;
import policy.sdk.ConfigSchema;
import policy.sdk.EnforcementLevel;
import policy.sdk.Outcome;
import policy.sdk.PolicyContext;
import policy.sdk.PolicyInfo;
import policy.sdk.PropertyValue;
import policy.sdk.ResourceView;
import policy.sdk.Severity;
import policy.sdk.StackView;

import java.util.ArrayList;
import java.util.List;

/**
 * The database's security groups ({@code vpcSecurityGroupIds} of each Aurora cluster) admit only
 * the database port over TCP, and only from application security groups: groups that an ECS
 * service ({@code networkConfiguration.securityGroups}) or a Lambda function
 * ({@code vpcConfig.securityGroupIds}) of the stack uses. Ingress from CIDRs, prefix lists or the
 * group itself is a violation; with {@code allowVpcCidr} a source equal to the group's VPC CIDR is
 * accepted. All three ingress shapes count: inline {@code ingress[]}, {@code ec2/securityGroupRule}
 * of type ingress and {@code vpc/securityGroupIngressRule}.
 */
public final class DatabaseIngressFromApplicationGroups extends StackRule {
    static final long POSTGRES_PORT = 5432;
    static final long MYSQL_PORT = 3306;

    private static final PolicyInfo INFO = PolicyInfo.builder("database-ingress-only-from-application-groups")
            .description("The database security groups admit only the database port, and only from the application security groups")
            .level(EnforcementLevel.MANDATORY).severity(Severity.CRITICAL)
            .controls("SC-7", "AC-4", "A8", "AwsSolutions-RDS8")
            .remediation("Replace CIDR sources on the database group with ingress rules whose referencedSecurityGroupId "
                    + "is the backend (or Lambda) security group, on the cluster's port only (Network does this)")
            .config(ConfigSchema.builder()
                    .bool("allowVpcCidr", false, "Accept the VPC's own CIDR block as a source of database ingress")
                    .build())
            .build();

    public DatabaseIngressFromApplicationGroups() {
        super(INFO, Types.DB_CLUSTER);
    }

    /** One ingress permission on a database group and its sources. */
    private record Permission(ResourceView owner, String label, PropertyValue protocol, PropertyValue from, PropertyValue to,
                              List<String> cidrs, List<String> prefixLists, boolean self, List<ResourceView> groups,
                              List<String> unresolvedGroups) {
    }

    @Override
    public Outcome validate(StackView stack, PolicyContext context) {
        boolean allowVpcCidr = context.config().bool("allowVpcCidr");
        List<ResourceView> applicationGroups = new ArrayList<>();
        Lookup.all(stack, Types.ECS_SERVICE).forEach(s -> applicationGroups.addAll(Lookup.targets(stack, s, "networkConfiguration", Types.SECURITY_GROUP)));
        Lookup.all(stack, Types.FUNCTION).forEach(f -> applicationGroups.addAll(Lookup.targets(stack, f, "vpcConfig", Types.SECURITY_GROUP)));
        Outcome.Findings findings = Outcome.findings();
        for (ResourceView cluster : Lookup.all(stack, Types.DB_CLUSTER)) {
            long port = port(cluster);
            List<ResourceView> dbGroups = Lookup.targets(stack, cluster, "vpcSecurityGroupIds", Types.SECURITY_GROUP);
            if (dbGroups.isEmpty()) {
                findings.add(cluster.urn(), "cluster '" + cluster.name() + "' names no security group of the stack in vpcSecurityGroupIds");
            }
            for (ResourceView group : dbGroups) {
                List<String> vpcCidrs = Lookup.targets(stack, group, "vpcId", Types.VPC).stream()
                        .flatMap(v -> v.prop("cidrBlock").string().stream()).toList();
                for (Permission p : permissions(stack, group)) {
                    for (String problem : problems(p, port, applicationGroups, allowVpcCidr ? vpcCidrs : List.of())) {
                        findings.add(p.owner().urn(), p.label() + " on database group '" + group.name() + "' " + problem);
                    }
                }
            }
        }
        return findings.outcome();
    }

    /** The cluster's port; when unset (or still unknown because unset) the engine's default. */
    private static long port(ResourceView cluster) {
        PropertyValue port = cluster.prop("port");
        if (port.isPresent() && !port.isUnknown()) {
            return port.integer().orElseThrow();
        }
        return cluster.prop("engine").string().orElse("aurora-postgresql").contains("mysql") ? MYSQL_PORT : POSTGRES_PORT;
    }

    private static List<String> problems(Permission p, long port, List<ResourceView> applicationGroups, List<String> allowedCidrs) {
        List<String> out = new ArrayList<>();
        String protocol = p.protocol().string().orElse("");
        boolean tcp = "tcp".equalsIgnoreCase(protocol) || "6".equals(protocol);
        long from = p.from().integer().orElse(-1L);
        long to = p.to().integer().orElse(-1L);
        if (!tcp || from != port || to != port) {
            out.add("admits " + ("-1".equals(protocol) ? "all traffic" : protocol + " " + from + "-" + to) + "; only tcp/" + port + " is allowed");
        }
        p.cidrs().stream().filter(c -> !allowedCidrs.contains(c)).forEach(c -> out.add("admits CIDR " + c + "; use an application security group as the source"));
        p.prefixLists().forEach(l -> out.add("admits prefix list " + l + "; use an application security group as the source"));
        if (p.self()) {
            out.add("admits the group itself (self); only application security groups may connect");
        }
        p.groups().stream().filter(g -> !applicationGroups.contains(g))
                .forEach(g -> out.add("admits security group '" + g.name() + "', which no ECS service or Lambda function uses"));
        p.unresolvedGroups().forEach(g -> out.add("admits security group '" + g + "' that is not in the stack"));
        return out;
    }

    private static List<Permission> permissions(StackView stack, ResourceView group) {
        List<Permission> out = new ArrayList<>();
        List<PropertyValue> inline = group.prop("ingress").items();
        for (int i = 0; i < inline.size(); i++) {
            PropertyValue r = inline.get(i);
            List<String> ids = r.get("securityGroups").stringList();
            List<ResourceView> groups = Lookup.all(stack, Types.SECURITY_GROUP).stream()
                    .filter(g -> ids.stream().anyMatch(Links.identifiers(g)::contains)).toList();
            List<String> unresolved = ids.stream().filter(id -> groups.stream().noneMatch(g -> Links.identifiers(g).contains(id))).toList();
            out.add(new Permission(group, "ingress[" + i + "]", r.get("protocol"), r.get("fromPort"), r.get("toPort"),
                    concat(r.get("cidrBlocks").stringList(), r.get("ipv6CidrBlocks").stringList()), r.get("prefixListIds").stringList(),
                    r.get("self").bool().orElse(false), groups, unresolved));
        }
        for (ResourceView rule : Lookup.referrers(stack, Types.SECURITY_GROUP_RULE, "securityGroupId", group)) {
            if ("ingress".equals(rule.prop("type").string().orElse(""))) {
                out.add(fromRule(stack, rule, "sourceSecurityGroupId", rule.prop("protocol"),
                        concat(rule.prop("cidrBlocks").stringList(), rule.prop("ipv6CidrBlocks").stringList()),
                        rule.prop("prefixListIds").stringList(), rule.prop("self").bool().orElse(false)));
            }
        }
        for (ResourceView rule : Lookup.referrers(stack, Types.INGRESS_RULE, "securityGroupId", group)) {
            List<String> cidrs = new ArrayList<>();
            rule.prop("cidrIpv4").string().ifPresent(cidrs::add);
            rule.prop("cidrIpv6").string().ifPresent(cidrs::add);
            out.add(fromRule(stack, rule, "referencedSecurityGroupId", rule.prop("ipProtocol"), cidrs,
                    rule.prop("prefixListId").string().stream().toList(), false));
        }
        return out;
    }

    private static Permission fromRule(StackView stack, ResourceView rule, String sourceProperty, PropertyValue protocol,
                                       List<String> cidrs, List<String> prefixLists, boolean self) {
        List<ResourceView> groups = Lookup.targets(stack, rule, sourceProperty, Types.SECURITY_GROUP);
        PropertyValue source = rule.prop(sourceProperty);
        List<String> unresolved = groups.isEmpty() && source.isPresent() && !source.isUnknown()
                ? List.of(source.string().orElseThrow()) : List.of();
        return new Permission(rule, "ingress rule '" + rule.name() + "'", protocol, rule.prop("fromPort"), rule.prop("toPort"),
                cidrs, prefixLists, self, groups, unresolved);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}

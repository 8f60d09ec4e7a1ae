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

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * ECS services run only in private subnets: every subnet of {@code networkConfiguration.subnets}
 * is a subnet of the stack with {@code mapPublicIpOnLaunch} false whose route table has no route
 * to an internet gateway. The route table is the one a {@code RouteTableAssociation} gives the
 * subnet, else the VPC's adopted {@code DefaultRouteTable}; routes are separate {@code ec2/route}
 * resources or inline {@code routes[]}. During preview, subnets still unknown are taken from the
 * property's dependencies. That tasks get no public IP is {@code tasks-have-no-public-ip}.
 */
public final class ServicesRunInPrivateSubnets extends StackRule {
    private static final PolicyInfo INFO = PolicyInfo.builder("services-run-in-private-subnets")
            .description("ECS services run only in private subnets (no public IPs on launch, no route to an internet gateway)")
            .level(EnforcementLevel.MANDATORY).severity(Severity.HIGH)
            .controls("SC-7", "C3", "A10", "ECS.2")
            .remediation("Set networkConfiguration.subnets to the private application subnets (Network.appSubnetIds)",
                    "Route those subnets' default route to a NAT gateway, never to the internet gateway")
            .build();

    public ServicesRunInPrivateSubnets() {
        super(INFO, Types.ECS_SERVICE);
    }

    @Override
    public Outcome validate(StackView stack, PolicyContext context) {
        Outcome.Findings findings = Outcome.findings();
        for (ResourceView service : Lookup.all(stack, Types.ECS_SERVICE)) {
            if (!service.prop("networkConfiguration").isPresent()) {
                continue;
            }
            String name = "service '" + service.name() + "'";
            PropertyValue ids = service.prop("networkConfiguration.subnets");
            if (ids.containsUnknown()) {
                List<ResourceView> linked = service.propertyDependencies().getOrDefault("networkConfiguration", List.of()).stream()
                        .filter(s -> Types.is(s, Types.SUBNET)).toList();
                if (linked.isEmpty()) {
                    ids.stringList();
                }
                linked.forEach(subnet -> problem(stack, subnet).ifPresent(p -> findings.add(service.urn(), name + " runs in subnet '"
                        + subnet.name() + "', " + p)));
                continue;
            }
            for (String id : ids.stringList()) {
                Optional<ResourceView> subnet = Lookup.all(stack, Types.SUBNET).stream().filter(s -> Links.identifiers(s).contains(id)).findFirst();
                Optional<String> problem = subnet.isEmpty() ? Optional.of("that is not in the stack") : problem(stack, subnet.get());
                problem.ifPresent(p -> findings.add(service.urn(), name + " runs in subnet '" + subnet.map(ResourceView::name).orElse(id)
                        + (subnet.isEmpty() ? "' " : "', ") + p));
            }
        }
        return findings.outcome();
    }

    private static Optional<String> problem(StackView stack, ResourceView subnet) {
        if (subnet.prop("mapPublicIpOnLaunch").bool().orElse(false)) {
            return Optional.of("which assigns public IPs on launch (mapPublicIpOnLaunch)");
        }
        for (ResourceView table : routeTables(stack, subnet)) {
            Optional<String> gateway = internetRoute(stack, table);
            if (gateway.isPresent()) {
                return Optional.of("whose route table '" + table.name() + "' routes to internet gateway '" + gateway.get() + "'");
            }
        }
        return Optional.empty();
    }

    private static List<ResourceView> routeTables(StackView stack, ResourceView subnet) {
        List<ResourceView> tables = new ArrayList<>();
        for (ResourceView association : Lookup.referrers(stack, Types.ROUTE_TABLE_ASSOCIATION, "subnetId", subnet)) {
            tables.addAll(Lookup.targets(stack, association, "routeTableId", Types.union(Types.ROUTE_TABLE, Types.DEFAULT_ROUTE_TABLE)));
        }
        if (tables.isEmpty()) {
            String vpc = subnet.prop("vpcId").string().orElse("");
            Lookup.all(stack, Types.DEFAULT_ROUTE_TABLE).stream()
                    .filter(t -> !vpc.isEmpty() && vpc.equals(t.prop("vpcId").string().orElse(""))).forEach(tables::add);
        }
        return tables;
    }

    /** The internet gateway a table routes to (separate or inline routes), if any. */
    private static Optional<String> internetRoute(StackView stack, ResourceView table) {
        for (ResourceView route : Lookup.referrers(stack, Types.ROUTE, "routeTableId", table)) {
            List<ResourceView> gateways = Lookup.targets(stack, route, "gatewayId", Types.INTERNET_GATEWAY);
            if (!gateways.isEmpty()) {
                return Optional.of(gateways.get(0).name());
            }
            PropertyValue gateway = route.prop("gatewayId");
            if (!gateway.isUnknown() && gateway.string().orElse("").startsWith("igw-")) {
                return gateway.string();
            }
        }
        for (PropertyValue route : table.prop("routes").items()) {
            String gateway = route.get("gatewayId").string().orElse("");
            if (gateway.startsWith("igw-")) {
                return Optional.of(gateway);
            }
        }
        return Optional.empty();
    }
}

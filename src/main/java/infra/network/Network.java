package infra.network;

import com.pulumi.aws.AwsFunctions;
import com.pulumi.aws.ec2.DefaultNetworkAcl;
import com.pulumi.aws.ec2.DefaultNetworkAclArgs;
import com.pulumi.aws.ec2.DefaultSecurityGroup;
import com.pulumi.aws.ec2.DefaultSecurityGroupArgs;
import com.pulumi.aws.ec2.Eip;
import com.pulumi.aws.ec2.EipArgs;
import com.pulumi.aws.ec2.InternetGateway;
import com.pulumi.aws.ec2.InternetGatewayArgs;
import com.pulumi.aws.ec2.NatGateway;
import com.pulumi.aws.ec2.NatGatewayArgs;
import com.pulumi.aws.ec2.NetworkAcl;
import com.pulumi.aws.ec2.NetworkAclArgs;
import com.pulumi.aws.ec2.Route;
import com.pulumi.aws.ec2.RouteArgs;
import com.pulumi.aws.ec2.RouteTable;
import com.pulumi.aws.ec2.RouteTableArgs;
import com.pulumi.aws.ec2.RouteTableAssociation;
import com.pulumi.aws.ec2.RouteTableAssociationArgs;
import com.pulumi.aws.ec2.Subnet;
import com.pulumi.aws.ec2.SubnetArgs;
import com.pulumi.aws.ec2.Vpc;
import com.pulumi.aws.ec2.VpcArgs;
import com.pulumi.aws.ec2.inputs.NetworkAclEgressArgs;
import com.pulumi.aws.ec2.inputs.NetworkAclIngressArgs;
import com.pulumi.aws.inputs.GetAvailabilityZonesArgs;
import com.pulumi.aws.outputs.GetAvailabilityZonesResult;
import com.pulumi.core.Output;
import com.pulumi.deployment.InvokeOutputOptions;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import infra.config.NetworkSettings;
import infra.config.Settings;
import infra.network.SubnetLayout.Spec;
import infra.network.SubnetLayout.Tier;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The plan's network ("Network Security", "Private Subnet Architecture"): a VPC over the region's
 * first {@code azCount} AZs with public, application and data subnets, NAT egress for the
 * application tier only, locked-down defaults, tier NACLs, the security groups, the VPC flow log
 * and (when enabled) VPC endpoints.
 *
 * <pre>{@code
 * var network = new Network("network", new NetworkArgs(settings, flowLogs.arn(), flowLogs), null);
 * network.appSubnetIds();   // Output<List<String>> for ECS services and Lambda
 * }</pre>
 */
public final class Network extends ComponentResource {
    public static final String TYPE = "order-processing:network:Network";
    static final String ANYWHERE = NetworkAclEntries.ANYWHERE;

    private final Output<String> vpcId;
    private final Output<String> vpcCidr;
    private final Output<List<String>> publicSubnetIds;
    private final Output<List<String>> appSubnetIds;
    private final Output<List<String>> dataSubnetIds;
    private final SecurityGroups groups;

    public Network(String name, NetworkArgs args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        Settings settings = args.settings();
        NetworkSettings net = settings.network();
        SubnetLayout layout = SubnetLayout.of(net.vpcCidr(), net.azCount());

        var vpc = new Vpc(name + "-vpc", VpcArgs.builder()
                .cidrBlock(layout.vpcCidr())
                .enableDnsSupport(true)
                .enableDnsHostnames(true) // interface endpoints' private DNS needs both
                .tags(settings.tags("Name", name + "-vpc"))
                .build(), child());
        lockDownDefaults(name, settings, vpc);

        // subnets: AZs come from the region, never hard-coded
        Output<List<String>> zones = AwsFunctions.getAvailabilityZones(
                GetAvailabilityZonesArgs.builder().state("available").build(),
                InvokeOutputOptions.builder().parent(this).build())
                .applyValue(r -> zoneNames(r, net.azCount()));
        List<Subnet> publicSubnets = subnets(name, settings, vpc, zones, layout.tier(Tier.PUBLIC));
        List<Subnet> appSubnets = subnets(name, settings, vpc, zones, layout.tier(Tier.APP));
        List<Subnet> dataSubnets = subnets(name, settings, vpc, zones, layout.tier(Tier.DATA));

        // routing: public to the IGW, application through NAT, data stays inside the VPC
        var igw = new InternetGateway(name + "-igw", InternetGatewayArgs.builder()
                .vpcId(vpc.id())
                .tags(settings.tags("Name", name + "-igw"))
                .build(), child());
        var publicRoutes = routeTable(name + "-public", settings, vpc, publicSubnets);
        defaultRoute(name + "-public", publicRoutes, RouteArgs.builder().gatewayId(igw.id()));
        List<NatGateway> nats = natGateways(name, settings, igw, publicSubnets, net.natGatewayCount());
        List<RouteTable> appRoutes = new ArrayList<>();
        for (int i = 0; i < appSubnets.size(); i++) {
            String tableName = name + "-app-" + (i + 1);
            var table = routeTable(tableName, settings, vpc, List.of(appSubnets.get(i)));
            defaultRoute(tableName, table, RouteArgs.builder().natGatewayId(nats.get(i % nats.size()).id()));
            appRoutes.add(table);
        }
        var dataRoutes = routeTable(name + "-data", settings, vpc, dataSubnets);

        // NACLs: stateless second line behind the security groups
        List<Subnet> privateSubnets = new ArrayList<>(appSubnets);
        privateSubnets.addAll(dataSubnets);
        networkAcl(name + "-public-nacl", settings, vpc, publicSubnets,
                NetworkAclEntries.publicTier(layout.vpcCidr(), settings.features().https()));
        networkAcl(name + "-private-nacl", settings, vpc, privateSubnets,
                NetworkAclEntries.privateTier(layout.vpcCidr()));

        this.groups = new SecurityGroups(this, name, settings, vpc.id(), layout.vpcCidr());
        FlowLogs.create(this, name, settings, vpc.id(), args.flowLogGroupArn(), args.flowLogGroup());
        if (settings.features().vpcEndpoints()) {
            List<RouteTable> gatewayTables = new ArrayList<>(appRoutes);
            gatewayTables.add(dataRoutes);
            Endpoints.create(this, name, settings, vpc.id(), ids(appSubnets), groups.endpoint().id(), gatewayTables);
        }

        this.vpcId = vpc.id();
        this.vpcCidr = vpc.cidrBlock();
        this.publicSubnetIds = ids(publicSubnets);
        this.appSubnetIds = ids(appSubnets);
        this.dataSubnetIds = ids(dataSubnets);
        registerOutputs(Map.ofEntries(
                Map.entry("vpcId", vpcId),
                Map.entry("vpcCidr", vpcCidr),
                Map.entry("publicSubnetIds", publicSubnetIds),
                Map.entry("appSubnetIds", appSubnetIds),
                Map.entry("dataSubnetIds", dataSubnetIds),
                Map.entry("albSecurityGroupId", albSecurityGroupId()),
                Map.entry("backendSecurityGroupId", backendSecurityGroupId()),
                Map.entry("frontendSecurityGroupId", frontendSecurityGroupId()),
                Map.entry("databaseSecurityGroupId", databaseSecurityGroupId()),
                Map.entry("producerSecurityGroupId", producerSecurityGroupId()),
                Map.entry("endpointSecurityGroupId", endpointSecurityGroupId())));
    }

    /** Adopts the default security group and default NACL and removes all their rules (FSBP EC2.2). */
    private void lockDownDefaults(String name, Settings settings, Vpc vpc) {
        new DefaultSecurityGroup(name + "-default-sg", DefaultSecurityGroupArgs.builder()
                .vpcId(vpc.id())
                .tags(settings.tags("Name", name + "-default-sg-unused"))
                .build(), child());
        // every subnet is associated with a tier NACL, so the default one guards nothing and allows nothing
        new DefaultNetworkAcl(name + "-default-nacl", DefaultNetworkAclArgs.builder()
                .defaultNetworkAclId(vpc.defaultNetworkAclId())
                .tags(settings.tags("Name", name + "-default-nacl-unused"))
                .build(), child());
    }

    private static List<String> zoneNames(GetAvailabilityZonesResult result, int azCount) {
        if (result.names().size() < azCount) {
            throw new IllegalStateException("azCount is " + azCount + " but the region offers only "
                    + result.names().size() + " available AZs " + result.names() + "; lower azCount");
        }
        return result.names().subList(0, azCount);
    }

    private List<Subnet> subnets(String name, Settings settings, Vpc vpc, Output<List<String>> zones, List<Spec> specs) {
        List<Subnet> subnets = new ArrayList<>();
        for (Spec spec : specs) {
            String subnetName = name + "-" + spec.tier().name().toLowerCase(java.util.Locale.ROOT) + "-" + (spec.azIndex() + 1);
            subnets.add(new Subnet(subnetName, SubnetArgs.builder()
                    .vpcId(vpc.id())
                    .cidrBlock(spec.cidr())
                    .availabilityZone(zones.applyValue(z -> z.get(spec.azIndex())))
                    .mapPublicIpOnLaunch(false) // even public subnets: only the ALB and NAT get public addresses
                    .tags(settings.tags("Name", subnetName, "Tier", spec.tier().name().toLowerCase(java.util.Locale.ROOT)))
                    .build(), child()));
        }
        return subnets;
    }

    private List<NatGateway> natGateways(String name, Settings settings, InternetGateway igw, List<Subnet> publicSubnets,
                                         int count) {
        List<NatGateway> nats = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String natName = name + "-nat-" + (i + 1);
            var eip = new Eip(natName + "-eip", EipArgs.builder()
                    .domain("vpc")
                    .tags(settings.tags("Name", natName + "-eip"))
                    .build(), child());
            nats.add(new NatGateway(natName, NatGatewayArgs.builder()
                    .allocationId(eip.id())
                    .subnetId(publicSubnets.get(i).id())
                    .tags(settings.tags("Name", natName))
                    .build(), CustomResourceOptions.builder().parent(this).dependsOn(igw).build()));
        }
        return nats;
    }

    private RouteTable routeTable(String tableName, Settings settings, Vpc vpc, List<Subnet> subnets) {
        var table = new RouteTable(tableName + "-rt", RouteTableArgs.builder()
                .vpcId(vpc.id())
                .tags(settings.tags("Name", tableName + "-rt"))
                .build(), child());
        for (int i = 0; i < subnets.size(); i++) {
            new RouteTableAssociation(tableName + "-rta-" + (i + 1), RouteTableAssociationArgs.builder()
                    .routeTableId(table.id())
                    .subnetId(subnets.get(i).id())
                    .build(), child());
        }
        return table;
    }

    private void defaultRoute(String tableName, RouteTable table, RouteArgs.Builder target) {
        new Route(tableName + "-default-route", target
                .routeTableId(table.id())
                .destinationCidrBlock(ANYWHERE)
                .build(), child());
    }

    private void networkAcl(String aclName, Settings settings, Vpc vpc, List<Subnet> subnets,
                            List<NetworkAclEntries.Entry> entries) {
        var ingress = entries.stream().filter(e -> !e.egress()).map(e -> NetworkAclIngressArgs.builder()
                .ruleNo(e.ruleNumber()).protocol(NetworkAclEntries.Entry.PROTOCOL).action(NetworkAclEntries.Entry.ACTION)
                .cidrBlock(e.cidr()).fromPort(e.fromPort()).toPort(e.toPort()).build()).toList();
        var egress = entries.stream().filter(NetworkAclEntries.Entry::egress).map(e -> NetworkAclEgressArgs.builder()
                .ruleNo(e.ruleNumber()).protocol(NetworkAclEntries.Entry.PROTOCOL).action(NetworkAclEntries.Entry.ACTION)
                .cidrBlock(e.cidr()).fromPort(e.fromPort()).toPort(e.toPort()).build()).toList();
        new NetworkAcl(aclName, NetworkAclArgs.builder()
                .vpcId(vpc.id())
                .subnetIds(ids(subnets))
                .ingress(ingress)
                .egress(egress)
                .tags(settings.tags("Name", aclName))
                .build(), child());
    }

    private static Output<List<String>> ids(List<Subnet> subnets) {
        return Output.all(subnets.stream().map(Subnet::id).toList());
    }

    private CustomResourceOptions child() {
        return CustomResourceOptions.builder().parent(this).build();
    }

    public Output<String> vpcId() {
        return vpcId;
    }

    public Output<String> vpcCidr() {
        return vpcCidr;
    }

    /** ALB and NAT gateways only. */
    public Output<List<String>> publicSubnetIds() {
        return publicSubnetIds;
    }

    /** ECS tasks and Lambda; default route through NAT. */
    public Output<List<String>> appSubnetIds() {
        return appSubnetIds;
    }

    /** Aurora; no route to the internet. */
    public Output<List<String>> dataSubnetIds() {
        return dataSubnetIds;
    }

    public Output<String> albSecurityGroupId() {
        return groups.alb().id();
    }

    public Output<String> backendSecurityGroupId() {
        return groups.backend().id();
    }

    public Output<String> frontendSecurityGroupId() {
        return groups.frontend().id();
    }

    public Output<String> databaseSecurityGroupId() {
        return groups.database().id();
    }

    public Output<String> producerSecurityGroupId() {
        return groups.producer().id();
    }

    public Output<String> endpointSecurityGroupId() {
        return groups.endpoint().id();
    }
}

package infra.network;

import com.pulumi.aws.cloudwatch.LogGroup;
import com.pulumi.aws.cloudwatch.LogGroupArgs;
import com.pulumi.core.Output;
import infra.config.Settings;
import infra.observability.LogGroupNames;
import infra.plan.CapturedResource;
import infra.plan.RenderedStack;
import infra.testing.Stacks;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

public class NetworkTest {
    static final String VPC = "aws:ec2/vpc:Vpc";
    static final String SUBNET = "aws:ec2/subnet:Subnet";
    static final String NAT = "aws:ec2/natGateway:NatGateway";
    static final String EIP = "aws:ec2/eip:Eip";
    static final String ROUTE = "aws:ec2/route:Route";
    static final String ROUTE_TABLE = "aws:ec2/routeTable:RouteTable";
    static final String ASSOCIATION = "aws:ec2/routeTableAssociation:RouteTableAssociation";
    static final String NACL = "aws:ec2/networkAcl:NetworkAcl";
    static final String SG = "aws:ec2/securityGroup:SecurityGroup";
    static final String INGRESS = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";
    static final String EGRESS = "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule";
    static final String ENDPOINT = "aws:ec2/vpcEndpoint:VpcEndpoint";
    static final String FLOW_LOG = "aws:ec2/flowLog:FlowLog";
    static final String LOG_GROUP = "aws:cloudwatch/logGroup:LogGroup";

    /** Renders the network beside a stand-in for the observability component's flow-log group. */
    public static RenderedStack render(Settings settings) {
        return render(settings, new ConcurrentHashMap<>());
    }

    static RenderedStack render(Settings settings, Map<String, Object> outputs) {
        return Stacks.render(settings, ctx -> {
            var logGroup = new LogGroup("flow-logs", LogGroupArgs.builder()
                    .name(LogGroupNames.flowLogs(settings.environment())).build());
            // the ARN in AWS's format, as the observability component's log group reports it
            var arn = Output.of(flowLogGroupArn(settings));
            var network = new Network("network", new NetworkArgs(settings, arn, logGroup), null);
            capture(outputs, "vpcId", network.vpcId());
            capture(outputs, "vpcCidr", network.vpcCidr());
            capture(outputs, "publicSubnetIds", network.publicSubnetIds());
            capture(outputs, "appSubnetIds", network.appSubnetIds());
            capture(outputs, "dataSubnetIds", network.dataSubnetIds());
            capture(outputs, "albSecurityGroupId", network.albSecurityGroupId());
            capture(outputs, "backendSecurityGroupId", network.backendSecurityGroupId());
            capture(outputs, "frontendSecurityGroupId", network.frontendSecurityGroupId());
            capture(outputs, "databaseSecurityGroupId", network.databaseSecurityGroupId());
            capture(outputs, "producerSecurityGroupId", network.producerSecurityGroupId());
            capture(outputs, "endpointSecurityGroupId", network.endpointSecurityGroupId());
        });
    }

    static String flowLogGroupArn(Settings settings) {
        return "arn:aws:logs:" + settings.region() + ":123456789012:log-group:" + LogGroupNames.flowLogs(settings.environment());
    }

    private static <T> void capture(Map<String, Object> into, String key, Output<T> output) {
        output.applyValue(v -> into.put(key, v));
    }

    @Test
    void buildsADnsEnabledVpcFromTheSettingsCidr() {
        RenderedStack stack = render(Stacks.settings("dev", Map.of("vpcCidr", "172.20.0.0/16")));

        CapturedResource vpc = stack.single(VPC);
        assertEquals("network-vpc", vpc.name());
        assertEquals("172.20.0.0/16", vpc.input("cidrBlock").orElseThrow());
        assertEquals(true, vpc.input("enableDnsSupport").orElseThrow());
        assertEquals(true, vpc.input("enableDnsHostnames").orElseThrow());
        assertEquals(Map.of("Environment", "dev", "Project", "order-processing", "Name", "network-vpc"), vpc.input("tags").orElseThrow());
    }

    @Test
    void spreadsThreeTiersOverTheRegionsAzsWithThePlansCidrsAndNoPublicIps() {
        RenderedStack stack = render(Stacks.settings("prod"));

        List<String> rows = stack.ofType(SUBNET).stream()
                .map(s -> s.name() + " " + s.input("cidrBlock").orElseThrow() + " " + s.input("availabilityZone").orElseThrow()
                        + " " + s.input("mapPublicIpOnLaunch").orElseThrow() + " " + s.input("tags.Tier").orElseThrow())
                .sorted().toList();
        assertEquals(List.of(
                "network-app-1 10.0.3.0/24 us-east-1a false app",
                "network-app-2 10.0.4.0/24 us-east-1b false app",
                "network-app-3 10.0.5.0/24 us-east-1c false app",
                "network-data-1 10.0.6.0/24 us-east-1a false data",
                "network-data-2 10.0.7.0/24 us-east-1b false data",
                "network-data-3 10.0.8.0/24 us-east-1c false data",
                "network-public-1 10.0.0.0/24 us-east-1a false public",
                "network-public-2 10.0.1.0/24 us-east-1b false public",
                "network-public-3 10.0.2.0/24 us-east-1c false public"), rows);
        String vpcId = stack.single(VPC).id();
        stack.ofType(SUBNET).forEach(s -> assertEquals(vpcId, s.input("vpcId").orElseThrow(), s.name()));
    }

    @Test
    void usesTheConfiguredAzCountInTheRegionOfTheStack() {
        RenderedStack stack = render(Stacks.settings("dev", Map.of("azCount", "2", "aws:region", "eu-west-1")));

        assertEquals(Set.of("eu-west-1a", "eu-west-1b"),
                stack.ofType(SUBNET).stream().map(s -> s.input("availabilityZone").orElseThrow()).collect(Collectors.toSet()));
        assertEquals(6, stack.ofType(SUBNET).size());
    }

    @Test
    void devSharesOneNatGatewayAndKeepsTheDataTierOffTheInternet() {
        RenderedStack stack = render(Stacks.settings("dev"));

        CapturedResource nat = stack.single(NAT);
        CapturedResource eip = stack.single(EIP);
        assertEquals("vpc", eip.input("domain").orElseThrow());
        assertEquals(eip.id(), nat.input("allocationId").orElseThrow());
        assertEquals(stack.get(SUBNET, "network-public-1").id(), nat.input("subnetId").orElseThrow());
        assertTrue(nat.dependencies().contains(stack.single("aws:ec2/internetGateway:InternetGateway").urn()));
        assertEquals(Map.of(
                "network-public-rt", "igw " + stack.single("aws:ec2/internetGateway:InternetGateway").id(),
                "network-app-1-rt", "nat " + nat.id(),
                "network-app-2-rt", "nat " + nat.id(),
                "network-app-3-rt", "nat " + nat.id()), defaultRoutes(stack));
        assertEquals(List.of("network-data-1", "network-data-2", "network-data-3"), associatedSubnets(stack, "network-data-rt"));
    }

    @Test
    void prodRoutesEachAppSubnetThroughTheNatInItsOwnAz() {
        RenderedStack stack = render(Stacks.settings("prod"));

        assertEquals(3, stack.ofType(NAT).size());
        assertEquals(3, stack.ofType(EIP).size());
        for (int az = 1; az <= 3; az++) {
            CapturedResource nat = stack.get(NAT, "network-nat-" + az);
            assertEquals(stack.get(SUBNET, "network-public-" + az).id(), nat.input("subnetId").orElseThrow());
            assertEquals("nat " + nat.id(), defaultRoutes(stack).get("network-app-" + az + "-rt"));
            assertEquals(List.of("network-app-" + az), associatedSubnets(stack, "network-app-" + az + "-rt"));
        }
        assertEquals(List.of("network-public-1", "network-public-2", "network-public-3"), associatedSubnets(stack, "network-public-rt"));
        assertFalse(defaultRoutes(stack).containsKey("network-data-rt"));
        assertEquals(4, stack.ofType(ROUTE).size());
    }

    @Test
    void adoptsTheDefaultSecurityGroupAndNaclWithoutAnyRules() {
        RenderedStack stack = render(Stacks.settings("dev"));
        CapturedResource vpc = stack.single(VPC);

        CapturedResource group = stack.single("aws:ec2/defaultSecurityGroup:DefaultSecurityGroup");
        assertEquals(vpc.id(), group.input("vpcId").orElseThrow());
        assertEquals(Set.of("vpcId", "tags"), group.inputMap().keySet());
        CapturedResource acl = stack.single("aws:ec2/defaultNetworkAcl:DefaultNetworkAcl");
        assertEquals(vpc.outputMap().get("defaultNetworkAclId"), acl.input("defaultNetworkAclId").orElseThrow());
        assertEquals(Set.of("defaultNetworkAclId", "tags"), acl.inputMap().keySet());
    }

    @Test
    void tierNaclsDenyByDefaultAndAllowOnlyTheGroupsPortsPlusEphemeralReturns() {
        RenderedStack stack = render(Stacks.settings("dev"));

        CapturedResource publicAcl = stack.get(NACL, "network-public-nacl");
        assertEquals(List.of(
                "in 100 tcp 80-80 0.0.0.0/0 allow", "in 110 tcp 443-443 10.0.0.0/16 allow",
                "in 120 tcp 1024-65535 0.0.0.0/0 allow"), aclEntries(publicAcl, "ingress"));
        assertEquals(List.of(
                "out 100 tcp 1024-65535 0.0.0.0/0 allow", "out 110 tcp 443-443 0.0.0.0/0 allow",
                "out 120 tcp 3000-3000 10.0.0.0/16 allow", "out 130 tcp 80-80 10.0.0.0/16 allow"), aclEntries(publicAcl, "egress"));
        assertEquals(ids(stack, "network-public-1", "network-public-2", "network-public-3"), publicAcl.input("subnetIds").orElseThrow());

        CapturedResource privateAcl = stack.get(NACL, "network-private-nacl");
        assertEquals(List.of(
                "in 100 tcp 3000-3000 10.0.0.0/16 allow", "in 110 tcp 80-80 10.0.0.0/16 allow",
                "in 120 tcp 5432-5432 10.0.0.0/16 allow", "in 130 tcp 443-443 10.0.0.0/16 allow",
                "in 140 tcp 1024-65535 0.0.0.0/0 allow"), aclEntries(privateAcl, "ingress"));
        assertEquals(List.of(
                "out 100 tcp 443-443 0.0.0.0/0 allow", "out 110 tcp 5432-5432 10.0.0.0/16 allow",
                "out 120 tcp 1024-65535 10.0.0.0/16 allow"), aclEntries(privateAcl, "egress"));
        assertEquals(ids(stack, "network-app-1", "network-app-2", "network-app-3", "network-data-1", "network-data-2", "network-data-3"),
                privateAcl.input("subnetIds").orElseThrow());
    }

    @Test
    void publicNaclOpens443ToTheInternetOnlyWithHttps() {
        RenderedStack stack = render(Stacks.settings("dev", Map.of("httpsEnabled", "true",
                "certificateArn", "arn:aws:acm:us-east-1:123456789012:certificate/abc-123")));

        assertTrue(aclEntries(stack.get(NACL, "network-public-nacl"), "ingress").contains("in 110 tcp 443-443 0.0.0.0/0 allow"));
    }

    @Test
    void exposesTypedOutputsMatchingTheRenderedResources() {
        Map<String, Object> outputs = new ConcurrentHashMap<>();
        RenderedStack stack = render(Stacks.settings("dev"), outputs);

        assertEquals(stack.single(VPC).id(), outputs.get("vpcId"));
        assertEquals("10.0.0.0/16", outputs.get("vpcCidr"));
        assertEquals(ids(stack, "network-public-1", "network-public-2", "network-public-3"), outputs.get("publicSubnetIds"));
        assertEquals(ids(stack, "network-app-1", "network-app-2", "network-app-3"), outputs.get("appSubnetIds"));
        assertEquals(ids(stack, "network-data-1", "network-data-2", "network-data-3"), outputs.get("dataSubnetIds"));
        for (String role : List.of("alb", "backend", "frontend", "database", "producer", "endpoint")) {
            String id = stack.get(SG, "network-" + role + "-sg").id();
            assertTrue(id.matches("sg-[0-9a-f]{17}"), id);
            assertEquals(id, outputs.get(role + "SecurityGroupId"), role);
        }
    }

    @Test
    void everyChildIsParentedToTheComponentAndTagged() {
        RenderedStack stack = render(Stacks.settings("prod"));
        CapturedResource component = stack.single(Network.TYPE);

        List<CapturedResource> children = stack.resources().stream()
                .filter(r -> !r.type().equals(LOG_GROUP) && !r.type().equals(Network.TYPE) && !r.type().startsWith("pulumi:")).toList();
        assertEquals(children.size(), stack.childrenOf(component).size());
        Set<String> untaggable = Set.of(ROUTE, ASSOCIATION, "aws:iam/rolePolicy:RolePolicy");
        for (CapturedResource child : children) {
            if (!untaggable.contains(child.type())) {
                assertEquals("prod", child.input("tags.Environment").orElse(null), child.name());
                assertEquals("order-processing", child.input("tags.Project").orElse(null), child.name());
            }
        }
    }

    /** Route table name to its 0.0.0.0/0 target, e.g. {@code nat nat-0abc...}. */
    static Map<String, String> defaultRoutes(RenderedStack stack) {
        Map<String, String> tableNames = stack.ofType(ROUTE_TABLE).stream()
                .collect(Collectors.toMap(CapturedResource::id, CapturedResource::name));
        return stack.ofType(ROUTE).stream()
                .filter(r -> "0.0.0.0/0".equals(r.input("destinationCidrBlock").orElse(null)))
                .collect(Collectors.toMap(r -> tableNames.get((String) r.input("routeTableId").orElseThrow()),
                        r -> r.input("natGatewayId").map(id -> "nat " + id).orElseGet(() -> "igw " + r.input("gatewayId").orElseThrow())));
    }

    static List<String> associatedSubnets(RenderedStack stack, String tableName) {
        String tableId = stack.get(ROUTE_TABLE, tableName).id();
        Map<String, String> subnetNames = stack.ofType(SUBNET).stream()
                .collect(Collectors.toMap(CapturedResource::id, CapturedResource::name));
        return stack.ofType(ASSOCIATION).stream()
                .filter(a -> tableId.equals(a.input("routeTableId").orElseThrow()))
                .map(a -> subnetNames.get((String) a.input("subnetId").orElseThrow()))
                .sorted().toList();
    }

    @SuppressWarnings("unchecked") // rendered inputs are nested maps and lists
    static List<String> aclEntries(CapturedResource acl, String direction) {
        List<Map<String, Object>> entries = (List<Map<String, Object>>) acl.input(direction).orElseThrow();
        return entries.stream().map(e -> (direction.equals("ingress") ? "in " : "out ")
                + ((Double) e.get("ruleNo")).intValue() + " " + e.get("protocol") + " " + ((Double) e.get("fromPort")).intValue()
                + "-" + ((Double) e.get("toPort")).intValue() + " " + e.get("cidrBlock") + " " + e.get("action")).toList();
    }

    static List<String> ids(RenderedStack stack, String... subnetNames) {
        return java.util.Arrays.stream(subnetNames).map(n -> stack.get(SUBNET, n).id()).toList();
    }
}

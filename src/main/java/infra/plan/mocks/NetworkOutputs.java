package infra.plan.mocks;

import infra.plan.MockOutputs;
import infra.plan.MockOutputs.Env;
import infra.plan.MockOutputs.Rule;

import java.util.Map;

/** Mocked computed outputs for VPC, subnets, gateways, routes, NACLs, security groups, flow logs, endpoints (issue 3). */
public final class NetworkOutputs {
    private NetworkOutputs() {
    }

    public static void register(Map<String, Rule> rules) {
        rules.put("aws:ec2/vpc:Vpc", NetworkOutputs::vpc);
        rules.put("aws:ec2/subnet:Subnet", (name, in, out, env) -> ec2(out, env, "subnet", id("subnet", name)));
        rules.put("aws:ec2/internetGateway:InternetGateway", (name, in, out, env) -> ec2(out, env, "internet-gateway", id("igw", name)));
        rules.put("aws:ec2/eip:Eip", NetworkOutputs::eip);
        rules.put("aws:ec2/natGateway:NatGateway", NetworkOutputs::natGateway);
        rules.put("aws:ec2/routeTable:RouteTable", (name, in, out, env) -> ec2(out, env, "route-table", id("rtb", name)));
        rules.put("aws:ec2/route:Route", (name, in, out, env) ->
                "r-" + MockOutputs.str(in, "routeTableId", "rtb-unknown") + Integer.toUnsignedString(name.hashCode()));
        rules.put("aws:ec2/routeTableAssociation:RouteTableAssociation", (name, in, out, env) -> id("rtbassoc", name));
        rules.put("aws:ec2/networkAcl:NetworkAcl", (name, in, out, env) -> ec2(out, env, "network-acl", id("acl", name)));
        rules.put("aws:ec2/securityGroup:SecurityGroup", NetworkOutputs::securityGroup);
        // the adopted defaults keep the ids the VPC reported for them
        rules.put("aws:ec2/defaultSecurityGroup:DefaultSecurityGroup", (name, in, out, env) -> {
            String id = defaultGroupId(MockOutputs.str(in, "vpcId", name));
            out.put("name", "default");
            return ec2(out, env, "security-group", id);
        });
        rules.put("aws:ec2/defaultNetworkAcl:DefaultNetworkAcl", (name, in, out, env) ->
                ec2(out, env, "network-acl", MockOutputs.str(in, "defaultNetworkAclId", id("acl", name))));
        rules.put("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", NetworkOutputs::securityGroupRule);
        rules.put("aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule", NetworkOutputs::securityGroupRule);
        rules.put("aws:ec2/flowLog:FlowLog", (name, in, out, env) -> ec2(out, env, "vpc-flow-log", id("fl", name)));
        rules.put("aws:ec2/vpcEndpoint:VpcEndpoint", NetworkOutputs::vpcEndpoint);
    }

    private static String vpc(String name, Map<String, Object> in, Map<String, Object> out, Env env) {
        String id = id("vpc", name);
        out.put("cidrBlock", MockOutputs.str(in, "cidrBlock", "10.0.0.0/16"));
        out.put("defaultSecurityGroupId", defaultGroupId(id));
        out.put("defaultNetworkAclId", id("acl", id + "/default"));
        out.put("mainRouteTableId", id("rtb", id + "/main"));
        out.put("defaultRouteTableId", id("rtb", id + "/main"));
        out.put("dhcpOptionsId", id("dopt", id));
        out.put("ownerId", env.account());
        return ec2(out, env, "vpc", id);
    }

    private static String eip(String name, Map<String, Object> in, Map<String, Object> out, Env env) {
        String id = id("eipalloc", name);
        out.put("allocationId", id);
        out.put("publicIp", testNetAddress(name));
        out.put("domain", "vpc");
        return ec2(out, env, "elastic-ip", id);
    }

    private static String natGateway(String name, Map<String, Object> in, Map<String, Object> out, Env env) {
        out.put("publicIp", testNetAddress(name));
        out.put("networkInterfaceId", id("eni", name));
        out.put("connectivityType", "public");
        return id("nat", name);
    }

    private static String securityGroup(String name, Map<String, Object> in, Map<String, Object> out, Env env) {
        out.put("name", MockOutputs.physicalName("aws:ec2/securityGroup:SecurityGroup", name, in));
        return ec2(out, env, "security-group", id("sg", name));
    }

    private static String securityGroupRule(String name, Map<String, Object> in, Map<String, Object> out, Env env) {
        String id = id("sgr", name);
        out.put("securityGroupRuleId", id);
        return ec2(out, env, "security-group-rule", id);
    }

    private static String vpcEndpoint(String name, Map<String, Object> in, Map<String, Object> out, Env env) {
        String id = id("vpce", name);
        out.put("state", "available");
        if ("Gateway".equals(in.get("vpcEndpointType"))) {
            out.put("prefixListId", id("pl", name));
        }
        return ec2(out, env, "vpc-endpoint", id);
    }

    private static String ec2(Map<String, Object> out, Env env, String resourceType, String id) {
        out.put("arn", env.arn("ec2", resourceType + "/" + id));
        out.putIfAbsent("ownerId", env.account());
        return id;
    }

    private static String id(String prefix, String seed) {
        return MockOutputs.hexId(prefix, seed);
    }

    private static String defaultGroupId(String vpcId) {
        return id("sg", vpcId + "/default");
    }

    /** An address from TEST-NET-3 (RFC 5737), never a real public IP. */
    private static String testNetAddress(String seed) {
        return "203.0.113." + (1 + Math.floorMod(seed.hashCode(), 254));
    }
}

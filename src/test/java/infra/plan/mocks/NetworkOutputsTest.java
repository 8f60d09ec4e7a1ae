package infra.plan.mocks;

import infra.network.NetworkTest;
import infra.plan.CapturedResource;
import infra.plan.RenderedStack;
import infra.testing.Stacks;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NetworkOutputsTest {

    @Test
    void synthesizesEc2IdsAndArnsInAwsFormats() {
        RenderedStack stack = NetworkTest.render(Stacks.settings("prod"));
        Map<String, String> prefixes = Map.ofEntries(
                Map.entry("aws:ec2/vpc:Vpc", "vpc"), Map.entry("aws:ec2/subnet:Subnet", "subnet"),
                Map.entry("aws:ec2/securityGroup:SecurityGroup", "sg"), Map.entry("aws:ec2/internetGateway:InternetGateway", "igw"),
                Map.entry("aws:ec2/natGateway:NatGateway", "nat"), Map.entry("aws:ec2/eip:Eip", "eipalloc"),
                Map.entry("aws:ec2/routeTable:RouteTable", "rtb"), Map.entry("aws:ec2/networkAcl:NetworkAcl", "acl"),
                Map.entry("aws:ec2/vpcEndpoint:VpcEndpoint", "vpce"), Map.entry("aws:ec2/flowLog:FlowLog", "fl"),
                Map.entry("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", "sgr"),
                Map.entry("aws:ec2/routeTableAssociation:RouteTableAssociation", "rtbassoc"));

        prefixes.forEach((type, prefix) -> {
            assertFalse(stack.ofType(type).isEmpty(), type);
            for (CapturedResource r : stack.ofType(type)) {
                assertTrue(r.id().matches(prefix + "-[0-9a-f]{17}"), type + " id " + r.id());
            }
        });
        CapturedResource subnet = stack.get("aws:ec2/subnet:Subnet", "network-app-1");
        assertEquals("arn:aws:ec2:us-east-1:123456789012:subnet/" + subnet.id(), subnet.outputMap().get("arn"));
        CapturedResource eip = stack.get("aws:ec2/eip:Eip", "network-nat-1-eip");
        assertEquals(eip.id(), eip.outputMap().get("allocationId"));
        assertTrue(((String) eip.outputMap().get("publicIp")).startsWith("203.0.113."));
    }

    @Test
    void theVpcReportsItsDefaultsAndTheAdoptedDefaultsKeepThoseIds() {
        RenderedStack stack = NetworkTest.render(Stacks.settings("dev"));
        CapturedResource vpc = stack.single("aws:ec2/vpc:Vpc");
        Map<String, Object> out = vpc.outputMap();

        assertEquals("10.0.0.0/16", out.get("cidrBlock"));
        assertEquals("arn:aws:ec2:us-east-1:123456789012:vpc/" + vpc.id(), out.get("arn"));
        assertTrue(((String) out.get("mainRouteTableId")).matches("rtb-[0-9a-f]{17}"));
        assertTrue(((String) out.get("defaultNetworkAclId")).matches("acl-[0-9a-f]{17}"));
        assertEquals(out.get("defaultSecurityGroupId"), stack.single("aws:ec2/defaultSecurityGroup:DefaultSecurityGroup").id());
        assertEquals(out.get("defaultNetworkAclId"), stack.single("aws:ec2/defaultNetworkAcl:DefaultNetworkAcl").id());
    }
}

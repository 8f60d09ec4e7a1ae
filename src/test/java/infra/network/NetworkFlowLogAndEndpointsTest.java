package infra.network;

import com.google.gson.JsonParser;
import infra.plan.CapturedResource;
import infra.plan.RenderedStack;
import infra.testing.Stacks;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static infra.network.NetworkTest.ENDPOINT;
import static infra.network.NetworkTest.FLOW_LOG;
import static infra.network.NetworkTest.LOG_GROUP;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NetworkFlowLogAndEndpointsTest {
    static final String FORMAT = "${srcaddr} ${dstaddr} ${srcport} ${dstport} ${protocol} ${packets} ${bytes} ${start} ${end} "
            + "${action} ${log-status}";

    @Test
    void devLogsOnlyRejectedTrafficToItsFlowLogGroupInThePlansFormat() {
        RenderedStack stack = NetworkTest.render(Stacks.settings("dev"));

        CapturedResource flowLog = stack.single(FLOW_LOG);
        CapturedResource logGroup = stack.single(LOG_GROUP);
        assertEquals("REJECT", flowLog.input("trafficType").orElseThrow());
        assertEquals(FORMAT, flowLog.input("logFormat").orElseThrow());
        assertEquals("cloud-watch-logs", flowLog.input("logDestinationType").orElseThrow());
        assertEquals("arn:aws:logs:us-east-1:123456789012:log-group:/aws/vpc/flowlogs/dev", flowLog.input("logDestination").orElseThrow());
        assertEquals(stack.single(NetworkTest.VPC).id(), flowLog.input("vpcId").orElseThrow());
        assertEquals(60.0, flowLog.input("maxAggregationInterval").orElseThrow());
        assertTrue(flowLog.dependencies().contains(logGroup.urn()), "flow log must wait for the declared log group");
    }

    @Test
    void prodLogsAllTraffic() {
        assertEquals("ALL", NetworkTest.render(Stacks.settings("prod")).single(FLOW_LOG).input("trafficType").orElseThrow());
        assertEquals("ACCEPT", NetworkTest.render(Stacks.settings("prod", Map.of("flowLogTrafficType", "ACCEPT")))
                .single(FLOW_LOG).input("trafficType").orElseThrow());
    }

    @Test
    void flowLogRoleMayWriteOnlyToItsLogGroupAndOnlyFlowLogsOfThisAccountMayAssumeIt() {
        RenderedStack stack = NetworkTest.render(Stacks.settings("prod"));
        String groupArn = "arn:aws:logs:us-east-1:123456789012:log-group:/aws/vpc/flowlogs/prod";

        CapturedResource role = stack.get("aws:iam/role:Role", "network-flow-log-role");
        assertEquals(role.outputMap().get("arn"), stack.single(FLOW_LOG).input("iamRoleArn").orElseThrow());
        assertEquals(JsonParser.parseString("""
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow",
                 "Principal":{"Service":"vpc-flow-logs.amazonaws.com"},"Action":"sts:AssumeRole",
                 "Condition":{"StringEquals":{"aws:SourceAccount":"123456789012"},
                  "ArnLike":{"aws:SourceArn":"arn:aws:ec2:us-east-1:123456789012:vpc-flow-log/*"}}}]}"""),
                JsonParser.parseString((String) role.input("assumeRolePolicy").orElseThrow()));

        CapturedResource policy = stack.get("aws:iam/rolePolicy:RolePolicy", "network-flow-log-write");
        assertEquals(role.id(), policy.input("role").orElseThrow());
        assertEquals(JsonParser.parseString("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"WriteFlowLogGroupOnly\","
                        + "\"Effect\":\"Allow\",\"Action\":[\"logs:CreateLogStream\",\"logs:PutLogEvents\",\"logs:DescribeLogStreams\"],"
                        + "\"Resource\":[\"" + groupArn + "\",\"" + groupArn + ":log-stream:*\"]}]}"),
                JsonParser.parseString((String) policy.input("policy").orElseThrow()));
        assertTrue(stack.single(FLOW_LOG).dependencies().contains(policy.urn()), "flow log must wait for its permissions");
    }

    @Test
    void devHasNoEndpointsByDefault() {
        assertEquals(List.of(), NetworkTest.render(Stacks.settings("dev")).ofType(ENDPOINT));
    }

    @Test
    void prodReachesS3ThroughAGatewayAndTheOtherServicesThroughPrivateDnsInterfaces() {
        RenderedStack stack = NetworkTest.render(Stacks.settings("prod"));
        String endpointGroup = stack.get(NetworkTest.SG, "network-endpoint-sg").id();
        List<String> appSubnets = NetworkTest.ids(stack, "network-app-1", "network-app-2", "network-app-3");

        CapturedResource s3 = stack.get(ENDPOINT, "network-s3-endpoint");
        assertEquals("com.amazonaws.us-east-1.s3", s3.input("serviceName").orElseThrow());
        assertEquals("Gateway", s3.input("vpcEndpointType").orElseThrow());
        assertEquals(List.of("network-app-1-rt", "network-app-2-rt", "network-app-3-rt", "network-data-rt").stream()
                .map(n -> stack.get(NetworkTest.ROUTE_TABLE, n).id()).toList(), s3.input("routeTableIds").orElseThrow());

        Map<String, String> interfaces = Map.of("ecr-api", "ecr.api", "ecr-dkr", "ecr.dkr", "logs", "logs",
                "secretsmanager", "secretsmanager", "sqs", "sqs");
        assertEquals(6, stack.ofType(ENDPOINT).size());
        interfaces.forEach((label, service) -> {
            CapturedResource e = stack.get(ENDPOINT, "network-" + label + "-endpoint");
            assertEquals("com.amazonaws.us-east-1." + service, e.input("serviceName").orElseThrow());
            assertEquals("Interface", e.input("vpcEndpointType").orElseThrow());
            assertEquals(true, e.input("privateDnsEnabled").orElseThrow());
            assertEquals(appSubnets, e.input("subnetIds").orElseThrow());
            assertEquals(List.of(endpointGroup), e.input("securityGroupIds").orElseThrow());
            assertEquals(stack.single(NetworkTest.VPC).id(), e.input("vpcId").orElseThrow());
        });
    }

    @Test
    void endpointsFollowTheSettingInEitherDirection() {
        assertEquals(0, NetworkTest.render(Stacks.settings("prod", Map.of("vpcEndpointsEnabled", "false"))).ofType(ENDPOINT).size());
        assertEquals(6, NetworkTest.render(Stacks.settings("dev", Map.of("vpcEndpointsEnabled", "true"))).ofType(ENDPOINT).size());
    }
}

package infra.network;

import infra.plan.CapturedResource;
import infra.plan.RenderedStack;
import infra.testing.Stacks;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static infra.network.NetworkTest.EGRESS;
import static infra.network.NetworkTest.INGRESS;
import static infra.network.NetworkTest.SG;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NetworkSecurityGroupsTest {

    @Test
    void rendersEachGroupsExactRulesAsSeparateDescribedRuleResources() {
        RenderedStack stack = NetworkTest.render(Stacks.settings("prod"));

        assertEquals(List.of(
                "alb in tcp 80 from 0.0.0.0/0: HTTP from the internet to the ALB listener",
                "alb out tcp 3000 to sg:backend: ALB forwards to backend tasks on 3000",
                "alb out tcp 80 to sg:frontend: ALB forwards to frontend tasks on 80",
                "backend in tcp 3000 from sg:alb: Backend port 3000 from the ALB only",
                "backend out tcp 443 to 0.0.0.0/0: Backend to AWS APIs (Secrets Manager, SQS, S3) on 443",
                "backend out tcp 5432 to sg:database: Backend to Aurora PostgreSQL on 5432",
                "database in tcp 5432 from sg:backend: PostgreSQL from backend tasks only",
                "endpoint in tcp 443 from 10.0.0.0/16: HTTPS from the VPC to interface endpoints",
                "frontend in tcp 80 from sg:alb: Frontend port 80 from the ALB only",
                "frontend out tcp 443 to 0.0.0.0/0: Frontend to CDN and external resources on 443",
                "producer out tcp 443 to 0.0.0.0/0: Producer to SQS and AWS APIs on 443"), rules(stack));
    }

    @Test
    void groupsCarryNoInlineRulesSoRuleResourcesAreTheOnlySource() {
        RenderedStack stack = NetworkTest.render(Stacks.settings("dev"));

        assertEquals(6, stack.ofType(SG).size());
        for (CapturedResource group : stack.ofType(SG)) {
            assertFalse(group.inputMap().containsKey("ingress"), group.name());
            assertFalse(group.inputMap().containsKey("egress"), group.name());
            assertEquals(stack.single(NetworkTest.VPC).id(), group.input("vpcId").orElseThrow());
            assertTrue(((String) group.input("description").orElseThrow()).length() > 20, group.name());
        }
    }

    @Test
    void albAcceptsHttpsOnlyWhenHttpsIsConfigured() {
        RenderedStack stack = NetworkTest.render(Stacks.settings("dev", Map.of("httpsEnabled", "true",
                "certificateArn", "arn:aws:acm:us-east-1:123456789012:certificate/abc-123")));

        assertEquals(List.of(
                "alb in tcp 443 from 0.0.0.0/0: HTTPS from the internet to the ALB listener",
                "alb in tcp 80 from 0.0.0.0/0: HTTP from the internet to the ALB listener"), rulesOf(stack, "alb in"));
    }

    @Test
    void databaseAcceptsTheProducerOnlyWhenTheSettingAsks() {
        RenderedStack stack = NetworkTest.render(Stacks.settings("dev", Map.of("databaseIngressFromProducer", "true")));

        assertEquals(List.of(
                "database in tcp 5432 from sg:backend: PostgreSQL from backend tasks only",
                "database in tcp 5432 from sg:producer: PostgreSQL from the order producer"), rulesOf(stack, "database in"));
        assertEquals(List.of(
                "producer out tcp 443 to 0.0.0.0/0: Producer to SQS and AWS APIs on 443",
                "producer out tcp 5432 to sg:database: Producer to Aurora PostgreSQL on 5432"), rulesOf(stack, "producer out"));
    }

    @Test
    void databaseCidrFormFollowsThePlanWhenTheSettingAsks() {
        RenderedStack stack = NetworkTest.render(Stacks.settings("dev", Map.of("databaseIngressFromVpcCidr", "true")));

        assertEquals(List.of("database in tcp 5432 from 10.0.0.0/16: PostgreSQL from the VPC CIDR (plan's form)"),
                rulesOf(stack, "database in"));
    }

    /** Every rule as {@code group direction protocol port peer: description}, sorted. */
    static List<String> rules(RenderedStack stack) {
        Map<String, String> groupNames = stack.ofType(SG).stream().collect(Collectors.toMap(CapturedResource::id,
                g -> g.name().replace("network-", "").replace("-sg", "")));
        return Stream.concat(stack.ofType(INGRESS).stream(), stack.ofType(EGRESS).stream()).map(r -> {
            boolean in = r.type().equals(INGRESS);
            Map<String, Object> i = r.inputMap();
            assertEquals(i.get("fromPort"), i.get("toPort"), r.name());
            Object peer = i.containsKey("referencedSecurityGroupId")
                    ? "sg:" + groupNames.get((String) i.get("referencedSecurityGroupId")) : i.get("cidrIpv4");
            return groupNames.get((String) i.get("securityGroupId")) + (in ? " in " : " out ") + i.get("ipProtocol") + " "
                    + ((Double) i.get("fromPort")).intValue() + (in ? " from " : " to ") + peer + ": " + i.get("description");
        }).sorted().toList();
    }

    static List<String> rulesOf(RenderedStack stack, String prefix) {
        return rules(stack).stream().filter(r -> r.startsWith(prefix + " ")).toList();
    }
}

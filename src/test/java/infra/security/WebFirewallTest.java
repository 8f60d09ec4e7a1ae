package infra.security;

import com.pulumi.core.Output;
import infra.config.Settings;
import infra.plan.CapturedResource;
import infra.plan.RenderedStack;
import infra.testing.Stacks;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WebFirewallTest {
    static final String ALB = "arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/prod-alb/50dc6c495c0c9188";
    static final String LOG_GROUP = "arn:aws:logs:us-east-1:123456789012:log-group:aws-waf-logs-prod";
    static final String ACL = "aws:wafv2/webAcl:WebAcl";

    static RenderedStack render(Settings settings) {
        return Stacks.render(settings, ctx -> new WebFirewall("waf",
                new WebFirewallArgs(settings, Output.of(ALB), Output.of(LOG_GROUP + ":*")), null));
    }

    @Test
    void aclIsRegionalAllowsByDefaultAndRunsTheRateLimitThenManagedGroups() {
        CapturedResource acl = render(Stacks.settings("prod")).single(ACL);

        assertEquals("order-processing-prod", acl.input("name").orElseThrow());
        assertEquals("REGIONAL", acl.input("scope").orElseThrow());
        assertEquals(Map.of("allow", Map.of()), acl.input("defaultAction").orElseThrow());
        assertEquals(Map.of("limit", 2000.0, "aggregateKeyType", "IP"), acl.input("rules.0.statement.rateBasedStatement").orElseThrow());
        assertEquals(Map.of("block", Map.of()), acl.input("rules.0.action").orElseThrow());
        @SuppressWarnings("unchecked") // rules is a list of rule objects
        List<Map<String, Object>> rules = (List<Map<String, Object>>) acl.input("rules").orElseThrow();
        assertEquals(List.of("rate-limit-per-ip", "AWSManagedRulesAmazonIpReputationList",
                "AWSManagedRulesKnownBadInputsRuleSet", "AWSManagedRulesCommonRuleSet"),
                rules.stream().map(r -> r.get("name")).toList());
        assertEquals(List.of(0.0, 1.0, 2.0, 3.0), rules.stream().map(r -> r.get("priority")).toList());
        for (int i = 1; i < rules.size(); i++) {
            assertEquals(Map.of("vendorName", "AWS", "name", rules.get(i).get("name")),
                    acl.input("rules." + i + ".statement.managedRuleGroupStatement").orElseThrow());
            assertEquals(Map.of("none", Map.of()), acl.input("rules." + i + ".overrideAction").orElseThrow());
        }
    }

    @Test
    void everyRuleAndTheAclPublishMetrics() {
        CapturedResource acl = render(Stacks.settings("prod")).single(ACL);

        assertEquals(Map.of("cloudwatchMetricsEnabled", true, "sampledRequestsEnabled", true,
                "metricName", "order-processing-prod"), acl.input("visibilityConfig").orElseThrow());
        for (int i = 0; i < 4; i++) {
            assertEquals(true, acl.input("rules." + i + ".visibilityConfig.cloudwatchMetricsEnabled").orElseThrow());
            String metric = (String) acl.input("rules." + i + ".visibilityConfig.metricName").orElseThrow();
            assertTrue(metric.startsWith("order-processing-prod-"), metric);
        }
    }

    @Test
    void rateLimitComesFromSettings() {
        CapturedResource acl = render(Stacks.settings("dev", Map.of("wafRateLimit", "500"))).single(ACL);

        assertEquals(500.0, acl.input("rules.0.statement.rateBasedStatement.limit").orElseThrow());
    }

    @Test
    void aclIsAssociatedWithTheLoadBalancerAndLogsToTheWafLogGroup() {
        RenderedStack stack = render(Stacks.settings("prod"));
        CapturedResource acl = stack.single(ACL);
        String aclArn = (String) acl.outputMap().get("arn");

        assertTrue(aclArn.matches("arn:aws:wafv2:us-east-1:123456789012:regional/webacl/order-processing-prod/[0-9a-f-]{36}"), aclArn);
        CapturedResource association = stack.single("aws:wafv2/webAclAssociation:WebAclAssociation");
        assertEquals(ALB, association.input("resourceArn").orElseThrow());
        assertEquals(aclArn, association.input("webAclArn").orElseThrow());
        CapturedResource logging = stack.single("aws:wafv2/webAclLoggingConfiguration:WebAclLoggingConfiguration");
        assertEquals(aclArn, logging.input("resourceArn").orElseThrow());
        assertEquals(List.of(LOG_GROUP), logging.input("logDestinationConfigs").orElseThrow());
    }
}

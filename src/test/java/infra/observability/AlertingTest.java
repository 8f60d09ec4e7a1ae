package infra.observability;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.pulumi.core.Output;
import infra.config.Settings;
import infra.plan.CapturedResource;
import infra.plan.RenderedStack;
import infra.testing.Stacks;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AlertingTest {
    static final String TOPIC = "aws:sns/topic:Topic";
    static final String POLICY = "aws:sns/topicPolicy:TopicPolicy";
    static final String SUBSCRIPTION = "aws:sns/topicSubscription:TopicSubscription";
    static final String PAGER_DUTY = "https://events.pagerduty.com/integration/abc123/enqueue";

    final List<Alerting> built = new ArrayList<>();

    RenderedStack render(Settings settings) {
        return Stacks.render(settings, ctx -> built.add(
                new Alerting("alerts", new AlertingArgs(settings, Output.of(Fakes.MESSAGING_KEY)), null)));
    }

    @Test
    void devHasTheTwoPlanTopicsEncryptedWithTheMessagingKey() {
        RenderedStack stack = render(Stacks.settings("dev"));

        assertEquals(List.of("alerts-infrastructure", "alerts-security"),
                stack.ofType(TOPIC).stream().map(CapturedResource::name).collect(Collectors.toList()));
        CapturedResource infra = stack.get(TOPIC, "alerts-infrastructure");
        assertEquals("order-processing-infrastructure-alerts-dev", infra.input("name").orElseThrow());
        assertEquals(Fakes.MESSAGING_KEY, infra.input("kmsMasterKeyId").orElseThrow());
        assertEquals(Map.of("Environment", "dev", "Project", "order-processing"), infra.input("tags").orElseThrow());
        assertEquals("order-processing-security-alerts-dev", stack.get(TOPIC, "alerts-security").input("name").orElseThrow());
    }

    @Test
    void topicPolicyLetsOnlyThisAccountsAlarmsAndRulesPublishOverTls() {
        RenderedStack stack = render(Stacks.settings("dev"));
        String arn = (String) stack.get(TOPIC, "alerts-security").outputMap().get("arn");

        CapturedResource policy = stack.get(POLICY, "alerts-security-policy");
        assertEquals(arn, policy.input("arn").orElseThrow());
        JsonArray statements = JsonParser.parseString((String) policy.input("policy").orElseThrow())
                .getAsJsonObject().getAsJsonArray("Statement");
        JsonObject alarms = sid(statements, "AccountAlarmsPublish");
        assertEquals("cloudwatch.amazonaws.com", alarms.getAsJsonObject("Principal").get("Service").getAsString());
        assertEquals("sns:Publish", alarms.get("Action").getAsString());
        assertEquals(arn, alarms.get("Resource").getAsString());
        assertEquals("123456789012", alarms.getAsJsonObject("Condition").getAsJsonObject("StringEquals")
                .get("aws:SourceAccount").getAsString());
        assertEquals("arn:aws:cloudwatch:us-east-1:123456789012:alarm:*", alarms.getAsJsonObject("Condition")
                .getAsJsonObject("ArnLike").get("aws:SourceArn").getAsString());
        JsonObject rules = sid(statements, "AccountEventRulesPublish");
        assertEquals("events.amazonaws.com", rules.getAsJsonObject("Principal").get("Service").getAsString());
        assertEquals("arn:aws:events:us-east-1:123456789012:rule/*", rules.getAsJsonObject("Condition")
                .getAsJsonObject("ArnLike").get("aws:SourceArn").getAsString());
        JsonObject tls = sid(statements, "DenyInsecureTransport");
        assertEquals("Deny", tls.get("Effect").getAsString());
        assertEquals("*", tls.get("Principal").getAsString());
        assertEquals("false", tls.getAsJsonObject("Condition").getAsJsonObject("Bool").get("aws:SecureTransport").getAsString());
        assertEquals("arn:aws:iam::123456789012:root",
                sid(statements, "AccountManagesTopic").getAsJsonObject("Principal").get("AWS").getAsString());
        assertEquals(4, statements.size());
    }

    @Test
    void emailSubscriptionsFollowSettingsAndAreNamedByAddress() {
        RenderedStack stack = render(Stacks.settings("prod", Map.of("pagerDutyEndpoint", PAGER_DUTY)));
        String infra = (String) stack.get(TOPIC, "alerts-infrastructure").outputMap().get("arn");
        String security = (String) stack.get(TOPIC, "alerts-security").outputMap().get("arn");

        CapturedResource devops = stack.get(SUBSCRIPTION, "alerts-infrastructure-email-devops-team-example-com");
        assertEquals(Map.of("topic", infra, "protocol", "email", "endpoint", "devops-team@example.com"),
                subset(devops, "topic", "protocol", "endpoint"));
        assertEquals("sre-oncall@example.com",
                stack.get(SUBSCRIPTION, "alerts-infrastructure-email-sre-oncall-example-com").input("endpoint").orElseThrow());
        assertEquals(security,
                stack.get(SUBSCRIPTION, "alerts-security-email-security-team-example-com").input("topic").orElseThrow());
    }

    @Test
    void pagerDutySubscribesOnlyToTheProdPagingTopicAndStaysSecret() {
        RenderedStack stack = render(Stacks.settings("prod", Map.of("pagerDutyEndpoint", PAGER_DUTY)));
        String paging = (String) stack.get(TOPIC, "alerts-paging").outputMap().get("arn");

        assertEquals("order-processing-paging-alerts-prod", stack.get(TOPIC, "alerts-paging").input("name").orElseThrow());
        CapturedResource pd = stack.get(SUBSCRIPTION, "alerts-pagerduty");
        assertEquals(paging, pd.input("topic").orElseThrow());
        assertEquals("https", pd.input("protocol").orElseThrow());
        assertEquals(true, pd.input("endpointAutoConfirms").orElseThrow());
        assertEquals(Map.of("4dabf18193072939515e22adb298388d", "1b47061264138c4ac30d75fd1eb44270", "value", PAGER_DUTY),
                pd.input("endpoint").orElseThrow(), "the PagerDuty URL travels as a secret");
        assertEquals(List.of(), built.get(0).warnings());
        assertEquals(1, stack.ofType(SUBSCRIPTION).stream().filter(s -> paging.equals(s.input("topic").orElse(null))).count());
    }

    @Test
    void prodWithoutPagerDutyWarnsThatP1PagesNobody() {
        render(Stacks.settings("prod"));

        assertEquals(List.of("stack prod has no pagerDutyEndpoint, so P1 alarms page nobody;"
                + " set it with: pulumi config set --secret order-processing:pagerDutyEndpoint <url> --stack prod"),
                built.get(0).warnings());
    }

    @Test
    void slackWebhooksSubscribeEachTopicWithoutWaitingForConfirmation() {
        RenderedStack stack = render(Stacks.settings("dev", Map.of(
                "slackWebhookUrl", "https://hooks.slack.com/services/T000/B000/infra",
                "securitySlackWebhookUrl", "https://hooks.slack.com/services/T000/B000/sec")));

        CapturedResource infra = stack.get(SUBSCRIPTION, "alerts-infrastructure-slack");
        assertEquals(stack.get(TOPIC, "alerts-infrastructure").outputMap().get("arn"), infra.input("topic").orElseThrow());
        assertEquals(false, infra.input("endpointAutoConfirms").orElseThrow());
        assertEquals(stack.get(TOPIC, "alerts-security").outputMap().get("arn"),
                stack.get(SUBSCRIPTION, "alerts-security-slack").input("topic").orElseThrow());
        assertTrue(stack.find(SUBSCRIPTION, "alerts-pagerduty").isEmpty());
    }

    static JsonObject sid(JsonArray statements, String sid) {
        for (JsonElement s : statements) {
            if (s.getAsJsonObject().has("Sid") && s.getAsJsonObject().get("Sid").getAsString().equals(sid)) {
                return s.getAsJsonObject();
            }
        }
        throw new AssertionError("no statement " + sid + " in " + statements);
    }

    static Map<String, Object> subset(CapturedResource r, String... keys) {
        Map<String, Object> out = new java.util.LinkedHashMap<>();
        for (String k : keys) {
            out.put(k, r.input(k).orElseThrow());
        }
        return out;
    }
}

package infra.security;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.pulumi.core.Output;
import infra.config.Settings;
import infra.plan.CapturedResource;
import infra.plan.RenderedStack;
import infra.testing.Stacks;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static infra.security.FindingPatternsTest.guardDutyFinding;
import static infra.security.FindingPatternsTest.securityHubFinding;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FindingRoutingTest {
    static final String TOPIC = "arn:aws:sns:us-east-1:123456789012:order-processing-security-alerts";
    static final String RULE = "aws:cloudwatch/eventRule:EventRule";
    static final String TARGET = "aws:cloudwatch/eventTarget:EventTarget";

    static RenderedStack render(Settings settings) {
        return Stacks.render(settings, ctx -> new FindingRouting("findings",
                new FindingRoutingArgs(settings, Output.of(TOPIC)), null));
    }

    static JsonObject pattern(CapturedResource rule) {
        return JsonParser.parseString((String) rule.input("eventPattern").orElseThrow()).getAsJsonObject();
    }

    @Test
    void prodRoutesSecurityHubAndGuardDutyDevOnlySecurityHub() {
        assertEquals(List.of("findings-guardduty-high", "findings-securityhub-high"),
                render(Stacks.settings("prod")).ofType(RULE).stream().map(CapturedResource::name).sorted().toList());
        assertEquals(List.of("findings-securityhub-high"),
                render(Stacks.settings("dev")).ofType(RULE).stream().map(CapturedResource::name).toList());
    }

    @Test
    void renderedPatternsSelectOnlyHighFindingsOfTheirOwnSource() {
        RenderedStack stack = render(Stacks.settings("prod"));
        JsonObject hub = pattern(stack.get(RULE, "findings-securityhub-high"));
        JsonObject guardDuty = pattern(stack.get(RULE, "findings-guardduty-high"));

        assertTrue(EventPatternMatcher.matches(hub, securityHubFinding("HIGH", "NEW")));
        assertFalse(EventPatternMatcher.matches(hub, securityHubFinding("LOW", "NEW")));
        assertFalse(EventPatternMatcher.matches(hub, guardDutyFinding(8.0)));
        assertTrue(EventPatternMatcher.matches(guardDuty, guardDutyFinding(8.0)));
        assertFalse(EventPatternMatcher.matches(guardDuty, guardDutyFinding(4.0)));
        assertFalse(EventPatternMatcher.matches(guardDuty, securityHubFinding("HIGH", "NEW")));
        assertEquals("order-processing-prod-guardduty-high", stack.get(RULE, "findings-guardduty-high").input("name").orElseThrow());
    }

    @Test
    void targetsPublishToTheTopicWithRetriesAndTheDeadLetterQueue() {
        RenderedStack stack = render(Stacks.settings("prod"));
        CapturedResource dlq = stack.single("aws:sqs/queue:Queue");

        assertEquals(true, dlq.input("sqsManagedSseEnabled").orElseThrow());
        assertEquals(1209600.0, dlq.input("messageRetentionSeconds").orElseThrow());
        for (String slug : List.of("securityhub-high", "guardduty-high")) {
            CapturedResource rule = stack.get(RULE, "findings-" + slug);
            CapturedResource target = stack.get(TARGET, "findings-" + slug + "-topic");
            assertEquals(rule.outputMap().get("name"), target.input("rule").orElseThrow());
            assertEquals(TOPIC, target.input("arn").orElseThrow());
            assertEquals(Map.of("maximumRetryAttempts", 8.0, "maximumEventAgeInSeconds", 3600.0),
                    target.input("retryPolicy").orElseThrow());
            assertEquals(dlq.outputMap().get("arn"), target.input("deadLetterConfig.arn").orElseThrow());
        }
    }

    @Test
    void everyPlaceholderOfTheMessageHasAnInputPath() {
        RenderedStack stack = render(Stacks.settings("prod"));

        for (CapturedResource target : stack.ofType(TARGET)) {
            String template = (String) target.input("inputTransformer.inputTemplate").orElseThrow();
            @SuppressWarnings("unchecked") // the transformer's inputPaths is a JSON object of strings
            Map<String, Object> paths = (Map<String, Object>) target.input("inputTransformer.inputPaths").orElseThrow();
            Set<String> placeholders = new TreeSet<>();
            Matcher m = Pattern.compile("<([a-z]+)>").matcher(template);
            while (m.find()) {
                placeholders.add(m.group(1));
            }
            assertEquals(new TreeSet<>(paths.keySet()), placeholders, target.name());
            assertTrue(template.startsWith("\"") && template.endsWith("\""), "a text message is a quoted JSON string");
        }
        assertEquals("$.detail.findings[0].Severity.Label",
                stack.get(TARGET, "findings-securityhub-high-topic").input("inputTransformer.inputPaths.severity").orElseThrow());
    }

    @Test
    void deadLetterQueueAcceptsOnlyTheRoutingRulesOverTls() {
        RenderedStack stack = render(Stacks.settings("prod"));
        CapturedResource dlq = stack.single("aws:sqs/queue:Queue");
        String queueArn = (String) dlq.outputMap().get("arn");
        JsonObject policy = JsonParser.parseString(
                (String) stack.single("aws:sqs/queuePolicy:QueuePolicy").input("policy").orElseThrow()).getAsJsonObject();

        JsonObject deny = policy.getAsJsonArray("Statement").get(0).getAsJsonObject();
        assertEquals("Deny", deny.get("Effect").getAsString());
        assertEquals("false", deny.getAsJsonObject("Condition").getAsJsonObject("Bool").get("aws:SecureTransport").getAsString());
        JsonObject allow = policy.getAsJsonArray("Statement").get(1).getAsJsonObject();
        assertEquals("events.amazonaws.com", allow.getAsJsonObject("Principal").get("Service").getAsString());
        assertEquals("sqs:SendMessage", allow.get("Action").getAsString());
        assertEquals(queueArn, allow.get("Resource").getAsString());
        assertEquals(JsonParser.parseString("[\"arn:aws:events:us-east-1:123456789012:rule/order-processing-prod-securityhub-high\","
                        + "\"arn:aws:events:us-east-1:123456789012:rule/order-processing-prod-guardduty-high\"]"),
                allow.getAsJsonObject("Condition").getAsJsonObject("ArnEquals").get("aws:SourceArn"));
    }
}

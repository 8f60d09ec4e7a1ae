package infra.security;

import com.pulumi.core.Output;
import infra.config.Settings;
import infra.plan.AwsMocks;
import infra.plan.CapturedResource;
import infra.plan.RenderedStack;
import infra.testing.Stacks;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SecurityServicesTest {

    static RenderedStack render(Settings settings) {
        return Stacks.render(settings, ctx -> new SecurityServices("security", new SecurityServicesArgs(settings,
                Output.of(FindingRoutingTest.TOPIC), Output.of(AuditTrailTest.KEY), Output.of(WebFirewallTest.ALB),
                Optional.of(Output.of(WebFirewallTest.LOG_GROUP)), Optional.empty()), null));
    }

    static Map<String, Integer> counts(RenderedStack stack, List<String> types) {
        Map<String, Integer> counts = new TreeMap<>();
        types.forEach(t -> counts.put(t, stack.ofType(t).size()));
        return counts;
    }

    static final List<String> TOGGLED = List.of("aws:guardduty/detector:Detector", "aws:securityhub/account:Account",
            "aws:inspector2/enabler:Enabler", "aws:cloudtrail/trail:Trail", "aws:cfg/recorder:Recorder",
            "aws:wafv2/webAcl:WebAcl", "aws:cloudwatch/eventRule:EventRule");

    @Test
    void devRunsWithoutGuardDutyAndWaf() {
        assertEquals(new TreeMap<>(Map.of("aws:guardduty/detector:Detector", 0, "aws:securityhub/account:Account", 1,
                "aws:inspector2/enabler:Enabler", 1, "aws:cloudtrail/trail:Trail", 1, "aws:cfg/recorder:Recorder", 1,
                "aws:wafv2/webAcl:WebAcl", 0, "aws:cloudwatch/eventRule:EventRule", 1)), counts(render(Stacks.settings("dev")), TOGGLED));
    }

    @Test
    void prodRunsEverything() {
        assertEquals(new TreeMap<>(Map.of("aws:guardduty/detector:Detector", 1, "aws:securityhub/account:Account", 1,
                "aws:inspector2/enabler:Enabler", 1, "aws:cloudtrail/trail:Trail", 1, "aws:cfg/recorder:Recorder", 1,
                "aws:wafv2/webAcl:WebAcl", 1, "aws:cloudwatch/eventRule:EventRule", 2)), counts(render(Stacks.settings("prod")), TOGGLED));
    }

    @Test
    void settingsSwitchEachServiceOff() {
        Settings settings = Stacks.settings("prod", Map.of("guardDutyEnabled", "false", "securityHubEnabled", "false",
                "inspectorEnabled", "false", "cloudTrailEnabled", "false", "configEnabled", "false", "wafEnabled", "false"));

        Map<String, Integer> counts = counts(render(settings), TOGGLED);
        assertEquals(new TreeMap<>(Map.of("aws:guardduty/detector:Detector", 0, "aws:securityhub/account:Account", 0,
                "aws:inspector2/enabler:Enabler", 0, "aws:cloudtrail/trail:Trail", 0, "aws:cfg/recorder:Recorder", 0,
                "aws:wafv2/webAcl:WebAcl", 0, "aws:cloudwatch/eventRule:EventRule", 0)), counts);
    }

    @Test
    void withoutFindingRoutesThereIsNoFindingDeadLetterQueue() {
        Settings settings = Stacks.settings("dev", Map.of("securityHubEnabled", "false", "guardDutyEnabled", "false"));
        List<SecurityServices> created = new java.util.ArrayList<>();
        RenderedStack stack = Stacks.render(settings, ctx -> created.add(new SecurityServices("security",
                new SecurityServicesArgs(settings, Output.of(FindingRoutingTest.TOPIC), Output.of(AuditTrailTest.KEY),
                        Output.of(WebFirewallTest.ALB), Optional.of(Output.of(WebFirewallTest.LOG_GROUP)), Optional.empty()), null)));

        assertEquals(List.of(), stack.ofType("aws:sqs/queue:Queue").stream().map(CapturedResource::name).toList());
        assertEquals(List.of(), stack.ofType("aws:sqs/queuePolicy:QueuePolicy").stream().map(CapturedResource::name).toList());
        assertEquals(List.of(), stack.ofType("aws:cloudwatch/eventRule:EventRule").stream().map(CapturedResource::name).toList());
        assertEquals(List.of(), stack.ofType("order-processing:security:FindingRouting").stream().map(CapturedResource::name).toList());
        assertEquals(Optional.empty(), created.get(0).findingDeadLetterQueueArn());
    }

    @Test
    void withSecurityHubOnlyTheFindingDeadLetterQueueIsThere() {
        Settings settings = Stacks.settings("dev");
        List<SecurityServices> created = new java.util.ArrayList<>();
        RenderedStack stack = Stacks.render(settings, ctx -> created.add(new SecurityServices("security",
                new SecurityServicesArgs(settings, Output.of(FindingRoutingTest.TOPIC), Output.of(AuditTrailTest.KEY),
                        Output.of(WebFirewallTest.ALB), Optional.of(Output.of(WebFirewallTest.LOG_GROUP)), Optional.empty()), null)));

        assertEquals(List.of("security-findings-dlq"),
                stack.ofType("aws:sqs/queue:Queue").stream().map(CapturedResource::name).toList());
        assertEquals(true, created.get(0).findingDeadLetterQueueArn().isPresent());
    }

    @Test
    void rendersDuringAFirstPreviewWhenUpstreamOutputsAreUnknown() {
        Settings settings = Stacks.settings("prod");
        RenderedStack stack = Stacks.render(settings, AwsMocks.Mode.UNKNOWN_OUTPUTS, ctx -> new SecurityServices("security",
                new SecurityServicesArgs(settings, Output.of(FindingRoutingTest.TOPIC), Output.of(AuditTrailTest.KEY),
                        Output.of(WebFirewallTest.ALB), Optional.of(Output.of(WebFirewallTest.LOG_GROUP)), Optional.empty()), null));

        CapturedResource trail = stack.single("aws:cloudtrail/trail:Trail");
        assertEquals("order-processing-prod", trail.input("name").orElseThrow());
        assertEquals(true, trail.dependencies().contains(stack.get("aws:s3/bucketPolicy:BucketPolicy", "security-audit-trail-bucket-policy").urn()));
        assertEquals(2, stack.ofType("aws:cloudwatch/eventTarget:EventTarget").size());
    }

    @Test
    void everyTaggableResourceCarriesEnvironmentAndProject() {
        RenderedStack stack = render(Stacks.settings("prod"));
        // types whose provider schema has no tags input
        List<String> untaggable = List.of("aws:guardduty/detectorFeature:DetectorFeature", "aws:securityhub/account:Account",
                "aws:securityhub/standardsSubscription:StandardsSubscription", "aws:inspector2/enabler:Enabler",
                "aws:cloudwatch/eventTarget:EventTarget", "aws:sqs/queuePolicy:QueuePolicy", "aws:cfg/deliveryChannel:DeliveryChannel",
                "aws:cfg/recorderStatus:RecorderStatus", "aws:cfg/recorder:Recorder", "aws:wafv2/webAclAssociation:WebAclAssociation",
                "aws:wafv2/webAclLoggingConfiguration:WebAclLoggingConfiguration");
        for (CapturedResource r : stack.resources()) {
            if (!r.type().startsWith("aws:") || r.type().startsWith("aws:s3/bucket") && !r.type().equals("aws:s3/bucketV2:BucketV2")
                    || untaggable.contains(r.type()) || r.type().startsWith("pulumi:providers")) {
                continue;
            }
            assertEquals("prod", r.input("tags.Environment").orElse(null), r.type() + " " + r.name());
            assertEquals("order-processing", r.input("tags.Project").orElse(null), r.type() + " " + r.name());
        }
    }
}

package infra.security;

import infra.config.Settings;
import infra.plan.CapturedResource;
import infra.plan.RenderedStack;
import infra.testing.Stacks;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ThreatDetectionTest {
    static final String DETECTOR = "aws:guardduty/detector:Detector";
    static final String FEATURE = "aws:guardduty/detectorFeature:DetectorFeature";
    static final String HUB = "aws:securityhub/account:Account";
    static final String SUBSCRIPTION = "aws:securityhub/standardsSubscription:StandardsSubscription";
    static final String ENABLER = "aws:inspector2/enabler:Enabler";

    static RenderedStack render(Settings settings) {
        return Stacks.render(settings, ctx -> new ThreatDetection("security", new ThreatDetectionArgs(settings), null));
    }

    @Test
    void devLeavesGuardDutyOffButEnablesSecurityHubAndInspector() {
        RenderedStack stack = render(Stacks.settings("dev"));

        assertEquals(0, stack.ofType(DETECTOR).size());
        assertEquals(0, stack.ofType(FEATURE).size());
        assertEquals(1, stack.ofType(HUB).size());
        assertEquals(2, stack.ofType(SUBSCRIPTION).size());
        assertEquals(1, stack.ofType(ENABLER).size());
    }

    @Test
    void prodCreatesAFrequentDetectorWithThePlansProtections() {
        RenderedStack stack = render(Stacks.settings("prod"));

        CapturedResource detector = stack.single(DETECTOR);
        assertEquals("security-guardduty", detector.name());
        assertEquals(true, detector.input("enable").orElseThrow());
        assertEquals("FIFTEEN_MINUTES", detector.input("findingPublishingFrequency").orElseThrow());
        assertEquals(Map.of("Environment", "prod", "Project", "order-processing"), detector.input("tags").orElseThrow());
        assertTrue(detector.id().matches("[0-9a-f]{32}"), detector.id());
        List<String> features = stack.ofType(FEATURE).stream().map(f -> (String) f.input("name").orElseThrow()).sorted().toList();
        assertEquals(List.of("EBS_MALWARE_PROTECTION", "LAMBDA_NETWORK_LOGS", "RDS_LOGIN_EVENTS", "RUNTIME_MONITORING",
                "S3_DATA_EVENTS"), features);
        for (CapturedResource feature : stack.ofType(FEATURE)) {
            assertEquals(detector.id(), feature.input("detectorId").orElseThrow());
            assertEquals("ENABLED", feature.input("status").orElseThrow());
        }
        CapturedResource runtime = stack.get(FEATURE, "security-guardduty-runtime-monitoring");
        assertEquals(List.of(Map.of("name", "ECS_FARGATE_AGENT_MANAGEMENT", "status", "ENABLED")),
                runtime.input("additionalConfigurations").orElseThrow());
    }

    @Test
    void securityHubSubscribesThePlansStandardsAfterTheAccount() {
        RenderedStack stack = render(Stacks.settings("prod", Map.of("aws:region", "eu-west-1")));

        CapturedResource hub = stack.single(HUB);
        assertEquals(false, hub.input("enableDefaultStandards").orElseThrow());
        assertEquals("SECURITY_CONTROL", hub.input("controlFindingGenerator").orElseThrow());
        CapturedResource fsbp = stack.get(SUBSCRIPTION, "security-standard-fsbp");
        CapturedResource cis = stack.get(SUBSCRIPTION, "security-standard-cis-1-4-0");
        assertEquals("arn:aws:securityhub:eu-west-1::standards/aws-foundational-security-best-practices/v/1.0.0",
                fsbp.input("standardsArn").orElseThrow());
        assertEquals("arn:aws:securityhub:eu-west-1::standards/cis-aws-foundations-benchmark/v/1.4.0",
                cis.input("standardsArn").orElseThrow());
        assertEquals("arn:aws:securityhub:eu-west-1:123456789012:subscription/cis-aws-foundations-benchmark/v/1.4.0", cis.id());
        assertEquals(List.of(hub.urn()), fsbp.dependencies());
        assertEquals(List.of(hub.urn()), cis.dependencies());
    }

    @Test
    void inspectorScansEcrAndLambdaInThisAccount() {
        CapturedResource enabler = render(Stacks.settings("dev")).single(ENABLER);

        assertEquals(List.of("123456789012"), enabler.input("accountIds").orElseThrow());
        assertEquals(List.of("ECR", "LAMBDA"), enabler.input("resourceTypes").orElseThrow());
    }

    @Test
    void aSecondStackAdoptsTheAccountsDetectorAndSecurityHubLeavingTheirSettingsToTheOwner() {
        String existing = "12abc34d567e8fa901bc2d34e56789f0";
        Settings settings = Stacks.settings("prod", Map.of("guardDutyDetectorId", existing, "securityHubAdoptExisting", "true"));
        String[] ids = new String[2];
        RenderedStack stack = Stacks.render(settings, ctx -> {
            ThreatDetection threats = new ThreatDetection("security", new ThreatDetectionArgs(settings), null);
            // exported so the run waits for them
            ctx.export("detectorId", threats.detectorId().orElseThrow().applyValue(id -> ids[0] = id));
            ctx.export("hubId", threats.securityHubAccountId().orElseThrow().applyValue(id -> ids[1] = id));
        });

        assertEquals(List.of(existing, "123456789012"), List.of(ids));
        assertEquals(0, stack.ofType(DETECTOR).size());
        assertEquals(0, stack.ofType(FEATURE).size());
        assertEquals(0, stack.ofType(HUB).size());
        assertEquals(0, stack.ofType(SUBSCRIPTION).size());
        assertEquals(1, stack.ofType(ENABLER).size());
    }

    @Test
    void everyChildIsParentedToTheComponent() {
        RenderedStack stack = render(Stacks.settings("prod"));
        CapturedResource component = stack.single("order-processing:security:ThreatDetection");

        List<CapturedResource> awsResources = stack.resources().stream().filter(r -> r.type().startsWith("aws:")).toList();
        assertEquals(10, awsResources.size());
        awsResources.forEach(r -> assertEquals(component.urn(), r.parentUrn(), r.name()));
    }
}

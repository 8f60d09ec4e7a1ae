package infra.security;

import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import infra.config.SecuritySettings;
import infra.config.Settings;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The plan's threat detection, finding routing, audit and compliance services and the web ACL,
 * each switched by the stack settings, as one component for the program to create:
 *
 * <pre>{@code
 * var security = new SecurityServices("security", new SecurityServicesArgs(settings,
 *         alerts.securityTopicArn(), keys.auditKeyArn(), web.albArn(), logs.waf().map(LogGroup::arn),
 *         logs.cloudTrail().map(LogGroup::arn)), null);
 * }</pre>
 */
public final class SecurityServices extends ComponentResource {
    private final ThreatDetection threatDetection;
    private final Optional<FindingRouting> findingRouting;
    private final Optional<AuditTrail> auditTrail;
    private final Optional<ConfigRecorder> configRecorder;
    private final Optional<WebFirewall> webFirewall;

    public SecurityServices(String name, SecurityServicesArgs args, ComponentResourceOptions opts) {
        super("order-processing:security:SecurityServices", name, opts);
        Settings settings = args.settings();
        SecuritySettings security = settings.security();
        var child = ComponentResourceOptions.builder().parent(this).build();

        threatDetection = new ThreatDetection(name + "-threat-detection", new ThreatDetectionArgs(settings), child);
        // no finding source, no routes: a dead-letter queue for them would only sit there unwatched
        findingRouting = security.routesFindings()
                ? Optional.of(new FindingRouting(name + "-findings", new FindingRoutingArgs(settings, args.securityTopicArn()), child))
                : Optional.empty();
        auditTrail = security.cloudTrailEnabled()
                ? Optional.of(new AuditTrail(name + "-audit-trail",
                        new AuditTrailArgs(settings, args.auditKeyArn(), args.cloudTrailLogGroupArn()), child))
                : Optional.empty();
        configRecorder = security.configEnabled()
                ? Optional.of(new ConfigRecorder(name + "-config", new ConfigRecorderArgs(settings, args.auditKeyArn()), child))
                : Optional.empty();
        webFirewall = settings.features().waf()
                ? Optional.of(new WebFirewall(name + "-waf",
                        new WebFirewallArgs(settings, args.albArn(), args.wafLogGroupArn().orElseThrow(
                                () -> new IllegalArgumentException("WAF is enabled but no aws-waf-logs log group was given"))),
                        child))
                : Optional.empty();

        Map<String, Output<?>> outputs = new LinkedHashMap<>();
        outputs.put("findingRuleArns", findingRuleArns());
        threatDetection.detectorId().ifPresent(id -> outputs.put("guardDutyDetectorId", id));
        auditTrail.ifPresent(t -> outputs.put("trailArn", t.trailArn()));
        configRecorder.ifPresent(c -> outputs.put("configRecorderName", c.recorderName()));
        webFirewall.ifPresent(w -> outputs.put("webAclArn", w.webAclArn()));
        registerOutputs(outputs);
    }

    /** The GuardDuty detector (created or adopted); empty when GuardDuty is off. */
    public Optional<Output<String>> guardDutyDetectorId() {
        return threatDetection.detectorId();
    }

    public List<Output<String>> standardsSubscriptionArns() {
        return threatDetection.standardsSubscriptionArns();
    }

    /** For the security topic's policy: EventBridge publishes from these rules. */
    public Output<List<String>> findingRuleArns() {
        return findingRouting.map(FindingRouting::ruleArns).orElse(Output.of(List.of()));
    }

    /** Where undeliverable findings go; empty when no finding source is on (nothing is routed). */
    public Optional<Output<String>> findingDeadLetterQueueArn() {
        return findingRouting.map(FindingRouting::deadLetterQueueArn);
    }

    public Optional<Output<String>> trailArn() {
        return auditTrail.map(AuditTrail::trailArn);
    }

    public Optional<Output<String>> cloudTrailBucketName() {
        return auditTrail.map(AuditTrail::bucketName);
    }

    public Optional<Output<String>> configRecorderName() {
        return configRecorder.map(ConfigRecorder::recorderName);
    }

    public Optional<Output<String>> webAclArn() {
        return webFirewall.map(WebFirewall::webAclArn);
    }
}

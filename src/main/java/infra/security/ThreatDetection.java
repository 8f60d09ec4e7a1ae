package infra.security;

import com.pulumi.aws.guardduty.Detector;
import com.pulumi.aws.guardduty.DetectorArgs;
import com.pulumi.aws.guardduty.DetectorFeature;
import com.pulumi.aws.guardduty.DetectorFeatureArgs;
import com.pulumi.aws.guardduty.inputs.DetectorFeatureAdditionalConfigurationArgs;
import com.pulumi.aws.inspector2.Enabler;
import com.pulumi.aws.inspector2.EnablerArgs;
import com.pulumi.aws.securityhub.Account;
import com.pulumi.aws.securityhub.AccountArgs;
import com.pulumi.aws.securityhub.StandardsSubscription;
import com.pulumi.aws.securityhub.StandardsSubscriptionArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import infra.config.SecuritySettings;
import infra.config.Settings;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * GuardDuty (detector and protection features), Security Hub (account and the plan's two
 * standards) and Inspector v2 for ECR and Lambda: the plan's "Threat Detection".
 *
 * <p>The detector and the Security Hub account are account-and-region singletons. A second stack
 * in the same account sets {@code guardDutyDetectorId} / {@code securityHubAdoptExisting} to use
 * the existing ones instead of failing on create; it then leaves their features and standards to
 * the stack that owns them, so the two never fight over one setting. Caveat: destroying the owning
 * stack (or any stack's Inspector enabler) switches the service off for every stack in the account.
 */
public final class ThreatDetection extends ComponentResource {
    /** The detector features the plan's "Enabled Protections" map to, with their extra settings. */
    static final Map<String, List<String>> GUARDDUTY_FEATURES = features();
    /** Inspector v2 scans the plan's ECR images and Lambda functions ("AWS Inspector v2"). */
    static final List<String> INSPECTOR_RESOURCE_TYPES = List.of("ECR", "LAMBDA");

    private final Optional<Output<String>> detectorId;
    private final Optional<Output<String>> securityHubAccountId;
    private final List<Output<String>> standardsSubscriptionArns = new ArrayList<>();

    public ThreatDetection(String name, ThreatDetectionArgs args, ComponentResourceOptions opts) {
        super("order-processing:security:ThreatDetection", name, opts);
        Settings settings = args.settings();
        SecuritySettings security = settings.security();
        AwsAccount account = AwsAccount.current();

        detectorId = security.guardDutyEnabled() ? Optional.of(guardDuty(name, settings)) : Optional.empty();

        if (!security.securityHubEnabled()) {
            securityHubAccountId = Optional.empty();
        } else if (security.adoptExistingSecurityHub()) {
            securityHubAccountId = Optional.of(account.id());
        } else {
            Account hub = new Account(name + "-securityhub", AccountArgs.builder()
                    // only the plan's standards, subscribed below
                    .enableDefaultStandards(false)
                    .controlFindingGenerator("SECURITY_CONTROL")
                    .autoEnableControls(true)
                    .build(), child());
            securityHubAccountId = Optional.of(hub.id());
            for (SecurityStandard standard : SecurityStandard.values()) {
                var subscription = new StandardsSubscription(name + "-standard-" + standard.slug(),
                        StandardsSubscriptionArgs.builder()
                                .standardsArn(account.partition().applyValue(p -> standard.arn(p, settings.region())))
                                .build(), CustomResourceOptions.builder().parent(this).dependsOn(hub).build());
                standardsSubscriptionArns.add(subscription.id());
            }
        }

        if (security.inspectorEnabled()) {
            new Enabler(name + "-inspector", EnablerArgs.builder()
                    .accountIds(account.id().applyValue(List::of))
                    .resourceTypes(INSPECTOR_RESOURCE_TYPES)
                    .build(), child());
        }

        Map<String, Output<?>> outputs = new LinkedHashMap<>();
        detectorId.ifPresent(id -> outputs.put("guardDutyDetectorId", id));
        securityHubAccountId.ifPresent(id -> outputs.put("securityHubAccountId", id));
        outputs.put("standardsSubscriptionArns", Output.all(standardsSubscriptionArns));
        registerOutputs(outputs);
    }

    private Output<String> guardDuty(String name, Settings settings) {
        SecuritySettings security = settings.security();
        if (security.existingGuardDutyDetectorId().isPresent()) {
            // the stack that created the detector also owns its features; two owners would fight
            return Output.of(security.existingGuardDutyDetectorId().get());
        }
        Output<String> id = new Detector(name + "-guardduty", DetectorArgs.builder()
                .enable(true)
                .findingPublishingFrequency(security.guardDutyFindingFrequency())
                .tags(settings.tags())
                .build(), child()).id();
        GUARDDUTY_FEATURES.forEach((feature, extras) -> new DetectorFeature(
                name + "-guardduty-" + feature.toLowerCase(Locale.ROOT).replace('_', '-'), DetectorFeatureArgs.builder()
                .detectorId(id)
                .name(feature)
                .status("ENABLED")
                .additionalConfigurations(extras.stream().map(extra -> DetectorFeatureAdditionalConfigurationArgs.builder()
                        .name(extra).status("ENABLED").build()).toList())
                .build(), child()));
        return id;
    }

    private static Map<String, List<String>> features() {
        Map<String, List<String>> features = new LinkedHashMap<>();
        features.put("S3_DATA_EVENTS", List.of());          // S3 protection (ALB access logs, audit buckets)
        features.put("RDS_LOGIN_EVENTS", List.of());        // RDS protection (Aurora)
        features.put("LAMBDA_NETWORK_LOGS", List.of());     // Lambda protection (order producer)
        // runtime monitoring with the GuardDuty-managed agent for ECS Fargate tasks
        features.put("RUNTIME_MONITORING", List.of("ECS_FARGATE_AGENT_MANAGEMENT"));
        // malware protection as offered to a detector (EBS volumes); S3 upload scanning needs a
        // malware protection plan per bucket and waits for an upload bucket (plan: "future")
        features.put("EBS_MALWARE_PROTECTION", List.of());
        return java.util.Collections.unmodifiableMap(features);
    }

    private CustomResourceOptions child() {
        return CustomResourceOptions.builder().parent(this).build();
    }

    /** The created or adopted detector's id; empty when GuardDuty is off for this stack. */
    public Optional<Output<String>> detectorId() {
        return detectorId;
    }

    /** The Security Hub account id (created or adopted); empty when Security Hub is off. */
    public Optional<Output<String>> securityHubAccountId() {
        return securityHubAccountId;
    }

    /** The subscription ARNs of the plan's standards, in {@link SecurityStandard} order. */
    public List<Output<String>> standardsSubscriptionArns() {
        return List.copyOf(standardsSubscriptionArns);
    }
}

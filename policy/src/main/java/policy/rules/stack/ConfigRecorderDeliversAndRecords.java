package policy.rules.stack;

import policy.rules.StackRule;
import policy.rules.Types;
import policy.sdk.EnforcementLevel;
import policy.sdk.Outcome;
import policy.sdk.PolicyContext;
import policy.sdk.PolicyInfo;
import policy.sdk.ResourceView;
import policy.sdk.Severity;
import policy.sdk.StackView;

import java.util.List;

/**
 * An AWS Config recorder only records when the region has a delivery channel and a
 * {@code RecorderStatus} for the recorder ({@code name}) sets {@code isEnabled} to true; a
 * recorder without a status is created stopped.
 */
public final class ConfigRecorderDeliversAndRecords extends StackRule {
    private static final PolicyInfo INFO = PolicyInfo.builder("config-recorder-delivers-and-records")
            .description("The AWS Config recorder has a delivery channel and is started")
            .level(EnforcementLevel.MANDATORY).severity(Severity.MEDIUM)
            .controls("CM-8", "K2", "Config.1", "CIS 3.5")
            .remediation("Add an aws.cfg.DeliveryChannel with s3BucketName (and s3KmsKeyArn)",
                    "Add an aws.cfg.RecorderStatus with name = the recorder's name and isEnabled true, depending on the channel")
            .build();

    public ConfigRecorderDeliversAndRecords() {
        super(INFO, Types.CONFIG_RECORDER);
    }

    @Override
    public Outcome validate(StackView stack, PolicyContext context) {
        boolean channel = !Lookup.all(stack, Types.CONFIG_DELIVERY_CHANNEL).isEmpty();
        Outcome.Findings findings = Outcome.findings();
        for (ResourceView recorder : Lookup.all(stack, Types.CONFIG_RECORDER)) {
            if (!channel) {
                findings.add(recorder.urn(), "recorder '" + recorder.name() + "' has no delivery channel");
            }
            List<ResourceView> statuses = Lookup.referrers(stack, Types.CONFIG_RECORDER_STATUS, "name", recorder);
            if (statuses.isEmpty()) {
                findings.add(recorder.urn(), "recorder '" + recorder.name() + "' has no RecorderStatus, so it never starts");
            }
            for (ResourceView status : statuses) {
                if (!status.prop("isEnabled").bool().orElse(false)) {
                    findings.add(status.urn(), "recorder status '" + status.name() + "' does not set isEnabled to true");
                }
            }
        }
        return findings.outcome();
    }
}

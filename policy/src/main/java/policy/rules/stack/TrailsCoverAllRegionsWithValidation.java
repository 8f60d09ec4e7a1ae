package policy.rules.stack;

import policy.rules.ResourceRule;
import policy.rules.Types;
import policy.sdk.EnforcementLevel;
import policy.sdk.Outcome;
import policy.sdk.PolicyContext;
import policy.sdk.PolicyInfo;
import policy.sdk.ResourceView;
import policy.sdk.Severity;

import java.util.ArrayList;
import java.util.List;

/** Trails are multi-region, validate log files, and are logging. */
public final class TrailsCoverAllRegionsWithValidation extends ResourceRule {
    private static final PolicyInfo INFO = PolicyInfo.builder("trails-cover-all-regions-with-validation")
            .description("CloudTrail trails record every region and validate their log files")
            .level(EnforcementLevel.MANDATORY).severity(Severity.HIGH)
            .controls("AU-2", "CloudTrail.1", "CloudTrail.4", "J1", "J3", "CIS 3.1", "CIS 3.2")
            .remediation("Set isMultiRegionTrail, enableLogFileValidation and enableLogging to true")
            .build();

    public TrailsCoverAllRegionsWithValidation() {
        super(INFO, Types.TRAIL);
    }

    @Override
    public Outcome validate(ResourceView resource, PolicyContext context) {
        List<String> gaps = new ArrayList<>();
        if (!resource.prop("isMultiRegionTrail").bool().orElse(false)) {
            gaps.add("isMultiRegionTrail is not true");
        }
        if (!resource.prop("enableLogFileValidation").bool().orElse(false)) {
            gaps.add("enableLogFileValidation is not true");
        }
        if (!resource.prop("enableLogging").bool().orElse(true)) {
            gaps.add("enableLogging is false");
        }
        return gaps.isEmpty() ? Outcome.compliant()
                : Outcome.violation("trail '" + resource.name() + "': " + String.join("; ", gaps));
    }
}

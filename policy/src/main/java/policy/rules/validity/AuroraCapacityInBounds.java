package policy.rules.validity;

import policy.rules.ResourceRule;
import policy.rules.Types;
import policy.sdk.EnforcementLevel;
import policy.sdk.Outcome;
import policy.sdk.PolicyContext;
import policy.sdk.PolicyInfo;
import policy.sdk.PropertyValue;
import policy.sdk.ResourceView;
import policy.sdk.Severity;

import java.util.ArrayList;
import java.util.List;

/**
 * Aurora Serverless v2 capacity: minimum 0 to 256 ACU, maximum 1 to 256 ACU and not below the
 * minimum, both in steps of 0.5 ACU.
 */
public final class AuroraCapacityInBounds extends ResourceRule {
    static final double MAX_ACU = 256;
    static final double MIN_MAX_ACU = 1;
    static final double STEP_ACU = 0.5;

    private static final PolicyInfo INFO = PolicyInfo.builder("aurora-capacity-in-bounds")
            .description("Aurora Serverless v2 capacity is within the ACU bounds AWS accepts")
            .level(EnforcementLevel.MANDATORY).severity(Severity.MEDIUM)
            .controls("AWS validity")
            .remediation("Set minCapacity between 0 and 256 and maxCapacity between 1 and 256, in steps of 0.5,"
                    + " with maxCapacity >= minCapacity (order-processing:auroraMinAcu / auroraMaxAcu)")
            .build();

    public AuroraCapacityInBounds() {
        super(INFO, Types.DB_CLUSTER);
    }

    @Override
    public Outcome validate(ResourceView resource, PolicyContext context) {
        PropertyValue scaling = resource.prop("serverlessv2ScalingConfiguration");
        if (!scaling.isPresent()) {
            return Outcome.notApplicable("the cluster is not Serverless v2");
        }
        double min = scaling.get("minCapacity").number().orElse(0.0);
        double max = scaling.get("maxCapacity").number().orElse(0.0);
        List<String> problems = new ArrayList<>();
        if (min < 0 || min > MAX_ACU || !onStep(min)) {
            problems.add("minCapacity " + min + " is not 0-256 in steps of 0.5");
        }
        if (max < MIN_MAX_ACU || max > MAX_ACU || !onStep(max)) {
            problems.add("maxCapacity " + max + " is not 1-256 in steps of 0.5");
        }
        if (max < min) {
            problems.add("maxCapacity " + max + " is below minCapacity " + min);
        }
        return problems.isEmpty() ? Outcome.compliant()
                : Outcome.violation("cluster '" + resource.name() + "': " + String.join("; ", problems));
    }

    private static boolean onStep(double acu) {
        return acu / STEP_ACU == Math.rint(acu / STEP_ACU);
    }
}

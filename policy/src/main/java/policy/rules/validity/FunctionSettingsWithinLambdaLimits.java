package policy.rules.validity;

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

/** Lambda limits: memory 128-10240 MB, timeout 1-900 s. */
public final class FunctionSettingsWithinLambdaLimits extends ResourceRule {
    static final long MIN_MEMORY_MB = 128;
    static final long MAX_MEMORY_MB = 10_240;
    static final long MAX_TIMEOUT_SECONDS = 900;

    private static final PolicyInfo INFO = PolicyInfo.builder("function-settings-within-lambda-limits")
            .description("Lambda memory and timeout are within the limits Lambda accepts")
            .level(EnforcementLevel.MANDATORY).severity(Severity.MEDIUM)
            .controls("AWS validity")
            .remediation("memorySize 128-10240 MB, timeout 1-900 s")
            .build();

    public FunctionSettingsWithinLambdaLimits() {
        super(INFO, Types.FUNCTION);
    }

    @Override
    public Outcome validate(ResourceView resource, PolicyContext context) {
        List<String> problems = new ArrayList<>();
        resource.prop("memorySize").integer().filter(m -> m < MIN_MEMORY_MB || m > MAX_MEMORY_MB)
                .ifPresent(m -> problems.add("memorySize " + m + " MB is outside 128-10240"));
        resource.prop("timeout").integer().filter(t -> t < 1 || t > MAX_TIMEOUT_SECONDS)
                .ifPresent(t -> problems.add("timeout " + t + " s is outside 1-900"));
        return problems.isEmpty() ? Outcome.compliant()
                : Outcome.violation("function '" + resource.name() + "': " + String.join("; ", problems));
    }
}

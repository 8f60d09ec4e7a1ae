package policy.rules.stack;

import policy.rules.ResourceRule;
import policy.rules.Types;
import policy.sdk.EnforcementLevel;
import policy.sdk.Outcome;
import policy.sdk.PolicyContext;
import policy.sdk.PolicyInfo;
import policy.sdk.PropertyValue;
import policy.sdk.ResourceView;
import policy.sdk.Severity;

/** ECS clusters turn Container Insights on ({@code enabled} or {@code enhanced}). */
public final class ContainerInsightsEnabled extends ResourceRule {
    private static final PolicyInfo INFO = PolicyInfo.builder("container-insights-enabled")
            .description("ECS clusters have Container Insights on")
            .level(EnforcementLevel.MANDATORY).severity(Severity.LOW)
            .controls("SI-4", "ECS.12", "C1", "AwsSolutions-ECS4")
            .remediation("Add settings [{name: containerInsights, value: enabled}] to the cluster")
            .build();

    public ContainerInsightsEnabled() {
        super(INFO, Types.ECS_CLUSTER);
    }

    @Override
    public Outcome validate(ResourceView resource, PolicyContext context) {
        for (PropertyValue setting : resource.prop("settings").items()) {
            if ("containerInsights".equals(setting.get("name").string().orElse(""))) {
                String value = setting.get("value").string().orElse("");
                return value.equals("enabled") || value.equals("enhanced") ? Outcome.compliant()
                        : Outcome.violation("cluster '" + resource.name() + "' sets containerInsights to '" + value + "'");
            }
        }
        return Outcome.violation("cluster '" + resource.name() + "' does not set containerInsights");
    }
}

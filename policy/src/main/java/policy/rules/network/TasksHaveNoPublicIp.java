package policy.rules.network;

import policy.rules.ResourceRule;
import policy.rules.Types;
import policy.sdk.EnforcementLevel;
import policy.sdk.Outcome;
import policy.sdk.PolicyContext;
import policy.sdk.PolicyInfo;
import policy.sdk.ResourceView;
import policy.sdk.Severity;

/** ECS services on awsvpc networking do not assign public IPs to their tasks. */
public final class TasksHaveNoPublicIp extends ResourceRule {
    private static final PolicyInfo INFO = PolicyInfo.builder("tasks-have-no-public-ip")
            .description("ECS tasks get no public IP address")
            .level(EnforcementLevel.MANDATORY).severity(Severity.HIGH)
            .controls("SC-7", "ECS.2", "C3", "CKV_AWS_333")
            .remediation("Set networkConfiguration.assignPublicIp to false and use the private application subnets")
            .build();

    public TasksHaveNoPublicIp() {
        super(INFO, Types.ECS_SERVICE);
    }

    @Override
    public Outcome validate(ResourceView resource, PolicyContext context) {
        if (!resource.prop("networkConfiguration").isPresent()) {
            return Outcome.notApplicable("the service has no awsvpc network configuration");
        }
        return resource.prop("networkConfiguration.assignPublicIp").bool().orElse(false)
                ? Outcome.violation("service '" + resource.name() + "' sets networkConfiguration.assignPublicIp to true")
                : Outcome.compliant();
    }
}

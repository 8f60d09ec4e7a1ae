package policy.rules.network;

import policy.rules.ResourceRule;
import policy.rules.Types;
import policy.sdk.EnforcementLevel;
import policy.sdk.Messages;
import policy.sdk.Outcome;
import policy.sdk.PolicyContext;
import policy.sdk.PolicyInfo;
import policy.sdk.ResourceView;
import policy.sdk.Severity;

/** An adopted default security group is emptied: no ingress and no egress rules. */
public final class DefaultSecurityGroupsHaveNoRules extends ResourceRule {
    private static final PolicyInfo INFO = PolicyInfo.builder("default-security-groups-have-no-rules")
            .description("Default security groups allow no traffic")
            .level(EnforcementLevel.MANDATORY).severity(Severity.MEDIUM)
            .controls("SC-7", "EC2.2", "A2", "CIS 5.4", "CKV2_AWS_12")
            .remediation("Adopt the VPC's default security group with ingress [] and egress []")
            .build();

    public DefaultSecurityGroupsHaveNoRules() {
        super(INFO, Types.DEFAULT_SECURITY_GROUP);
    }

    @Override
    public Outcome validate(ResourceView resource, PolicyContext context) {
        int ingress = resource.prop("ingress").items().size();
        int egress = resource.prop("egress").items().size();
        return ingress + egress == 0 ? Outcome.compliant() : Outcome.violation("default security group '"
                + resource.name() + "' has " + ingress + " ingress " + Messages.noun(ingress, "rule")
                + " and " + egress + " egress " + Messages.noun(egress, "rule"));
    }
}

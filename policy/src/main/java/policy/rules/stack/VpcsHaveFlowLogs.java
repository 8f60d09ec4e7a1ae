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

/** Every VPC of the stack has a flow log pointing at it ({@code vpcId}). */
public final class VpcsHaveFlowLogs extends StackRule {
    private static final PolicyInfo INFO = PolicyInfo.builder("vpcs-have-flow-logs")
            .description("Every VPC has a flow log")
            .level(EnforcementLevel.MANDATORY).severity(Severity.MEDIUM)
            .controls("AU-12", "EC2.6", "A1", "CIS 3.7", "AwsSolutions-VPC7")
            .remediation("Add an aws.ec2.FlowLog with vpcId set to the VPC, to the flow-log group (Network does this)")
            .build();

    public VpcsHaveFlowLogs() {
        super(INFO, Types.VPC);
    }

    @Override
    public Outcome validate(StackView stack, PolicyContext context) {
        List<ResourceView> flowLogs = stack.resources().stream().filter(r -> Types.is(r, Types.FLOW_LOG)).toList();
        Outcome.Findings findings = Outcome.findings();
        for (ResourceView vpc : stack.resources()) {
            if (Types.is(vpc, Types.VPC) && flowLogs.stream().noneMatch(f -> Links.refers(f, "vpcId", vpc))) {
                findings.add(vpc.urn(), "VPC '" + vpc.name() + "' has no flow log");
            }
        }
        return findings.outcome();
    }
}

package policy.rules.iam;

import policy.rules.ResourceRule;
import policy.rules.Statements;
import policy.sdk.ConfigSchema;
import policy.sdk.EnforcementLevel;
import policy.sdk.Outcome;
import policy.sdk.PolicyContext;
import policy.sdk.PolicyInfo;
import policy.sdk.ResourceView;
import policy.sdk.Severity;

import java.util.List;

/**
 * Allow statements of identity policies name actions without wildcards ({@code *}, {@code sqs:*},
 * {@code NotAction}) and name resources, except actions AWS only grants on {@code *}
 * (configurable; by default ECR login, X-Ray, metric publishing and Lambda's VPC interfaces).
 */
public final class IamStatementsAvoidWildcards extends ResourceRule {
    static final List<String> ACTIONS_NEEDING_ANY_RESOURCE = List.of(
            "ecr:GetAuthorizationToken", "xray:PutTraceSegments", "xray:PutTelemetryRecords", "xray:GetSamplingRules",
            "xray:GetSamplingTargets", "xray:GetSamplingStatisticSummaries", "cloudwatch:PutMetricData",
            "ec2:CreateNetworkInterface", "ec2:DescribeNetworkInterfaces", "ec2:DescribeSubnets", "ec2:DeleteNetworkInterface",
            "ec2:AssignPrivateIpAddresses", "ec2:UnassignPrivateIpAddresses", "ssmmessages:CreateControlChannel",
            "ssmmessages:CreateDataChannel", "ssmmessages:OpenControlChannel", "ssmmessages:OpenDataChannel");

    private static final PolicyInfo INFO = PolicyInfo.builder("iam-statements-avoid-wildcards")
            .description("IAM policies grant named actions on named resources")
            .level(EnforcementLevel.MANDATORY).severity(Severity.HIGH)
            .controls("AC-6", "IAM.21", "L2", "AwsSolutions-IAM5", "CKV_AWS_355")
            .remediation("List the actions the workload calls instead of service:* or *",
                    "Scope Resource to the ARNs of this stack's queue, key, secret or log group")
            .config(ConfigSchema.builder()
                    .stringList("actionsAllowedOnAnyResource", ACTIONS_NEEDING_ANY_RESOURCE,
                            "Actions AWS only authorizes on Resource '*'")
                    .build())
            .build();

    public IamStatementsAvoidWildcards() {
        super(INFO, IdentityPolicies.TOKENS);
    }

    @Override
    public Outcome validate(ResourceView resource, PolicyContext context) {
        List<IdentityPolicies.Document> documents = IdentityPolicies.of(resource);
        if (documents.isEmpty()) {
            return Outcome.notApplicable("no identity policy document");
        }
        List<String> anyResourceOk = context.config().stringList("actionsAllowedOnAnyResource");
        Outcome.Findings findings = Outcome.findings();
        for (IdentityPolicies.Document document : documents) {
            List<Statements.Statement> statements = document.statements().statements();
            for (int i = 0; i < statements.size(); i++) {
                Statements.Statement s = statements.get(i);
                if (!s.allows()) {
                    continue;
                }
                String where = resource.type() + " '" + resource.name() + "' " + document.where() + " " + s.label(i);
                List<String> wildcards = s.actions().stream().filter(a -> a.contains("*")).toList();
                if (!wildcards.isEmpty()) {
                    findings.add(where + " allows wildcard action(s) " + String.join(", ", wildcards));
                }
                if (!s.notActions().isEmpty()) {
                    findings.add(where + " uses NotAction, which allows every other action");
                }
                List<String> unscoped = s.actions().stream().filter(a -> !anyResourceOk.contains(a)).toList();
                if (s.resources().contains("*") && wildcards.isEmpty() && !unscoped.isEmpty()) {
                    findings.add(where + " allows " + String.join(", ", unscoped) + " on Resource '*'");
                }
            }
        }
        return findings.outcome();
    }
}

package policy.rules.iam;

import org.junit.jupiter.api.Test;
import policy.rules.RuleCheck;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static policy.rules.RuleCheck.UNKNOWN;
import static policy.rules.RuleCheck.doc;

class IamRulesTest {
    private static final String ROLE = "aws:iam/role:Role";
    private static final String ROLE_POLICY = "aws:iam/rolePolicy:RolePolicy";
    private static final String QUEUE_ARN = "arn:aws:sqs:us-east-1:111122223333:orders";
    private static final String TRUST_ECS = "{'Statement':[{'Effect':'Allow','Principal':{'Service':'ecs-tasks.amazonaws.com'},"
            + "'Action':'sts:AssumeRole'}]}";

    private static String policy(String statements) {
        return "{'policy':" + doc("{'Version':'2012-10-17','Statement':[" + statements + "]}") + "}";
    }

    @Test
    void statementsNameActionsAndResources() {
        RuleCheck rule = RuleCheck.of("iam-statements-avoid-wildcards");

        assertTrue(rule.resource(ROLE_POLICY, "backend", policy("{'Effect':'Allow','Action':['sqs:SendMessage'],'Resource':'" + QUEUE_ARN
                + "'},{'Effect':'Allow','Action':'ecr:GetAuthorizationToken','Resource':'*'}")).compliant());
        // a Lambda in a VPC manages its network interfaces; EC2 offers no resource-level scope for these
        assertTrue(rule.resource(ROLE_POLICY, "producer", policy("{'Effect':'Allow','Action':['ec2:CreateNetworkInterface',"
                + "'ec2:DescribeNetworkInterfaces','ec2:DescribeSubnets','ec2:DeleteNetworkInterface',"
                + "'ec2:AssignPrivateIpAddresses','ec2:UnassignPrivateIpAddresses'],'Resource':'*'}")).compliant());
        assertEquals(List.of("aws:iam/rolePolicy:RolePolicy 'backend' policy statement 'Queue' allows wildcard action(s) sqs:*",
                        "aws:iam/rolePolicy:RolePolicy 'backend' policy statement 2 allows s3:GetObject on Resource '*'"),
                rule.resource(ROLE_POLICY, "backend", policy("{'Sid':'Queue','Effect':'Allow','Action':'sqs:*','Resource':'" + QUEUE_ARN
                        + "'},{'Effect':'Allow','Action':['s3:GetObject'],'Resource':['*']}")).violations());
        assertEquals(List.of("aws:iam/role:Role 'task' inline policy 'logs' statement 1 uses NotAction, which allows every other action"),
                rule.resource(ROLE, "task", "{'inlinePolicies':[{'name':'logs','policy':" + doc("{'Statement':{'Effect':'Allow',"
                        + "'NotAction':'iam:*','Resource':'" + QUEUE_ARN + "'}}") + "}]}").violations());
        assertEquals("no identity policy document", rule.resource(ROLE, "task", "{'assumeRolePolicy':" + doc(TRUST_ECS) + "}")
                .notApplicable());
        assertTrue(rule.resource(ROLE_POLICY, "backend", "{'policy':'" + UNKNOWN + "'}").undecidable());
    }

    @Test
    void nothingGrantsAdministratorAccess() {
        RuleCheck rule = RuleCheck.of("no-administrator-access");
        String attachment = "aws:iam/rolePolicyAttachment:RolePolicyAttachment";

        assertTrue(rule.resource(attachment, "ro", "{'policyArn':'arn:aws:iam::aws:policy/ReadOnlyAccess'}").compliant());
        assertEquals(List.of("aws:iam/rolePolicyAttachment:RolePolicyAttachment 'admin' attaches AdministratorAccess"),
                rule.resource(attachment, "admin", "{'policyArn':'arn:aws:iam::aws:policy/AdministratorAccess'}").violations());
        assertEquals(List.of("aws:iam/rolePolicy:RolePolicy 'god' policy statement 1 allows every action on every resource"),
                rule.resource(ROLE_POLICY, "god", policy("{'Effect':'Allow','Action':'*','Resource':'*'}")).violations());
        assertEquals("the policy only applies to resources of type aws:iam/groupPolicy:GroupPolicy, "
                        + "aws:iam/groupPolicyAttachment:GroupPolicyAttachment, aws:iam/policy:Policy, aws:iam/policyAttachment:PolicyAttachment, "
                        + "aws:iam/role:Role, aws:iam/rolePolicy:RolePolicy, aws:iam/rolePolicyAttachment:RolePolicyAttachment, "
                        + "aws:iam/userPolicy:UserPolicy, aws:iam/userPolicyAttachment:UserPolicyAttachment",
                rule.resource("aws:sqs/queue:Queue", "q", "{}").notApplicable());
        assertTrue(rule.resource(attachment, "admin", "{'policyArn':'" + UNKNOWN + "'}").undecidable());
    }

    @Test
    void trustPoliciesNameAServiceOrAccount() {
        RuleCheck rule = RuleCheck.of("trust-policies-name-principals");

        assertTrue(rule.resource(ROLE, "task", "{'assumeRolePolicy':" + doc(TRUST_ECS) + "}").compliant());
        assertEquals(List.of("role 'open' trust statement 1 lets any principal assume the role"),
                rule.resource(ROLE, "open", "{'assumeRolePolicy':" + doc("{'Statement':[{'Effect':'Allow','Principal':{'AWS':'*'},"
                        + "'Action':'sts:AssumeRole'}]}") + "}").violations());
        assertEquals(List.of("role 'none' has no assumeRolePolicy"), rule.resource(ROLE, "none", "{}").violations());
        assertEquals("the policy only applies to resources of type aws:iam/role:Role",
                rule.resource(ROLE_POLICY, "p", "{}").notApplicable());
        assertTrue(rule.resource(ROLE, "task", "{'assumeRolePolicy':'" + UNKNOWN + "'}").undecidable());
    }
}

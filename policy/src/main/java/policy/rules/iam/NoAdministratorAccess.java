package policy.rules.iam;

import policy.rules.ResourceRule;
import policy.rules.Statements;
import policy.rules.Types;
import policy.sdk.EnforcementLevel;
import policy.sdk.Outcome;
import policy.sdk.PolicyContext;
import policy.sdk.PolicyInfo;
import policy.sdk.ResourceView;
import policy.sdk.Severity;

import java.util.List;

/**
 * Nothing grants administrator rights: no statement allows {@code *} on {@code *}, and the AWS
 * managed AdministratorAccess policy is neither attached nor listed in {@code managedPolicyArns}.
 */
public final class NoAdministratorAccess extends ResourceRule {
    static final String ADMIN_POLICY_SUFFIX = ":policy/AdministratorAccess";

    private static final PolicyInfo INFO = PolicyInfo.builder("no-administrator-access")
            .description("No IAM policy or attachment grants administrator access")
            .level(EnforcementLevel.MANDATORY).severity(Severity.CRITICAL)
            .controls("AC-6", "IAM.1", "L1", "CIS 1.16", "CKV_AWS_62")
            .remediation("Replace the administrator grant with the actions and resources the role uses")
            .build();

    public NoAdministratorAccess() {
        super(INFO, Types.union(IdentityPolicies.TOKENS, Types.POLICY_ATTACHMENT));
    }

    @Override
    public Outcome validate(ResourceView resource, PolicyContext context) {
        Outcome.Findings findings = Outcome.findings();
        String who = resource.type() + " '" + resource.name() + "'";
        if (resource.prop("policyArn").string().orElse("").endsWith(ADMIN_POLICY_SUFFIX)) {
            findings.add(who + " attaches AdministratorAccess");
        }
        if (resource.prop("managedPolicyArns").stringList().stream().anyMatch(a -> a.endsWith(ADMIN_POLICY_SUFFIX))) {
            findings.add(who + " lists AdministratorAccess in managedPolicyArns");
        }
        for (IdentityPolicies.Document document : IdentityPolicies.of(resource)) {
            List<Statements.Statement> statements = document.statements().statements();
            for (int i = 0; i < statements.size(); i++) {
                Statements.Statement s = statements.get(i);
                if (s.allows() && s.actions().contains("*") && s.resources().contains("*")) {
                    findings.add(who + " " + document.where() + " " + s.label(i) + " allows every action on every resource");
                }
            }
        }
        return findings.outcome();
    }
}

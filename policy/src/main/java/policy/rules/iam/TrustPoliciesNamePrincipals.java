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
import java.util.Optional;

/** Role trust policies let a named service or account assume the role, never any principal. */
public final class TrustPoliciesNamePrincipals extends ResourceRule {
    private static final PolicyInfo INFO = PolicyInfo.builder("trust-policies-name-principals")
            .description("IAM role trust policies name the service or account that may assume the role")
            .level(EnforcementLevel.MANDATORY).severity(Severity.CRITICAL)
            .controls("AC-6", "L4", "CKV_AWS_60")
            .remediation("Set the Allow statement's Principal to {Service: <service>.amazonaws.com} or an account ARN",
                    "Add aws:SourceAccount / aws:SourceArn conditions against the confused deputy")
            .build();

    public TrustPoliciesNamePrincipals() {
        super(INFO, Types.ROLE);
    }

    @Override
    public Outcome validate(ResourceView resource, PolicyContext context) {
        Optional<Statements> trust = Statements.read(resource.prop("assumeRolePolicy"));
        if (trust.isEmpty()) {
            return Outcome.violation("role '" + resource.name() + "' has no assumeRolePolicy");
        }
        Outcome.Findings findings = Outcome.findings();
        List<Statements.Statement> statements = trust.get().statements();
        for (int i = 0; i < statements.size(); i++) {
            Statements.Statement s = statements.get(i);
            if (!s.allows()) {
                continue;
            }
            if (s.anyPrincipal()) {
                findings.add("role '" + resource.name() + "' trust " + s.label(i) + " lets any principal assume the role");
            } else if (s.principals().values().stream().allMatch(List::isEmpty)) {
                findings.add("role '" + resource.name() + "' trust " + s.label(i) + " names no principal");
            }
        }
        return findings.outcome();
    }
}

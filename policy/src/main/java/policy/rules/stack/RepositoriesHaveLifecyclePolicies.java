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

/** Every ECR repository has a lifecycle policy ({@code repository} names it), so images do not pile up. */
public final class RepositoriesHaveLifecyclePolicies extends StackRule {
    private static final PolicyInfo INFO = PolicyInfo.builder("repositories-have-lifecycle-policies")
            .description("Every ECR repository has a lifecycle policy")
            .level(EnforcementLevel.MANDATORY).severity(Severity.LOW)
            .controls("ECR.3", "C14")
            .remediation("Add an aws.ecr.LifecyclePolicy for the repository that expires untagged and old images")
            .build();

    public RepositoriesHaveLifecyclePolicies() {
        super(INFO, Types.REPOSITORY);
    }

    @Override
    public Outcome validate(StackView stack, PolicyContext context) {
        List<ResourceView> policies = stack.resources().stream().filter(r -> Types.is(r, Types.REPOSITORY_LIFECYCLE)).toList();
        Outcome.Findings findings = Outcome.findings();
        for (ResourceView repository : stack.resources()) {
            if (Types.is(repository, Types.REPOSITORY) && policies.stream().noneMatch(p -> Links.refers(p, "repository", repository))) {
                findings.add(repository.urn(), "repository '" + repository.name() + "' has no lifecycle policy");
            }
        }
        return findings.outcome();
    }
}

package policy.rules.validity;

import policy.rules.ResourceRule;
import policy.rules.Types;
import policy.sdk.EnforcementLevel;
import policy.sdk.Outcome;
import policy.sdk.PolicyContext;
import policy.sdk.PolicyInfo;
import policy.sdk.ResourceView;
import policy.sdk.Severity;

import java.util.regex.Pattern;

/**
 * Standards subscriptions use one of the two ARN forms Security Hub accepts: the global
 * {@code arn:<partition>:securityhub:::ruleset/cis-aws-foundations-benchmark/v/1.2.0} and the
 * regional {@code arn:<partition>:securityhub:<region>::standards/<name>/v/<version>}.
 */
public final class SecurityHubStandardArnsWellFormed extends ResourceRule {
    static final Pattern STANDARD_ARN = Pattern.compile(
            "arn:aws(-cn|-us-gov)?:securityhub:(::ruleset/[a-z0-9-]+/v/[0-9.]+|[a-z]{2}(-gov)?-[a-z]+-\\d::standards/[a-z0-9-]+/v/[0-9.]+)");

    private static final PolicyInfo INFO = PolicyInfo.builder("security-hub-standard-arns-well-formed")
            .description("Security Hub standards subscriptions use an ARN form Security Hub accepts")
            .level(EnforcementLevel.MANDATORY).severity(Severity.MEDIUM)
            .controls("AWS validity", "K6")
            .remediation("Use arn:aws:securityhub:<region>::standards/<standard>/v/<version>"
                    + " (CIS 1.2.0 only: arn:aws:securityhub:::ruleset/cis-aws-foundations-benchmark/v/1.2.0)")
            .build();

    public SecurityHubStandardArnsWellFormed() {
        super(INFO, Types.STANDARDS_SUBSCRIPTION);
    }

    @Override
    public Outcome validate(ResourceView resource, PolicyContext context) {
        String arn = resource.prop("standardsArn").string().orElse("");
        return STANDARD_ARN.matcher(arn).matches() ? Outcome.compliant() : Outcome.violation("subscription '"
                + resource.name() + "' uses standardsArn '" + arn + "', which is not a Security Hub standard ARN");
    }
}

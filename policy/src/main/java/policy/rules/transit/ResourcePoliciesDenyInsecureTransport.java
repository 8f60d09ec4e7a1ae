package policy.rules.transit;

import policy.rules.ResourceRule;
import policy.rules.Statements;
import policy.rules.Types;
import policy.sdk.EnforcementLevel;
import policy.sdk.Outcome;
import policy.sdk.PolicyContext;
import policy.sdk.PolicyInfo;
import policy.sdk.ResourceView;
import policy.sdk.Severity;

import java.util.Optional;

/** Queue, bucket and topic policies carry a Deny for requests whose {@code aws:SecureTransport} is false. */
public final class ResourcePoliciesDenyInsecureTransport extends ResourceRule {
    private static final PolicyInfo INFO = PolicyInfo.builder("resource-policies-deny-insecure-transport")
            .description("Queue, bucket and topic policies deny requests that do not use TLS")
            .level(EnforcementLevel.MANDATORY).severity(Severity.HIGH)
            .controls("SC-8", "S3.5", "SNS.4", "F3", "I3", "AwsSolutions-SQS4", "AwsSolutions-S10")
            .remediation("Add a Deny statement for all principals and actions with the condition "
                    + "Bool aws:SecureTransport = false (PolicyDocument in infra.security.iam)")
            .build();

    public ResourcePoliciesDenyInsecureTransport() {
        super(INFO, Types.union(Types.QUEUE_POLICY, Types.BUCKET_POLICY, Types.TOPIC_POLICY));
    }

    @Override
    public Outcome validate(ResourceView resource, PolicyContext context) {
        Optional<Statements> document = Statements.read(resource.prop("policy"));
        if (document.isEmpty()) {
            return Outcome.violation(resource.type() + " '" + resource.name() + "' has no policy document");
        }
        return document.get().deniesInsecureTransport() ? Outcome.compliant() : Outcome.violation(
                resource.type() + " '" + resource.name() + "' has no Deny statement for aws:SecureTransport false");
    }
}

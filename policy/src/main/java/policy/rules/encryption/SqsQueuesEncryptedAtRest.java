package policy.rules.encryption;

import policy.rules.ResourceRule;
import policy.rules.Types;
import policy.sdk.EnforcementLevel;
import policy.sdk.Outcome;
import policy.sdk.PolicyContext;
import policy.sdk.PolicyInfo;
import policy.sdk.ResourceView;
import policy.sdk.Severity;

/** A queue sets {@code kmsMasterKeyId}, or turns on SQS-managed encryption. */
public final class SqsQueuesEncryptedAtRest extends ResourceRule {
    private static final PolicyInfo INFO = PolicyInfo.builder("sqs-queues-encrypted-at-rest")
            .description("SQS queues are encrypted at rest")
            .level(EnforcementLevel.MANDATORY).severity(Severity.HIGH)
            .controls("SC-28", "SQS.1", "F1", "AwsSolutions-SQS2")
            .remediation("Set kmsMasterKeyId to the data key's ARN", "or set sqsManagedSseEnabled to true")
            .build();

    public SqsQueuesEncryptedAtRest() {
        super(INFO, Types.QUEUE);
    }

    @Override
    public Outcome validate(ResourceView resource, PolicyContext context) {
        if (resource.prop("kmsMasterKeyId").string().filter(s -> !s.isEmpty()).isPresent()
                || resource.prop("sqsManagedSseEnabled").bool().orElse(false)) {
            return Outcome.compliant();
        }
        return Outcome.violation("queue '" + resource.name() + "' sets neither kmsMasterKeyId nor sqsManagedSseEnabled");
    }
}

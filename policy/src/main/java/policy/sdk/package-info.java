/**
 * A small policy SDK for Pulumi, written for Java because Pulumi ships none. See
 * {@code policy/README.md} for how to write a rule; the short version:
 *
 * <pre>{@code
 * public final class SqsQueueEncryptedAtRest implements ResourcePolicy {
 *     private static final PolicyInfo INFO = PolicyInfo.builder("sqs-queue-encrypted-at-rest")
 *             .description("SQS queues are encrypted at rest with a KMS key")
 *             .level(EnforcementLevel.MANDATORY).severity(Severity.HIGH).controls("SC-28", "SQS.1")
 *             .remediation("Set kmsMasterKeyId on the queue to the data key's ARN").build();
 *
 *     public PolicyInfo info() { return INFO; }
 *     public Set<String> resourceTypes() { return Set.of("aws:sqs/queue:Queue"); }
 *
 *     public Outcome validate(ResourceView queue, PolicyContext context) {
 *         return queue.prop("kmsMasterKeyId").string().isPresent()
 *                 ? Outcome.compliant()
 *                 : Outcome.violation("queue " + queue.name() + " has no kmsMasterKeyId");
 *     }
 * }
 * }</pre>
 *
 * <p>{@link policy.sdk.PackEvaluator} runs a {@link policy.sdk.PolicyPack} with the engine's level
 * and config semantics; {@code policy.server} serves it over gRPC and {@code policy.check} runs it
 * over files.
 */
package policy.sdk;

package policy.sample;

import policy.sdk.ConfigSchema;
import policy.sdk.EnforcementLevel;
import policy.sdk.Framework;
import policy.sdk.Messages;
import policy.sdk.Outcome;
import policy.sdk.PolicyContext;
import policy.sdk.PolicyInfo;
import policy.sdk.PolicyPack;
import policy.sdk.PropertyEdit;
import policy.sdk.PropertyValue;
import policy.sdk.ResourcePolicy;
import policy.sdk.ResourceView;
import policy.sdk.Severity;
import policy.sdk.StackPolicy;
import policy.sdk.StackView;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A tiny demonstration pack that exercises every SDK feature (type filters, config, remediation,
 * a stack policy with URNs). The server and checker tests run it; it is not the real rule set.
 */
public final class SamplePack {
    public static final String NAME = "sample-pack";
    public static final String QUEUE = "aws:sqs/queue:Queue";
    public static final String LOG_GROUP = "aws:cloudwatch/logGroup:LogGroup";

    private SamplePack() {
    }

    public static PolicyPack create() {
        return PolicyPack.builder(NAME).version("0.1.0").description("SDK demonstration pack")
                .add(new QueueEncrypted(), new LogRetention(), new RequiredTags(), new DeadLetterQueueInStack())
                .build();
    }

    /** Mandatory; remediates by turning on SQS-managed encryption. */
    public static final class QueueEncrypted implements ResourcePolicy {
        private static final PolicyInfo INFO = PolicyInfo.builder("sample-queue-encrypted")
                .description("SQS queues are encrypted at rest")
                .displayName("Queues encrypted").level(EnforcementLevel.MANDATORY).severity(Severity.HIGH).controls("SC-28", "SQS.1")
                .framework(new Framework("NIST-800-53", "rev5", "https://csrc.nist.gov/pubs/sp/800/53/r5/upd1/final", "SC-28"))
                .remediation("Set kmsMasterKeyId, or sqsManagedSseEnabled to true").build();

        @Override
        public PolicyInfo info() {
            return INFO;
        }

        @Override
        public Set<String> resourceTypes() {
            return Set.of(QUEUE);
        }

        @Override
        public Outcome validate(ResourceView queue, PolicyContext context) {
            if (queue.prop("kmsMasterKeyId").string().isPresent()) {
                return Outcome.compliant();
            }
            return queue.prop("sqsManagedSseEnabled").bool().orElse(false)
                    ? Outcome.compliant()
                    : Outcome.violation("queue '" + queue.name() + "' sets neither kmsMasterKeyId nor sqsManagedSseEnabled");
        }

        @Override
        public boolean remediates() {
            return true;
        }

        @Override
        public Optional<PropertyEdit> remediate(ResourceView queue, PolicyContext context) {
            return validate(queue, context) instanceof Outcome.Compliant
                    ? Optional.empty() : Optional.of(queue.edit().set("sqsManagedSseEnabled", true));
        }
    }

    /** Advisory by default; the minimum comes from config. */
    public static final class LogRetention implements ResourcePolicy {
        private static final PolicyInfo INFO = PolicyInfo.builder("sample-log-retention")
                .description("Log groups keep logs for at least the configured number of days")
                .severity(Severity.MEDIUM).controls("AU-11")
                .config(ConfigSchema.builder()
                        .integer("minimumRetentionDays", 7, 1, "Shortest retention accepted, in days").build())
                .build();

        @Override
        public PolicyInfo info() {
            return INFO;
        }

        @Override
        public Set<String> resourceTypes() {
            return Set.of(LOG_GROUP);
        }

        @Override
        public Outcome validate(ResourceView logGroup, PolicyContext context) {
            long minimum = context.config().integer("minimumRetentionDays");
            Optional<Long> days = logGroup.prop("retentionInDays").integer();
            if (days.isEmpty() || days.get() == 0) {
                return Outcome.violation("log group '" + logGroup.name() + "' never expires logs; set retentionInDays >= " + minimum);
            }
            return days.get() >= minimum ? Outcome.compliant()
                    : Outcome.violation("log group '" + logGroup.name() + "' keeps logs " + Messages.count(days.get(), "day") + ", minimum is " + minimum);
        }
    }

    /** Applies to every resource with a tags property. */
    public static final class RequiredTags implements ResourcePolicy {
        private static final PolicyInfo INFO = PolicyInfo.builder("sample-required-tags")
                .description("Taggable resources carry the required tags")
                .severity(Severity.LOW).controls("CM-8")
                .config(ConfigSchema.builder()
                        .stringList("requiredTags", List.of("Environment", "Project"), "Tag keys every resource carries")
                        .build())
                .build();

        @Override
        public PolicyInfo info() {
            return INFO;
        }

        @Override
        public Outcome validate(ResourceView resource, PolicyContext context) {
            PropertyValue tags = resource.prop("tags");
            if (tags.isMissing()) {
                return Outcome.notApplicable("the resource has no tags property");
            }
            Map<String, String> present = tags.stringMap();
            List<String> missing = context.config().stringList("requiredTags").stream()
                    .filter(key -> !present.containsKey(key)).toList();
            return missing.isEmpty() ? Outcome.compliant()
                    : Outcome.violation("missing tags " + String.join(", ", missing));
        }
    }

    /** Stack-level: a queue's redrive target must be a queue of this stack. */
    public static final class DeadLetterQueueInStack implements StackPolicy {
        private static final PolicyInfo INFO = PolicyInfo.builder("sample-dead-letter-queue-in-stack")
                .description("Queues with a redrive policy send to a dead-letter queue of the same stack")
                .level(EnforcementLevel.MANDATORY).severity(Severity.MEDIUM).build();

        @Override
        public PolicyInfo info() {
            return INFO;
        }

        @Override
        public Set<String> resourceTypes() {
            return Set.of(QUEUE);
        }

        @Override
        public Outcome validate(StackView stack, PolicyContext context) {
            Set<String> arns = new java.util.HashSet<>();
            for (ResourceView queue : stack.ofType(QUEUE)) {
                queue.prop("arn").string().ifPresent(arns::add);
            }
            Outcome.Findings findings = Outcome.findings();
            for (ResourceView queue : stack.ofType(QUEUE)) {
                Optional<PropertyValue> redrive = queue.prop("redrivePolicy").json();
                if (redrive.isEmpty()) {
                    continue;
                }
                String target = redrive.get().get("deadLetterTargetArn").string().orElse("");
                if (!arns.contains(target)) {
                    findings.add(queue.urn(), "queue '" + queue.name() + "' sends to '" + target + "', which is not in this stack");
                }
            }
            return findings.outcome();
        }
    }
}

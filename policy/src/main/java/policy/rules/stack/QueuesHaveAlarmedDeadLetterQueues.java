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
import java.util.Set;

/**
 * Every work queue redrives to a dead-letter queue, and every dead-letter queue is watched by an
 * alarm. A redrive policy still unknown in a first preview counts through its property dependency.
 * A queue counts as a dead-letter queue when another queue's {@code redrivePolicy}, an
 * event target's {@code deadLetterConfig} or a Lambda destination/DLQ points at it.
 */
public final class QueuesHaveAlarmedDeadLetterQueues extends StackRule {
    static final Set<String> DLQ_REFERRERS = Set.of("aws:cloudwatch/eventTarget:EventTarget",
            "aws:lambda/functionEventInvokeConfig:FunctionEventInvokeConfig", "aws:lambda/function:Function",
            "aws:sqs/redrivePolicy:RedrivePolicy");

    private static final PolicyInfo INFO = PolicyInfo.builder("queues-have-alarmed-dead-letter-queues")
            .description("Every queue has a dead-letter queue, and every dead-letter queue has an alarm")
            .level(EnforcementLevel.MANDATORY).severity(Severity.MEDIUM)
            .controls("F2", "F5", "AwsSolutions-SQS3")
            .remediation("Set redrivePolicy with deadLetterTargetArn on the work queue",
                    "Add a MetricAlarm on ApproximateNumberOfMessagesVisible with dimensions.QueueName = the DLQ")
            .build();

    public QueuesHaveAlarmedDeadLetterQueues() {
        super(INFO, Types.QUEUE);
    }

    @Override
    public Outcome validate(StackView stack, PolicyContext context) {
        List<ResourceView> queues = stack.resources().stream().filter(r -> Types.is(r, Types.QUEUE)).toList();
        List<ResourceView> alarms = stack.resources().stream().filter(r -> Types.is(r, Types.METRIC_ALARM)).toList();
        Outcome.Findings findings = Outcome.findings();
        for (ResourceView queue : queues) {
            if (isDeadLetterQueue(queue, stack)) {
                if (alarms.stream().noneMatch(a -> Links.refers(a, "dimensions", queue))) {
                    findings.add(queue.urn(), "dead-letter queue '" + queue.name() + "' has no alarm");
                }
            } else if (!queue.prop("redrivePolicy").isPresent() && !queue.propertyDependencies().containsKey("redrivePolicy")) {
                findings.add(queue.urn(), "queue '" + queue.name() + "' has no redrivePolicy");
            }
        }
        return findings.outcome();
    }

    private static boolean isDeadLetterQueue(ResourceView queue, StackView stack) {
        for (ResourceView r : stack.resources()) {
            if (r == queue) {
                continue;
            }
            if (Types.is(r, Types.QUEUE) && Links.refers(r, "redrivePolicy", queue)) {
                return true;
            }
            if (DLQ_REFERRERS.contains(r.type()) && (Links.refers(r, "deadLetterConfig", queue)
                    || Links.refers(r, "destinationConfig", queue) || Links.refers(r, "redrivePolicy", queue))) {
                return true;
            }
        }
        return false;
    }
}

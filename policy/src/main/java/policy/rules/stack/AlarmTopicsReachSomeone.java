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

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every SNS topic that a CloudWatch alarm notifies has at least one subscription in the stack;
 * otherwise the alarm fires into nothing (for example a prod paging topic whose PagerDuty endpoint
 * was never set). Advisory by default: a subscription can legitimately be managed outside the
 * stack, but the plan should say that nobody in it is reached.
 */
public final class AlarmTopicsReachSomeone extends StackRule {
    private static final PolicyInfo INFO = PolicyInfo.builder("alarm-topics-reach-someone")
            .description("Topics that alarms notify have at least one subscription")
            .level(EnforcementLevel.ADVISORY).severity(Severity.MEDIUM)
            .controls("SI-4", "IR-6", "H4")
            .remediation("Subscribe the topic (e-mail, HTTPS endpoint, chat integration) in the stack",
                    "For the prod paging topic: pulumi config set --secret order-processing:pagerDutyEndpoint <https URL>")
            .build();

    public AlarmTopicsReachSomeone() {
        super(INFO, Types.METRIC_ALARM);
    }

    @Override
    public Outcome validate(StackView stack, PolicyContext context) {
        Map<String, List<String>> alarmsByTopic = new LinkedHashMap<>();
        Map<String, ResourceView> topics = new LinkedHashMap<>();
        for (ResourceView alarm : Lookup.all(stack, Types.METRIC_ALARM)) {
            List<ResourceView> notified = new ArrayList<>(Lookup.targets(stack, alarm, "alarmActions", Types.TOPIC));
            notified.addAll(Lookup.targets(stack, alarm, "okActions", Types.TOPIC));
            for (ResourceView topic : notified) {
                topics.putIfAbsent(topic.urn(), topic);
                List<String> names = alarmsByTopic.computeIfAbsent(topic.urn(), k -> new ArrayList<>());
                if (!names.contains(alarm.name())) {
                    names.add(alarm.name());
                }
            }
        }
        Outcome.Findings findings = Outcome.findings();
        topics.forEach((urn, topic) -> {
            if (Lookup.referrers(stack, Types.TOPIC_SUBSCRIPTION, "topic", topic).isEmpty()) {
                List<String> alarms = alarmsByTopic.get(urn);
                findings.add(urn, "topic '" + topic.name() + "' has no subscription, so " + alarms.size()
                        + (alarms.size() == 1 ? " alarm notifies" : " alarms notify") + " nobody (first: '" + alarms.get(0) + "')");
            }
        });
        return findings.outcome();
    }
}

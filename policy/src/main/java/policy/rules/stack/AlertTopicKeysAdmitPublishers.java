package policy.rules.stack;

import policy.rules.StackRule;
import policy.rules.Statements;
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
import java.util.Optional;

/**
 * CloudWatch alarms ({@code alarmActions}, {@code okActions}) and EventBridge targets ({@code arn})
 * can publish to an encrypted SNS topic only when the topic's key lets their service principal
 * ({@code cloudwatch.amazonaws.com}, {@code events.amazonaws.com}) use it for
 * {@code kms:GenerateDataKey*} and {@code kms:Decrypt}; otherwise notifications are dropped
 * silently. The topic's {@code kmsMasterKeyId} must name a key of the stack (matched against the
 * key's ARN or id output, or by property dependency); an alias cannot be resolved here, and the
 * AWS-managed {@code alias/aws/sns} can never admit these services. The key policy is the key's
 * {@code policy} plus any {@code aws:kms/keyPolicy} for it.
 */
public final class AlertTopicKeysAdmitPublishers extends StackRule {
    static final String ALARMS = "cloudwatch.amazonaws.com";
    static final String EVENTS = "events.amazonaws.com";
    static final List<String> REQUIRED_ACTIONS = List.of("kms:GenerateDataKey", "kms:Decrypt");

    private static final PolicyInfo INFO = PolicyInfo.builder("alert-topic-keys-admit-publishers")
            .description("Encrypted topics that alarms and event rules publish to use a key whose policy admits those services")
            .level(EnforcementLevel.MANDATORY).severity(Severity.HIGH)
            .controls("SI-4", "E5", "F6", "SNS.1")
            .remediation("Set the topic's kmsMasterKeyId to the ARN of a customer-managed key of the stack (not an alias, never alias/aws/sns)",
                    "Allow the publishing service (cloudwatch.amazonaws.com for alarms, events.amazonaws.com for event rules) "
                            + "kms:GenerateDataKey* and kms:Decrypt in that key's policy")
            .build();

    public AlertTopicKeysAdmitPublishers() {
        super(INFO, Types.union(Types.METRIC_ALARM, Types.EVENT_TARGET));
    }

    /** A topic and a service publishing to it, with the first publisher for the message. */
    private record Publication(ResourceView topic, String service, ResourceView publisher) {
    }

    @Override
    public Outcome validate(StackView stack, PolicyContext context) {
        Map<String, Publication> publications = new LinkedHashMap<>();
        for (ResourceView r : stack.resources()) {
            List<ResourceView> topics = new ArrayList<>();
            String service;
            if (Types.is(r, Types.METRIC_ALARM)) {
                topics.addAll(Lookup.targets(stack, r, "alarmActions", Types.TOPIC));
                topics.addAll(Lookup.targets(stack, r, "okActions", Types.TOPIC));
                service = ALARMS;
            } else if (Types.is(r, Types.EVENT_TARGET)) {
                topics.addAll(Lookup.targets(stack, r, "arn", Types.TOPIC));
                service = EVENTS;
            } else {
                continue;
            }
            topics.forEach(t -> publications.putIfAbsent(t.urn() + " " + service, new Publication(t, service, r)));
        }
        Outcome.Findings findings = Outcome.findings();
        for (Publication p : publications.values()) {
            problem(stack, p).ifPresent(message -> findings.add(p.topic().urn(), message));
        }
        return findings.outcome();
    }

    private static Optional<String> problem(StackView stack, Publication p) {
        String who = (Types.is(p.publisher(), Types.METRIC_ALARM) ? "alarm '" : "event target '") + p.publisher().name() + "'";
        String topic = "topic '" + p.topic().name() + "'";
        List<ResourceView> keys = Lookup.targets(stack, p.topic(), "kmsMasterKeyId", Types.KMS_KEY);
        if (keys.isEmpty()) {
            var keyId = Lookup.known(p.topic(), "kmsMasterKeyId");
            if (!keyId.isPresent()) {
                return Optional.empty();
            }
            String id = keyId.string().orElseThrow();
            return Optional.of(topic + " is encrypted with '" + id + "', " + (id.contains("alias/aws/sns")
                    ? "an AWS-managed key whose policy cannot admit " : id.contains("alias/")
                    ? "an alias whose key policy cannot be checked for " : "a key that is not in the stack, so its policy cannot be checked for ")
                    + p.service() + "; " + who + " publishes to it");
        }
        ResourceView key = keys.get(0);
        List<Statements.Statement> statements = new ArrayList<>();
        Statements.read(Lookup.known(key, "policy")).ifPresent(s -> statements.addAll(s.statements()));
        for (ResourceView kp : Lookup.referrers(stack, Types.KMS_KEY_POLICY, "keyId", key)) {
            Statements.read(Lookup.known(kp, "policy")).ifPresent(s -> statements.addAll(s.statements()));
        }
        List<String> missing = REQUIRED_ACTIONS.stream().filter(action -> statements.stream().noneMatch(s -> s.allows()
                && s.principals().getOrDefault("Service", List.of()).contains(p.service())
                && s.actions().stream().anyMatch(a -> Lookup.actionGlob(a, action)))).toList();
        return missing.isEmpty() ? Optional.empty() : Optional.of("key '" + key.name() + "' of " + topic + " does not allow "
                + p.service() + " " + String.join(" and ", missing) + "; " + who + " publishes to it");
    }
}

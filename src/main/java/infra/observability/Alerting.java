package infra.observability;

import com.pulumi.aws.sns.Topic;
import com.pulumi.aws.sns.TopicArgs;
import com.pulumi.aws.sns.TopicPolicy;
import com.pulumi.aws.sns.TopicPolicyArgs;
import com.pulumi.aws.sns.TopicSubscription;
import com.pulumi.aws.sns.TopicSubscriptionArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import infra.config.ObservabilitySettings;
import infra.config.Settings;
import infra.security.iam.PolicyDocument;
import infra.security.iam.PolicyDocument.Statement;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The plan's alert routing: the infrastructure and security alert topics, encrypted with the
 * messaging key, each with a policy that lets only this account's CloudWatch alarms and
 * EventBridge rules publish, and their subscriptions from settings.
 *
 * <p>Paging: in prod a third topic, {@code order-processing-paging-alerts-prod}, carries only P1
 * alarms (the {@link Alarms} factory adds it to P1 alarm and OK actions), and the PagerDuty HTTPS
 * endpoint subscribes to it alone. E-mail and Slack see every alarm on the infrastructure topic;
 * PagerDuty sees P1 in prod and nothing else, so it opens and resolves incidents for P1 only.
 */
public final class Alerting extends ComponentResource {
    private final Topic infrastructureTopic;
    private final Topic securityTopic;
    private final Optional<Topic> pagingTopic;
    private final List<String> warnings = new java.util.ArrayList<>();

    public Alerting(String name, AlertingArgs args, ComponentResourceOptions options) {
        super("order-processing:observability:Alerting", name, options);
        Settings settings = args.settings();
        ObservabilitySettings observability = settings.observability();

        infrastructureTopic = topic(name + "-infrastructure", "order-processing-infrastructure-alerts-" + settings.env(), args);
        securityTopic = topic(name + "-security", "order-processing-security-alerts-" + settings.env(), args);
        pagingTopic = settings.environment().isProd()
                ? Optional.of(topic(name + "-paging", "order-processing-paging-alerts-" + settings.env(), args))
                : Optional.empty();

        emails(name + "-infrastructure", infrastructureTopic, observability.infrastructureAlertEmails());
        emails(name + "-security", securityTopic, observability.securityAlertEmails());
        observability.slackWebhookUrl().ifPresent(url -> https(name + "-infrastructure-slack", infrastructureTopic, url, false));
        observability.securitySlackWebhookUrl().ifPresent(url -> https(name + "-security-slack", securityTopic, url, false));
        pagingTopic.ifPresent(topic -> observability.pagerDutyEndpoint().ifPresentOrElse(
                url -> https(name + "-pagerduty", topic, url, true),
                () -> warnings.add("stack " + settings.stack()
                        + " has no pagerDutyEndpoint, so P1 alarms page nobody; set it with: pulumi config set --secret "
                        + "order-processing:pagerDutyEndpoint <url> --stack " + settings.stack())));

        registerOutputs(Map.of(
                "infrastructureTopicArn", infrastructureTopic.arn(),
                "securityTopicArn", securityTopic.arn(),
                "pagingTopicArn", pagingTopic.map(Topic::arn).orElse(Output.of(""))));
    }

    public Output<String> infrastructureTopicArn() {
        return infrastructureTopic.arn();
    }

    public Output<String> securityTopicArn() {
        return securityTopic.arn();
    }

    /**
     * Legal but risky settings found while building, each with a stable id first; the program
     * logs them with {@code ctx.log().warn} (components have no engine logger of their own).
     */
    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    /** The topic PagerDuty subscribes to; present in prod only. */
    public Optional<Output<String>> pagingTopicArn() {
        return pagingTopic.map(Topic::arn);
    }

    /**
     * The topic policy: this account's alarms and event rules may publish; the account keeps
     * managing the topic (a custom policy replaces SNS's default owner statement); publishing
     * without TLS is denied. Account, partition and region are read from the topic's own ARN.
     */
    static PolicyDocument topicPolicy(String topicArn) {
        String[] arn = topicArn.split(":");
        if (arn.length != 6 || !arn[2].equals("sns")) {
            throw new IllegalArgumentException("expected an SNS topic ARN, got " + topicArn);
        }
        String partition = arn[1];
        String region = arn[3];
        String account = arn[4];
        return PolicyDocument.of(
                Statement.allow().sid("AccountManagesTopic")
                        .aws("arn:" + partition + ":iam::" + account + ":root")
                        .actions("sns:GetTopicAttributes", "sns:SetTopicAttributes", "sns:AddPermission",
                                "sns:RemovePermission", "sns:DeleteTopic", "sns:Subscribe",
                                "sns:ListSubscriptionsByTopic", "sns:Publish")
                        .resources(topicArn),
                sourcePublishes("AccountAlarmsPublish", AlertPublishers.CLOUDWATCH, topicArn, account,
                        "arn:" + partition + ":cloudwatch:" + region + ":" + account + ":alarm:*"),
                sourcePublishes("AccountEventRulesPublish", AlertPublishers.EVENTS, topicArn, account,
                        "arn:" + partition + ":events:" + region + ":" + account + ":rule/*"),
                Statement.deny().sid("DenyInsecureTransport")
                        .anyone()
                        .actions("sns:Publish")
                        .resources(topicArn)
                        .condition("Bool", "aws:SecureTransport", false));
    }

    /** A service may publish only on behalf of this account's resources matching {@code sourceArn}. */
    private static Statement sourcePublishes(String sid, String service, String topicArn, String account, String sourceArn) {
        return Statement.allow().sid(sid)
                .service(service)
                .actions("sns:Publish")
                .resources(topicArn)
                .condition("StringEquals", "aws:SourceAccount", account)
                .condition("ArnLike", "aws:SourceArn", sourceArn);
    }

    private Topic topic(String logicalName, String topicName, AlertingArgs args) {
        Topic topic = new Topic(logicalName, TopicArgs.builder()
                .name(topicName)
                .kmsMasterKeyId(args.messagingKeyArn())
                .tags(args.settings().tags())
                .build(), CustomResourceOptions.builder().parent(this).build());
        new TopicPolicy(logicalName + "-policy", TopicPolicyArgs.builder()
                .arn(topic.arn())
                .policy(topic.arn().applyValue(arn -> topicPolicy(arn).toJson()))
                .build(), CustomResourceOptions.builder().parent(this).build());
        return topic;
    }

    private void emails(String prefix, Topic topic, List<String> addresses) {
        Map<String, Integer> seen = new HashMap<>();
        for (String address : addresses) {
            // named by address, not position, so removing one address does not replace the others
            String key = address.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
            int n = seen.merge(key, 1, Integer::sum);
            new TopicSubscription(prefix + "-email-" + key + (n > 1 ? "-" + n : ""), TopicSubscriptionArgs.builder()
                    .topic(topic.arn())
                    .protocol("email")
                    .endpoint(address)
                    .build(), CustomResourceOptions.builder().parent(this).build());
        }
    }

    /**
     * An HTTPS endpoint; the URL is a secret and stays one. PagerDuty confirms SNS subscriptions by
     * itself; a plain Slack incoming webhook cannot, so that subscription stays pending until a
     * relay that confirms it sits behind the URL (the provider must not wait for it).
     */
    private void https(String logicalName, Topic topic, String url, boolean endpointConfirms) {
        new TopicSubscription(logicalName, TopicSubscriptionArgs.builder()
                .topic(topic.arn())
                .protocol("https")
                .endpoint(Output.ofSecret(url))
                .endpointAutoConfirms(endpointConfirms)
                .build(), CustomResourceOptions.builder().parent(this).build());
    }
}

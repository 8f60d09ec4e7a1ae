package infra.security;

import com.pulumi.aws.AwsFunctions;
import com.pulumi.aws.kms.Alias;
import com.pulumi.aws.kms.AliasArgs;
import com.pulumi.aws.kms.Key;
import com.pulumi.aws.kms.KeyArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import infra.config.Settings;
import infra.security.iam.PolicyDocument;

import java.util.Map;
import java.util.function.Function;

/**
 * One customer-managed key per data domain, so that a key policy names only the services of that
 * domain and disabling one key cannot take the others down:
 * {@code data} (Aurora storage, Performance Insights, the master secret), {@code logs} (CloudWatch
 * log groups), {@code messaging} (SQS queues and SNS topics) and {@code audit} (CloudTrail, and AWS
 * Config when its bucket uses it). Each has yearly rotation and an alias
 * {@code alias/order-processing-<env>-<domain>}. With {@code protectStatefulResources} (prod) the
 * keys are protected, because deleting a key makes everything it encrypted unreadable.
 *
 * <pre>{@code
 * var keys = new KmsKeys("keys", new KmsKeysArgs(settings, true), null);
 * }</pre>
 */
public final class KmsKeys extends ComponentResource {
    public static final String TYPE = "order-processing:security:KmsKeys";

    private final Key data;
    private final Key logs;
    private final Key messaging;
    private final Key audit;

    public KmsKeys(String name, KmsKeysArgs args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        Settings settings = args.settings();
        Output<KeyPolicies.Scope> scope = Output.tuple(AwsFunctions.getPartition(), AwsFunctions.getCallerIdentity())
                .applyValue(t -> new KeyPolicies.Scope(t.t1.partition(), settings.region(), t.t2.accountId(), settings.env()));

        data = key(name, settings, "data", "Aurora storage, Performance Insights and the database master secret",
                scope, KeyPolicies::data);
        logs = key(name, settings, "logs", "CloudWatch Logs log groups", scope, KeyPolicies::logs);
        messaging = key(name, settings, "messaging", "SQS queues and SNS topics", scope, KeyPolicies::messaging);
        audit = key(name, settings, "audit", "CloudTrail log files" + (args.auditKeyServesConfig() ? " and AWS Config delivery" : ""),
                scope, s -> KeyPolicies.audit(s, args.auditKeyServesConfig()));

        registerOutputs(Map.of(
                "dataKeyArn", data.arn(),
                "logsKeyArn", logs.arn(),
                "messagingKeyArn", messaging.arn(),
                "auditKeyArn", audit.arn()));
    }

    private Key key(String name, Settings settings, String domain, String purpose, Output<KeyPolicies.Scope> scope,
                    Function<KeyPolicies.Scope, PolicyDocument> policy) {
        Key key = new Key(name + "-" + domain, KeyArgs.builder()
                .description("order-processing " + settings.env() + ": " + purpose)
                .enableKeyRotation(true)
                .deletionWindowInDays(settings.data().kmsDeletionWindowDays())
                .policy(scope.applyValue(s -> policy.apply(s).toJson()))
                .tags(settings.tags("Domain", domain))
                .build(), CustomResourceOptions.builder()
                .parent(this)
                .protect(settings.data().protectStatefulResources())
                .build());
        new Alias(name + "-" + domain + "-alias", AliasArgs.builder()
                .name(aliasName(settings, domain))
                .targetKeyId(key.keyId())
                .build(), CustomResourceOptions.builder().parent(this).build());
        return key;
    }

    /** The alias of one domain's key, e.g. {@code alias/order-processing-prod-data}. */
    public static String aliasName(Settings settings, String domain) {
        return "alias/order-processing-" + settings.env() + "-" + domain;
    }

    public Output<String> dataKeyArn() {
        return data.arn();
    }

    public Output<String> logsKeyArn() {
        return logs.arn();
    }

    public Output<String> messagingKeyArn() {
        return messaging.arn();
    }

    public Output<String> auditKeyArn() {
        return audit.arn();
    }

    public Output<String> dataKeyId() {
        return data.keyId();
    }

    public Output<String> logsKeyId() {
        return logs.keyId();
    }

    public Output<String> messagingKeyId() {
        return messaging.keyId();
    }

    public Output<String> auditKeyId() {
        return audit.keyId();
    }
}

package infra.security;

import infra.observability.AlertPublishers;

import infra.security.iam.PolicyDocument;
import infra.security.iam.PolicyDocument.Statement;

/**
 * The key policy of each customer-managed key, as data. Every policy starts with the account root
 * statement (so IAM policies in the account can grant use and the key can never become
 * unmanageable) and then admits exactly the AWS services that encrypt with that key, under the
 * conditions AWS documents for each. Pure: no resources, no outputs, tested on its own.
 */
public final class KeyPolicies {

    /** Where the keys live; the trail name is part of the audit key's confused-deputy condition. */
    public record Scope(String partition, String region, String account, String environment) {
        String rootArn() {
            return "arn:" + partition + ":iam::" + account + ":root";
        }

        String trailArn() {
            return "arn:" + partition + ":cloudtrail:" + region + ":" + account + ":trail/order-processing-" + environment;
        }

        String serviceEndpoint(String service) {
            return service + "." + region + ".amazonaws.com";
        }
    }

    /** The actions a service needs to encrypt and decrypt through grants it creates (aws/rds's own set). */
    private static final String[] RDS_ACTIONS = {"kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*",
        "kms:GenerateDataKey*", "kms:CreateGrant", "kms:ListGrants", "kms:DescribeKey"};
    private static final String[] SECRETS_MANAGER_ACTIONS = {"kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*",
        "kms:GenerateDataKey*", "kms:CreateGrant", "kms:DescribeKey"};
    private static final String[] LOGS_ACTIONS = {"kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*",
        "kms:GenerateDataKey*", "kms:Describe*"};
    /** Publishing into an encrypted topic or queue needs a data key and, to verify it, Decrypt. */
    private static final String[] PUBLISH_ACTIONS = {"kms:Decrypt", "kms:GenerateDataKey*"};

    private KeyPolicies() {
    }

    /**
     * Aurora storage, Performance Insights and the RDS-managed master secret. Account principals may
     * use the key only through RDS or Secrets Manager in this region (the pattern of the AWS-managed
     * {@code aws/rds} and {@code aws/secretsmanager} keys), so reading the secret needs no key grant
     * but the key cannot be used directly.
     */
    public static PolicyDocument data(Scope scope) {
        return PolicyDocument.of(
                root(scope),
                viaService(scope, "AllowAuroraUseViaRds", "rds", RDS_ACTIONS),
                viaService(scope, "AllowSecretUseViaSecretsManager", "secretsmanager", SECRETS_MANAGER_ACTIONS));
    }

    /** CloudWatch Logs in this region, only for log groups of this account (encryption context). */
    public static PolicyDocument logs(Scope scope) {
        return PolicyDocument.of(
                root(scope),
                Statement.allow().sid("AllowCloudWatchLogsForAccountLogGroups")
                        .service(scope.serviceEndpoint("logs"))
                        .actions(LOGS_ACTIONS)
                        .resources("*")
                        .condition("ArnLike", "kms:EncryptionContext:aws:logs:arn",
                                "arn:" + scope.partition() + ":logs:" + scope.region() + ":" + scope.account() + ":log-group:*"));
    }

    /**
     * SNS topics and SQS queues, plus the services that publish into them: CloudWatch alarms and
     * EventBridge rules deliver to encrypted topics only if their service principal may use the key.
     */
    public static PolicyDocument messaging(Scope scope) {
        return PolicyDocument.of(
                root(scope),
                publisher("AllowSnsUse", "sns.amazonaws.com"),
                publisher("AllowSqsUse", "sqs.amazonaws.com"),
                publisher("AllowCloudWatchAlarmsToPublish", AlertPublishers.CLOUDWATCH),
                publisher("AllowEventBridgeToPublish", AlertPublishers.EVENTS));
    }

    /**
     * CloudTrail log files of this stack's trail; with {@code configDelivery}, also AWS Config's
     * delivery to a bucket encrypted with this key (only when that bucket really uses it).
     */
    public static PolicyDocument audit(Scope scope, boolean configDelivery) {
        PolicyDocument doc = PolicyDocument.of(
                root(scope),
                Statement.allow().sid("AllowCloudTrailToEncryptLogs")
                        .service("cloudtrail.amazonaws.com")
                        .actions("kms:GenerateDataKey*")
                        .resources("*")
                        .condition("StringEquals", "aws:SourceArn", scope.trailArn())
                        .condition("StringLike", "kms:EncryptionContext:aws:cloudtrail:arn",
                                "arn:" + scope.partition() + ":cloudtrail:*:" + scope.account() + ":trail/*"),
                Statement.allow().sid("AllowCloudTrailToDescribeKey")
                        .service("cloudtrail.amazonaws.com")
                        .actions("kms:DescribeKey")
                        .resources("*")
                        .condition("StringEquals", "aws:SourceArn", scope.trailArn()));
        if (configDelivery) {
            doc.add(Statement.allow().sid("AllowConfigDelivery")
                    .service("config.amazonaws.com")
                    .actions("kms:Decrypt", "kms:GenerateDataKey")
                    .resources("*")
                    .condition("StringEquals", "aws:SourceAccount", scope.account()));
        }
        return doc;
    }

    private static Statement root(Scope scope) {
        return Statement.allow().sid("EnableAccountAdministration")
                .aws(scope.rootArn())
                .actions("kms:*")
                .resources("*");
    }

    private static Statement viaService(Scope scope, String sid, String service, String... actions) {
        return Statement.allow().sid(sid)
                .aws("*")
                .actions(actions)
                .resources("*")
                .condition("StringEquals", "kms:CallerAccount", scope.account())
                .condition("StringEquals", "kms:ViaService", scope.serviceEndpoint(service));
    }

    private static Statement publisher(String sid, String servicePrincipal) {
        return Statement.allow().sid(sid)
                .service(servicePrincipal)
                .actions(PUBLISH_ACTIONS)
                .resources("*");
    }
}

package infra.observability;

import infra.security.iam.PolicyDocument.Statement;

/**
 * Statements that the owners of the logs key and the messaging key must put into those keys'
 * policies so that observability works. The keys belong to other components; these statements are
 * the contract, in one place.
 */
public final class KeyPolicyGrants {
    private KeyPolicyGrants() {
    }

    /** The service principals that publish to the encrypted alert topics. */
    public static final String CLOUDWATCH = "cloudwatch.amazonaws.com";
    public static final String EVENTS = "events.amazonaws.com";

    /**
     * Lets CloudWatch alarms and EventBridge rules publish to topics encrypted with the messaging
     * key: SNS asks KMS for a data key on the publisher's behalf, and without this grant the
     * publish fails and the alarm is silently lost.
     */
    public static Statement alertPublishers() {
        return Statement.allow().sid("AllowAlarmsAndEventRulesToUseTheKey")
                .service(CLOUDWATCH, EVENTS)
                .actions("kms:Decrypt", "kms:GenerateDataKey*")
                .resources("*");
    }

    /**
     * Lets CloudWatch Logs in {@code region} encrypt this account's log groups with the logs key,
     * limited by the log group ARN in the encryption context.
     */
    public static Statement cloudWatchLogs(String partition, String region, String account) {
        return Statement.allow().sid("AllowCloudWatchLogsToUseTheKey")
                .service("logs." + region + ".amazonaws.com")
                .actions("kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*")
                .resources("*")
                .condition("ArnLike", "kms:EncryptionContext:aws:logs:arn",
                        "arn:" + partition + ":logs:" + region + ":" + account + ":log-group:*");
    }
}

package infra.observability;

/**
 * The service principals that publish alerts into the encrypted SNS topics: CloudWatch alarms and
 * EventBridge rules. The topic policies admit them, and the messaging key's policy must let them
 * use the key (SNS asks KMS for a data key on the publisher's behalf; without that grant the
 * publish fails and the alarm is lost silently). AppStackTest checks both on the rendered stack.
 */
public final class AlertPublishers {
    private AlertPublishers() {
    }

    public static final String CLOUDWATCH = "cloudwatch.amazonaws.com";
    public static final String EVENTS = "events.amazonaws.com";
}

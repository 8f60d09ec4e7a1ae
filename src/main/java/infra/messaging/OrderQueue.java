package infra.messaging;

import com.pulumi.aws.sqs.Queue;
import com.pulumi.aws.sqs.QueueArgs;
import com.pulumi.aws.sqs.QueuePolicy;
import com.pulumi.aws.sqs.QueuePolicyArgs;
import com.pulumi.aws.sqs.RedriveAllowPolicy;
import com.pulumi.aws.sqs.RedriveAllowPolicyArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import infra.config.DataSettings;
import infra.config.Settings;

import java.util.Map;

/**
 * The orders queue and its dead-letter queue. A message that fails {@code queueMaxReceiveCount}
 * receives moves to the DLQ, which admits no other source queue. Both are encrypted at rest
 * (messaging key, or SSE-SQS by setting), long-polled, and refuse any request without TLS. The
 * DLQ keeps messages as long as SQS allows (14 days) so failed orders can be inspected and redriven.
 *
 * <p>With {@code protectStatefulResources} (prod) both queues are protected: deleting them would
 * drop orders that are in flight or waiting for investigation.
 */
public final class OrderQueue extends ComponentResource {
    public static final String TYPE = "order-processing:messaging:OrderQueue";
    /** SQS's longest receive wait; long polling cuts empty receives and cost. */
    public static final int LONG_POLL_WAIT_SECONDS = 20;
    /** How long SQS reuses a data key before asking KMS again (SQS's default, stated explicitly). */
    public static final int KMS_DATA_KEY_REUSE_SECONDS = 300;

    private final Queue queue;
    private final Queue deadLetterQueue;

    public OrderQueue(String name, OrderQueueArgs args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        Settings settings = args.settings();
        DataSettings data = settings.data();
        String queueName = queueName(settings);

        deadLetterQueue = new Queue(name + "-dlq", encrypted(args, QueueArgs.builder()
                .name(queueName + "-dlq")
                .messageRetentionSeconds(data.dlqRetentionSeconds())
                .receiveWaitTimeSeconds(LONG_POLL_WAIT_SECONDS)
                .tags(settings.tags("Queue", "orders-dlq"))).build(), stateful(data));

        queue = new Queue(name + "-queue", encrypted(args, QueueArgs.builder()
                .name(queueName)
                .messageRetentionSeconds(data.queueRetentionSeconds())
                .visibilityTimeoutSeconds(QueuePolicies.visibilityTimeoutSeconds(data.consumerProcessingTimeoutSeconds()))
                .receiveWaitTimeSeconds(LONG_POLL_WAIT_SECONDS)
                .redrivePolicy(deadLetterQueue.arn().applyValue(arn -> QueuePolicies.redrive(arn, data.queueMaxReceiveCount())))
                .tags(settings.tags("Queue", "orders"))).build(), stateful(data));

        // a separate resource, because the DLQ cannot name the orders queue's ARN before that queue exists
        new RedriveAllowPolicy(name + "-dlq-redrive-allow", RedriveAllowPolicyArgs.builder()
                .queueUrl(deadLetterQueue.url())
                .redriveAllowPolicy(queue.arn().applyValue(QueuePolicies::redriveAllowOnly))
                .build(), CustomResourceOptions.builder().parent(this).build());
        tlsOnly(name + "-queue-policy", queue);
        tlsOnly(name + "-dlq-policy", deadLetterQueue);

        registerOutputs(Map.of(
                "queueUrl", queue.url(),
                "queueArn", queue.arn(),
                "queueName", queue.name(),
                "dlqUrl", deadLetterQueue.url(),
                "dlqArn", deadLetterQueue.arn(),
                "dlqName", deadLetterQueue.name()));
    }

    /** The orders queue's physical name, {@code order-processing-<env>-orders}; the DLQ adds {@code -dlq}. */
    public static String queueName(Settings settings) {
        return "order-processing-" + settings.env() + "-orders";
    }

    private static QueueArgs.Builder encrypted(OrderQueueArgs args, QueueArgs.Builder builder) {
        if (args.settings().data().queueEncryption() == DataSettings.QueueEncryption.SQS_MANAGED) {
            return builder.sqsManagedSseEnabled(true);
        }
        return builder.kmsMasterKeyId(args.messagingKeyArn()).kmsDataKeyReusePeriodSeconds(KMS_DATA_KEY_REUSE_SECONDS);
    }

    private CustomResourceOptions stateful(DataSettings data) {
        return CustomResourceOptions.builder().parent(this).protect(data.protectStatefulResources()).build();
    }

    private void tlsOnly(String logicalName, Queue target) {
        new QueuePolicy(logicalName, QueuePolicyArgs.builder()
                .queueUrl(target.url())
                .policy(target.arn().applyValue(arn -> QueuePolicies.tlsOnly(arn).toJson()))
                .build(), CustomResourceOptions.builder().parent(this).build());
    }

    public Output<String> queueUrl() {
        return queue.url();
    }

    public Output<String> queueArn() {
        return queue.arn();
    }

    public Output<String> queueName() {
        return queue.name();
    }

    public Output<String> dlqUrl() {
        return deadLetterQueue.url();
    }

    public Output<String> dlqArn() {
        return deadLetterQueue.arn();
    }

    public Output<String> dlqName() {
        return deadLetterQueue.name();
    }
}

package infra.messaging;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import infra.security.iam.PolicyDocument;
import infra.security.iam.PolicyDocument.Statement;

/** The JSON documents SQS takes as attributes, built as data. Pure. */
public final class QueuePolicies {
    /** The visibility timeout per second of consumer processing time (see {@link #visibilityTimeoutSeconds}). */
    public static final int VISIBILITY_TO_PROCESSING_RATIO = 6;
    private static final Gson GSON = new Gson();

    private QueuePolicies() {
    }

    /** The source queue's redrive policy: after {@code maxReceiveCount} receives, move to the DLQ. */
    public static String redrive(String deadLetterQueueArn, int maxReceiveCount) {
        JsonObject policy = new JsonObject();
        policy.addProperty("deadLetterTargetArn", deadLetterQueueArn);
        policy.addProperty("maxReceiveCount", maxReceiveCount);
        return GSON.toJson(policy);
    }

    /** The DLQ's redrive-allow policy: only {@code sourceQueueArn} may use it as its dead-letter queue. */
    public static String redriveAllowOnly(String sourceQueueArn) {
        JsonObject policy = new JsonObject();
        policy.addProperty("redrivePermission", "byQueue");
        JsonArray sources = new JsonArray();
        sources.add(sourceQueueArn);
        policy.add("sourceQueueArns", sources);
        return GSON.toJson(policy);
    }

    /** Denies every SQS action on the queue to any request not made over TLS. */
    public static PolicyDocument tlsOnly(String queueArn) {
        return PolicyDocument.of(Statement.deny().sid("DenyRequestsWithoutTls")
                .anyone()
                .actions("sqs:*")
                .resources(queueArn)
                .condition("Bool", "aws:SecureTransport", false));
    }

    /**
     * The visibility timeout for a consumer that may take {@code processingTimeoutSeconds} per
     * message: six times as long, so a slow attempt and its retries are not handed to a second consumer
     * (AWS's guidance for queues feeding Lambda, applied to the ECS consumer as well).
     */
    public static int visibilityTimeoutSeconds(int processingTimeoutSeconds) {
        return VISIBILITY_TO_PROCESSING_RATIO * processingTimeoutSeconds;
    }
}

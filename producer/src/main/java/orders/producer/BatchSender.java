package orders.producer;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequest;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sends message bodies with SendMessageBatch, {@code batchSize} at a time, and sends again only the
 * entries that failed (never the ones SQS already accepted), within a {@link RetryPolicy}. Entries SQS
 * blames on the sender ({@code SenderFault}) are not retried: the same request would fail again.
 */
public final class BatchSender {

    /** Waits between attempts; tests pass one that records instead of sleeping. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    /** What one send achieved; {@code failures} holds one reason per entry that was not delivered. */
    public record Outcome(int sent, int failed, int calls, List<String> failures) {
        Outcome plus(Outcome other) {
            List<String> all = new ArrayList<>(failures);
            all.addAll(other.failures);
            return new Outcome(sent + other.sent, failed + other.failed, calls + other.calls, List.copyOf(all));
        }
    }

    private final SqsClient sqs;
    private final String queueUrl;
    private final int batchSize;
    private final RetryPolicy retry;
    private final Sleeper sleeper;

    public BatchSender(SqsClient sqs, String queueUrl, int batchSize, RetryPolicy retry, Sleeper sleeper) {
        if (batchSize < 1 || batchSize > ProducerConfig.SQS_MAX_BATCH_ENTRIES) {
            throw new IllegalArgumentException("batchSize must be from 1 to " + ProducerConfig.SQS_MAX_BATCH_ENTRIES
                    + ", got " + batchSize);
        }
        this.sqs = sqs;
        this.queueUrl = queueUrl;
        this.batchSize = batchSize;
        this.retry = retry;
        this.sleeper = sleeper;
    }

    public Outcome send(List<String> bodies) throws InterruptedException {
        Outcome total = new Outcome(0, 0, 0, List.of());
        for (int start = 0; start < bodies.size(); start += batchSize) {
            total = total.plus(sendBatch(bodies.subList(start, Math.min(start + batchSize, bodies.size()))));
        }
        return total;
    }

    private Outcome sendBatch(List<String> bodies) throws InterruptedException {
        // entry ids are positions in the batch; they only have to be unique within one request
        Map<String, String> pending = new LinkedHashMap<>();
        for (int i = 0; i < bodies.size(); i++) {
            pending.put(Integer.toString(i), bodies.get(i));
        }
        Map<String, String> lastError = new LinkedHashMap<>();
        List<String> permanent = new ArrayList<>();
        int sent = 0;
        int calls = 0;
        for (int attempt = 1; attempt <= retry.maxAttempts() && !pending.isEmpty(); attempt++) {
            if (attempt > 1) {
                sleeper.sleep(retry.delayBefore(attempt));
            }
            calls++;
            SendMessageBatchResponse response;
            try {
                response = sqs.sendMessageBatch(request(pending));
            } catch (SdkException e) {
                // the whole call failed after the SDK's own retries: every pending entry stays pending
                pending.keySet().forEach(id -> lastError.put(id, e.getClass().getSimpleName() + ": " + e.getMessage()));
                continue;
            }
            for (var ok : response.successful()) {
                if (pending.remove(ok.id()) != null) {
                    sent++;
                    lastError.remove(ok.id());
                }
            }
            for (BatchResultErrorEntry error : response.failed()) {
                String reason = error.code() + ": " + error.message();
                if (Boolean.TRUE.equals(error.senderFault())) {
                    if (pending.remove(error.id()) != null) {
                        permanent.add(reason);
                        lastError.remove(error.id());
                    }
                } else {
                    lastError.put(error.id(), reason);
                }
            }
        }
        List<String> failures = new ArrayList<>(permanent);
        for (String id : pending.keySet()) {
            failures.add(lastError.getOrDefault(id, "no result for entry " + id));
        }
        return new Outcome(sent, failures.size(), calls, List.copyOf(failures));
    }

    private SendMessageBatchRequest request(Map<String, String> entries) {
        List<SendMessageBatchRequestEntry> list = new ArrayList<>(entries.size());
        entries.forEach((id, body) -> list.add(SendMessageBatchRequestEntry.builder().id(id).messageBody(body).build()));
        return SendMessageBatchRequest.builder().queueUrl(queueUrl).entries(list).build();
    }
}

package orders.producer;

import java.time.Duration;

/**
 * How often failed batch entries are sent again: {@code maxAttempts} in all, waiting {@code baseDelay}
 * before the second attempt and doubling up to {@code maxDelay}. The SDK already retries throttling and
 * 5xx responses inside each call; this bound covers entries SQS reports as failed in a 200 response.
 */
public record RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay) {

    /** Three attempts with 100 ms, then 200 ms: well under a second added to a 60 s function timeout. */
    public static final RetryPolicy DEFAULT = new RetryPolicy(3, Duration.ofMillis(100), Duration.ofSeconds(2));

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, got " + maxAttempts);
        }
    }

    /** The wait before attempt {@code attempt} (2, 3, ...). */
    public Duration delayBefore(int attempt) {
        long factor = 1L << Math.min(attempt - 2, 20);
        Duration delay = baseDelay.multipliedBy(factor);
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }
}

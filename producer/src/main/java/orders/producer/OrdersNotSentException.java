package orders.producer;

/** Thrown when orders are left unsent, so the invocation fails and Lambda's async retries apply. */
public final class OrdersNotSentException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public OrdersNotSentException(String message) {
        super(message);
    }
}

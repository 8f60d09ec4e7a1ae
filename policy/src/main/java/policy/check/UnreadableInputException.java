package policy.check;

/** The input file cannot be read or is not one of the supported formats (exit code 3). */
public final class UnreadableInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UnreadableInputException(String message) {
        super(message);
    }
}

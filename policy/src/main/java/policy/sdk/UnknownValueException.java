package policy.sdk;

/**
 * Thrown when a policy reads a value the engine cannot know yet (preview). The evaluator catches it
 * and reports the policy as undecidable during preview, naming {@link #path()}.
 */
public final class UnknownValueException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String path;
    private final String kind;
    private final boolean encryptedSecret;

    public UnknownValueException(String path, String kind) {
        this(path, kind, false);
    }

    /** {@code encryptedSecret}: the value is a secret whose ciphertext could not be read, not a preview unknown. */
    public UnknownValueException(String path, String kind, boolean encryptedSecret) {
        super(encryptedSecret ? "value at " + PropertyValue.displayPath(path) + " is an encrypted secret that cannot be read"
                : kind + " value at " + PropertyValue.displayPath(path) + " is unknown until the resource is created");
        this.path = path;
        this.kind = kind;
        this.encryptedSecret = encryptedSecret;
    }

    /** True when the value is an encrypted secret that could not be read (a stack export without plaintext). */
    public boolean encryptedSecret() {
        return encryptedSecret;
    }

    /** Dotted path of the unknown value, e.g. {@code serverSideEncryption.kmsKeyId}. */
    public String path() {
        return path;
    }

    /** boolean, number, string, array, asset, archive or object (as the sentinel says). */
    public String kind() {
        return kind;
    }
}

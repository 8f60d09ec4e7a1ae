package policy.sdk;

/** A property holds a different kind of value than the accessor asked for. */
public final class PropertyTypeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public PropertyTypeException(String path, String expected, PropertyValue.Kind actual) {
        super("expected " + expected + " at " + PropertyValue.displayPath(path) + ", got "
                + actual.name().toLowerCase(java.util.Locale.ROOT));
    }

    public PropertyTypeException(String message) {
        super(message);
    }
}

package infra.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The deployment environments the plan defines; each carries the plan's defaults. */
public enum Environment {
    DEV("dev"),
    STAGING("staging"),
    PROD("prod");

    private final String id;

    Environment(String id) {
        this.id = id;
    }

    /** The lower-case name used in resource names, log group paths and the Environment tag. */
    public String id() {
        return id;
    }

    public boolean isProd() {
        return this == PROD;
    }

    public static Optional<Environment> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String wanted = text.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(e -> e.id.equals(wanted)).findFirst();
    }

    public static String allowedList() {
        return Arrays.stream(values()).map(Environment::id).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return id;
    }
}

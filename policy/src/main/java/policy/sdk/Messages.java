package policy.sdk;

import java.math.BigDecimal;
import java.util.Locale;

/** Small helpers for violation messages: counts with the right noun form, numbers as given. */
public final class Messages {
    private Messages() {
    }

    /** {@code 1 day}, {@code 2 days}, {@code 0 days}: the count and the noun, with an {@code s} unless the count is one. */
    public static String count(long n, String noun) {
        return n + " " + noun(n, noun);
    }

    /** A count that is a wire number: {@code 1 day}, {@code 6.5 days}, {@code 1e300 days}. */
    public static String count(double n, String noun) {
        return number(n) + " " + (n == 1 ? noun : noun + "s");
    }

    /** The noun alone, singular for a count of one: {@code "rule"} or {@code "rules"}. */
    public static String noun(long n, String noun) {
        return n == 1 ? noun : noun + "s";
    }

    /**
     * A wire number (always a double) as a person would write it, in the shortest form that reads
     * back as the same double: whole values without a fraction ({@code 7}), fractions as such
     * ({@code 7.5}), very large or very small magnitudes in exponent form ({@code 1e300},
     * {@code 1e-7}). Never clamps to a {@code long}.
     */
    public static String number(double n) {
        if (Double.isNaN(n) || Double.isInfinite(n)) {
            return Double.toString(n);
        }
        if (n == 0) {
            return "0";
        }
        BigDecimal exact = BigDecimal.valueOf(n).stripTrailingZeros();
        double magnitude = Math.abs(n);
        if (magnitude >= 1e21 || magnitude < 1e-6) {
            return exact.toString().toLowerCase(Locale.ROOT).replace("e+", "e");
        }
        return exact.toPlainString();
    }

    /** True when {@code n} is a whole number a {@code long} holds exactly. */
    public static boolean isLong(double n) {
        return n == Math.rint(n) && n >= -0x1p63 && n < 0x1p63;
    }
}

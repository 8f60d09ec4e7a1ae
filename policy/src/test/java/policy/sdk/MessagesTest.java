package policy.sdk;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MessagesTest {
    @Test
    void countsUseTheSingularOnlyForOne() {
        assertEquals("0 days", Messages.count(0, "day"));
        assertEquals("1 day", Messages.count(1, "day"));
        assertEquals("2 resources", Messages.count(2, "resource"));
        assertEquals("1 day", Messages.count(1.0, "day"));
        assertEquals("1.5 days", Messages.count(1.5, "day"));
        assertEquals("rule", Messages.noun(1, "rule"));
        assertEquals("rules", Messages.noun(3, "rule"));
    }

    @Test
    void numbersPrintAsGivenWithoutClamping() {
        assertEquals("7", Messages.number(7.0));
        assertEquals("-7", Messages.number(-7.0));
        assertEquals("7.5", Messages.number(7.5));
        assertEquals("0", Messages.number(-0.0));
        assertEquals("9223372036854776000", Messages.number(9.223372036854775807E18), "the shortest form that reads back as the same double");
        assertEquals("1e300", Messages.number(1e300));
        assertEquals("-1.5e300", Messages.number(-1.5e300));
        assertEquals("1e-7", Messages.number(1e-7));
        assertEquals("Infinity", Messages.number(Double.POSITIVE_INFINITY));
        assertEquals("NaN", Messages.number(Double.NaN));
    }

    @Test
    void isLongAcceptsOnlyWholeNumbersInRange() {
        assertTrue(Messages.isLong(3653));
        assertTrue(Messages.isLong(-0x1p63));
        assertFalse(Messages.isLong(0x1p63));
        assertFalse(Messages.isLong(1e300));
        assertFalse(Messages.isLong(7.5));
        assertFalse(Messages.isLong(Double.NaN));
        assertFalse(Messages.isLong(Double.POSITIVE_INFINITY));
    }
}

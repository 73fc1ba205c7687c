package dev.autosync.emulator.sql;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Example;

import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The plain-ISO shortcut of {@link TemporalText#normaliseSql}: text it lets past the Java function must be text that
 * function returns unchanged, so a COPY reads the same values with or without it. Snowflake's AUTO input formats:
 * sql-reference/date-time-input-output ("Supported formats for AUTO detection").
 */
class TemporalTextTest {
    private static final Pattern PLAIN = Pattern.compile(TemporalText.PLAIN_ISO);

    @Property(tries = 3000)
    void textThePlainIsoTestLetsPassIsUnchangedByAutoDate(@ForAll("temporalLike") String text) {
        if (PLAIN.matcher(text).matches()) {
            assertEquals(text, TemporalText.autoDate(text), "the shortcut would skip a rewrite of '" + text + "'");
        }
    }

    @Property(tries = 1000)
    void isoTimestampsTakeTheShortcut(@ForAll("isoTimestamps") String text) {
        assertTrue(PLAIN.matcher(text).matches(), text);
        assertEquals(text, TemporalText.autoDate(text));
    }

    @Example
    void textAutoDateRewritesIsNotPlain() {
        for (String t : new String[] {"03-April-2024", "10-AUG-2025", "01/17/2024", "2024-01-17 19:00:00.000 -0800",
                "2024-01-17 19:00 +00:00", " 2024-01-17", "2024-01-17 ", "2024-01-17\t19:00:00", "1700000000"}) {
            assertFalse(PLAIN.matcher(t).matches(), t);
        }
        assertEquals("2024-01-17 19:00:00.000-0800", TemporalText.autoDate("2024-01-17 19:00:00.000 -0800"));
    }

    /** Strings from the characters dates, times and offsets are written with, spaces, slashes and letters included. */
    @Provide
    Arbitrary<String> temporalLike() {
        Arbitrary<String> random = Arbitraries.strings().withChars("0123456789-:.TZ+ /aAuUgG\t").ofMinLength(8).ofMaxLength(32);
        return Arbitraries.oneOf(random, isoTimestamps().map(s -> s.replaceFirst("(\\d)([+-]\\d\\d)", "$1 $2")),
                isoTimestamps());
    }

    @Provide
    Arbitrary<String> isoTimestamps() {
        Arbitrary<String> date = Arbitraries.integers().between(1, 9999).map(y -> String.format("%04d", y))
                .flatMap(y -> Arbitraries.integers().between(1, 12).flatMap(m -> Arbitraries.integers().between(1, 31)
                        .map(d -> y + "-" + (m < 10 ? "0" + m : m) + "-" + (d < 10 ? "0" + d : d))));
        Arbitrary<String> time = Arbitraries.of("", "T08:15", " 08:15:30", "T23:59:59.123456789", " 00:00:00.5", "T12:00:00");
        Arbitrary<String> offset = Arbitraries.of("", "Z", "+01:00", "-0800", "+05", "-03:30");
        return date.flatMap(d -> time.flatMap(t -> offset.map(o -> t.isEmpty() ? d : d + t + o)));
    }
}

package dev.autosync.emulator.sql;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@link TimestampTz#textOffset}: the offset a TIMESTAMP_TZ text was written with (sql-reference/data-types-datetime:
 * "TIMESTAMP_TZ internally stores UTC time together with an associated time zone offset"; the AUTO input forms of
 * sql-reference/date-time-input-output, including the Unix form 'Mon Jul 08 18:09:51 +0000 2013'). It got cheaper
 * for the common 'Z' and must give the same offset as at 4348e96 for every text.
 */
class TextOffsetTest {
    private static final Connection DUCK = open();

    private static Connection open() {
        try {
            return DriverManager.getConnection("jdbc:duckdb:");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** textOffset as at 4348e96: the year set aside before every test. */
    private static String offsetAt4348e96(String text) {
        String time = "[0-9]{1,2}:[0-9]{2}(:[0-9]{2}([.][0-9]{0,9})?)?\\s*";
        String t = "regexp_replace(trim(" + text + "), '(" + time + "[+-][0-9]{1,2}(:?[0-9]{2})?)\\s+[0-9]{4}$', '\\1')";
        return "(CASE WHEN regexp_matches(" + t + ", '" + time + "(Z|UTC|GMT)\"?$', 'i') THEN 0"
                + " WHEN regexp_matches(" + t + ", '" + time + "[+-][0-9]{1,2}(:?[0-9]{2})?\"?$') THEN"
                + " (CASE WHEN regexp_extract(" + t + ", '([+-])[0-9]{1,2}(:?[0-9]{2})?\"?$', 1) = '-' THEN -1 ELSE 1 END)"
                + " * (CAST(regexp_extract(" + t + ", '[+-]([0-9]{1,2})(:?[0-9]{2})?\"?$', 1) AS INTEGER) * 60"
                + " + coalesce(TRY_CAST(regexp_extract(" + t + ", '[+-][0-9]{1,2}:?([0-9]{2})\"?$', 1) AS INTEGER), 0)) END)";
    }

    /** "now|before" for {@code text}: the offsets of today's textOffset and of the 4348e96 one. */
    private static String offsets(String text) {
        String value = "CAST(" + Translator.literal(text) + " AS VARCHAR)";
        try (Statement s = DUCK.createStatement();
             ResultSet rs = s.executeQuery("SELECT " + TimestampTz.textOffset(value) + ", " + offsetAt4348e96(value))) {
            rs.next();
            return rs.getString(1) + "|" + rs.getString(2);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Property(tries = 1500)
    void theOffsetIsTheOneOf4348e96(@ForAll("timestampTexts") String text) {
        String[] now = offsets(text).split("\\|");
        assertEquals(now[1], now[0], "'" + text + "'");
    }

    @Example
    void writtenOffsetsInEveryForm() {
        String[][] cases = {{"2026-09-01T08:00:00Z", "0"}, {"2026-09-01 08:00:00.123 utc", "0"}, {"2026-09-01 08:00 GMT\"", "0"},
                {"2026-09-01T08:00:00+05:30", "330"}, {"2026-09-01 08:00:00 -0800", "-480"}, {"2026-09-01 08:00:00-7", "-420"},
                {"  2026-09-01T08:00:00+01  ", "60"}, {"Mon Jul 08 18:09:51 +0000 2013", "0"}, {"Mon Jul 08 18:09:51 -0700 2013", "-420"},
                {"2026-09-01 08:00:00", "null"}, {"2026-09-01", "null"}, {"Mon Jul 08 18:09:51 Z 2013", "null"}};
        for (String[] c : cases) {
            assertEquals(c[1] + "|" + c[1], offsets(c[0]), c[0]);
        }
    }

    @Provide
    Arbitrary<String> timestampTexts() {
        Arbitrary<String> time = Arbitraries.of("08:00", "8:05:09", "08:00:00.", "08:00:00.123456789", "23:59:59.1234567890", "0800");
        Arbitrary<String> space = Arbitraries.of("", " ", "  ", "\t");
        Arbitrary<String> zone = Arbitraries.of("", "Z", "z", "UTC", "gmt", "+05:30", "-0800", "+5", "-12", "+123", "+1:30", "-05:3",
                "Z\"", "+01:00\"", "\"", "America/Los_Angeles", "+05:30 2013", "-0700 2013", "Z 2013", "+01 20133", "+01\" 2013");
        Arbitrary<String> date = Arbitraries.of("2026-09-01T", "2026-09-01 ", "Mon Jul 08 ", "", "x");
        return Combinators.combine(space, date, time, space, zone, space).as((a, d, t, b, z, e) -> a + d + t + b + z + e);
    }
}

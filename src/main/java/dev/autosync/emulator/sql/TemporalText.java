package dev.autosync.emulator.sql;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Date and timestamp text as Snowflake's AUTO input format reads it where DuckDB reads it differently
 * (date-time-input-output page): an offset after a space ({@code 2024-01-17 19:00:00.000 -0800}, {@code +00:00}),
 * and a string of digits, which is seconds, milliseconds, microseconds or nanoseconds since the epoch by its size.
 */
public final class TemporalText {
    private static final Pattern SPACED_OFFSET = Pattern.compile(
            "(\\d{4}-\\d{1,2}-\\d{1,2}[ T]\\d{1,2}:\\d{2}(?::\\d{2}(?:\\.\\d{1,9})?)?)\\s+([+-]\\d{2}(?::?\\d{2})?|Z)");
    private static final Pattern DIGITS = Pattern.compile("[+-]?\\d{1,20}");
    /**
     * Plain ISO text ({@code 2024-01-17}, {@code 2024-01-17T19:00:00.5Z}, {@code 2024-01-17 19:00:00+01:00}): no
     * whitespace around it or before an offset, no month name, no slash, so {@link #autoDate} returns it unchanged.
     * The SQL of {@link #normaliseSql} tests it first (DuckDB's own regular expressions, vectorised) and calls the
     * Java function only for other text: that call per row was the largest share of a JSON COPY's Java time.
     * {@code TemporalTextTest} checks that no text it matches is changed by autoDate.
     */
    static final String PLAIN_ISO = "[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([T ][0-9]{1,2}:[0-9]{2}(:[0-9]{2}([.][0-9]{1,9})?)?)?"
            + "(Z|[+-][0-9]{2}(:?[0-9]{2})?)?";

    private TemporalText() {
    }

    /** The text DuckDB reads as the same value of DuckDB type {@code type}, or {@code text} unchanged when it needs nothing. */
    private static final Pattern NANOSECONDS = Pattern.compile(".*[0-9]:[0-9]{2}:[0-9]{2}\\.[0-9]{6}[0-9]*[1-9][0-9]*");

    /** Whether a date/time text (without an offset) has fractional digits past the microsecond that are not all zero. */
    static boolean hasNanoseconds(String text) {
        return NANOSECONDS.matcher(text.strip()).matches();
    }

    static String normalise(String text, String type) {
        String t = autoDate(text.strip());
        Matcher m = SPACED_OFFSET.matcher(t);
        if (m.matches()) {
            return m.group(1) + m.group(2);
        }
        if (DIGITS.matcher(t).matches()) {
            LocalDateTime utc;
            try {
                utc = LocalDateTime.ofInstant(epoch(new java.math.BigInteger(t)), ZoneOffset.UTC);
            } catch (ArithmeticException | java.time.DateTimeException e) {
                return text;
            }
            String full = utc.format(java.time.format.DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSSSSS"));
            return switch (type) {
                case "DATE" -> full.substring(0, 10);
                case "TIME" -> full.substring(11);
                case "TIMESTAMPTZ" -> full + "+00";
                default -> full;
            };
        }
        return t.equals(text.strip()) ? text : t;
    }

    private static final Pattern DAY_MONTH_YEAR = Pattern.compile("(\\d{1,2})-([A-Za-z]{3,9})-(\\d{4})(.*)");
    private static final Pattern MONTH_DAY_YEAR = Pattern.compile("(\\d{1,2})/(\\d{1,2})/(\\d{4})(.*)");
    private static final String[] MONTHS = {"january", "february", "march", "april", "may", "june", "july", "august",
            "september", "october", "november", "december"};

    /**
     * The dates of Snowflake's AUTO input formats DuckDB does not read, in ISO form (date-time-input-output page,
     * "Supported formats for AUTO detection"): {@code DD-MON-YYYY} (the month's name or its first three letters, any
     * case: '03-April-2024', '10-AUG-2025') and {@code MM/DD/YYYY}, each optionally followed by a time; a time's
     * offset after a space loses the space. Other text comes back unchanged.
     */
    public static String autoDate(String text) {
        String t = text.strip();
        String named = namedDay(t);
        if (named != null) {
            return named;
        }
        Matcher m = DAY_MONTH_YEAR.matcher(t);
        if (m.matches()) {
            String name = m.group(2).toLowerCase(java.util.Locale.ROOT);
            for (int i = 0; i < MONTHS.length; i++) {
                if (MONTHS[i].startsWith(name) && (name.length() == 3 || name.equals(MONTHS[i]))) {
                    return unspaced(m.group(3) + "-" + two(i + 1) + "-" + two(Integer.parseInt(m.group(1))) + m.group(4));
                }
            }
            return text;
        }
        m = MONTH_DAY_YEAR.matcher(t);
        if (m.matches()) {
            return unspaced(m.group(3) + "-" + two(Integer.parseInt(m.group(1))) + "-" + two(Integer.parseInt(m.group(2))) + m.group(4));
        }
        return unspaced(t).equals(t) ? text : unspaced(t);
    }

    private static final String CLOCK = "(\\d{1,2}):(\\d{2})(?::(\\d{2})(\\.\\d{1,9})?)?";
    /** RFC 2822 style: {@code DY, DD MON YYYY HH24:MI:SS[.FF] [AM|PM] [TZHTZM]} (AUTO timestamp formats). */
    private static final Pattern RFC = Pattern.compile("(?i)[a-z]{3},\\s*(\\d{1,2})\\s+([a-z]{3,9})\\s+(\\d{4})\\s+" + CLOCK
            + "(?:\\s*([AP]M))?(?:\\s*([+-]\\d{2}:?\\d{2}|Z))?");
    /** Unix date style: {@code DY MON DD HH24:MI:SS TZHTZM YYYY}. */
    private static final Pattern UNIX_DATE = Pattern.compile("(?i)[a-z]{3}\\s+([a-z]{3,9})\\s+(\\d{1,2})\\s+" + CLOCK
            + "\\s+([+-]\\d{2}:?\\d{2})\\s+(\\d{4})");
    /** A 12-hour time: {@code HH12:MI[:SS[.FF]] AM} (AUTO time formats). */
    private static final Pattern TWELVE_HOUR = Pattern.compile("(?i)" + CLOCK + "\\s*([AP]M)");

    /**
     * The AUTO formats with day or month names or a 12-hour clock (date-time-input-output page, "Supported formats for
     * AUTO detection": {@code DY, DD MON YYYY HH24:MI:SS TZHTZM}, {@code DY, DD MON YYYY HH12:MI:SS AM TZHTZM},
     * {@code DY MON DD HH24:MI:SS TZHTZM YYYY}, {@code HH12:MI:SS AM}) in ISO form, or null for other text.
     */
    private static String namedDay(String t) {
        Matcher m = RFC.matcher(t);
        if (m.matches()) {
            Integer month = month(m.group(2));
            return month == null ? null : m.group(3) + "-" + two(month) + "-" + two(Integer.parseInt(m.group(1))) + " "
                    + clock(m.group(4), m.group(5), m.group(6), m.group(7), m.group(8)) + (m.group(9) == null ? "" : m.group(9));
        }
        m = UNIX_DATE.matcher(t);
        if (m.matches()) {
            Integer month = month(m.group(1));
            return month == null ? null : m.group(8) + "-" + two(month) + "-" + two(Integer.parseInt(m.group(2))) + " "
                    + clock(m.group(3), m.group(4), m.group(5), m.group(6), null) + m.group(7);
        }
        m = TWELVE_HOUR.matcher(t);
        if (m.matches()) {
            return clock(m.group(1), m.group(2), m.group(3), m.group(4), m.group(5));
        }
        return null;
    }

    private static Integer month(String name) {
        String n = name.toLowerCase(java.util.Locale.ROOT);
        for (int i = 0; i < MONTHS.length; i++) {
            if (MONTHS[i].startsWith(n) && (n.length() == 3 || n.equals(MONTHS[i]))) {
                return i + 1;
            }
        }
        return null;
    }

    /** HH:MI:SS[.FF] on a 24-hour clock; {@code meridiem} (AM/PM, or null) converts a 12-hour hour. */
    private static String clock(String hour, String minute, String second, String fraction, String meridiem) {
        int h = Integer.parseInt(hour);
        if (meridiem != null) {
            h = h % 12 + (meridiem.equalsIgnoreCase("PM") ? 12 : 0);
        }
        return two(h) + ":" + minute + ":" + (second == null ? "00" : second) + (fraction == null ? "" : fraction);
    }

    private static String unspaced(String t) {
        Matcher m = SPACED_OFFSET.matcher(t);
        return m.matches() ? m.group(1) + m.group(2) : t;
    }

    private static String two(int n) {
        return n < 10 ? "0" + n : String.valueOf(n);
    }

    /** An integer since the epoch: below 31536000000 seconds, then milliseconds, microseconds, nanoseconds. */
    static Instant epoch(java.math.BigInteger n) {
        java.math.BigInteger abs = n.abs();
        long v = n.longValueExact();
        if (abs.compareTo(java.math.BigInteger.valueOf(31_536_000_000L)) < 0) {
            return Instant.ofEpochSecond(v);
        }
        if (abs.compareTo(java.math.BigInteger.valueOf(31_536_000_000_000L)) < 0) {
            return Instant.ofEpochMilli(v);
        }
        if (abs.compareTo(java.math.BigInteger.valueOf(31_536_000_000_000_000L)) < 0) {
            return Instant.EPOCH.plusNanos(Math.multiplyExact(v, 1000L));
        }
        return Instant.EPOCH.plusNanos(v);
    }

    /**
     * DuckDB SQL for the same normalisation of a VARCHAR expression at run time: digits become an epoch
     * timestamp (UTC), a spaced offset loses its space. {@code type} is the DuckDB target type.
     */
    static String normaliseSql(String text, String type, boolean tryCast) {
        String cast = tryCast ? "TRY_CAST(" : "CAST(";
        String n = "TRY_CAST(trim(" + text + ") AS HUGEINT)";
        String micros = "CAST(CASE WHEN abs(" + n + ") < 31536000000 THEN " + n + " * 1000000 WHEN abs(" + n + ") < 31536000000000 THEN "
                + n + " * 1000 WHEN abs(" + n + ") < 31536000000000000 THEN " + n + " ELSE " + n + " // 1000 END AS BIGINT)";
        String epoch = "make_timestamp(" + micros + ")";
        String epochTyped = type.equals("TIMESTAMPTZ") ? "timezone('UTC', " + epoch + ")" : cast + epoch + " AS " + type + ")";
        String spaced = "(CASE WHEN regexp_full_match(" + text + ", '" + PLAIN_ISO + "') THEN " + text + " ELSE sf_temporal_text("
                + text + ") END)";
        return "(CASE WHEN regexp_full_match(trim(" + text + "), '[+-]?[0-9]{1,20}') THEN " + epochTyped + " ELSE " + cast + spaced
                + " AS " + type + ") END)";
    }
}

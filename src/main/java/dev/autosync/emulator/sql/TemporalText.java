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
final class TemporalText {
    private static final Pattern SPACED_OFFSET = Pattern.compile(
            "(\\d{4}-\\d{1,2}-\\d{1,2}[ T]\\d{1,2}:\\d{2}(?::\\d{2}(?:\\.\\d{1,9})?)?)\\s+([+-]\\d{2}(?::?\\d{2})?|Z)");
    private static final Pattern DIGITS = Pattern.compile("[+-]?\\d{1,20}");

    private TemporalText() {
    }

    /** The text DuckDB reads as the same value of DuckDB type {@code type}, or {@code text} unchanged when it needs nothing. */
    static String normalise(String text, String type) {
        String t = text.strip();
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
        return text;
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
        String spaced = "regexp_replace(trim(" + text + "), '^(\\d{4}-\\d{1,2}-\\d{1,2}[ T]\\d{1,2}:\\d{2}(:\\d{2}(\\.\\d+)?)?)\\s+([+-]\\d{2}(:?\\d{2})?|Z)$', '\\1\\4')";
        return "(CASE WHEN regexp_full_match(trim(" + text + "), '[+-]?[0-9]{1,20}') THEN " + epochTyped + " ELSE " + cast + spaced
                + " AS " + type + ") END)";
    }
}

package dev.autosync.emulator.engine;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.time.temporal.WeekFields;
import java.util.Locale;

/**
 * Snowflake's date arithmetic where DuckDB's differs or cannot keep the input's type: DATEADD / ADD_MONTHS /
 * DATE_TRUNC / TIME_SLICE give a DATE for a DATE (DuckDB gives a TIMESTAMP), weeks follow the session's
 * WEEK_START and WEEK_OF_YEAR_POLICY. Parts arrive normalised by the translator (YEAR, QUARTER, MONTH, WEEK,
 * DAY, HOUR, MINUTE, SECOND, MILLISECOND, MICROSECOND, NANOSECOND). Pages: dateadd, add_months, date_trunc,
 * time_slice, and "Calendar weeks and weekdays" (functions-date-time).
 */
final class DateTimeFunctions {
    /** TIME_SLICE's origin: slices are counted from 1970-01-01 00:00:00; weeks from the Monday of that week. */
    private static final LocalDateTime ORIGIN = LocalDateTime.of(1970, 1, 1, 0, 0);
    private static final LocalDateTime WEEK_ORIGIN = LocalDateTime.of(1969, 12, 29, 0, 0);

    private DateTimeFunctions() {
    }

    /** DATEADD: months clamp to the end of the shorter month (Jan 31 + 1 month = Feb 28/29). */
    static LocalDateTime add(String part, long n, LocalDateTime t) {
        return switch (part) {
            case "YEAR" -> t.plusYears(n);
            case "QUARTER" -> t.plusMonths(3 * n);
            case "MONTH" -> t.plusMonths(n);
            case "WEEK" -> t.plusWeeks(n);
            case "DAY" -> t.plusDays(n);
            case "HOUR" -> t.plusHours(n);
            case "MINUTE" -> t.plusMinutes(n);
            case "SECOND" -> t.plusSeconds(n);
            case "MILLISECOND" -> t.plus(n, ChronoUnit.MILLIS);
            case "MICROSECOND" -> t.plus(n, ChronoUnit.MICROS);
            case "NANOSECOND" -> t.plusNanos(n);
            // ADD_MONTHS: the last day of a month stays the last day of the resulting month
            case "ADD_MONTHS" -> {
                LocalDateTime r = t.plusMonths(n);
                LocalDate d = t.toLocalDate();
                yield d.getDayOfMonth() == d.lengthOfMonth() ? r.withDayOfMonth(r.toLocalDate().lengthOfMonth()) : r;
            }
            default -> throw new IllegalArgumentException("invalid date or time part '" + part + "' for DATEADD");
        };
    }

    /** DATE_TRUNC; a week starts on the session's WEEK_START (0 and 1: Monday, 7: Sunday). */
    static LocalDateTime trunc(String part, LocalDateTime t, long weekStart) {
        return switch (part) {
            case "YEAR" -> t.toLocalDate().withDayOfYear(1).atStartOfDay();
            case "QUARTER" -> LocalDate.of(t.getYear(), (t.getMonthValue() - 1) / 3 * 3 + 1, 1).atStartOfDay();
            case "MONTH" -> t.toLocalDate().withDayOfMonth(1).atStartOfDay();
            case "WEEK" -> {
                LocalDate d = t.toLocalDate();
                int back = (d.getDayOfWeek().getValue() - firstDay(weekStart).getValue() + 7) % 7;
                yield d.minusDays(back).atStartOfDay();
            }
            case "DAY" -> t.toLocalDate().atStartOfDay();
            case "HOUR" -> t.truncatedTo(ChronoUnit.HOURS);
            case "MINUTE" -> t.truncatedTo(ChronoUnit.MINUTES);
            case "SECOND" -> t.truncatedTo(ChronoUnit.SECONDS);
            case "MILLISECOND" -> t.truncatedTo(ChronoUnit.MILLIS);
            case "MICROSECOND" -> t.truncatedTo(ChronoUnit.MICROS);
            case "NANOSECOND" -> t;
            default -> throw new IllegalArgumentException("invalid date or time part '" + part + "' for DATE_TRUNC");
        };
    }

    /** TIME_SLICE(t, n, part, START|END): fixed slices of n parts counted from 1970-01-01 (weeks: from Monday 1969-12-29). */
    static LocalDateTime slice(LocalDateTime t, long n, String part, String startOrEnd) {
        if (n < 1) {
            throw new IllegalArgumentException("TIME_SLICE slice length must be positive, got " + n);
        }
        String edge = startOrEnd.toUpperCase(Locale.ROOT);
        if (!edge.equals("START") && !edge.equals("END")) {
            throw new IllegalArgumentException("TIME_SLICE's fourth argument must be 'START' or 'END', got '" + startOrEnd + "'");
        }
        LocalDateTime start;
        switch (part) {
            case "YEAR", "QUARTER", "MONTH" -> {
                long per = part.equals("YEAR") ? 12 : part.equals("QUARTER") ? 3 : 1;
                long months = (t.getYear() - 1970L) * 12 + t.getMonthValue() - 1;
                start = ORIGIN.plusMonths(Math.floorDiv(months, n * per) * n * per);
                return edge.equals("START") ? start : start.plusMonths(n * per);
            }
            case "WEEK" -> {
                long days = ChronoUnit.DAYS.between(WEEK_ORIGIN, t);
                start = WEEK_ORIGIN.plusDays(Math.floorDiv(days, 7 * n) * 7 * n);
                return edge.equals("START") ? start : start.plusDays(7 * n);
            }
            default -> {
                long unitNanos = switch (part) {
                    case "DAY" -> 86_400_000_000_000L;
                    case "HOUR" -> 3_600_000_000_000L;
                    case "MINUTE" -> 60_000_000_000L;
                    case "SECOND" -> 1_000_000_000L;
                    default -> throw new IllegalArgumentException("invalid date or time part '" + part + "' for TIME_SLICE");
                };
                long seconds = ChronoUnit.SECONDS.between(ORIGIN, t.withNano(0));
                long unitSeconds = unitNanos / 1_000_000_000L;
                start = ORIGIN.plusSeconds(Math.floorDiv(seconds, unitSeconds * n) * unitSeconds * n);
                return edge.equals("START") ? start : start.plusSeconds(unitSeconds * n);
            }
        }
    }

    /** The first day of a week for WEEK_START (0, the legacy default, behaves as Monday). */
    static DayOfWeek firstDay(long weekStart) {
        if (weekStart < 0 || weekStart > 7) {
            throw new IllegalArgumentException("WEEK_START must be 0 to 7, got " + weekStart);
        }
        return weekStart == 0 ? DayOfWeek.MONDAY : DayOfWeek.of((int) weekStart);
    }

    /**
     * A week-related part of a date: DAYOFWEEK (WEEK_START 0: Sunday 0 to Saturday 6, else 1 to 7 from the first day),
     * DAYOFWEEKISO, WEEK / YEAROFWEEK (WEEK_OF_YEAR_POLICY 0: the first week has at least 4 days of the year; 1: the week
     * of January 1 is week 1 and December 31 is in the year's last week), WEEKISO, YEAROFWEEKISO.
     */
    static long weekPart(String part, LocalDate d, long weekStart, long policy) {
        DayOfWeek first = firstDay(weekStart);
        return switch (part) {
            case "DAYOFWEEK" -> weekStart == 0 ? d.getDayOfWeek().getValue() % 7
                    : (d.getDayOfWeek().getValue() - first.getValue() + 7) % 7 + 1;
            case "DAYOFWEEKISO" -> d.getDayOfWeek().getValue();
            case "WEEKISO" -> d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
            case "YEAROFWEEKISO" -> d.get(IsoFields.WEEK_BASED_YEAR);
            case "WEEK" -> policy == 1 ? d.get(WeekFields.of(first, 1).weekOfYear())
                    : d.get(WeekFields.of(first, 4).weekOfWeekBasedYear());
            case "YEAROFWEEK" -> policy == 1 ? d.getYear() : d.get(WeekFields.of(first, 4).weekBasedYear());
            default -> throw new IllegalArgumentException("invalid week part '" + part + "'");
        };
    }

    /** The offset in minutes east of UTC of {@code zone} (a time zone name or an offset) at {@code instant}. */
    static Long offsetAt(java.time.OffsetDateTime instant, String zone) {
        java.time.ZoneId id;
        try {
            id = java.time.ZoneId.of(zone.trim());
        } catch (java.time.DateTimeException e) {
            throw JavaFunctions.error("100094", "22000", "Unknown timezone: '" + zone + "'");
        }
        return (long) (id.getRules().getOffset(instant.toInstant()).getTotalSeconds() / 60);
    }

    /** A time followed by an offset: {@code -0800}, {@code +02:00}, {@code +00:05}, {@code -08}, {@code Z} (spaced or not). */
    private static final java.util.regex.Pattern WRITTEN_OFFSET = java.util.regex.Pattern.compile(
            "^.*\\d{1,2}:\\d{2}(?::\\d{2}(?:\\.\\d{0,9})?)?\\s*(?:([+-])(\\d{1,2})(?::?(\\d{2}))?|(Z|UTC|GMT))\"?$",
            java.util.regex.Pattern.CASE_INSENSITIVE);

    /** The offset in minutes a timestamp text was written with, or null when it names none (or is not a timestamp). */
    static Long writtenOffset(String text) {
        // read after the AUTO formats' normalisation: 'Mon Jul 08 18:09:51 +0000 2013' has its offset mid-text
        java.util.regex.Matcher m = WRITTEN_OFFSET.matcher(dev.autosync.emulator.sql.TemporalText.autoDate(text).strip());
        if (!m.matches()) {
            return null;
        }
        if (m.group(4) != null) {
            return 0L;
        }
        long minutes = Long.parseLong(m.group(2)) * 60 + (m.group(3) == null ? 0 : Long.parseLong(m.group(3)));
        return m.group(1).equals("-") ? -minutes : minutes;
    }
}

package dev.autosync.emulator.engine;

import dev.autosync.emulator.base.SnowflakeError;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.BitSet;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A task SCHEDULE: {@code '<n> SECONDS|MINUTES|HOURS'} (singular too) or
 * {@code 'USING CRON <minute> <hour> <day> <month> <weekday> <time zone>'}.
 */
final class Schedule {
    private static final Pattern INTERVAL = Pattern.compile("(?i)\\s*(\\d+)\\s*(SECOND|SECONDS|MINUTE|MINUTES|HOUR|HOURS)\\s*");
    private static final Pattern CRON = Pattern.compile("(?i)\\s*USING\\s+CRON\\s+(\\S+)\\s+(\\S+)\\s+(\\S+)\\s+(\\S+)\\s+(\\S+)\\s+(\\S+)\\s*");
    private static final String[] MONTHS = {"JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"};
    private static final String[] DAYS = {"SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"};

    private final Duration interval;
    private final BitSet minutes;
    private final BitSet hours;
    private final BitSet daysOfMonth;
    private final BitSet months;
    private final BitSet daysOfWeek;
    private final ZoneId zone;

    private Schedule(Duration interval, BitSet minutes, BitSet hours, BitSet dom, BitSet months, BitSet dow, ZoneId zone) {
        this.interval = interval;
        this.minutes = minutes;
        this.hours = hours;
        this.daysOfMonth = dom;
        this.months = months;
        this.daysOfWeek = dow;
        this.zone = zone;
    }

    static Schedule parse(String text) {
        Matcher m = INTERVAL.matcher(text);
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            String unit = m.group(2).toUpperCase(Locale.ROOT);
            Duration d = unit.startsWith("SECOND") ? Duration.ofSeconds(n) : unit.startsWith("MINUTE") ? Duration.ofMinutes(n)
                    : Duration.ofHours(n);
            if (d.isZero() || d.compareTo(Duration.ofDays(8)) > 0) {
                throw SnowflakeError.compilation("invalid value [" + text + "] for parameter 'SCHEDULE': the interval must be "
                        + "between 1 second and 8 days");
            }
            return new Schedule(d, null, null, null, null, null, null);
        }
        Matcher c = CRON.matcher(text);
        if (c.matches()) {
            try {
                return new Schedule(null, field(c.group(1), 0, 59, null), field(c.group(2), 0, 23, null),
                        field(c.group(3), 1, 31, null), field(c.group(4), 1, 12, MONTHS), field(c.group(5), 0, 7, DAYS),
                        ZoneId.of(c.group(6)));
            } catch (RuntimeException e) {
                throw SnowflakeError.compilation("invalid value [" + text + "] for parameter 'SCHEDULE': " + e.getMessage());
            }
        }
        throw SnowflakeError.compilation("invalid value [" + text + "] for parameter 'SCHEDULE'; use '<n> MINUTES' or "
                + "'USING CRON <minute> <hour> <day> <month> <weekday> <time zone>'");
    }

    private static BitSet field(String spec, int min, int max, String[] names) {
        BitSet out = new BitSet();
        for (String part : spec.split(",")) {
            int step = 1;
            String range = part;
            int slash = part.indexOf('/');
            if (slash >= 0) {
                step = Integer.parseInt(part.substring(slash + 1));
                range = part.substring(0, slash);
            }
            int lo;
            int hi;
            if (range.equals("*") || range.equals("?")) {
                lo = min;
                hi = max;
            } else if (range.contains("-")) {
                String[] ab = range.split("-");
                lo = value(ab[0], names);
                hi = value(ab[1], names);
            } else {
                lo = value(range, names);
                hi = slash >= 0 ? max : lo;
            }
            if (lo < min || hi > max || lo > hi || step < 1) {
                throw new IllegalArgumentException("'" + part + "' is out of range " + min + "-" + max);
            }
            for (int v = lo; v <= hi; v += step) {
                out.set(v);
            }
        }
        if (names == DAYS && out.get(7)) {
            out.set(0);
        }
        return out;
    }

    private static int value(String s, String[] names) {
        if (names != null) {
            for (int i = 0; i < names.length; i++) {
                if (names[i].equalsIgnoreCase(s)) {
                    return names == MONTHS ? i + 1 : i;
                }
            }
        }
        return Integer.parseInt(s);
    }

    /** The first run strictly after {@code after}. */
    Instant next(Instant after) {
        if (interval != null) {
            return after.plus(interval);
        }
        ZonedDateTime t = after.atZone(zone).truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
        for (int i = 0; i < 60 * 24 * 366 * 5; i++) {
            int dow = t.getDayOfWeek() == DayOfWeek.SUNDAY ? 0 : t.getDayOfWeek().getValue();
            if (months.get(t.getMonthValue()) && daysOfMonth.get(t.getDayOfMonth()) && daysOfWeek.get(dow)
                    && hours.get(t.getHour()) && minutes.get(t.getMinute())) {
                return t.toInstant();
            }
            t = t.plusMinutes(1);
        }
        throw SnowflakeError.compilation("the CRON schedule never fires");
    }
}

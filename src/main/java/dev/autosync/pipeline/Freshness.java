package dev.autosync.pipeline;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * An entity's freshness limit: during its school days and hours (in its time zone), no more than
 * {@code limit} may pass without a new event. Time outside those hours does not count, so Monday
 * 07:40 with the last event on Friday 15:55 is 15 minutes, not three days. {@code from}/{@code to}
 * null: the whole day.
 */
public record Freshness(Duration limit, Set<DayOfWeek> days, LocalTime from, LocalTime to, ZoneId zone) {
    /** Windows scanned at most (beyond this the age is over any sensible limit anyway). */
    private static final int MAX_DAYS = 400;

    public Freshness {
        days = days.isEmpty() ? EnumSet.allOf(DayOfWeek.class) : EnumSet.copyOf(days);
    }

    /** How much school time passed between {@code newest} and {@code now}. */
    public Duration activeElapsed(Instant newest, Instant now) {
        if (!newest.isBefore(now)) {
            return Duration.ZERO;
        }
        Duration total = Duration.ZERO;
        LocalDate day = newest.atZone(zone).toLocalDate();
        LocalDate last = now.atZone(zone).toLocalDate();
        for (int i = 0; !day.isAfter(last) && i < MAX_DAYS; i++, day = day.plusDays(1)) {
            if (!days.contains(day.getDayOfWeek())) {
                continue;
            }
            Instant start = (from == null ? day.atStartOfDay(zone) : ZonedDateTime.of(day, from, zone)).toInstant();
            Instant end = (to == null ? day.plusDays(1).atStartOfDay(zone) : ZonedDateTime.of(day, to, zone)).toInstant();
            Instant a = start.isAfter(newest) ? start : newest;
            Instant b = end.isBefore(now) ? end : now;
            if (a.isBefore(b)) {
                total = total.plus(Duration.between(a, b));
            }
        }
        return total;
    }

    /** Whether {@code now} falls inside a school window. */
    public boolean inWindow(Instant now) {
        ZonedDateTime t = now.atZone(zone);
        if (!days.contains(t.getDayOfWeek())) {
            return false;
        }
        LocalTime time = t.toLocalTime();
        return (from == null || !time.isBefore(from)) && (to == null || time.isBefore(to));
    }

    /** The days as written in the spec: MON,TUE,... */
    public String daysText() {
        List<String> out = new ArrayList<>();
        for (DayOfWeek d : DayOfWeek.values()) {
            if (days.contains(d)) {
                out.add(d.name().substring(0, 3));
            }
        }
        return String.join(",", out);
    }

    /** For messages: {@code 15 min on MON,TUE,WED,THU,FRI 07:30-16:00 America/Chicago}. */
    public String describe() {
        return minutes(limit) + " on " + daysText() + (from == null ? " all day" : " " + from + "-" + to) + " " + zone.getId();
    }

    public static String minutes(Duration d) {
        long m = d.toMinutes();
        return m < 60 ? m + " min" : m / 60 + " h " + m % 60 + " min";
    }

    /** A limit as the freshness view shows it: days MON,TUE,..., hours HH:MM or null, an IANA zone (null: UTC). */
    public static Freshness of(long limitMinutes, String daysText, String from, String to, String zone) {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        if (daysText != null) {
            for (String d : daysText.split(",")) {
                DayOfWeek day = day(d);
                if (day != null) {
                    days.add(day);
                }
            }
        }
        return new Freshness(Duration.ofMinutes(limitMinutes), days, from == null ? null : LocalTime.parse(from),
                to == null ? null : LocalTime.parse(to), zone == null ? java.time.ZoneOffset.UTC : ZoneId.of(zone));
    }

    /** A day as the spec writes it: MON .. SUN (case-insensitive), or null. */
    public static DayOfWeek day(String text) {
        for (DayOfWeek d : DayOfWeek.values()) {
            if (d.name().substring(0, 3).equals(text.strip().toUpperCase(Locale.ROOT))) {
                return d;
            }
        }
        return null;
    }
}

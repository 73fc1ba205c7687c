package dev.autosync.pipeline;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads an entity's optional {@code freshness}: {@code {"limitMinutes": 15, "days": ["MON", ...],
 * "from": "07:30", "to": "16:00", "timeZone": "America/Chicago"}}; only limitMinutes is required
 * (days default to every day, hours to the whole day, the zone to UTC).
 */
final class FreshnessReader {
    static final int MAX_LIMIT_MINUTES = 7 * 24 * 60;
    private static final Pattern HH_MM = Pattern.compile("([01][0-9]|2[0-3]):[0-5][0-9]");

    private FreshnessReader() {
    }

    static Freshness read(JsonNode node, String at, SpecProblems p) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            p.add(at, "must be an object such as {\"limitMinutes\": 15, \"days\": [\"MON\", \"TUE\", \"WED\", \"THU\", \"FRI\"], "
                    + "\"from\": \"07:30\", \"to\": \"16:00\", \"timeZone\": \"America/Chicago\"}");
            return null;
        }
        p.unknownKeys(node, at, Set.of("limitMinutes", "days", "from", "to", "timeZone"));
        int problems = p.list.size();
        JsonNode limitNode = node.get("limitMinutes");
        long limit = 0;
        if (limitNode == null || !limitNode.canConvertToLong() || !limitNode.isIntegralNumber()
                || limitNode.asLong() < 1 || limitNode.asLong() > MAX_LIMIT_MINUTES) {
            p.add(at + ".limitMinutes", "must be a whole number of minutes from 1 to " + MAX_LIMIT_MINUTES + " (a week)");
        } else {
            limit = limitNode.asLong();
        }
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        JsonNode daysNode = node.get("days");
        if (daysNode != null) {
            if (!daysNode.isArray() || daysNode.isEmpty()) {
                p.add(at + ".days", "must be a non-empty array of days: MON, TUE, WED, THU, FRI, SAT, SUN");
            } else {
                for (int i = 0; i < daysNode.size(); i++) {
                    DayOfWeek d = daysNode.get(i).isTextual() ? Freshness.day(daysNode.get(i).asText()) : null;
                    if (d == null) {
                        p.add(at + ".days[" + i + "]", "'" + daysNode.get(i).asText() + "' is not one of MON, TUE, WED, THU, FRI, SAT, SUN");
                    } else if (!days.add(d)) {
                        p.add(at + ".days[" + i + "]", d.name().substring(0, 3) + " is listed twice");
                    }
                }
            }
        }
        LocalTime from = time(node, "from", at, p);
        LocalTime to = time(node, "to", at, p);
        if ((node.hasNonNull("from")) != (node.hasNonNull("to"))) {
            p.add(at, "give both \"from\" and \"to\" (the school hours), or neither for the whole day");
        } else if (from != null && to != null && !from.isBefore(to)) {
            p.add(at + ".to", "'" + to + "' must be after from ('" + from + "')");
        }
        ZoneId zone = ZoneOffset.UTC;
        String zoneText = p.text(node, "timeZone", at, false);
        if (zoneText != null) {
            try {
                zone = ZoneId.of(zoneText);
            } catch (DateTimeException e) {
                p.add(at + ".timeZone", "'" + zoneText + "' is not a time zone; use an IANA name such as America/Chicago");
            }
        }
        if (p.list.size() > problems) {
            return null;
        }
        return new Freshness(Duration.ofMinutes(limit), days, from, to, zone);
    }

    private static LocalTime time(JsonNode node, String key, String at, SpecProblems p) {
        String v = p.text(node, key, at, false);
        if (v == null) {
            return null;
        }
        if (!HH_MM.matcher(v).matches()) {
            p.add(at + "." + key, "'" + v + "' is not a time of day in the form HH:MM (24-hour)");
            return null;
        }
        try {
            return LocalTime.parse(v);
        } catch (DateTimeParseException e) {
            p.add(at + "." + key, "'" + v + "' is not a time of day");
            return null;
        }
    }
}

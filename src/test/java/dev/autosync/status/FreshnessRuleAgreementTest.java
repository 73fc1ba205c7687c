package dev.autosync.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autosync.pipeline.Freshness;
import dev.autosync.render.Provider;
import dev.autosync.render.RenderFixtures;
import dev.autosync.render.RenderedBundle;
import dev.autosync.render.Renderer;
import dev.autosync.render.StreamlitApp;
import dev.autosync.streamlit.PagePythonTests;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Streamlit page judges freshness with a Python port of status's rule (Freshness.activeElapsed,
 * inWindow and FreshnessJudge's wording): this runs both on the same cases, around daylight-saving
 * changes, weekends and school hours in several zones, and fails on any difference. The rule is
 * status's (issue 18: the age of the newest event against the limit, counting school days and hours
 * in the district's time zone); time zones are java.time's and Python's zoneinfo, both IANA.
 */
class FreshnessRuleAgreementTest {
    /** IANA names, and the ids java.time writes for a spec without a zone (Z), an offset or UTC. */
    private static final List<String> ZONES = List.of("America/Chicago", "Europe/Berlin", "Australia/Lord_Howe", "Asia/Kolkata",
            "America/Santiago", "Pacific/Auckland", "Z", "+05:45", "UTC-03:30", "UTC");
    /** Days around this year's daylight-saving changes in those zones, and a plain week. */
    private static final List<String> AROUND = List.of("2026-03-08T01:30", "2026-11-01T00:45", "2026-03-29T01:15", "2026-10-25T02:30",
            "2026-04-05T01:40", "2026-10-04T01:50", "2026-04-04T23:30", "2026-09-05T23:10", "2026-09-27T01:59", "2026-12-04T15:55");
    private static final List<String> DAY_SETS = List.of("MON,TUE,WED,THU,FRI", "SAT,SUN", "MON,WED,FRI", "SUN");
    private static final List<String[]> HOURS = List.of(new String[] {"07:30", "16:00"}, new String[] {null, null},
            new String[] {"00:00", "02:30"}, new String[] {"01:30", "03:30"}, new String[] {"22:00", "23:59"});

    @Test
    @DisplayName("Freshness rule (issue 18, status's FreshnessJudge): the page's Python port agrees with Java on every case")
    void thePagesPortAgreesWithStatusOnEveryCase() throws Exception {
        Path work = PagePythonTests.WORK.resolve("freshness-rule");
        Path out = work.resolve("autosync");
        RenderedBundle b = new Renderer(null).render(RenderFixtures.settings(Provider.INTERNAL).validate(), RenderFixtures.schoolSpec());
        new StreamlitApp(null).write(b, RenderFixtures.schoolSpec(), out);
        ObjectMapper json = new ObjectMapper();
        ArrayNode cases = json.createArrayNode();
        Random random = new Random(20261203);
        for (int i = 0; i < 600; i++) {
            cases.add(aCase(json, random, i));
        }
        Path file = work.resolve("freshness-cases.json");
        Files.writeString(file, json.writerWithDefaultPrettyPrinter().writeValueAsString(cases));
        String output = PagePythonTests.run(out, null, "agreement/test_freshness_rule.py",
                Map.of("AUTOSYNC_FRESHNESS_CASES", file.toString()));
        assertTrue(output.contains("1 passed"), output);
    }

    private static ObjectNode aCase(ObjectMapper json, Random random, int i) {
        String zone = i % 7 == 6 ? null : ZONES.get(random.nextInt(ZONES.size()));
        ZoneId z = zone == null ? java.time.ZoneOffset.UTC : ZoneId.of(zone);
        if (zone != null) {
            zone = z.getId(); // as the view holds it
        }
        String[] hours = HOURS.get(random.nextInt(HOURS.size()));
        String days = i % 11 == 10 ? null : DAY_SETS.get(random.nextInt(DAY_SETS.size()));
        long limit = 1 + random.nextInt(i % 3 == 0 ? 30 : 2000);
        Instant base = LocalDateTime.parse(AROUND.get(random.nextInt(AROUND.size()))).atZone(z).toInstant();
        // newest within a day either side of the change, to the microsecond; now up to ten days later (or earlier, rarely)
        Instant newest = base.plus(Duration.ofSeconds(random.nextInt(172_800) - 86_400)).plusNanos(random.nextInt(1_000_000) * 1000L);
        if (i % 5 == 0) {
            newest = newest.minusNanos(newest.getNano() % 1_000_000);
        }
        Instant now = i % 29 == 0 ? newest.minusSeconds(random.nextInt(3600))
                : newest.plus(Duration.ofSeconds(random.nextInt(i % 4 == 0 ? 7200 : 864_000)));
        boolean noEvents = i % 13 == 12;
        boolean noLimit = i % 17 == 16;
        Freshness f = noLimit ? null : Freshness.of(limit, days, hours[0], hours[1], zone);
        List<String> problems = new ArrayList<>();
        StatusReport.Freshness judged = FreshnessJudge.judge("ENTITY_" + i, noEvents ? null : newest, f, now, problems);

        ObjectNode c = json.createObjectNode();
        c.put("entity", "ENTITY_" + i);
        c.put("newest", noEvents ? null : newest.toString());
        c.put("now", now.toString());
        ObjectNode row = c.putObject("row");
        row.put("ENTITY", "ENTITY_" + i);
        if (noLimit) {
            row.putNull("FRESHNESS_LIMIT_MINUTES");
        } else {
            row.put("FRESHNESS_LIMIT_MINUTES", limit);
        }
        row.put("SCHOOL_DAYS", noLimit ? null : days);
        row.put("SCHOOL_HOURS_FROM", noLimit ? null : hours[0]);
        row.put("SCHOOL_HOURS_TO", noLimit ? null : hours[1]);
        row.put("TIME_ZONE", noLimit ? null : zone);
        ObjectNode expected = c.putObject("expected");
        if (judged.ageMinutes() == null) {
            expected.putNull("age");
        } else {
            expected.put("age", judged.ageMinutes());
        }
        expected.put("stale", judged.stale());
        expected.put("problem", problems.isEmpty() ? null : problems.get(0));
        expected.put("hours", judged.schoolHours());
        expected.put("inWindow", f != null && f.inWindow(now));
        if (f != null && !noEvents) {
            Duration active = f.activeElapsed(newest, now);
            expected.put("activeMicros", active.getSeconds() * 1_000_000 + active.getNano() / 1000);
        } else {
            expected.putNull("activeMicros");
        }
        return c;
    }
}

package dev.autosync.status;

import dev.autosync.emulator.wire.LoginPolicy;
import dev.autosync.pipeline.Freshness;
import dev.autosync.pipeline.InvalidPipelineSpecException;
import dev.autosync.pipeline.PipelineSpec;
import dev.autosync.pipeline.PipelineSpecReader;
import dev.autosync.render.Provider;
import dev.autosync.render.RenderFixtures;
import dev.autosync.render.RenderedBundle;
import dev.autosync.render.Renderer;
import dev.autosync.testing.LocalPipeline;
import dev.autosync.warehouse.DeployOptions;
import dev.autosync.warehouse.Deployer;
import dev.autosync.warehouse.Target;
import dev.autosync.warehouse.Warehouse;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Freshness: the spec's limit, school time, and the status verdict it drives (clock injected, never slept). */
class FreshnessTest {
    private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
    private static final Freshness SCHOOL = new Freshness(Duration.ofMinutes(15),
            EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), LocalTime.of(7, 30), LocalTime.of(16, 0), CHICAGO);

    private static Instant chicago(String localDateTime) {
        return java.time.LocalDateTime.parse(localDateTime).atZone(CHICAGO).toInstant();
    }

    @Test
    void onlySchoolTimeCounts() {
        // Friday 15:55 to Monday 07:40: 5 minutes on Friday and 10 on Monday
        assertEquals(Duration.ofMinutes(15), SCHOOL.activeElapsed(chicago("2026-12-04T15:55"), chicago("2026-12-07T07:40")));
        assertEquals(Duration.ZERO, SCHOOL.activeElapsed(chicago("2026-12-05T10:00"), chicago("2026-12-06T12:00")), "a weekend");
        assertTrue(SCHOOL.inWindow(chicago("2026-12-07T07:30")));
        assertFalse(SCHOOL.inWindow(chicago("2026-12-07T16:00")));
    }

    @Test
    void theVerdictTurnsWhenTheNewestEventPassesTheLimit() {
        Instant newest = chicago("2026-12-07T09:00");
        List<String> problems = new ArrayList<>();
        StatusReport.Freshness fresh = FreshnessJudge.judge("ATTENDANCE", newest, SCHOOL, newest.plus(Duration.ofMinutes(15)), problems);
        assertFalse(fresh.stale());
        assertEquals(List.of(), problems);
        StatusReport.Freshness stale = FreshnessJudge.judge("ATTENDANCE", newest, SCHOOL, newest.plus(Duration.ofMinutes(16)), problems);
        assertTrue(stale.stale());
        assertEquals(16L, stale.ageMinutes());
        assertEquals(List.of("ATTENDANCE: the newest event was loaded 16 min ago (2026-12-07T15:00:00Z), 16 min of it in school time, "
                + "over the freshness limit of 15 min on MON,TUE,WED,THU,FRI 07:30-16:00 America/Chicago"), problems);
        problems.clear();
        // overnight the age grows but school time does not
        assertFalse(FreshnessJudge.judge("ATTENDANCE", chicago("2026-12-07T15:58"), SCHOOL, chicago("2026-12-08T07:35"), problems).stale());
        assertNull(FreshnessJudge.judge("GRADES", newest, null, newest.plus(Duration.ofDays(3)), problems).limitMinutes());
        assertEquals(List.of(), problems, "no limit, no judgement");
    }

    static String specWith(String freshness) throws Exception {
        String school = new String(PipelineSpecReader.class.getClassLoader().getResourceAsStream(PipelineSpecReader.DEFAULT_RESOURCE)
                .readAllBytes(), StandardCharsets.UTF_8);
        return school.replace("\"folder\": \"attendance\",", "\"folder\": \"attendance\", \"freshness\": " + freshness + ",");
    }

    @Test
    void theSpecReaderNamesEveryFreshnessProblem() throws Exception {
        PipelineSpec ok = new PipelineSpecReader().read(specWith("{\"limitMinutes\": 15, \"days\": [\"mon\", \"FRI\"], "
                + "\"from\": \"07:30\", \"to\": \"16:00\", \"timeZone\": \"America/Chicago\"}"), "ok.json");
        assertEquals("15 min on MON,FRI 07:30-16:00 America/Chicago", ok.entities().get(0).freshness().describe());
        InvalidPipelineSpecException e = assertThrows(InvalidPipelineSpecException.class, () -> new PipelineSpecReader().read(
                specWith("{\"limitMinutes\": 0, \"days\": [\"MON\", \"MON\", \"XYZ\"], \"from\": \"7:30\", \"timeZone\": \"Mars/Base\", "
                        + "\"every\": 1}"), "bad.json"));
        String m = e.getMessage();
        for (String expected : List.of(
                "entities[0].freshness.every: unknown property",
                "entities[0].freshness.limitMinutes: must be a whole number of minutes from 1 to 10080",
                "entities[0].freshness.days[1]: MON is listed twice",
                "entities[0].freshness.days[2]: 'XYZ' is not one of MON, TUE, WED, THU, FRI, SAT, SUN",
                "entities[0].freshness.from: '7:30' is not a time of day in the form HH:MM",
                "entities[0].freshness: give both \"from\" and \"to\"",
                "entities[0].freshness.timeZone: 'Mars/Base' is not a time zone")) {
            assertTrue(m.contains(expected), expected + "\n" + m);
        }
    }

    @Test
    void statusShowsTheAgeAndJudgesItWithTheInjectedClock() throws Exception {
        PipelineSpec spec = new PipelineSpecReader().read(specWith("{\"limitMinutes\": 15}"), "fresh.json");
        RenderedBundle bundle = new Renderer(null).render(RenderFixtures.settings(Provider.INTERNAL).database("FRESH_DB").validate(), spec);
        Path data = Files.createTempDirectory("freshness");
        Target t = new Target(Target.Kind.LOCAL, null, Map.of(), Map.of(), data, LoginPolicy.anyone(), List.of());
        try (Warehouse w = Warehouse.connect(t, m -> { })) {
            Deployer d = new Deployer(bundle, w, DeployOptions.defaults(m -> { }));
            d.apply(d.plan());
            String path = "@" + bundle.stage() + "/attendance/";
            Path f = Files.writeString(Files.createTempDirectory("f").resolve("a.json"), LocalPipeline.event("E1", "S1"));
            w.execute("PUT 'file://" + f.toAbsolutePath() + "' " + path + " AUTO_COMPRESS = FALSE");
            w.execute("ALTER PIPE " + bundle.entity("ATTENDANCE").pipe() + " REFRESH");
            long deadline = System.currentTimeMillis() + 60_000;
            while (w.scalar("SELECT NEWEST_EVENT_AT FROM " + bundle.freshnessView() + " WHERE ENTITY = 'ATTENDANCE'") == null) {
                assertTrue(System.currentTimeMillis() < deadline, "the pipe did not load the file");
                Thread.sleep(50);
            }
            assertEquals(List.of("ATTENDANCE|15", "GRADES|", "STUDENTS|"), w.query("SELECT ENTITY, FRESHNESS_LIMIT_MINUTES FROM "
                    + bundle.freshnessView() + " ORDER BY ENTITY").stream().map(r -> r.get("ENTITY") + "|"
                    + (r.get("FRESHNESS_LIMIT_MINUTES") == null ? "" : r.get("FRESHNESS_LIMIT_MINUTES"))).toList());
            Instant loaded = Instant.parse(new StatusCollector(bundle, w).collect().freshness().get(0).newestEventAt());
            StatusReport soon = new StatusCollector(bundle, w, Clock.fixed(loaded.plus(Duration.ofMinutes(10)), ZoneOffset.UTC)).collect();
            StatusReport late = new StatusCollector(bundle, w, Clock.fixed(loaded.plus(Duration.ofMinutes(20)), ZoneOffset.UTC)).collect();
            assertEquals(10L, soon.freshness().get(0).ageMinutes());
            assertFalse(soon.freshness().get(0).stale());
            assertTrue(soon.verdict().reasons().stream().noneMatch(r -> r.contains("freshness")), soon.verdict().toString());
            assertTrue(late.freshness().get(0).stale());
            assertTrue(late.verdict().reasons().stream().anyMatch(r -> r.startsWith("ATTENDANCE: the newest event was loaded 20 min ago")),
                    late.verdict().toString());
            if (soon.verdict().level() == StatusReport.Level.HEALTHY) {
                assertEquals(StatusReport.Level.DEGRADED, late.verdict().level());
            }
            assertTrue(JsonFormat.render(late).contains("\"stale\" : true"));
            assertTrue(String.join("\n", new TableFormat(200, false).render(late)).contains("Freshness"));
        }
    }
}

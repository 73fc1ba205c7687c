package dev.autosync.backfill;

import dev.autosync.emulator.wire.LoginPolicy;
import dev.autosync.pipeline.PipelineSpec;
import dev.autosync.pipeline.PipelineSpecReader;
import dev.autosync.render.EntityObjects;
import dev.autosync.render.Provider;
import dev.autosync.render.RenderFixtures;
import dev.autosync.render.RenderedBundle;
import dev.autosync.render.Renderer;
import dev.autosync.warehouse.DeployOptions;
import dev.autosync.warehouse.Deployer;
import dev.autosync.warehouse.Target;
import dev.autosync.warehouse.Warehouse;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * replay-rejects on the emulator: rejects caused by a mapping bug pass after the fix and leave the
 * rejects table; rejects that still fail stay, with their current reason; counts per reason.
 */
class ReplayRejectsTest {

    static RenderedBundle bundle(String studentPath) throws Exception {
        String school = new String(PipelineSpecReader.class.getClassLoader().getResourceAsStream(PipelineSpecReader.DEFAULT_RESOURCE)
                .readAllBytes(), StandardCharsets.UTF_8);
        PipelineSpec spec = new PipelineSpecReader().read(school.replaceFirst("\"path\": \"student_id\"", "\"path\": \"" + studentPath
                + "\""), "spec.json");
        return new Renderer(null).render(RenderFixtures.settings(Provider.INTERNAL).database("REPLAY_DB").validate(), spec);
    }

    static void deploy(RenderedBundle b, Warehouse w) throws Exception {
        Deployer d = new Deployer(b, w, DeployOptions.defaults(m -> { }));
        d.apply(d.plan());
    }

    static void runTask(Warehouse w, EntityObjects e) throws Exception {
        dev.autosync.warehouse.TaskExecution.Outcome o = dev.autosync.warehouse.TaskExecution.run(w, e.task(),
                java.time.Duration.ofSeconds(60));
        assertTrue(o.ended(), "the task did not run: " + o.pending());
    }

    static Map<String, String> reasons(Warehouse w, EntityObjects e) throws Exception {
        Map<String, String> out = new java.util.TreeMap<>();
        for (Map<String, String> r : w.query("SELECT REJECT_REASON, COUNT(*) AS N FROM " + e.rejectsTable() + " GROUP BY 1")) {
            out.put(r.get("REJECT_REASON"), r.get("N"));
        }
        return out;
    }

    @Test
    void rejectsCausedByAMappingBugPassAfterTheFixAndTheOthersStayWithTheirReason() throws Exception {
        Path data = Files.createTempDirectory("replay");
        Target t = new Target(Target.Kind.LOCAL, null, Map.of(), Map.of(), data, LoginPolicy.anyone(), List.of());
        try (Warehouse w = Warehouse.connect(t, m -> { })) {
            RenderedBundle buggy = bundle("studentId"); // the producer sends student_id: every event is rejected
            deploy(buggy, w);
            EntityObjects a = buggy.entity("ATTENDANCE");
            String events = "{\"event_id\":\"E1\",\"event_type\":\"CHECK_IN\",\"student_id\":\"S1\",\"attendance_date\":\"2026-09-01\","
                    + "\"event_timestamp\":\"2026-09-01T08:00:00Z\"}\n"
                    + "{\"event_id\":\"E2\",\"event_type\":\"TARDY\",\"student_id\":\"S2\",\"attendance_date\":\"2026-09-01\","
                    + "\"event_timestamp\":\"2026-09-01T08:10:00Z\"}\n"
                    + "{\"event_id\":\"E3\",\"event_type\":\"ABSENT\",\"student_id\":\"S3\",\"attendance_date\":\"2026-13-45\","
                    + "\"event_timestamp\":\"2026-09-01T08:20:00Z\"}\n";
            Path f = Files.writeString(Files.createTempDirectory("replay-in").resolve("day1.json"), events);
            w.execute("PUT 'file://" + f.toAbsolutePath() + "' @" + buggy.stage() + "/attendance/ AUTO_COMPRESS = FALSE");
            w.execute("ALTER PIPE " + a.pipe() + " REFRESH");
            long deadline = System.currentTimeMillis() + 60_000;
            while (!"3".equals(w.scalar("SELECT COUNT(*) FROM " + a.landingTable()))) {
                assertTrue(System.currentTimeMillis() < deadline, "the pipe did not load day1.json");
                Thread.sleep(50);
            }
            runTask(w, a);
            assertEquals(Map.of("missing studentId", "3"), reasons(w, a));
            // the bug went unnoticed for 10 days: the replaced pipe's REFRESH (7 days) does not load day1.json again
            try (java.util.stream.Stream<Path> s = Files.walk(data.resolve("stages"))) {
                Path staged = s.filter(x -> x.getFileName().toString().equals("day1.json")).findFirst().orElseThrow();
                Files.setLastModifiedTime(staged, java.nio.file.attribute.FileTime.from(java.time.Instant.now().minus(Duration.ofDays(10))));
            }

            // the fix: the mapping reads student_id; deploy replaces the pipe and the task
            RenderedBundle fixed = bundle("student_id");
            deploy(fixed, w);
            List<String> log = new ArrayList<>();
            ReplayResult r = new ReplayRejects(fixed, w, new ReplaySettings("attendance", "missing", null, Duration.ofSeconds(60),
                    log::add)).run();
            assertEquals(3, r.replayed());
            assertEquals(Map.of("missing studentId", 3L), r.before());
            assertEquals(Map.of("invalid DATE in attendance_date: 2026-13-45", 1L), r.after(), String.join("\n", log));
            assertEquals(2, r.passed());
            assertEquals(Map.of("invalid DATE in attendance_date: 2026-13-45", "1"), reasons(w, a), "the passed ones left the table");
            assertEquals(List.of("S1|PRESENT|E1", "S2|TARDY|E2"), w.query("SELECT STUDENT_ID, STATUS, EVENT_ID FROM " + a.normalisedTable()
                    + " ORDER BY 1").stream().map(x -> String.join("|", x.values())).toList());
            assertTrue(log.get(log.size() - 1).startsWith("ATTENDANCE: 2 passed, 1 still rejected:"), String.join("\n", log));
            // a second replay of a reason that matches nothing changes nothing
            ReplayResult none = new ReplayRejects(fixed, w, new ReplaySettings("ATTENDANCE", "missing", null, Duration.ofSeconds(60),
                    m -> { })).run();
            assertEquals(0, none.replayed());
            BackfillException e = assertThrows(BackfillException.class, () -> new ReplayRejects(fixed, w,
                    new ReplaySettings("LUNCH", null, null, Duration.ofSeconds(5), m -> { })).run());
            assertTrue(e.getMessage().startsWith("Unknown entity LUNCH"), e.getMessage());
        }
    }
}

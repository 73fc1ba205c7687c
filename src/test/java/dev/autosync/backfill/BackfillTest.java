package dev.autosync.backfill;

import dev.autosync.render.EntityObjects;
import dev.autosync.testing.LocalPipeline;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * autosync:backfill's core on the emulator: history older than the pipe loads once with the pipe's
 * SELECT (copy-into-table.md FILES; data-load-considerations-load.md "Loading older files"), a rerun
 * loads nothing, an interrupted run resumes, a malformed file is skipped and reported.
 */
class BackfillTest {
    private static final AtomicInteger DBS = new AtomicInteger();
    private static Path dataDir;

    @BeforeAll
    static void folder() throws Exception {
        dataDir = Files.createTempDirectory("backfill-test");
    }

    @AfterAll
    static void done() {
    }

    static LocalPipeline pipeline() throws Exception {
        return new LocalPipeline(dataDir, "BACKFILL_" + DBS.incrementAndGet());
    }

    /** Stages a file in the entity's folder and dates it {@code daysAgo} back, as history staged before the pipe existed. */
    static void stageOld(LocalPipeline p, EntityObjects e, String name, String content, int daysAgo) throws Exception {
        Path local = Files.createTempDirectory("old").resolve(name);
        Files.writeString(local, content, StandardCharsets.UTF_8);
        p.w.execute("PUT 'file://" + local.toAbsolutePath() + "' @" + p.bundle.stage() + "/" + e.folder() + "/ AUTO_COMPRESS = FALSE");
        try (Stream<Path> s = Files.walk(dataDir.resolve("stages"))) {
            Path staged = s.filter(f -> f.getFileName().toString().equals(name) && f.toString().contains(p.bundle.database()))
                    .findFirst().orElseThrow();
            Files.setLastModifiedTime(staged, FileTime.from(Instant.now().minus(Duration.ofDays(daysAgo))));
        }
    }

    static BackfillSettings settings(List<String> log, boolean dryRun, int batch, int interruptAfter) {
        return new BackfillSettings(Instant.now().minus(Duration.ofDays(400)), null, Set.of("ATTENDANCE"), dryRun, batch,
                interruptAfter, Duration.ofSeconds(60), Clock.systemUTC(), log::add);
    }

    static long count(LocalPipeline p, String sql) throws Exception {
        return Long.parseLong(p.w.scalar(sql));
    }

    static String events(int from, int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = from; i < from + n; i++) {
            sb.append(LocalPipeline.event("E" + i, "S" + i));
        }
        return sb.toString();
    }

    @Test
    void historyOlderThanThePipeLoadsOnceAndARerunLoadsNothing() throws Exception {
        LocalPipeline p = pipeline();
        EntityObjects a = p.bundle.entity("ATTENDANCE");
        stageOld(p, a, "old-1.json", events(1, 3), 90);
        stageOld(p, a, "old-2.json", events(4, 2), 30);
        stageOld(p, a, "old-bad.json", "{\"event_id\": \"X1\", broken", 20);
        stageOld(p, a, "too-old.json", events(100, 2), 500);
        p.load(Map.of("live.json", events(10, 2))); // loaded by the pipe
        List<String> log = new ArrayList<>();
        List<EntityBackfill> r = new Backfill(p.bundle, p.w, settings(log, false, 1000, 0)).run();
        assertEquals(List.of("ATTENDANCE"), r.stream().map(EntityBackfill::entity).toList(), "only the entities asked for");
        EntityBackfill b = r.get(0);
        assertEquals(3, b.toLoad().size(), String.join("\n", log));
        assertEquals(2, b.filesLoaded());
        assertEquals(5, b.rowsLoaded());
        assertEquals(1, b.failures().size());
        assertEquals("attendance/old-bad.json", b.failures().get(0).file().path());
        assertTrue(log.stream().anyMatch(l -> l.contains("skipped malformed file attendance/old-bad.json: ")), String.join("\n", log));
        assertTrue(log.stream().anyMatch(l -> l.matches("ATTENDANCE: 3/3 files, 5 rows, [0-9.]+ s elapsed, ETA 0 s")), String.join("\n", log));
        assertEquals(7, count(p, "SELECT COUNT(*) FROM " + a.landingTable()));
        assertEquals(7, count(p, "SELECT COUNT(*) FROM " + a.normalisedTable()), "the task ran after the backfill");
        // the rerun finds everything done
        List<String> again = new ArrayList<>();
        EntityBackfill b2 = new Backfill(p.bundle, p.w, settings(again, false, 1000, 0)).run().get(0);
        assertEquals(0, b2.toLoad().size(), String.join("\n", again));
        assertEquals(3, b2.loadedBefore());
        assertEquals(7, count(p, "SELECT COUNT(*) FROM " + a.landingTable()));
    }

    /**
     * A file modified within seconds of the pipe's creation may or may not have been notified to the pipe
     * (LIST's time has whole seconds, from the storage's clock): it is queued on the pipe (alter-pipe.md,
     * REFRESH skips what the pipe queued or loaded), not copied, since COPY and Snowpipe keep separate load
     * metadata (data-load-snowpipe-intro.md) and a COPY of a notified file could land it twice.
     */
    @Test
    void aFileStagedAsThePipeWasCreatedIsQueuedOnThePipeAndLandsOnce() throws Exception {
        LocalPipeline p = pipeline();
        EntityObjects a = p.bundle.entity("ATTENDANCE");
        p.load(Map.of("live.json", events(10, 2)));
        Instant created = pipeCreated(p, a);
        // in the stage two seconds before the pipe existed, without an event: moved in with its time already set
        Path folder;
        try (Stream<Path> s = Files.walk(dataDir.resolve("stages"))) {
            folder = s.filter(f -> f.getFileName().toString().equals("live.json") && f.toString().contains(p.bundle.database()))
                    .findFirst().orElseThrow().getParent();
        }
        Path edge = Files.writeString(Files.createTempFile(folder.getParent(), "edge", ".tmp"), events(20, 3));
        Files.setLastModifiedTime(edge, FileTime.from(created.minusSeconds(2)));
        Files.move(edge, folder.resolve("edge.json"), StandardCopyOption.ATOMIC_MOVE);
        stageOld(p, a, "old.json", events(1, 2), 30);

        List<String> log = new ArrayList<>();
        EntityBackfill b = new Backfill(p.bundle, p.w, settings(log, false, 1000, 0)).run().get(0);
        assertEquals(List.of("attendance/old.json"), b.toLoad().stream().map(StagedFile::path).toList(), String.join("\n", log));
        assertEquals(List.of("attendance/edge.json"), b.toPipe().stream().map(StagedFile::path).toList(), String.join("\n", log));
        assertTrue(log.stream().anyMatch(l -> l.startsWith("ATTENDANCE: 1 file(s) staged as " + a.pipe().sql() + " was created queued")),
                String.join("\n", log));
        long deadline = System.currentTimeMillis() + 60_000;
        while (count(p, "SELECT COUNT(*) FROM " + a.landingTable()) < 7 && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        assertEquals(7, count(p, "SELECT COUNT(*) FROM " + a.landingTable()), "live 2 + edge 3 (by the pipe) + old 2 (by COPY)");
        assertEquals(7, count(p, "SELECT COUNT(DISTINCT EVENT_ID) FROM " + a.landingTable()), "every event exactly once");
        EntityBackfill again = new Backfill(p.bundle, p.w, settings(new ArrayList<>(), false, 1000, 0)).run().get(0);
        assertEquals(List.of(), again.toLoad());
        assertEquals(List.of(), again.toPipe());
        assertEquals(7, count(p, "SELECT COUNT(*) FROM " + a.landingTable()));
    }

    static Instant pipeCreated(LocalPipeline p, EntityObjects e) throws Exception {
        try (java.sql.Statement s = p.w.jdbc().createStatement();
             java.sql.ResultSet rs = s.executeQuery("SHOW PIPES LIKE '" + e.pipe().last().name() + "' IN SCHEMA "
                     + e.pipe().parts().get(0).sql() + "." + e.pipe().parts().get(1).sql())) {
            assertTrue(rs.next(), "SHOW PIPES finds " + e.pipe().sql());
            return rs.getTimestamp("created_on").toInstant();
        }
    }

    @Test
    void anInterruptedBackfillResumesAndLoadsEveryFileOnce() throws Exception {
        LocalPipeline p = pipeline();
        EntityObjects a = p.bundle.entity("ATTENDANCE");
        for (int i = 0; i < 5; i++) {
            stageOld(p, a, "h" + i + ".json", events(i * 10, 3), 40 + i);
        }
        List<String> log = new ArrayList<>();
        BackfillException stop = assertThrows(BackfillException.class,
                () -> new Backfill(p.bundle, p.w, settings(log, false, 2, 2)).run());
        assertTrue(stop.getMessage().contains("interrupted in batch 2"), stop.getMessage());
        assertEquals(6, count(p, "SELECT COUNT(*) FROM " + a.landingTable()), "batch 1 committed, batch 2 rolled back");
        // a COPY that committed without its record (as if killed in between): the rerun still skips its file
        p.w.execute(PipeCopy.of("p", pipeStatementSql(p, a)).forFiles(List.of("h4.json")));
        EntityBackfill b = new Backfill(p.bundle, p.w, settings(log, false, 2, 0)).run().get(0);
        assertEquals(2, b.toLoad().size(), String.join("\n", log));
        assertEquals(15, count(p, "SELECT COUNT(*) FROM " + a.landingTable()));
        assertEquals(15, count(p, "SELECT COUNT(DISTINCT EVENT_ID) FROM " + a.landingTable()), "every event exactly once");
        assertEquals(15, count(p, "SELECT COUNT(*) FROM " + a.normalisedTable()));
    }

    @Test
    void aDryRunListsFilesAndBytesAndChangesNothing() throws Exception {
        LocalPipeline p = pipeline();
        EntityObjects a = p.bundle.entity("ATTENDANCE");
        String content = events(1, 2);
        stageOld(p, a, "d1.json", content, 10);
        List<String> log = new ArrayList<>();
        EntityBackfill b = new Backfill(p.bundle, p.w, settings(log, true, 1000, 0)).run().get(0);
        assertEquals(1, b.toLoad().size());
        assertEquals(content.getBytes(StandardCharsets.UTF_8).length, b.bytesToLoad());
        assertTrue(log.contains("  would load attendance/d1.json (" + Backfill.bytes(b.bytesToLoad()) + ")"), String.join("\n", log));
        assertEquals(0, count(p, "SELECT COUNT(*) FROM " + a.landingTable()));
        assertFalse(new BackfillRecord(p.w, p.bundle).exists(), "a dry run creates nothing");
    }

    @Test
    void anUnknownEntityIsRefusedNamingTheKnownOnes() throws Exception {
        LocalPipeline p = pipeline();
        BackfillSettings s = new BackfillSettings(null, null, Set.of("attendence"), true, 10, 0, Duration.ofSeconds(5),
                Clock.systemUTC(), m -> { });
        BackfillException e = assertThrows(BackfillException.class, () -> new Backfill(p.bundle, p.w, s).run());
        assertEquals("Unknown entity ATTENDENCE in autosync.backfill.entities; the pipeline has ATTENDANCE, GRADES, STUDENTS.",
                e.getMessage());
    }

    static String pipeStatementSql(LocalPipeline p, EntityObjects e) {
        return p.bundle.statements().stream().filter(s -> s.objectName().equals(e.pipe())).findFirst().orElseThrow().sql();
    }
}

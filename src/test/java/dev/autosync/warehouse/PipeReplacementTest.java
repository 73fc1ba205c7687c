package dev.autosync.warehouse;

import dev.autosync.emulator.EmulatorFixture;
import dev.autosync.render.Provider;
import dev.autosync.render.RenderedBundle;
import dev.autosync.render.RenderedStatement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 13 item 5: a pipe replaced while files keep arriving loses none and loads none twice.
 * Docs: user-guide/data-load-snowpipe-manage ("Recreating pipes", "Load history"),
 * sql-reference/sql/alter-pipe (REFRESH PREFIX / MODIFIED_AFTER), sql-reference/functions/system_pipe_status.
 */
class PipeReplacementTest {
    private static EmulatorFixture fx;

    @BeforeAll
    static void start() throws Exception {
        fx = new EmulatorFixture();
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    @Test
    void aPipeReplacedWhileFilesKeepArrivingLoadsEveryFileExactlyOnce() throws Exception {
        String db = "DEP_REPL";
        RenderedBundle b = DeployerTest.bundle(Provider.S3, db);
        String pipe = db + ".AUTOSYNC.ATTENDANCE_PIPE";
        RenderedStatement pipeSt = b.statements().stream().filter(s -> s.name().equals(pipe)).findFirst().orElseThrow();
        PipeSource src = PipeSource.of(pipeSt.sql());
        try (Warehouse w = DeployerTest.warehouse(fx)) {
            List<String> log = new java.util.concurrent.CopyOnWriteArrayList<>();
            Deployer d = new Deployer(b, w, DeployerTest.options(log));
            d.apply(d.plan());
            String url = w.query("SHOW STAGES LIKE '" + src.stage().substring(src.stage().lastIndexOf('.') + 1) + "' IN SCHEMA "
                    + db + ".AUTOSYNC").get(0).get("URL");
            Path folder = bucketFolder(url).resolve(src.folder());
            Files.createDirectories(folder);
            AtomicBoolean stop = new AtomicBoolean();
            AtomicInteger written = new AtomicInteger();
            Thread writer = new Thread(() -> {
                try {
                    while (!stop.get()) {
                        int n = written.get() + 1;
                        String name = String.format("arrivals-%04d.json", n);
                        Path tmp = folder.resolve(name + ".autosync-tmp");
                        Files.writeString(tmp, "{\"event_id\":\"e" + n + "\",\"event_type\":\"CHECK_IN\",\"student_id\":\"S" + n
                                + "\",\"school_id\":\"SCH1\",\"attendance_date\":\"2026-09-01\",\"event_timestamp\":"
                                + "\"2026-09-01T08:00:00Z\"}\n");
                        Files.move(tmp, folder.resolve(name), StandardCopyOption.ATOMIC_MOVE);
                        written.incrementAndGet();
                        Thread.sleep(30);
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            writer.start();
            Thread.sleep(1500);
            RenderedBundle changed = DeployerTest.withChanged(b, pipe, q -> q.replace("COPY INTO", "COPY  INTO"), null);
            DeployPlan plan = new Deployer(changed, w, DeployerTest.options(log)).plan();
            assertEquals(List.of("ALTER PIPE " + pipe + " SET PIPE_EXECUTION_PAUSED = TRUE"), plan.steps().stream()
                    .filter(s -> s.name().equals(pipe)).findFirst().orElseThrow().sql().subList(0, 1));
            new Deployer(changed, w, DeployerTest.options(log)).apply(plan);
            Thread.sleep(1000);
            stop.set(true);
            writer.join();
            int files = written.get();
            assertTrue(files > 40, "files written: " + files);
            String landing = src.landingTable();
            // wait while loading progresses (a busy machine is slower, not wrong); fail only when it stalls for 30 s
            int loaded = 0;
            long lastProgress = System.currentTimeMillis();
            while (loaded < files && System.currentTimeMillis() - lastProgress < 30_000) {
                int now = Integer.parseInt(w.scalar("SELECT COUNT(DISTINCT FILE_NAME) FROM " + landing));
                if (now > loaded) {
                    loaded = now;
                    lastProgress = System.currentTimeMillis();
                }
                Thread.sleep(200);
            }
            assertEquals(files, loaded, "every file loaded (none lost); log: " + log);
            Thread.sleep(1000); // a second load of a file would come after the first
            assertEquals(Integer.toString(files), w.scalar("SELECT COUNT(*) FROM " + landing),
                    "one row per file: none loaded twice; log: " + log);
            assertTrue(PipeStatus.read(w, dev.autosync.render.QualifiedName.ofParts(List.of(pipe.split("\\.")))).running());
            assertTrue(log.stream().anyMatch(l -> l.contains("queued again")), log.toString());
        }
    }

    static Path bucketFolder(String url) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(s3|gcs|azure)://([^/]+)/?(.*)").matcher(url);
        assertTrue(m.matches(), url);
        return fx.dataDir().resolve("buckets").resolve(m.group(1)).resolve(m.group(2)).resolve(m.group(3));
    }

    @Test
    void thePipesSourceIsReadFromItsCopy() {
        PipeSource s = PipeSource.of("CREATE PIPE IF NOT EXISTS D.S.P AUTO_INGEST = TRUE AS\nCOPY INTO D.S.T (A, B)\nFROM (\n"
                + "  SELECT $1 FROM @D.S.STAGE/attendance/\n)\nFILE_FORMAT = (FORMAT_NAME = 'D.S.F')");
        assertEquals(new PipeSource("D.S.T", "D.S.STAGE", "attendance/"), s);
        assertTrue(PipeReplacement.Loaded.of(List.of("events/attendance/a.json")).contains("attendance/a.json"));
        assertTrue(!PipeReplacement.Loaded.of(List.of("attendance/a.json.1", "xattendance/a.json")).contains("attendance/a.json"));
    }
}

package dev.autosync.e2e;

import dev.autosync.pipeline.PipelineSpec;
import dev.autosync.render.EntityObjects;
import dev.autosync.render.RenderFixtures;
import dev.autosync.status.StatusCollector;
import dev.autosync.status.StatusReport;
import dev.autosync.testing.LocalPipeline;
import dev.autosync.warehouse.LocalTargets;
import dev.autosync.warehouse.Warehouse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * e2e and status identify task runs as the "TASK_HISTORY" page says to: the function covers the
 * whole account and cuts its rows to RESULT_LIMIT (default 100) before any WHERE, so runs are
 * found by database, schema, task name and a scheduled-time window, never by counting rows; and
 * every end state, FAILED_AND_AUTO_SUSPENDED included, is reported (tasks-intro: "Automatically
 * suspend tasks after failed runs", SUSPEND_TASK_AFTER_NUM_FAILURES).
 */
class TaskRunsTest {
    private static final PipelineSpec SPEC = RenderFixtures.schoolSpec();
    private static final Duration TIMEOUT = Duration.ofSeconds(40);
    private static Path data;
    private static LocalPipeline dev;
    private static LocalPipeline prod;

    @BeforeAll
    static void deploy() throws Exception {
        data = Files.createTempDirectory("task-runs-test");
        // a dev and a prod deployment of the same pipeline: the same task names in two schemas of one database
        dev = new LocalPipeline(data, "RUNS_DB", "DEV");
        prod = new LocalPipeline(data, "RUNS_DB", "PROD");
    }

    @AfterAll
    static void stop() {
        dev.w.close();
        prod.w.close();
        LocalTargets.stopAll();
    }

    private static E2eReport e2e(LocalPipeline p, Path work) throws Exception {
        return new EndToEndCheck(p.bundle, SPEC, p.w, new EndToEndCheck.Settings(TIMEOUT, false, work, m -> { }))
                .run(SampleFiles.shipped(SPEC));
    }

    private static long finishedRuns(Warehouse w, EntityObjects e, String schema) throws Exception {
        return Long.parseLong(w.scalar("SELECT COUNT(*) FROM TABLE(RUNS_DB.INFORMATION_SCHEMA.TASK_HISTORY(RESULT_LIMIT => 10000, "
                + "TASK_NAME => '" + e.task().last() + "', DATABASE_NAME => 'RUNS_DB', SCHEMA_NAME => '" + schema + "')) "
                + "WHERE STATE NOT IN ('SCHEDULED', 'EXECUTING')"));
    }

    @Test
    @DisplayName("TASK_HISTORY page (RESULT_LIMIT default 100, applied before WHERE): e2e passes after more than 100 runs of its task")
    void e2eFindsItsOwnRunAfterMoreThanAHundredRuns(@TempDir Path work) throws Exception {
        EntityObjects attendance = dev.bundle.entities().get(0);
        skippedRuns(attendance, 105);
        assertEquals("100", dev.w.scalar("SELECT COUNT(*) FROM TABLE(RUNS_DB.INFORMATION_SCHEMA.TASK_HISTORY(TASK_NAME => '"
                + attendance.task().last() + "'))"), "the function returns at most RESULT_LIMIT (100) rows by default");

        E2eReport r = e2e(dev, work);
        assertTrue(r.passed(), r.failures().toString());
        skippedRuns(attendance, 105);
        StatusReport.Task t = status(dev).tasks().stream().filter(x -> x.name().equals(attendance.task().sql())).findFirst().orElseThrow();
        assertEquals("SUCCEEDED", t.lastResult(), "status finds the last run that did work behind more than 100 skipped ones");
    }

    /** {@code n} runs now rather than n minutes of a schedule: each finds the stream empty and is SKIPPED. */
    private static void skippedRuns(EntityObjects e, int n) throws Exception {
        long before = finishedRuns(dev.w, e, "DEV");
        for (int i = 0; i < n; i++) {
            dev.w.execute("EXECUTE TASK " + e.task());
        }
        long deadline = System.currentTimeMillis() + 120_000;
        while (finishedRuns(dev.w, e, "DEV") < before + n) {
            assertTrue(System.currentTimeMillis() < deadline, "the emulator ran the " + n + " requested runs");
            Thread.sleep(100);
        }
    }

    @Test
    @DisplayName("TASK_HISTORY page (DATABASE_NAME, SCHEMA_NAME): a dev and a prod schema with the same task names never see each other's runs")
    void twoSchemasWithTheSameTaskNamesDoNotMix(@TempDir Path work) throws Exception {
        EntityObjects attendance = prod.bundle.entities().get(0);
        String task = attendance.task().sql();
        // prod's attendance task fails every second (and never suspends itself), while dev runs e2e
        prod.w.execute("ALTER TASK " + task + " SUSPEND");
        prod.w.execute("ALTER TASK " + task + " REMOVE WHEN");
        prod.w.execute("ALTER TASK " + task + " MODIFY AS SELECT 1 / 'prod is broken'");
        prod.w.execute("ALTER TASK " + task + " SET SCHEDULE = '1 SECOND' SUSPEND_TASK_AFTER_NUM_FAILURES = 0");
        prod.w.execute("ALTER TASK " + task + " RESUME");
        try {
            long deadline = System.currentTimeMillis() + 30_000;
            while (finishedRuns(prod.w, attendance, "PROD") < 2) {
                assertTrue(System.currentTimeMillis() < deadline, "prod's task ran on its schedule");
                Thread.sleep(100);
            }
            E2eReport r = e2e(dev, work);
            assertTrue(r.passed(), "dev's e2e is not judged by prod's runs: " + r.failures());

            StatusReport devStatus = status(dev);
            assertTrue(devStatus.tasks().stream().noneMatch(t -> "FAILED".equals(t.lastResult())), devStatus.tasks().toString());
            assertTrue(devStatus.verdict().reasons().stream().noneMatch(x -> x.contains("last run failed")),
                    devStatus.verdict().reasons().toString());
            StatusReport prodStatus = status(prod);
            StatusReport.Task failed = prodStatus.tasks().stream().filter(t -> t.name().equals(task)).findFirst().orElseThrow();
            assertEquals("FAILED", failed.lastResult());
            assertTrue(failed.lastError().contains("prod is broken"), failed.lastError());
            assertTrue(prodStatus.verdict().reasons().contains("task " + task + " last run failed: " + failed.lastError()),
                    prodStatus.verdict().reasons().toString());
        } finally {
            prod.w.execute("ALTER TASK " + task + " SUSPEND");
        }
    }

    @Test
    @DisplayName("Tasks intro (SUSPEND_TASK_AFTER_NUM_FAILURES): a run that fails and auto-suspends the task is reported with its error, "
            + "not waited out")
    void aTaskThatSuspendsItselfIsReportedWithItsError(@TempDir Path work) throws Exception {
        Path dir = Files.createDirectories(work.resolve("data"));
        LocalPipeline p = new LocalPipeline(dir, "SUSPENDS_DB");
        try {
            EntityObjects grades = p.bundle.entities().get(1);
            String task = grades.task().sql();
            p.w.execute("ALTER TASK " + task + " SUSPEND");
            p.w.execute("ALTER TASK " + task + " MODIFY AS SELECT 1 / 'grades are broken'");
            p.w.execute("ALTER TASK " + task + " SET SUSPEND_TASK_AFTER_NUM_FAILURES = 1");
            p.w.execute("ALTER TASK " + task + " RESUME");
            long t = System.nanoTime();
            E2eException e = assertThrows(E2eException.class, () -> e2e(p, work.resolve("work")));
            assertTrue((System.nanoTime() - t) / 1_000_000_000 < TIMEOUT.toSeconds(), "reported at once, not after the time-out");
            assertTrue(e.getMessage().startsWith("Task " + task + " FAILED_AND_AUTO_SUSPENDED: "), e.getMessage());
            assertTrue(e.getMessage().contains("grades are broken"), e.getMessage());
            assertTrue(e.getMessage().contains("ALTER TASK " + task + " RESUME"), e.getMessage());

            StatusReport s = status(p);
            StatusReport.Task st = s.tasks().stream().filter(x -> x.name().equals(task)).findFirst().orElseThrow();
            assertEquals("suspended", st.state());
            assertEquals("FAILED_AND_AUTO_SUSPENDED", st.lastResult());
            assertNotNull(st.lastRunAt());
            assertEquals(StatusReport.Level.FAILING, s.verdict().level());
            List<String> reasons = new ArrayList<>(s.verdict().reasons());
            assertTrue(reasons.contains("task " + task + " is suspended (resume: ALTER TASK " + task + " RESUME)"), reasons.toString());
            assertTrue(reasons.stream().anyMatch(x -> x.startsWith("task " + task + " last run failed and the task suspended itself "
                    + "after repeated failures: ") && x.contains("grades are broken")), reasons.toString());
        } finally {
            p.w.close();
        }
    }

    private static StatusReport status(LocalPipeline p) throws Exception {
        return new StatusCollector(p.bundle, p.w).collect();
    }
}

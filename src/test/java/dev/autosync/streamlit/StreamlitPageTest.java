package dev.autosync.streamlit;

import dev.autosync.e2e.E2eReport;
import dev.autosync.e2e.EndToEndCheck;
import dev.autosync.e2e.SampleFiles;
import dev.autosync.emulator.LocalEmulator;
import dev.autosync.emulator.wire.LoginPolicy;
import dev.autosync.pipeline.PipelineSpec;
import dev.autosync.render.Provider;
import dev.autosync.render.QualifiedName;
import dev.autosync.render.RenderFixtures;
import dev.autosync.render.RenderedBundle;
import dev.autosync.render.Renderer;
import dev.autosync.render.StreamlitApp;
import dev.autosync.warehouse.DeployOptions;
import dev.autosync.warehouse.Deployer;
import dev.autosync.warehouse.Secret;
import dev.autosync.warehouse.Target;
import dev.autosync.warehouse.TaskExecution;
import dev.autosync.warehouse.TaskHistory;
import dev.autosync.warehouse.Warehouse;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Auto-Sync Status page end to end: a real render, deploy (with the Streamlit app published as
 * sql-reference/sql/create-streamlit.md documents) and e2e on the emulator, then the page's Python
 * tests (Streamlit's AppTest) and its browser test (streamlit run in headless chromium) against the
 * same emulator, through {@code src/test/python/run-tests.sh}, which builds its virtualenv under
 * {@code target/streamlit-tests} on a fresh machine. A missing python3 or chromium fails this test
 * with the script's message; it never skips itself.
 */
class StreamlitPageTest {
    private static final PipelineSpec SPEC = RenderFixtures.schoolSpec();
    private static final Path WORK = PagePythonTests.WORK;

    @Test
    void thePagePassesItsPythonAndBrowserTestsAfterARealDeployAndE2e() throws Exception {
        Path data = WORK.resolve("data");
        Path out = WORK.resolve("autosync");
        deleteTree(data);
        RenderedBundle b = new Renderer(null).render(RenderFixtures.settings(Provider.INTERNAL).validate(), SPEC);
        new StreamlitApp(null).write(b, SPEC, out);
        try (LocalEmulator emulator = LocalEmulator.start(data, 0, LoginPolicy.anyone(), m -> { }); Warehouse w = connect(emulator)) {
            Deployer d = new Deployer(b, w, DeployOptions.defaults(m -> { }));
            d.apply(d.plan());
            List<String> log = new ArrayList<>();
            StreamlitPublisher publisher = new StreamlitPublisher(b, w, log::add);
            StreamlitPublisher.Outcome first = publisher.publish(out, "LOCAL_WH");
            assertTrue(first.changed());
            List<Map<String, String>> apps = w.query("SHOW STREAMLITS IN SCHEMA " + b.database() + "." + b.schema());
            assertEquals(1, apps.size());
            assertEquals(StreamlitApp.APP_NAME, apps.get(0).get("NAME"));
            assertEquals("LOCAL_WH", apps.get(0).get("QUERY_WAREHOUSE"));
            assertFalse(publisher.publish(out, "LOCAL_WH").changed(), "an unchanged app is left alone");

            E2eReport e2e = new EndToEndCheck(b, SPEC, w, new EndToEndCheck.Settings(Duration.ofSeconds(60), false,
                    WORK.resolve("e2e-work"), m -> { })).run(SampleFiles.shipped(SPEC));
            assertTrue(e2e.passed(), e2e.failures().toString());

            // TASK_HISTORY page: RESULT_LIMIT (default 100) applies before any WHERE, and the function covers the
            // whole account. The page must find the run its test upload started and each task's last run that did
            // work behind more than 100 SKIPPED runs, and never see another schema's runs of tasks with the same names.
            skippedRuns(w, b.entity("GRADES").task(), 105);
            anotherSchemaWhoseAttendanceTaskFailed(w);

            runPythonTests(out, emulator.port());
        }
    }

    /** {@code n} runs now rather than n minutes of a schedule: each finds the stream empty and is SKIPPED. */
    private static void skippedRuns(Warehouse w, QualifiedName task, int n) throws Exception {
        Instant since = TaskHistory.now(w);
        for (int i = 0; i < n; i++) {
            w.execute("EXECUTE TASK " + task);
        }
        long deadline = System.currentTimeMillis() + 120_000;
        while (TaskHistory.runsSince(w, task, since).stream().filter(TaskHistory.TaskRun::finished).count() < n) {
            assertTrue(System.currentTimeMillis() < deadline, "the emulator ran the " + n + " requested runs");
            Thread.sleep(100);
        }
        assertEquals("100", w.scalar("SELECT COUNT(*) FROM TABLE(" + task.database() + ".INFORMATION_SCHEMA.TASK_HISTORY(TASK_NAME => '"
                + task.last() + "'))"), "the function returns at most RESULT_LIMIT (100) rows by default");
    }

    /** The same pipeline deployed in another schema of the same database, whose attendance task's last run FAILED. */
    private static void anotherSchemaWhoseAttendanceTaskFailed(Warehouse w) throws Exception {
        RenderedBundle other = new Renderer(null).render(RenderFixtures.settings(Provider.INTERNAL).schema("AUTOSYNC_OTHER").validate(),
                SPEC);
        Deployer d = new Deployer(other, w, DeployOptions.defaults(m -> { }));
        d.apply(d.plan());
        QualifiedName task = other.entity("ATTENDANCE").task();
        for (String sql : List.of("ALTER TASK " + task + " SUSPEND", "ALTER TASK " + task + " REMOVE WHEN",
                "ALTER TASK " + task + " MODIFY AS SELECT 1 / 'the other schema is broken'")) {
            w.execute(sql);
        }
        TaskExecution.Outcome o = TaskExecution.run(w, task, Duration.ofSeconds(60));
        assertTrue(o.ended() && o.run().orElseThrow().unsuccessful(), o.pending());
    }

    private static void runPythonTests(Path out, int port) throws Exception {
        String output = PagePythonTests.run(out, port, null, Map.of());
        assertTrue(output.contains("browser test passed"), output);
    }

    private static Warehouse connect(LocalEmulator e) throws Exception {
        Target t = new Target(Target.Kind.SNOWFLAKE, e.jdbcUrl(), Map.of("user", "PAGE", "account", "local", "ssl", "off",
                "disablePlatformDetection", "true"), Map.of("password", Secret.of("x")), null, LoginPolicy.anyone(), List.of());
        return Warehouse.connect(t, m -> { });
    }

    private static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> s = Files.walk(p)) {
            for (Path x : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(x);
            }
        }
    }
}

package dev.autosync.streamlit;

import dev.autosync.e2e.E2eReport;
import dev.autosync.e2e.EndToEndCheck;
import dev.autosync.e2e.SampleFiles;
import dev.autosync.emulator.LocalEmulator;
import dev.autosync.emulator.wire.LoginPolicy;
import dev.autosync.pipeline.PipelineSpec;
import dev.autosync.render.Provider;
import dev.autosync.render.RenderFixtures;
import dev.autosync.render.RenderedBundle;
import dev.autosync.render.Renderer;
import dev.autosync.render.StreamlitApp;
import dev.autosync.warehouse.DeployOptions;
import dev.autosync.warehouse.Deployer;
import dev.autosync.warehouse.Secret;
import dev.autosync.warehouse.Target;
import dev.autosync.warehouse.Warehouse;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
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
    private static final Path WORK = Path.of("target", "streamlit-tests").toAbsolutePath();

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

            runPythonTests(out, emulator.port());
        }
    }

    private static void runPythonTests(Path out, int port) throws Exception {
        Path script = Path.of("src", "test", "python", "run-tests.sh").toAbsolutePath();
        Path logFile = WORK.resolve("run-tests.log");
        ProcessBuilder pb = new ProcessBuilder("bash", script.toString()).redirectErrorStream(true)
                .redirectOutput(logFile.toFile());
        pb.environment().put("AUTOSYNC_APP_DIR", out.toString());
        pb.environment().put("AUTOSYNC_LOCAL_URL", "http://127.0.0.1:" + port);
        pb.environment().put("AUTOSYNC_WORK_DIR", WORK.toString());
        Process p = pb.start();
        boolean finished = p.waitFor(15, TimeUnit.MINUTES);
        String output = Files.readString(logFile, StandardCharsets.UTF_8);
        System.out.println(output);
        if (!finished) {
            p.destroyForcibly();
        }
        assertTrue(finished, "the page's tests did not finish within 15 minutes:\n" + tail(output));
        assertEquals(0, p.exitValue(), "the page's Python or browser tests failed (" + logFile + "):\n" + tail(output));
        assertTrue(output.contains(" passed"), output);
        assertTrue(output.contains("browser test passed"), output);
    }

    private static String tail(String s) {
        return s.length() <= 6000 ? s : "..." + s.substring(s.length() - 6000);
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

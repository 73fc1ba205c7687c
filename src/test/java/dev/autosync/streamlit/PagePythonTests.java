package dev.autosync.streamlit;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs the page's Python tests through {@code src/test/python/run-tests.sh}, which builds its
 * virtualenv under {@code target/streamlit-tests} once (a missing python3 fails with its message).
 */
public final class PagePythonTests {
    /** Where the virtualenv, node modules, screenshots and the tests' files go. */
    public static final Path WORK = Path.of("target", "streamlit-tests").toAbsolutePath();

    private PagePythonTests() {
    }

    /**
     * Runs the tests (all of the page's AppTest tests and the browser test when {@code target} is null; else only
     * {@code target}, a path under src/test/python) against the app rendered under {@code appOut} and the emulator
     * on {@code port} (null: none); fails the calling test when they fail. Returns their output.
     */
    public static String run(Path appOut, Integer port, String target, Map<String, String> env) throws Exception {
        Path script = Path.of("src", "test", "python", "run-tests.sh").toAbsolutePath();
        Files.createDirectories(WORK);
        Path logFile = WORK.resolve(target == null ? "run-tests.log" : "run-tests-" + Path.of(target).getFileName() + ".log");
        ProcessBuilder pb = new ProcessBuilder("bash", script.toString()).redirectErrorStream(true).redirectOutput(logFile.toFile());
        pb.environment().put("AUTOSYNC_APP_DIR", appOut.toString());
        pb.environment().put("AUTOSYNC_LOCAL_URL", port == null ? "http://127.0.0.1:9" : "http://127.0.0.1:" + port);
        pb.environment().put("AUTOSYNC_WORK_DIR", WORK.toString());
        if (target != null) {
            pb.environment().put("AUTOSYNC_PYTEST_TARGET", target);
            pb.environment().put("AUTOSYNC_BROWSER_TEST", "false");
        }
        pb.environment().putAll(env);
        Process p = pb.start();
        boolean finished = p.waitFor(15, TimeUnit.MINUTES);
        String output = Files.readString(logFile, StandardCharsets.UTF_8);
        System.out.println(output);
        if (!finished) {
            p.destroyForcibly();
        }
        assertTrue(finished, "the page's tests did not finish within 15 minutes:\n" + tail(output));
        assertEquals(0, p.exitValue(), "the page's Python tests failed (" + logFile + "):\n" + tail(output));
        assertTrue(output.contains(" passed"), output);
        return output;
    }

    private static String tail(String s) {
        return s.length() <= 6000 ? s : "..." + s.substring(s.length() - 6000);
    }
}

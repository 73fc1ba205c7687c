package dev.autosync.e2e;

import dev.autosync.emulator.LocalEmulator;
import dev.autosync.emulator.wire.LoginPolicy;
import dev.autosync.pipeline.PipelineSpec;
import dev.autosync.render.Provider;
import dev.autosync.render.RenderFixtures;
import dev.autosync.render.RenderedBundle;
import dev.autosync.render.Renderer;
import dev.autosync.warehouse.DeployOptions;
import dev.autosync.warehouse.Deployer;
import dev.autosync.warehouse.Secret;
import dev.autosync.warehouse.Target;
import dev.autosync.warehouse.Warehouse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * "Parameters" page (DATE_OUTPUT_FORMAT, TIMESTAMP_OUTPUT_FORMAT, TIMESTAMP_NTZ/LTZ/TZ_OUTPUT_FORMAT,
 * set for a user, the account or a session): an account whose sessions print dates and
 * timestamps another way must not fail e2e. The emulator keeps a session's output formats (set at
 * login or by ALTER SESSION) and sends them with each result, so the driver prints as Snowflake's would.
 */
class OutputFormatsTest {
    private static final PipelineSpec SPEC = RenderFixtures.schoolSpec();
    /** Formats a district's account might use: day first, 12-hour clock, no seconds. */
    private static final Map<String, String> DISTRICT_FORMATS = Map.of("DATE_OUTPUT_FORMAT", "DD/MM/YYYY",
            "TIMESTAMP_NTZ_OUTPUT_FORMAT", "MM/DD/YYYY HH12:MI AM", "TIMESTAMP_LTZ_OUTPUT_FORMAT", "DD.MM.YYYY HH24:MI",
            "TIMESTAMP_TZ_OUTPUT_FORMAT", "DD.MM.YYYY HH24:MI TZH", "TIMESTAMP_OUTPUT_FORMAT", "DD.MM.YYYY HH24:MI TZHTZM");
    private static LocalEmulator emulator;

    @BeforeAll
    static void start() throws Exception {
        emulator = LocalEmulator.start(Files.createTempDirectory("output-formats"), 0, null, null, m -> { });
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    /** A connection whose session parameters are {@code formats} (as a user's or account's defaults would give it). */
    private static Warehouse connect(Map<String, String> formats) throws Exception {
        Map<String, String> props = new HashMap<>(Map.of("user", "E2E", "account", "local", "ssl", "off",
                "disablePlatformDetection", "true"));
        props.putAll(formats);
        return Warehouse.connect(new Target(Target.Kind.SNOWFLAKE, emulator.jdbcUrl(), props, Map.of("password", Secret.of("x")),
                null, LoginPolicy.anyone(), List.of()), m -> { });
    }

    @Test
    @DisplayName("Parameters page: a session's DATE_OUTPUT_FORMAT and TIMESTAMP_NTZ_OUTPUT_FORMAT shape getString(), at login and by ALTER SESSION")
    void theSessionsOutputFormatsShapeTheText() throws Exception {
        try (Warehouse w = connect(DISTRICT_FORMATS)) {
            assertEquals("01/09/2026", w.scalar("SELECT '2026-09-01'::DATE"));
            assertEquals("09/01/2026 08:05 PM", w.scalar("SELECT '2026-09-01 20:05:07'::TIMESTAMP_NTZ"));
        }
        try (Warehouse w = connect(Map.of())) {
            assertEquals("2026-09-01", w.scalar("SELECT '2026-09-01'::DATE"), "Snowflake's default");
            w.execute("ALTER SESSION SET DATE_OUTPUT_FORMAT = 'MM-DD-YYYY'");
            assertEquals("09-01-2026", w.scalar("SELECT '2026-09-01'::DATE"));
            w.execute("ALTER SESSION UNSET DATE_OUTPUT_FORMAT");
            assertEquals("2026-09-01", w.scalar("SELECT '2026-09-01'::DATE"));
        }
    }

    @Test
    @DisplayName("Parameters page: e2e passes on an account whose sessions print dates and timestamps in non-default formats")
    void e2ePassesWhateverTheSessionsOutputFormats(@TempDir Path work) throws Exception {
        RenderedBundle b = new Renderer(null).render(RenderFixtures.settings(Provider.INTERNAL).database("FORMATS_DB").validate(), SPEC);
        try (Warehouse w = connect(DISTRICT_FORMATS)) {
            Deployer d = new Deployer(b, w, DeployOptions.defaults(m -> { }));
            d.apply(d.plan());
            E2eReport r = new EndToEndCheck(b, SPEC, w, new EndToEndCheck.Settings(Duration.ofSeconds(60), false, work, m -> { }))
                    .run(SampleFiles.shipped(SPEC));
            assertTrue(r.passed(), r.failures().toString());
            assertEquals("01/09/2026", w.scalar("SELECT '2026-09-01'::DATE"), "e2e leaves the session's formats as they were");
        }
    }
}

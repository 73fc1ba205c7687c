package dev.autosync.streamlit;

import dev.autosync.emulator.LocalEmulator;
import dev.autosync.emulator.wire.LoginPolicy;
import dev.autosync.pipeline.PipelineSpec;
import dev.autosync.pipeline.PipelineSpecReader;
import dev.autosync.render.Provider;
import dev.autosync.render.RenderFixtures;
import dev.autosync.render.RenderedBundle;
import dev.autosync.render.Renderer;
import dev.autosync.render.StreamlitApp;
import dev.autosync.status.JsonFormat;
import dev.autosync.status.StatusCollector;
import dev.autosync.status.StatusReport;
import dev.autosync.warehouse.DeployOptions;
import dev.autosync.warehouse.Deployer;
import dev.autosync.warehouse.Secret;
import dev.autosync.warehouse.Target;
import dev.autosync.warehouse.Warehouse;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The page's verdict stays status's verdict. One emulator state holds what each rule judges: a paused
 * pipe (FAILING; SYSTEM$PIPE_STATUS page), a pipe whose status carries only a fault (shown, not judged),
 * an entity past its freshness limit (DEGRADED; issue 18) and a rejected record (DEGRADED). status's JSON
 * for that state goes to the page's AppTest tests (src/test/python/agreement/test_verdict_agreement.py),
 * which run the real page against the same emulator and compare the verdict, each reason's level and
 * the objects it is about, the fault, freshness and each task's last run.
 */
class StatusPageAgreementTest {
    private static final String FAULT = "autosync.emulator.test.pipeFault";

    @Test
    @DisplayName("The page's verdict and reasons' levels are status's, for a failing pipe, a fault, a stale entity and rejects")
    void thePageJudgesAsStatusDoes() throws Exception {
        Path work = PagePythonTests.WORK.resolve("agreement");
        Path data = work.resolve("data");
        Path out = work.resolve("autosync");
        deleteTree(data);
        String school = new String(PipelineSpecReader.class.getClassLoader().getResourceAsStream(PipelineSpecReader.DEFAULT_RESOURCE)
                .readAllBytes(), StandardCharsets.UTF_8);
        // attendance must see an event at least every minute, every day: it has none, so it is stale at any time
        PipelineSpec spec = new PipelineSpecReader().read(school.replace("\"folder\": \"attendance\",",
                "\"folder\": \"attendance\", \"freshness\": {\"limitMinutes\": 1},"), "agreement.json");
        RenderedBundle b = new Renderer(null).render(RenderFixtures.settings(Provider.INTERNAL).validate(), spec);
        new StreamlitApp(null).write(b, spec, out);
        System.setProperty(FAULT, "STUDENTS_PIPE");
        try (LocalEmulator emulator = LocalEmulator.start(data, 0, LoginPolicy.anyone(), m -> { }); Warehouse w = connect(emulator)) {
            Deployer d = new Deployer(b, w, DeployOptions.defaults(m -> { }));
            d.apply(d.plan());
            w.execute("ALTER PIPE " + b.entity("GRADES").pipe() + " SET PIPE_EXECUTION_PAUSED = TRUE");
            w.execute("INSERT INTO " + b.entity("STUDENTS").rejectsTable() + " (EVENT_ID, REJECT_REASON, FILE_NAME, FILE_ROW_NUMBER, "
                    + "LOADED_AT, REJECTED_AT) VALUES ('agreement-1', 'missing student_id', 'students/agreement/s.json', 1, "
                    + "CURRENT_TIMESTAMP(), CURRENT_TIMESTAMP())");

            StatusReport status = new StatusCollector(b, w).collect();
            assertEquals(StatusReport.Level.FAILING, status.verdict().level(), status.verdict().toString());
            assertEquals(List.of(StatusReport.Level.FAILING, StatusReport.Level.DEGRADED, StatusReport.Level.DEGRADED),
                    status.verdict().reasonLevels(), status.verdict().toString());
            Path json = work.resolve("status.json");
            Files.writeString(json, JsonFormat.render(status));
            String output = PagePythonTests.run(out, emulator.port(), "agreement/test_verdict_agreement.py",
                    Map.of("AUTOSYNC_STATUS_JSON", json.toString()));
            assertTrue(output.contains("4 passed"), output);
        } finally {
            System.clearProperty(FAULT);
        }
    }

    private static Warehouse connect(LocalEmulator e) throws Exception {
        Target t = new Target(Target.Kind.SNOWFLAKE, e.jdbcUrl(), Map.of("user", "PAGE", "account", "local", "ssl", "off",
                "disablePlatformDetection", "true"), Map.of("password", Secret.of("x")), null, LoginPolicy.anyone(), List.of());
        return Warehouse.connect(t, m -> { });
    }

    private static void deleteTree(Path p) throws Exception {
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

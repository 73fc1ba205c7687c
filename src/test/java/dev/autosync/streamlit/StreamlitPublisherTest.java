package dev.autosync.streamlit;

import dev.autosync.emulator.LocalEmulator;
import dev.autosync.emulator.wire.LoginPolicy;
import dev.autosync.pipeline.PipelineSpec;
import dev.autosync.render.Provider;
import dev.autosync.render.RenderFixtures;
import dev.autosync.render.RenderedBundle;
import dev.autosync.render.Renderer;
import dev.autosync.render.StreamlitApp;
import dev.autosync.warehouse.DeployException;
import dev.autosync.warehouse.Secret;
import dev.autosync.warehouse.Target;
import dev.autosync.warehouse.Warehouse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Publishing the app as sql-reference/sql/create-streamlit.md documents it: files PUT to a stage, the
 * object created FROM it; unchanged files leave it alone, a changed file or warehouse creates it again
 * (CREATE copies the files only once), and a file no longer rendered leaves the stage.
 */
class StreamlitPublisherTest {
    private static final PipelineSpec SPEC = RenderFixtures.schoolSpec();

    @Test
    void republishesOnlyWhenAFileOrTheWarehouseChanges(@TempDir Path dir) throws Exception {
        RenderedBundle b = new Renderer(null).render(RenderFixtures.settings(Provider.INTERNAL).validate(), SPEC);
        Path out = dir.resolve("autosync");
        new StreamlitApp(null).write(b, SPEC, out);
        try (LocalEmulator e = LocalEmulator.start(dir.resolve("data"), 0, LoginPolicy.anyone(), m -> { }); Warehouse w = connect(e)) {
            w.execute("CREATE DATABASE IF NOT EXISTS " + b.database());
            w.execute("CREATE SCHEMA IF NOT EXISTS " + b.database() + "." + b.schema());
            List<String> log = new ArrayList<>();
            StreamlitPublisher p = new StreamlitPublisher(b, w, log::add);
            assertTrue(p.publish(out, "WH_A").changed());
            String comment = show(w).get("COMMENT");
            assertTrue(comment.startsWith(StreamlitPublisher.CHECKSUM_PREFIX), comment);
            assertFalse(p.publish(out, "WH_A").changed());

            assertTrue(p.publish(out, "WH_B").changed(), "a new warehouse");
            assertEquals("WH_B", show(w).get("QUERY_WAREHOUSE"));

            Path sample = out.resolve("streamlit/samples/students_sample.json");
            Files.delete(sample);
            StreamlitPublisher.Outcome changed = p.publish(out, "WH_B");
            assertTrue(changed.changed());
            assertEquals(6, changed.filesPut());
            assertFalse(comment.equals(show(w).get("COMMENT")), "the new checksum");
            assertTrue(w.query("LIST @" + StreamlitApp.appStage(b)).stream().noneMatch(r -> r.get("NAME").endsWith("students_sample.json")),
                    "the stage holds only the rendered files");
            assertEquals(3, log.size(), log.toString());
        }
    }

    @Test
    void anUnrenderedAppIsRefusedWithTheFix(@TempDir Path dir) throws Exception {
        RenderedBundle b = new Renderer(null).render(RenderFixtures.settings(Provider.INTERNAL).validate(), SPEC);
        try (LocalEmulator e = LocalEmulator.start(dir.resolve("data"), 0, LoginPolicy.anyone(), m -> { }); Warehouse w = connect(e)) {
            DeployException x = assertThrows(DeployException.class, () -> new StreamlitPublisher(b, w, m -> { }).publish(dir, "WH"));
            assertTrue(x.getMessage().contains("Run autosync:render first"), x.getMessage());
        }
    }

    private static Map<String, String> show(Warehouse w) throws Exception {
        List<Map<String, String>> rows = w.query("SHOW STREAMLITS LIKE 'AUTOSYNC_STATUS_APP' IN ACCOUNT");
        assertEquals(1, rows.size());
        return rows.get(0);
    }

    private static Warehouse connect(LocalEmulator e) throws Exception {
        Target t = new Target(Target.Kind.SNOWFLAKE, e.jdbcUrl(), Map.of("user", "PUB", "account", "local", "ssl", "off",
                "disablePlatformDetection", "true"), Map.of("password", Secret.of("x")), null, LoginPolicy.anyone(), List.of());
        return Warehouse.connect(t, m -> { });
    }
}

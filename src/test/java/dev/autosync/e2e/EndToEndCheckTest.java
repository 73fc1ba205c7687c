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
import dev.autosync.warehouse.Target;
import dev.autosync.warehouse.Warehouse;
import dev.autosync.warehouse.WarehouseException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The e2e run's housekeeping: a run cut off from the warehouse fails clearly, and the next run removes its leftovers. */
class EndToEndCheckTest {
    private static final PipelineSpec SPEC = RenderFixtures.schoolSpec();

    private static Warehouse connect(LocalEmulator e) throws Exception {
        // a short retry budget, so a dead server is reported in seconds rather than the driver's default minutes
        Target t = new Target(Target.Kind.SNOWFLAKE, e.jdbcUrl(), Map.of("user", "E2E", "account", "local", "ssl", "off",
                "disablePlatformDetection", "true", "retryTimeout", "3", "networkTimeout", "3000"),
                Map.of("password", dev.autosync.warehouse.Secret.of("x")), null,
                LoginPolicy.anyone(), List.of());
        return Warehouse.connect(t, m -> { });
    }

    private static long leftovers(Warehouse w, RenderedBundle b, String run) throws Exception {
        long n = 0;
        for (var e : b.entities()) {
            n += Long.parseLong(w.scalar("SELECT COUNT(*) FROM " + e.landingTable() + " WHERE FILE_NAME LIKE '%" + run + "%'"));
            n += Long.parseLong(w.scalar("SELECT COUNT(*) FROM " + e.normalisedTable() + " WHERE STUDENT_ID LIKE '" + run + "%'"));
        }
        n += w.query("LIST @" + b.e2eStage()).stream().filter(r -> r.get("NAME").contains(run)).count();
        return n;
    }

    @Test
    void aRunCutOffFromTheWarehouseFailsClearlyAndTheNextRunRemovesItsLeftovers(@TempDir Path dir) throws Exception {
        RenderedBundle b = new Renderer(null).render(RenderFixtures.settings(Provider.INTERNAL).validate(), SPEC);
        String old = "E2E-20200101-000000-OLD2";
        LocalEmulator first = LocalEmulator.start(dir.resolve("data"), 0, null, null, m -> { });
        Warehouse w = connect(first);
        Deployer d = new Deployer(b, w, DeployOptions.defaults(m -> { }));
        d.apply(d.plan());
        // the files never load (the pipes are paused), so the run waits; the server goes away under it
        for (var e : b.entities()) {
            w.execute("ALTER PIPE " + e.e2ePipe() + " SET PIPE_EXECUTION_PAUSED = TRUE");
        }
        List<String> progress = new ArrayList<>();
        EndToEndCheck cut = new EndToEndCheck(b, SPEC, w, new EndToEndCheck.Settings(Duration.ofSeconds(60), false,
                dir.resolve("work"), m -> {
                    progress.add(m);
                    if (m.startsWith("waiting for")) {
                        first.close();
                    }
                }), old);
        long t = System.nanoTime();
        WarehouseException e = assertThrows(WarehouseException.class, () -> cut.run(SampleFiles.shipped(SPEC)));
        assertTrue((System.nanoTime() - t) / 1_000_000_000 < 60, "reported without waiting out the timeout");
        assertTrue(e.getMessage().contains("communication error") || e.getMessage().contains("Connection refused")
                || e.getMessage().contains("shutting down"), e.getMessage());
        assertTrue(progress.stream().anyMatch(m -> m.contains("next e2e run removes")), progress.toString());

        try (LocalEmulator second = LocalEmulator.start(dir.resolve("data"), 0, null, null, m -> { }); Warehouse w2 = connect(second)) {
            assertTrue(leftovers(w2, b, old) > 0, "the cut-off run left files behind");
            for (var x : b.entities()) {
                w2.execute("ALTER PIPE " + x.e2ePipe() + " SET PIPE_EXECUTION_PAUSED = FALSE");
            }
            for (var x : b.entities()) { // the cut-off run's queued files load now, later than it meant
                long deadline = System.currentTimeMillis() + 30_000;
                while (!w2.scalar("SELECT SYSTEM$PIPE_STATUS('" + x.e2ePipe() + "')").contains("\"pendingFileCount\":0")) {
                    assertTrue(System.currentTimeMillis() < deadline);
                    Thread.sleep(50);
                }
            }
            E2eReport next = new EndToEndCheck(b, SPEC, w2, new EndToEndCheck.Settings(Duration.ofSeconds(60), false,
                    dir.resolve("work"), m -> { })).run(SampleFiles.shipped(SPEC));
            assertTrue(next.passed(), next.failures().toString());
            assertEquals(0, leftovers(w2, b, old), "the next run removed the old run's files and rows");
            assertEquals(0, leftovers(w2, b, next.runId()), "and its own");
        }
    }
}

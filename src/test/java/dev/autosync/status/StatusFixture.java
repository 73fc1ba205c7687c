package dev.autosync.status;

import dev.autosync.emulator.LoginPolicy;
import dev.autosync.render.Provider;
import dev.autosync.render.RenderFixtures;
import dev.autosync.render.RenderedBundle;
import dev.autosync.render.Renderer;
import dev.autosync.warehouse.DeployOptions;
import dev.autosync.warehouse.Deployer;
import dev.autosync.warehouse.Target;
import dev.autosync.warehouse.Warehouse;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A deployed internal-stage pipeline on the local target (the in-process emulator of a data
 * folder), with good and bad files loaded through the attendance pipe, for status tests.
 */
final class StatusFixture {
    final RenderedBundle bundle;
    final Warehouse w;
    final Path dataDir;

    StatusFixture(Path dataDir, String database) throws Exception {
        this.dataDir = dataDir;
        bundle = new Renderer(null).render(RenderFixtures.settings(Provider.INTERNAL).database(database).validate(),
                RenderFixtures.schoolSpec());
        Target t = new Target(Target.Kind.LOCAL, null, Map.of(), Map.of(), dataDir, LoginPolicy.anyone(), List.of());
        w = Warehouse.connect(t, m -> { });
        Deployer d = new Deployer(bundle, w, DeployOptions.defaults(m -> { }));
        d.apply(d.plan());
    }

    /** PUTs files into the attendance folder of the pipeline's stage and waits until the pipe has taken them. */
    void load(Map<String, String> files) throws Exception {
        Path dir = Files.createTempDirectory("status-files");
        for (Map.Entry<String, String> f : files.entrySet()) {
            Path p = Files.writeString(dir.resolve(f.getKey()), f.getValue(), StandardCharsets.UTF_8);
            w.execute("PUT 'file://" + p + "' @" + bundle.stage() + "/attendance/ AUTO_COMPRESS = FALSE");
        }
        String pipe = bundle.entities().get(0).pipe();
        w.execute("ALTER PIPE " + pipe + " REFRESH");
        long deadline = System.currentTimeMillis() + 30_000;
        while (!w.scalar("SELECT SYSTEM$PIPE_STATUS('" + pipe + "')").contains("\"pendingFileCount\":0")) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("the pipe did not load " + files.keySet());
            }
            Thread.sleep(50);
        }
    }

    static String event(String id, String student) {
        return "{\"event_id\":\"" + id + "\",\"event_type\":\"CHECK_IN\",\"student_id\":\"" + student
                + "\",\"attendance_date\":\"2026-09-01\",\"event_timestamp\":\"2026-09-01T08:00:00Z\"}\n";
    }
}

package dev.autosync.testing;

import dev.autosync.emulator.wire.LoginPolicy;
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
 * The default pipeline rendered for the internal stage and deployed on the local target (the
 * in-process emulator of a data folder), with helpers to load files through an entity's pipe.
 */
public final class LocalPipeline {
    public final RenderedBundle bundle;
    public final Warehouse w;
    public final Path dataDir;

    public LocalPipeline(Path dataDir, String database) throws Exception {
        this(dataDir, database, "AUTOSYNC");
    }

    /** The pipeline deployed in {@code database.schema}: two schemas of one database stand for a dev and a prod deployment. */
    public LocalPipeline(Path dataDir, String database, String schema) throws Exception {
        this.dataDir = dataDir;
        bundle = new Renderer(null).render(RenderFixtures.settings(Provider.INTERNAL).database(database).schema(schema).validate(),
                RenderFixtures.schoolSpec());
        Target t = new Target(Target.Kind.LOCAL, null, Map.of(), Map.of(), dataDir, LoginPolicy.anyone(), List.of());
        w = Warehouse.connect(t, m -> { });
        Deployer d = new Deployer(bundle, w, DeployOptions.defaults(m -> { }));
        d.apply(d.plan());
    }

    /** PUTs text files into the attendance folder of the pipeline's stage and waits until the pipe has taken them. */
    public void load(Map<String, String> files) throws Exception {
        Path dir = Files.createTempDirectory("pipeline-files");
        List<Path> paths = new java.util.ArrayList<>();
        for (Map.Entry<String, String> f : files.entrySet()) {
            paths.add(Files.writeString(dir.resolve(f.getKey()), f.getValue(), StandardCharsets.UTF_8));
        }
        load(0, paths);
    }

    /** PUTs files (as they are) into the folder of the n-th entity and waits until its pipe has taken them. */
    public void load(int entity, List<Path> files) throws Exception {
        for (Path p : files) {
            w.execute("PUT 'file://" + p.toAbsolutePath() + "' @" + bundle.stage() + "/" + bundle.entities().get(entity).folder()
                    + "/ AUTO_COMPRESS = FALSE");
        }
        String pipe = bundle.entities().get(entity).pipe().sql();
        w.execute("ALTER PIPE " + pipe + " REFRESH");
        long deadline = System.currentTimeMillis() + 120_000;
        while (!w.scalar("SELECT SYSTEM$PIPE_STATUS('" + pipe + "')").contains("\"pendingFileCount\":0")) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("the pipe did not load " + files);
            }
            Thread.sleep(50);
        }
    }

    public static String event(String id, String student) {
        return "{\"event_id\":\"" + id + "\",\"event_type\":\"CHECK_IN\",\"student_id\":\"" + student
                + "\",\"attendance_date\":\"2026-09-01\",\"event_timestamp\":\"2026-09-01T08:00:00Z\"}\n";
    }
}

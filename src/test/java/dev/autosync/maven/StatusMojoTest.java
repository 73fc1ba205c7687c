package dev.autosync.maven;

import dev.autosync.render.Manifest;
import dev.autosync.render.Provider;
import dev.autosync.render.RenderFixtures;
import dev.autosync.render.RenderedBundle;
import dev.autosync.render.Renderer;
import dev.autosync.emulator.wire.LoginPolicy;
import dev.autosync.warehouse.DeployOptions;
import dev.autosync.warehouse.Deployer;
import dev.autosync.warehouse.LocalTargets;
import dev.autosync.warehouse.Target;
import dev.autosync.warehouse.Warehouse;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoParameter;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** status -Dautosync.status.failOnUnhealthy through the goal, on a pipeline with a paused pipe and a suspended task. */
@MojoTest
class StatusMojoTest {
    private static final Path DATA = Path.of("target", "status-mojo-test", "local");
    private static final Path OUT = Path.of("target", "status-mojo-test", "autosync");

    /** A data directory an earlier build of the emulator wrote is not this test's subject: each run starts empty. */
    @BeforeAll
    static void clean() throws java.io.IOException {
        if (Files.exists(DATA.getParent())) {
            try (var paths = Files.walk(DATA.getParent())) {
                for (Path p : (Iterable<Path>) paths.sorted(java.util.Comparator.reverseOrder())::iterator) {
                    Files.delete(p);
                }
            }
        }
    }

    @AfterEach
    void stop() {
        LocalTargets.stopAll();
    }

    private static RenderedBundle deployUnhealthy() throws Exception {
        RenderedBundle b = new Renderer(null).render(RenderFixtures.settings(Provider.INTERNAL).validate(), RenderFixtures.schoolSpec());
        Files.createDirectories(OUT);
        Files.writeString(OUT.resolve("manifest.json"), Manifest.toJson(b));
        try (Warehouse w = Warehouse.connect(new Target(Target.Kind.LOCAL, null, Map.of(), Map.of(), DATA, LoginPolicy.anyone(),
                List.of()), m -> { })) {
            Deployer d = new Deployer(b, w, DeployOptions.defaults(m -> { }));
            d.apply(d.plan());
            w.execute("ALTER PIPE " + b.entities().get(0).pipe() + " SET PIPE_EXECUTION_PAUSED = TRUE");
            w.execute("ALTER TASK " + b.entities().get(1).task() + " SUSPEND");
        }
        return b;
    }

    @Test
    @InjectMojo(goal = StatusMojo.GOAL_NAME)
    @MojoParameter(name = "emulatorDataDir", value = "target/status-mojo-test/local")
    @MojoParameter(name = "outputDirectory", value = "target/status-mojo-test/autosync")
    @MojoParameter(name = "failOnUnhealthy", value = "true")
    void failOnUnhealthyFailsNamingThePausedPipeAndTheSuspendedTask(StatusMojo mojo) throws Exception {
        RenderedBundle b = deployUnhealthy();
        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);
        assertTrue(e.getMessage().startsWith("The pipeline is FAILING"), e.getMessage());
        assertTrue(e.getMessage().contains("pipe " + b.entities().get(0).pipe() + " is PAUSED"), e.getMessage());
        assertTrue(e.getMessage().contains("task " + b.entities().get(1).task() + " is suspended"), e.getMessage());
    }

    @Test
    @InjectMojo(goal = StatusMojo.GOAL_NAME)
    @MojoParameter(name = "emulatorDataDir", value = "target/status-mojo-test/local")
    @MojoParameter(name = "outputDirectory", value = "target/status-mojo-test/autosync")
    void withoutTheFlagAnUnhealthyPipelineIsReportedNotFailed(StatusMojo mojo) throws Exception {
        deployUnhealthy();
        mojo.execute();
    }

    @Test
    @InjectMojo(goal = StatusMojo.GOAL_NAME)
    @MojoParameter(name = "format", value = "pdf")
    void anUnknownFormatIsAClearFailure(StatusMojo mojo) {
        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);
        assertTrue(e.getMessage().contains("use table, json or html"), e.getMessage());
    }
}

package dev.autosync.warehouse;

import dev.autosync.emulator.EmulatorFixture;
import dev.autosync.emulator.wire.LoginPolicy;
import dev.autosync.render.Provider;
import dev.autosync.render.RenderedBundle;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A deploy whose JVM is killed (SIGKILL) at a random moment, against a running emulator: the next
 * deploy finishes the job, a third changes nothing, and the pipeline is healthy.
 */
class DeployKillTest {
    private static EmulatorFixture fx;

    @BeforeAll
    static void start() throws Exception {
        fx = new EmulatorFixture();
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    /** Deploys the S3 pipeline into the database named by args[1] on the emulator at args[0], printing each object. */
    public static void main(String[] args) throws Exception {
        RenderedBundle b = DeployerTest.bundle(Provider.S3, args[1]);
        Target t = new Target(Target.Kind.SNOWFLAKE, args[0], Map.of("user", "KILLED", "account", "local", "ssl", "off",
                "disablePlatformDetection", "true"), Map.of("password", Secret.of("x")), null, LoginPolicy.anyone(), List.of());
        try (Warehouse w = Warehouse.connect(t, m -> { })) {
            Deployer d = new Deployer(b, w, DeployOptions.defaults(m -> {
                System.out.println(m);
                System.out.flush();
            }));
            d.apply(d.plan());
        }
        System.out.println("DONE");
    }

    @Test
    void aDeployKilledAtARandomMomentConvergesOnTheNextRun() throws Exception {
        Random r = new Random();
        List<String> outcomes = new ArrayList<>();
        for (int attempt = 0; attempt < 5; attempt++) {
            String db = "KILLED_" + attempt;
            long delay = 700 + r.nextInt(900); // JVM start and login take about a second; the deploy about one more
            Path log = java.nio.file.Files.createTempFile("deploy-kill", ".log");
            String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process p = new ProcessBuilder(javaBin, "-cp", System.getProperty("java.class.path"), DeployKillTest.class.getName(),
                    fx.emulator().jdbcUrl(), db).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            Thread.sleep(delay);
            p.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            String out = java.nio.file.Files.readString(log);
            long applied = out.lines().filter(l -> l.startsWith("CREATE")).count();
            outcomes.add(delay + " ms: " + (out.contains("DONE") ? "finished" : applied + " objects applied"));
            RenderedBundle b = DeployerTest.bundle(Provider.S3, db);
            try (Warehouse w = DeployerTest.warehouse(fx)) {
                Deployer next = new Deployer(b, w, DeployerTest.options(new ArrayList<>()));
                next.apply(next.plan());
                DeployPlan after = new Deployer(b, w, DeployerTest.options(new ArrayList<>())).plan();
                assertEquals(b.statements().size(), after.counts().get(DeployAction.UNCHANGED), String.join("\n", after.table()));
                assertTrue(after.resumes().isEmpty());
                assertEquals(List.of(), HealthGate.problems(b, w));
            }
        }
        System.out.println("deploy kill test: " + outcomes);
    }
}

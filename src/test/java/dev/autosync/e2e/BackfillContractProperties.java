package dev.autosync.e2e;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autosync.backfill.Backfill;
import dev.autosync.backfill.BackfillSettings;
import dev.autosync.e2e.SchoolEvents.EventFile;
import dev.autosync.emulator.EmulatorFixture;
import dev.autosync.emulator.wire.LoginPolicy;
import dev.autosync.pipeline.EntitySpec;
import dev.autosync.render.Provider;
import dev.autosync.render.RenderFixtures;
import dev.autosync.render.RenderedBundle;
import dev.autosync.render.Renderer;
import dev.autosync.warehouse.Secret;
import dev.autosync.warehouse.Target;
import dev.autosync.warehouse.Warehouse;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Backfill and live loading together: for any split of an entity's history between files staged
 * before the pipe (loaded by autosync:backfill's COPY) and files that arrive live (loaded by the
 * pipe), interleaved in any order with task runs and repeated backfills, the landing table holds
 * every record exactly once and the normalised and rejects tables equal the {@link ContractModel}'s.
 */
class BackfillContractProperties {
    private static final List<String> ENTITIES = List.of("ATTENDANCE", "GRADES", "STUDENTS");
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmulatorFixture fx;

    @BeforeContainer
    static void start() throws Exception {
        fx = new EmulatorFixture();
    }

    @AfterContainer
    static void stop() {
        fx.close();
    }

    private static Warehouse warehouse() throws Exception {
        Properties props = fx.emulator().connectionProperties("tester", "secret", null, null);
        Map<String, String> settings = new HashMap<>();
        props.stringPropertyNames().stream().filter(k -> !k.equals("password")).forEach(k -> settings.put(k, props.getProperty(k)));
        Target t = new Target(Target.Kind.SNOWFLAKE, fx.emulator().jdbcUrl(), settings, Map.of("password", Secret.of("secret")), null,
                LoginPolicy.anyone(), List.of());
        return Warehouse.connect(t, m -> { });
    }

    @Property(tries = 6)
    void anySplitBetweenBackfillAndLivePipesGivesTheContractsTables(@ForAll long seed,
                                                                    @ForAll @IntRange(min = 1, max = 20) int count) throws Exception {
        SchoolEvents gen = new SchoolEvents(seed);
        Random r = new Random(seed);
        String db = "BFPROP_" + DATABASES.incrementAndGet();
        try (DeployedPipeline p = new DeployedPipeline(fx, db); Warehouse w = warehouse()) {
            RenderedBundle bundle = new Renderer(null).render(RenderFixtures.settings(Provider.INTERNAL).database(db).validate(), p.spec);
            Map<String, List<ObjectNode>> all = new HashMap<>();
            List<Runnable> steps = new ArrayList<>();
            int[] backfills = {0};
            for (String name : ENTITIES) {
                EntitySpec e = p.entity(name);
                List<ObjectNode> events = gen.withReplays(gen.events(name, count), 20);
                all.put(name, events);
                for (EventFile f : gen.split(events, "f" + r.nextInt(1000), 6)) {
                    boolean history = r.nextBoolean();
                    steps.add(() -> {
                        try {
                            if (history) {
                                p.put(e, f.name(), f.content());
                                Path staged = fx.dataDir().resolve("stages/" + db + "/AUTOSYNC/AUTOSYNC_STAGE/" + e.folder() + "/" + f.name());
                                Files.setLastModifiedTime(staged, FileTime.from(Instant.now().minus(Duration.ofDays(10 + r.nextInt(300)))));
                            } else {
                                p.put(e, f.name(), f.content());
                                p.refreshAndAwait(e, p.history(e).size() + 1);
                            }
                        } catch (Exception ex) {
                            throw new IllegalStateException(ex);
                        }
                    });
                }
            }
            for (int i = 0; i < 2; i++) {
                steps.add(() -> backfill(bundle, w, backfills));
                steps.add(() -> {
                    try {
                        p.runTask(p.entity(ENTITIES.get(r.nextInt(ENTITIES.size()))));
                    } catch (Exception ex) {
                        throw new IllegalStateException(ex);
                    }
                });
            }
            Collections.shuffle(steps, r);
            steps.forEach(Runnable::run);
            backfill(bundle, w, backfills); // whatever history was staged after the last backfill
            p.runTasks();
            for (String name : ENTITIES) {
                EntitySpec e = p.entity(name);
                assertEquals(all.get(name).size(), p.landing(e).size(), name + ": every record exactly once in the landing table");
                ContractModel m = new ContractModel(e);
                all.get(name).forEach(m::land);
                PipelineContractProperties.assertNormalisedMatchesModel(p, e, m);
            }
        }
    }

    private static void backfill(RenderedBundle bundle, Warehouse w, int[] runs) {
        try {
            runs[0]++;
            new Backfill(bundle, w, new BackfillSettings(null, null, Set.of(), false, 1 + runs[0] % 3, 0, Duration.ofSeconds(60),
                    Clock.systemUTC(), m -> { })).run();
        } catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }
}

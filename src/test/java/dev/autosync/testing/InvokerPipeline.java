package dev.autosync.testing;

import dev.autosync.emulator.LocalEmulator;
import dev.autosync.emulator.wire.LoginPolicy;
import dev.autosync.pipeline.PipelineSpecReader;
import dev.autosync.render.Manifest;
import dev.autosync.render.RenderSettings;
import dev.autosync.render.RenderedBundle;
import dev.autosync.render.Renderer;
import dev.autosync.warehouse.DeployOptions;
import dev.autosync.warehouse.Deployer;
import dev.autosync.warehouse.Secret;
import dev.autosync.warehouse.Target;
import dev.autosync.warehouse.Warehouse;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * For invoker projects' setup.groovy and verify.groovy: the default pipeline (internal stage)
 * deployed on the project's emulator data folder, history staged before it with old modification
 * times, and queries on that folder after the build.
 */
public final class InvokerPipeline {
    private InvokerPipeline() {
    }

    /** Renders and deploys the default pipeline into {@code basedir}/target/autosync, then stages {@code oldFiles} dated {@code daysAgo}. */
    public static void deployWithHistory(Path basedir, String folder, Map<String, String> oldFiles, int daysAgo,
                                         Map<String, String> liveFiles) throws Exception {
        Path out = basedir.resolve("target/autosync");
        Files.createDirectories(out);
        RenderedBundle bundle = new Renderer(null).render(new RenderSettings().validate(), new PipelineSpecReader().readDefault());
        Files.writeString(out.resolve("manifest.json"), Manifest.toJson(bundle));
        withWarehouse(basedir, w -> {
            Deployer d = new Deployer(bundle, w, DeployOptions.defaults(m -> { }));
            d.apply(d.plan());
            Path tmp = Files.createTempDirectory("history");
            for (Map.Entry<String, String> f : oldFiles.entrySet()) {
                put(w, bundle, folder, tmp, f.getKey(), f.getValue());
                try (Stream<Path> s = Files.walk(out.resolve("local/stages"))) {
                    Path staged = s.filter(p -> p.getFileName().toString().equals(f.getKey())).findFirst().orElseThrow();
                    Files.setLastModifiedTime(staged, FileTime.from(Instant.now().minus(Duration.ofDays(daysAgo))));
                }
            }
            for (Map.Entry<String, String> f : liveFiles.entrySet()) {
                put(w, bundle, folder, tmp, f.getKey(), f.getValue());
            }
            if (!liveFiles.isEmpty()) {
                String pipe = bundle.entities().stream().filter(e -> e.folder().equals(folder)).findFirst().orElseThrow().pipe().sql();
                w.execute("ALTER PIPE " + pipe + " REFRESH");
                long deadline = System.currentTimeMillis() + 60_000;
                while (!w.scalar("SELECT SYSTEM$PIPE_STATUS('" + pipe + "')").contains("\"pendingFileCount\":0")) {
                    if (System.currentTimeMillis() > deadline) {
                        throw new IllegalStateException("the pipe did not load " + liveFiles.keySet());
                    }
                    Thread.sleep(50);
                }
            }
            return null;
        });
    }

    /**
     * The default pipeline with a mapping bug (attendance's STUDENT_ID read from {@code studentId}) deployed
     * on the project's emulator: a file of two good events and one with a bad date went through the pipe
     * and the task 10 days ago, so all three sit in ATTENDANCE_REJECTS as "missing studentId".
     */
    public static void deployAttendanceMappingBug(Path basedir) throws Exception {
        String school = new String(PipelineSpecReader.class.getClassLoader().getResourceAsStream(PipelineSpecReader.DEFAULT_RESOURCE)
                .readAllBytes(), StandardCharsets.UTF_8);
        RenderedBundle bundle = new Renderer(null).render(new RenderSettings().validate(), new PipelineSpecReader().read(
                school.replaceFirst("\"path\": \"student_id\"", "\"path\": \"studentId\""), "buggy.json"));
        Path out = basedir.resolve("target/autosync");
        Files.createDirectories(out);
        withWarehouse(basedir, w -> {
            Deployer d = new Deployer(bundle, w, DeployOptions.defaults(m -> { }));
            d.apply(d.plan());
            String events = attendance(1, 2) + "{\"event_id\":\"E9\",\"event_type\":\"ABSENT\",\"student_id\":\"S9\","
                    + "\"attendance_date\":\"2026-13-45\",\"event_timestamp\":\"2026-09-01T08:20:00Z\"}\n";
            put(w, bundle, "attendance", Files.createTempDirectory("bug"), "day1.json", events);
            var a = bundle.entity("ATTENDANCE");
            w.execute("ALTER PIPE " + a.pipe() + " REFRESH");
            long deadline = System.currentTimeMillis() + 60_000;
            while (!"3".equals(w.scalar("SELECT COUNT(*) FROM " + a.landingTable()))) {
                if (System.currentTimeMillis() > deadline) {
                    throw new IllegalStateException("the pipe did not load day1.json");
                }
                Thread.sleep(50);
            }
            w.execute("EXECUTE TASK " + a.task());
            while (!"3".equals(w.scalar("SELECT COUNT(*) FROM " + a.rejectsTable()))) {
                if (System.currentTimeMillis() > deadline) {
                    throw new IllegalStateException("the task did not reject the three events");
                }
                Thread.sleep(50);
            }
            try (Stream<Path> s = Files.walk(out.resolve("local/stages"))) {
                Path staged = s.filter(p -> p.getFileName().toString().equals("day1.json")).findFirst().orElseThrow();
                Files.setLastModifiedTime(staged, FileTime.from(Instant.now().minus(Duration.ofDays(10))));
            }
            return null;
        });
    }

    private static void put(Warehouse w, RenderedBundle b, String folder, Path tmp, String name, String content) throws Exception {
        Path local = Files.writeString(tmp.resolve(name), content, StandardCharsets.UTF_8);
        w.execute("PUT 'file://" + local.toAbsolutePath() + "' @" + b.stage() + "/" + folder + "/ AUTO_COMPRESS = FALSE");
    }

    /** The first column of the first row of {@code sql}, on the project's emulator data folder after the build. */
    public static String scalar(Path basedir, String sql) throws Exception {
        return withWarehouse(basedir, w -> w.scalar(sql));
    }

    /** Each row's columns joined with |, on the project's emulator data folder after the build. */
    public static List<String> rows(Path basedir, String sql) throws Exception {
        return withWarehouse(basedir, w -> w.query(sql).stream().map(r -> String.join("|", r.values())).toList());
    }

    /** NDJSON attendance events {@code E<from>} .. for distinct students on one day. */
    public static String attendance(int from, int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = from; i < from + n; i++) {
            sb.append(LocalPipeline.event("E" + i, "S" + i));
        }
        return sb.toString();
    }

    interface Work<T> {
        T run(Warehouse w) throws Exception;
    }

    private static <T> T withWarehouse(Path basedir, Work<T> work) throws Exception {
        LocalEmulator emulator = LocalEmulator.start(basedir.resolve("target/autosync/local"), 0, null, null, m -> { });
        try {
            Properties props = emulator.connectionProperties(null, null, null, null);
            Map<String, String> settings = new java.util.HashMap<>();
            props.stringPropertyNames().stream().filter(k -> !k.equals("password")).forEach(k -> settings.put(k, props.getProperty(k)));
            Target t = new Target(Target.Kind.SNOWFLAKE, emulator.jdbcUrl(), settings, Map.of("password", Secret.of("local")), null,
                    LoginPolicy.anyone(), List.of());
            try (Warehouse w = Warehouse.connect(t, m -> { })) {
                return work.run(w);
            }
        } finally {
            emulator.close();
        }
    }
}

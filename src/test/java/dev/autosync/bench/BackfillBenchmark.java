package dev.autosync.bench;

import dev.autosync.emulator.LocalEmulator;
import dev.autosync.render.Provider;
import dev.autosync.render.RenderFixtures;
import dev.autosync.render.RenderedBundle;
import dev.autosync.render.RenderedStatement;
import dev.autosync.render.Renderer;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import dev.autosync.backfill.Backfill;
import dev.autosync.backfill.BackfillSettings;
import dev.autosync.backfill.EntityBackfill;
import dev.autosync.emulator.wire.LoginPolicy;
import dev.autosync.warehouse.Secret;
import dev.autosync.warehouse.Target;
import dev.autosync.warehouse.Warehouse;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * autosync:backfill's core on the emulator: attendance history in the S3 bucket folder, older than
 * the pipe, loaded by bulk COPY in FILES batches and normalised by one task run; beside DuckDB's
 * read_json of the same files (the ingest baseline), same run. Run with bench/backfill.sh.
 */
public final class BackfillBenchmark {
    private BackfillBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int files = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        Path dir = Files.createTempDirectory("autosync-backfill-bench");
        Path source = Files.createDirectories(dir.resolve("source"));
        IngestBenchmark.writeEvents(source, events, files);

        long duckNanos;
        try (Connection d = DriverManager.getConnection("jdbc:duckdb:" + dir.resolve("plain.duckdb"));
             Statement s = d.createStatement()) {
            long t = System.nanoTime();
            s.execute("CREATE TABLE ATTENDANCE_EVENTS AS SELECT * FROM read_json('" + source + "/*.json', "
                    + "format = 'newline_delimited')");
            duckNanos = System.nanoTime() - t;
        }

        RenderedBundle b = new Renderer(null).render(RenderFixtures.settings(Provider.S3).validate(), RenderFixtures.schoolSpec());
        try (LocalEmulator emulator = LocalEmulator.start(dir.resolve("emulator"), 0, null, null, m -> System.err.println("emulator: " + m))) {
            Properties props = emulator.connectionProperties(null, null, null, null);
            Map<String, String> settings = new HashMap<>();
            props.stringPropertyNames().stream().filter(k -> !k.equals("password")).forEach(k -> settings.put(k, props.getProperty(k)));
            Target target = new Target(Target.Kind.SNOWFLAKE, emulator.jdbcUrl(), settings, Map.of("password", Secret.of("local")), null,
                    LoginPolicy.anyone(), List.of());
            try (Warehouse w = Warehouse.connect(target, m -> { })) {
                for (RenderedStatement st : b.statements()) {
                    w.execute(st.sql());
                }
                Path bucket = Files.createDirectories(emulator.dataDir().resolve("buckets/s3/district-events/autosync/attendance"));
                try (var list = Files.list(source)) {
                    for (Path f : list.toList()) {
                        // history: staged 30 days before the pipe existed, so the pipe never sees it
                        Path staged = Files.move(f, bucket.resolve(f.getFileName()));
                        Files.setLastModifiedTime(staged, java.nio.file.attribute.FileTime.from(Instant.now().minus(Duration.ofDays(30))));
                    }
                }
                long t = System.nanoTime();
                List<EntityBackfill> r = new Backfill(b, w, new BackfillSettings(null, null, Set.of("ATTENDANCE"), false, 1000, 0,
                        Duration.ofMinutes(30), Clock.systemUTC(), m -> System.err.println(m))).run();
                long backfillNanos = System.nanoTime() - t;
                long rows = r.get(0).rowsLoaded();
                long landed = Long.parseLong(w.scalar("SELECT COUNT(*) FROM " + b.entity("ATTENDANCE").landingTable()));
                long normalised = Long.parseLong(w.scalar("SELECT COUNT(*) FROM " + b.entity("ATTENDANCE").normalisedTable()));
                if (landed != events || rows != events) {
                    throw new IllegalStateException("landed " + landed + " (backfill says " + rows + ") of " + events);
                }
                t = System.nanoTime();
                new Backfill(b, w, new BackfillSettings(null, null, Set.of("ATTENDANCE"), false, 1000, 0, Duration.ofMinutes(30),
                        Clock.systemUTC(), m -> { })).run();
                long rerunNanos = System.nanoTime() - t;
                System.out.println("machine: " + Runtime.getRuntime().availableProcessors() + " cores, Java "
                        + System.getProperty("java.version") + "; " + events + " attendance events in " + files + " NDJSON files; "
                        + normalised + " normalised rows");
                System.out.println("| step | seconds | events/s |");
                System.out.println("|---|---|---|");
                System.out.printf("| DuckDB read_json into a table (ingest baseline) | %.1f | %,.0f |%n", duckNanos / 1e9,
                        events / (duckNanos / 1e9));
                System.out.printf("| backfill: list, COPY in batches of 1000 files, task run | %.1f | %,.0f |%n", backfillNanos / 1e9,
                        events / (backfillNanos / 1e9));
                System.out.printf("| backfill rerun (nothing to load) | %.1f | |%n", rerunNanos / 1e9);
                System.out.printf("ratio, backfill / DuckDB read_json: %.1f%n", (double) backfillNanos / duckNanos);
            }
        }
    }
}

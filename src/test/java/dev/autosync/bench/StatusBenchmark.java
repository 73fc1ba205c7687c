package dev.autosync.bench;

import dev.autosync.emulator.wire.LoginPolicy;
import dev.autosync.render.Provider;
import dev.autosync.render.RenderFixtures;
import dev.autosync.render.RenderedBundle;
import dev.autosync.render.Renderer;
import dev.autosync.status.HtmlFormat;
import dev.autosync.status.JsonFormat;
import dev.autosync.status.StatusCollector;
import dev.autosync.status.StatusReport;
import dev.autosync.warehouse.DeployOptions;
import dev.autosync.warehouse.Deployer;
import dev.autosync.warehouse.LocalTargets;
import dev.autosync.warehouse.Target;
import dev.autosync.warehouse.Warehouse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Wall time of collecting and rendering the status (table model, JSON and HTML) with 10,000
 * load-history entries, beside the same with an empty history, in one run. Run with bench/status.sh.
 */
public final class StatusBenchmark {
    private StatusBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int files = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        Path data = Files.createTempDirectory("autosync-status-bench");
        RenderedBundle b = new Renderer(null).render(RenderFixtures.settings(Provider.S3).validate(), RenderFixtures.schoolSpec());
        try (Warehouse w = Warehouse.connect(new Target(Target.Kind.LOCAL, null, Map.of(), Map.of(), data, LoginPolicy.anyone(),
                List.of()), m -> { })) {
            Deployer d = new Deployer(b, w, DeployOptions.defaults(m -> { }));
            d.apply(d.plan());
            long empty = median(w, b);
            Path bucket = Files.createDirectories(data.resolve("buckets/s3/district-events/autosync/attendance"));
            for (int i = 0; i < files; i++) {
                String body = i % 50 == 0 ? "{ broken\n" : "{\"event_id\":\"e" + i + "\",\"event_type\":\"CHECK_IN\",\"student_id\":\"S" + i
                        + "\",\"attendance_date\":\"2026-09-01\",\"event_timestamp\":\"2026-09-01T08:00:00Z\"}\n";
                Path f = Files.writeString(bucket.resolve("f" + i + ".json"), body);
                Files.setLastModifiedTime(f, FileTime.from(Instant.now()));
            }
            String count = "SELECT COUNT(*) FROM TABLE(" + b.database() + ".INFORMATION_SCHEMA.COPY_HISTORY(TABLE_NAME => '"
                    + b.entities().get(0).landingTable() + "', START_TIME => DATEADD(DAY, -1, CURRENT_TIMESTAMP())))";
            long t = System.nanoTime();
            while (Integer.parseInt(w.scalar(count)) < files) {
                Thread.sleep(1000);
                System.err.println("history entries: " + w.scalar(count) + " (" + (System.nanoTime() - t) / 1_000_000_000 + " s)");
            }
            long full = median(w, b);
            System.out.println("machine: " + Runtime.getRuntime().availableProcessors() + " cores, Java " + System.getProperty("java.version"));
            System.out.println("| load history | status (collect + JSON + HTML), median of 5 |");
            System.out.println("|---|---|");
            System.out.printf("| empty (baseline) | %d ms |%n", empty);
            System.out.printf("| %,d entries | %d ms (ratio %.1f) |%n", files, full, (double) full / empty);
        } finally {
            LocalTargets.stopAll();
        }
    }

    private static long median(Warehouse w, RenderedBundle b) throws Exception {
        long[] runs = new long[5];
        for (int i = 0; i < runs.length; i++) {
            long t = System.nanoTime();
            StatusReport r = new StatusCollector(b, w).collect();
            JsonFormat.render(r);
            HtmlFormat.render(r);
            runs[i] = (System.nanoTime() - t) / 1_000_000;
        }
        Arrays.sort(runs);
        return runs[2];
    }
}

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

/**
 * Attendance events from files in the bucket folder to normalised rows (auto-ingest pipe, stream,
 * task) on the emulator, beside DuckDB reading the same files with read_json into a table and DuckDB
 * alone writing the landing rows with the plainest SQL (the floor), in the same run; and the process's
 * peak resident memory. Run with bench/emulator-ingest.sh.
 */
public final class IngestBenchmark {
    private IngestBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int files = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        Path dir = Files.createTempDirectory("autosync-ingest-bench");
        try {
            run(dir, events, files);
        } finally {
            // the events, DuckDB's copy and the emulator's folder: about 0.25 GB per 1M events
            deleteTree(dir);
        }
    }

    private static void run(Path dir, int events, int files) throws Exception {
        Path source = Files.createDirectories(dir.resolve("source"));
        writeEvents(source, events, files);

        long duckNanos;
        long duckCpu;
        try (Connection d = DriverManager.getConnection("jdbc:duckdb:" + dir.resolve("plain.duckdb"));
             Statement s = d.createStatement()) {
            long t = System.nanoTime();
            long cpu = cpuNanos();
            s.execute("CREATE TABLE ATTENDANCE_EVENTS AS SELECT * FROM read_json('" + source + "/*.json', "
                    + "format = 'newline_delimited')");
            duckNanos = System.nanoTime() - t;
            duckCpu = cpuNanos() - cpu;
        }
        // DuckDB alone writing what the landing table holds (the record as received, its typed fields, file name and row
        // number) with the plainest SQL: the floor for any engine keeping the raw payload, without Snowflake's checks
        long floorNanos;
        long floorCpu;
        try (Connection d = DriverManager.getConnection("jdbc:duckdb:" + dir.resolve("floor.duckdb"));
             Statement s = d.createStatement()) {
            s.execute("CREATE TABLE LANDING (EVENT_ID VARCHAR, EVENT_TYPE VARCHAR, STUDENT_ID VARCHAR, SCHOOL_ID VARCHAR, "
                    + "ATTENDANCE_DATE DATE, EVENT_TIMESTAMP TIMESTAMPTZ, RAW_PAYLOAD JSON, FILE_NAME VARCHAR, FILE_ROW_NUMBER BIGINT, "
                    + "LOADED_AT TIMESTAMPTZ)");
            long t = System.nanoTime();
            long cpu = cpuNanos();
            s.execute("INSERT INTO LANDING SELECT j->>'event_id', j->>'event_type', j->>'student_id', j->>'school_id', "
                    + "TRY_CAST(j->>'attendance_date' AS DATE), TRY_CAST(j->>'event_timestamp' AS TIMESTAMPTZ), j, filename, o, now() "
                    + "FROM read_ndjson_objects('" + source + "/*.json', filename = true) WITH ORDINALITY AS r(j, filename, o)");
            floorNanos = System.nanoTime() - t;
            floorCpu = cpuNanos() - cpu;
        }

        // the baselines' DuckDB instances (80% of the machine's memory allowed each) peak apart from the emulator
        String baselinePeak = peakRss();
        boolean peakReset = resetPeakRss();

        RenderedBundle b = new Renderer(null).render(RenderFixtures.settings(Provider.S3).validate(), RenderFixtures.schoolSpec());
        long pipelineNanos;
        long loadNanos;
        long pipelineCpu;
        try (LocalEmulator emulator = LocalEmulator.start(dir.resolve("emulator"), 0, null, null, m -> System.err.println("emulator: " + m));
             Connection c = DriverManager.getConnection(emulator.jdbcUrl(), emulator.connectionProperties(null, null, null, null));
             Statement s = c.createStatement()) {
            for (RenderedStatement st : b.statements()) {
                s.execute(st.sql());
            }
            Path bucket = Files.createDirectories(emulator.dataDir().resolve("buckets/s3/district-events/autosync/attendance"));
            String db = b.database() + "." + b.schema();
            long t = System.nanoTime();
            long cpu = cpuNanos();
            try (var list = Files.list(source)) {
                for (Path f : list.toList()) {
                    // a file "arrives" now: auto-ingest ignores files older than the pipe, as Snowflake does
                    Path arrived = Files.move(f, bucket.resolve(f.getFileName()));
                    Files.setLastModifiedTime(arrived, java.nio.file.attribute.FileTime.from(java.time.Instant.now()));
                }
            }
            // Polls the pipe's pending files and counts the landed rows only when none is pending (a file's rows and
            // its load history commit together). Counting at every poll cost CPU in proportion to the rows landed
            // (15 ms at 2M rows, idle) and to how often the pipe let a poll in: shorter lock holds, more polls.
            String pipe = db + "." + pipeInto(s, db, "ATTENDANCE_EVENTS");
            long lastRows = -1;
            while (true) {
                long rows = pending(s, pipe) > 0 ? lastRows : count(s, "SELECT COUNT(*) FROM " + db + ".ATTENDANCE_EVENTS");
                if (rows != lastRows) {
                    System.err.println("landed rows: " + rows + "/" + events);
                    lastRows = rows;
                }
                if (rows >= events) {
                    break;
                }
                Thread.sleep(200);
            }
            loadNanos = System.nanoTime() - t;
            long loadCpu = cpuNanos() - cpu;
            String hist = "SELECT COUNT(*) FROM TABLE(" + b.database() + ".INFORMATION_SCHEMA.TASK_HISTORY(TASK_NAME => "
                    + "'PROCESS_ATTENDANCE_TASK', DATABASE_NAME => '" + b.database() + "', SCHEMA_NAME => '" + b.schema() + "')) WHERE STATE IN ('SUCCEEDED', 'FAILED')";
            s.execute("EXECUTE TASK " + db + ".PROCESS_ATTENDANCE_TASK");
            while (count(s, hist) < 1) {
                Thread.sleep(200);
            }
            pipelineNanos = System.nanoTime() - t;
            pipelineCpu = cpuNanos() - cpu;
            int loadedFiles = count(s, "SELECT COUNT(*) FROM TABLE(" + b.database() + ".INFORMATION_SCHEMA.COPY_HISTORY(TABLE_NAME => '"
                    + db + ".ATTENDANCE_EVENTS', START_TIME => DATEADD(HOUR, -1, CURRENT_TIMESTAMP()))) WHERE STATUS = 'Loaded'");
            if (loadedFiles != files) {
                throw new IllegalStateException("loaded " + loadedFiles + " of " + files + " files");
            }
            int normalised = count(s, "SELECT COUNT(*) FROM " + db + ".ATTENDANCE");
            int landed = count(s, "SELECT COUNT(*) FROM " + db + ".ATTENDANCE_EVENTS");
            if (landed != events) {
                throw new IllegalStateException("landed " + landed + " of " + events);
            }
            System.out.println("machine: " + Runtime.getRuntime().availableProcessors() + " cores, Java "
                    + System.getProperty("java.version") + "; " + events + " attendance events in " + files + " NDJSON files; "
                    + normalised + " normalised rows");
            System.out.println("| step | seconds | events/s |");
            System.out.println("|---|---|---|");
            System.out.printf("| DuckDB read_json into a table (baseline) | %.1f | %,.0f |%n", duckNanos / 1e9, events / (duckNanos / 1e9));
            System.out.printf("| DuckDB alone, the landing rows with the raw payload, plainest SQL (floor) | %.1f | %,.0f |%n",
                    floorNanos / 1e9, events / (floorNanos / 1e9));
            System.out.printf("| emulator: files to landing rows (auto-ingest pipe) | %.1f | %,.0f |%n", loadNanos / 1e9,
                    events / (loadNanos / 1e9));
            System.out.printf("| emulator: files to normalised rows (pipe + stream + task) | %.1f | %,.0f |%n",
                    pipelineNanos / 1e9, events / (pipelineNanos / 1e9));
            System.out.printf("ratio, files to normalised rows / DuckDB read_json: %.1f%n", (double) pipelineNanos / duckNanos);
            System.out.printf("CPU time of the process (all threads): DuckDB read_json %.1f s, emulator pipeline %.1f s, ratio %.1f "
                    + "(less sensitive than wall time to other work on the machine; includes the benchmark's polling)%n",
                    duckCpu / 1e9, pipelineCpu / 1e9, (double) pipelineCpu / duckCpu);
            System.out.printf("CPU time of the pipeline's steps: files to landing rows %.1f s, task (stream to normalised rows) %.1f s%n",
                    loadCpu / 1e9, (pipelineCpu - loadCpu) / 1e9);
            System.out.printf("floor (DuckDB alone writing the landing rows): %.1f s wall, %.1f s CPU = %.1fx / %.1fx read_json; "
                    + "emulator landing / floor: %.1fx wall, %.1fx CPU%n", floorNanos / 1e9, floorCpu / 1e9,
                    (double) floorNanos / duckNanos, (double) floorCpu / duckCpu, (double) loadNanos / floorNanos, (double) loadCpu / floorCpu);
            System.out.println("load average at the end: " + Files.readString(Path.of("/proc/loadavg")).trim());
            System.out.println("peak resident memory of the process (VmHWM): " + (peakReset
                    ? "emulator " + peakRss() + " (counted from after the baselines), baselines and events file writing " + baselinePeak
                    : peakRss() + " (baseline included)"));
        }
    }

    private static void deleteTree(Path dir) throws java.io.IOException {
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** The pipe that loads {@code table}. */
    private static String pipeInto(Statement s, String db, String table) throws Exception {
        try (ResultSet rs = s.executeQuery("SHOW PIPES IN SCHEMA " + db)) {
            while (rs.next()) {
                if (rs.getString("definition").toUpperCase().matches("(?s).*COPY INTO \\S*\\b" + table + "\\b.*")) {
                    return rs.getString("name");
                }
            }
        }
        throw new IllegalStateException("no pipe loads " + table);
    }

    /** SYSTEM$PIPE_STATUS's pendingFileCount. */
    private static long pending(Statement s, String pipe) throws Exception {
        try (ResultSet rs = s.executeQuery("SELECT PARSE_JSON(SYSTEM$PIPE_STATUS('" + pipe + "')):pendingFileCount::NUMBER")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static int count(Statement s, String sql) throws Exception {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    static void writeEvents(Path dir, int events, int files) throws Exception {
        String[] types = {"CHECK_IN", "TARDY", "ABSENT", "EXCUSED", "EARLY_DEPARTURE"};
        int perFile = (events + files - 1) / files;
        int i = 0;
        for (int f = 0; f < files; f++) {
            try (BufferedWriter w = Files.newBufferedWriter(dir.resolve("day-" + f + ".json"), StandardCharsets.UTF_8)) {
                for (int k = 0; k < perFile && i < events; k++, i++) {
                    w.write("{\"event_id\":\"e" + i + "\",\"event_type\":\"" + types[i % types.length] + "\",\"student_id\":\"S"
                            + (i % 100_000) + "\",\"school_id\":\"SCH" + (i % 40) + "\",\"attendance_date\":\"2026-09-"
                            + String.format("%02d", 1 + (i / 100_000) % 28) + "\",\"event_timestamp\":\"2026-09-01T08:"
                            + String.format("%02d", i % 60) + ":00Z\"}\n");
                }
            }
        }
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** Resets VmHWM to the current resident size (Linux: clear_refs 5); false where that is not possible. */
    private static boolean resetPeakRss() {
        try {
            Files.writeString(Path.of("/proc/self/clear_refs"), "5");
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    private static String peakRss() throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmHWM:")) {
                return line.substring(6).trim();
            }
        }
        return "unknown";
    }
}

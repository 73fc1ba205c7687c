package dev.autosync.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autosync.pipeline.DerivedColumn;
import dev.autosync.pipeline.EntitySpec;
import dev.autosync.pipeline.FieldSpec;
import dev.autosync.pipeline.FieldType;
import dev.autosync.pipeline.MappedColumn;
import dev.autosync.render.EntityObjects;
import dev.autosync.render.RenderedBundle;
import dev.autosync.sql.SqlLiterals;
import dev.autosync.warehouse.PipeStatus;
import dev.autosync.warehouse.Warehouse;
import dev.autosync.warehouse.WarehouseException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Proves that a deployed pipeline ingests: the run's copy of the sample events is PUT on the e2e
 * stage under a folder named after the run, loaded through each entity's e2e pipe, normalised by
 * the entity's task, and compared with {@link ContractModel}; then everything the run created is
 * removed. Five named checks, each reporting what was expected and what was found.
 */
public final class EndToEndCheck {
    public static final String FILES_LOADED = "files-loaded";
    public static final String LANDING_ROWS = "landing-rows";
    public static final String NORMALISED_ROWS = "normalised-rows";
    public static final String MALFORMED_REJECTED = "malformed-file-rejected";
    public static final String REPLAY_IDEMPOTENT = "replay-changes-nothing";

    private static final int MAX_PROBLEMS = 20;

    /** How the run behaves: how long to wait for each stage, whether to keep its rows, where to write files, progress. */
    public record Settings(Duration timeout, boolean keep, Path workDir, Consumer<String> progress) {
    }

    /** Leftovers of runs older than this (killed, or cut off from the warehouse) are removed by the next run. */
    private static final Duration STALE_AFTER = Duration.ofHours(1);
    private static final java.util.regex.Pattern RUN_ID = java.util.regex.Pattern.compile("E2E-(\\d{8}-\\d{6})-[A-Z2-9]{4}");

    private final RenderedBundle bundle;
    private final dev.autosync.pipeline.PipelineSpec spec;
    private final Warehouse w;
    private final Settings settings;
    private final String runId;
    private final RunIdRewriter rewriter;

    public EndToEndCheck(RenderedBundle bundle, dev.autosync.pipeline.PipelineSpec spec, Warehouse w, Settings settings) {
        this(bundle, spec, w, settings, newRunId());
    }

    EndToEndCheck(RenderedBundle bundle, dev.autosync.pipeline.PipelineSpec spec, Warehouse w, Settings settings, String runId) {
        this.bundle = bundle;
        this.spec = spec;
        this.w = w;
        this.settings = settings;
        this.runId = runId;
        this.rewriter = new RunIdRewriter(runId);
    }

    static String newRunId() {
        String chars = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        SecureRandom r = new SecureRandom();
        StringBuilder sb = new StringBuilder("E2E-").append(LocalDateTime.now(ZoneOffset.UTC)
                .format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))).append('-');
        for (int i = 0; i < 4; i++) {
            sb.append(chars.charAt(r.nextInt(chars.length())));
        }
        return sb.toString();
    }

    public String runId() {
        return runId;
    }

    public E2eReport run(List<EventFile> input) throws WarehouseException, E2eException {
        long start = System.nanoTime();
        List<EventFile> files = input.stream().map(rewriter::rewrite).toList();
        List<CheckResult> checks = new ArrayList<>();
        List<String> stale = removeStaleRuns();
        try {
            stage(files, runId + "/");
            refresh(files, runId + "/");
            long t = System.nanoTime();
            Map<String, Map<String, String>> history = awaitLoads(files, runId + "/");
            checks.add(filesLoaded(files, history, t));
            boolean loaded = !checks.get(0).failed();
            checks.add(loaded ? landingRows(files) : skipped(LANDING_ROWS));
            Map<String, List<String>> before = null;
            if (loaded) {
                t = System.nanoTime();
                runTasks(files);
                before = snapshot(files);
                checks.add(normalisedRows(files, t));
            } else {
                checks.add(skipped(NORMALISED_ROWS));
            }
            checks.add(malformedRejected(files, history));
            checks.add(loaded ? replay(files, before) : skipped(REPLAY_IDEMPOTENT));
        } finally {
            // once more for stale runs: their rows may still sit in an append-only stream, normalised by this run's tasks
            stale.forEach(this::cleanup);
            if (!settings.keep()) {
                cleanup(files);
            } else {
                settings.progress().accept("Keeping the run's files and rows (autosync.e2e.keep): run id " + runId);
            }
        }
        return new E2eReport(runId, checks, (System.nanoTime() - start) / 1_000_000);
    }

    private CheckResult skipped(String name) {
        return new CheckResult(name, CheckResult.Outcome.SKIPPED, "not run: the files did not load", List.of(), 0);
    }

    // ---------------------------------------------------------------- staging and waiting

    private String stagePath(EntitySpec e, String prefix) {
        return "@" + bundle.e2eStage() + "/" + e.folder() + "/" + prefix;
    }

    private void stage(List<EventFile> files, String prefix) throws E2eException, WarehouseException {
        for (EventFile f : files) {
            Path dir = settings.workDir().resolve(prefix).resolve(f.entity().folder());
            Path local;
            try {
                Files.createDirectories(dir);
                local = Files.write(dir.resolve(f.name()), f.content());
            } catch (IOException e) {
                throw new E2eException("Cannot write " + f.name() + " under " + dir + ": " + e.getMessage());
            }
            String path = local.toAbsolutePath().toString().replace('\\', '/');
            if (path.contains("'")) {
                throw new E2eException("The e2e work folder " + settings.workDir() + " contains a quote; PUT cannot name it.");
            }
            w.execute("PUT 'file://" + path + "' " + stagePath(f.entity(), prefix) + " AUTO_COMPRESS = FALSE OVERWRITE = TRUE");
        }
    }

    private void refresh(List<EventFile> files, String prefix) throws WarehouseException {
        for (EntityObjects e : entitiesOf(files)) {
            w.execute("ALTER PIPE " + e.e2ePipe() + " REFRESH PREFIX = " + SqlLiterals.quote(prefix));
        }
    }

    private List<EntityObjects> entitiesOf(List<EventFile> files) {
        Set<String> names = new TreeSet<>();
        files.forEach(f -> names.add(f.entity().name()));
        return bundle.entities().stream().filter(e -> names.contains(e.name())).toList();
    }

    private EntityObjects objects(EntitySpec e) {
        return bundle.entities().stream().filter(o -> o.name().equals(e.name())).findFirst().orElseThrow();
    }

    /** Polls COPY_HISTORY until every file has a final status, with back-off and progress; returns file key to history row. */
    private Map<String, Map<String, String>> awaitLoads(List<EventFile> files, String prefix) throws WarehouseException {
        long started = System.nanoTime();
        long deadline = started + settings.timeout().toNanos();
        long nextReport = started + Duration.ofSeconds(5).toNanos();
        long sleep = 100;
        while (true) {
            Map<String, Map<String, String>> history = history(files, prefix);
            List<String> pending = new ArrayList<>();
            for (EventFile f : files) {
                Map<String, String> h = history.get(key(f, prefix));
                if (h == null || "Load in progress".equals(h.get("STATUS"))) {
                    pending.add(key(f, prefix));
                }
            }
            if (pending.isEmpty() || System.nanoTime() > deadline) {
                return history;
            }
            if (System.nanoTime() > nextReport) {
                long s = (System.nanoTime() - started) / 1_000_000_000;
                for (EventFile f : files) {
                    if (pending.contains(key(f, prefix))) {
                        settings.progress().accept("waiting for " + key(f, prefix) + ": not loaded yet (" + s + " s of "
                                + settings.timeout().toSeconds() + " s; " + pipeState(objects(f.entity()).e2ePipe()) + ")");
                    }
                }
                nextReport = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            }
            pause(sleep);
            sleep = Math.min(sleep * 2, 2000);
        }
    }

    /** The e2e pipe's execution state and queue, from SYSTEM$PIPE_STATUS, for progress lines. */
    private String pipeState(String pipe) throws WarehouseException {
        PipeStatus status = PipeStatus.read(w, pipe);
        return pipe.substring(pipe.lastIndexOf('.') + 1) + " " + status.executionState() + ", " + status.pendingFileCount()
                + " file(s) pending";
    }

    private static String key(EventFile f, String prefix) {
        return f.entity().folder() + "/" + prefix + f.name();
    }

    private Map<String, Map<String, String>> history(List<EventFile> files, String prefix) throws WarehouseException {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        for (EntityObjects e : entitiesOf(files)) {
            List<Map<String, String>> rows = w.query("SELECT FILE_NAME, STATUS, ROW_COUNT, ROW_PARSED, FIRST_ERROR_MESSAGE FROM TABLE("
                    + bundle.database() + ".INFORMATION_SCHEMA.COPY_HISTORY(TABLE_NAME => " + SqlLiterals.quote(e.landingTable())
                    + ", START_TIME => DATEADD(HOUR, -2, CURRENT_TIMESTAMP()))) WHERE FILE_NAME LIKE "
                    + SqlLiterals.quote("%" + prefix + "%"));
            for (Map<String, String> r : rows) {
                String name = r.get("FILE_NAME");
                out.put(name.substring(Math.max(0, name.indexOf(e.folder() + "/" + prefix))), r);
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- the checks

    private CheckResult filesLoaded(List<EventFile> files, Map<String, Map<String, String>> history, long t) {
        List<String> problems = new ArrayList<>();
        int valid = 0;
        for (EventFile f : files) {
            if (f.malformed()) {
                continue;
            }
            valid++;
            Map<String, String> h = history.get(key(f, runId + "/"));
            if (h == null || "Load in progress".equals(h.get("STATUS"))) {
                problems.add(f.name() + ": still pending after " + settings.timeout().toSeconds() + " s (expected Loaded with "
                        + f.records().size() + " rows; not in " + objects(f.entity()).e2ePipe() + "'s load history). Raise "
                        + "autosync.e2e.timeout, or check SYSTEM$PIPE_STATUS('" + objects(f.entity()).e2ePipe() + "').");
            } else if (!"Loaded".equals(h.get("STATUS")) || !String.valueOf(f.records().size()).equals(h.get("ROW_COUNT"))) {
                problems.add(f.name() + ": expected Loaded with " + f.records().size() + " rows, found " + h.get("STATUS") + " with "
                        + h.get("ROW_COUNT") + " rows" + (h.get("FIRST_ERROR_MESSAGE") == null ? "" : " (" + h.get("FIRST_ERROR_MESSAGE") + ")"));
            }
        }
        return result(FILES_LOADED, problems, valid + " file(s) loaded with the expected row counts", t);
    }

    private CheckResult landingRows(List<EventFile> files) throws WarehouseException {
        long t = System.nanoTime();
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (EventFile f : files) {
            if (f.malformed()) {
                continue;
            }
            EntitySpec e = f.entity();
            Map<String, FieldType> types = new LinkedHashMap<>();
            e.fields().forEach(x -> types.put(x.column(), x.type()));
            types.put("RAW_PAYLOAD", FieldType.parse("VARIANT"));
            types.put("FILE_ROW_NUMBER", FieldType.parse("NUMBER"));
            List<Map<String, Object>> rows = TableReader.read(w, "SELECT * FROM " + objects(e).landingTable()
                    + " WHERE FILE_NAME LIKE " + SqlLiterals.quote("%/" + runId + "/" + f.name()), types);
            if (rows.size() != f.records().size()) {
                problems.add(f.name() + ": expected " + f.records().size() + " landing rows, found " + rows.size());
            }
            for (Map<String, Object> row : rows) {
                int n = ((java.math.BigDecimal) row.get("FILE_ROW_NUMBER")).intValue();
                if (n < 1 || n > f.records().size()) {
                    problems.add(f.name() + " row " + n + ": no such record was sent");
                    continue;
                }
                ObjectNode sent = f.records().get(n - 1);
                for (FieldSpec field : e.fields()) {
                    String expected = FieldValues.canonical(FieldValues.landing(field, sent));
                    String found = FieldValues.canonical(row.get(field.column()));
                    if (!java.util.Objects.equals(expected, found)) {
                        problems.add(f.name() + " row " + n + ": " + field.column() + " expected " + show(expected) + " (from "
                                + field.pathText() + "), found " + show(found));
                    }
                }
                if (!java.util.Objects.equals(FieldValues.canonicalJson(sent), FieldValues.canonicalJson((JsonNode) row.get("RAW_PAYLOAD")))) {
                    problems.add(f.name() + " row " + n + ": RAW_PAYLOAD differs from the event sent: expected " + sent + ", found "
                            + row.get("RAW_PAYLOAD"));
                }
                checked++;
            }
        }
        return result(LANDING_ROWS, problems, checked + " landing row(s) carry every mapped field and the raw payload sent", t);
    }

    private void runTasks(List<EventFile> files) throws WarehouseException, E2eException {
        for (EntityObjects e : entitiesOf(files)) {
            String hist = "SELECT STATE, ERROR_MESSAGE, QUERY_ID FROM TABLE(" + bundle.database() + ".INFORMATION_SCHEMA.TASK_HISTORY("
                    + "TASK_NAME => " + SqlLiterals.quote(e.task().substring(e.task().lastIndexOf('.') + 1)) + ")) "
                    + "WHERE STATE IN ('SUCCEEDED', 'FAILED', 'SKIPPED', 'CANCELLED') ORDER BY COMPLETED_TIME DESC";
            int before = w.query(hist).size();
            w.execute("EXECUTE TASK " + e.task());
            long started = System.nanoTime();
            long deadline = started + settings.timeout().toNanos();
            long sleep = 100;
            while (true) {
                List<Map<String, String>> runs = w.query(hist);
                if (runs.size() > before) {
                    Map<String, String> last = runs.get(0);
                    if ("FAILED".equals(last.get("STATE")) || "CANCELLED".equals(last.get("STATE"))) {
                        throw new E2eException("Task " + e.task() + " " + last.get("STATE") + ": " + last.get("ERROR_MESSAGE"));
                    }
                    break;
                }
                if (System.nanoTime() > deadline) {
                    throw new E2eException("Task " + e.task() + " did not finish within " + settings.timeout().toSeconds()
                            + " s of EXECUTE TASK (see TASK_HISTORY); raise autosync.e2e.timeout if the warehouse is busy.");
                }
                pause(sleep);
                sleep = Math.min(sleep * 2, 2000);
            }
        }
    }

    /** The run's normalised rows per entity, canonical and sorted. */
    private Map<String, List<String>> snapshot(List<EventFile> files) throws WarehouseException {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (EntitySpec e : specs(files)) {
            List<String> rows = new ArrayList<>();
            for (Map<String, Object> r : normalised(e)) {
                rows.add(canonicalRow(r));
            }
            rows.sort(null);
            out.put(e.name(), rows);
        }
        return out;
    }

    private List<EntitySpec> specs(List<EventFile> files) {
        List<EntitySpec> out = new ArrayList<>();
        for (EventFile f : files) {
            if (!f.malformed() && out.stream().noneMatch(e -> e.name().equals(f.entity().name()))) {
                out.add(f.entity());
            }
        }
        return out;
    }

    private List<Map<String, Object>> normalised(EntitySpec e) throws WarehouseException {
        Map<String, FieldType> types = new LinkedHashMap<>();
        e.fields().forEach(x -> types.put(x.column(), x.type()));
        e.derived().forEach(d -> types.put(d.column(), d.type()));
        return TableReader.read(w, "SELECT * FROM " + objects(e).normalisedTable() + " WHERE " + runFilter(e), types);
    }

    /** Rows of this run: a rewritten text key (or event id) starts with the run prefix. */
    private String runFilter(EntitySpec e) {
        return runColumn(e) + " LIKE " + SqlLiterals.quote(rewriter.prefix().replace("_", "\\_") + "%");
    }

    /** The column whose values carry the run id: a rewritten text key, else the event id. */
    private static String runColumn(EntitySpec e) {
        List<FieldSpec> keys = RunIdRewriter.rewritten(e);
        return keys.stream().filter(k -> e.keys().contains(k.column())).map(FieldSpec::column).findFirst()
                .orElse(keys.isEmpty() ? e.eventId() : keys.get(0).column());
    }

    private static String canonicalRow(Map<String, Object> row) {
        Map<String, String> m = new java.util.TreeMap<>();
        row.forEach((k, v) -> m.put(k, FieldValues.canonical(v)));
        return m.toString();
    }

    private CheckResult normalisedRows(List<EventFile> files, long t) throws WarehouseException {
        List<String> problems = new ArrayList<>();
        int rows = 0;
        for (EntitySpec e : specs(files)) {
            ContractModel model = new ContractModel(e);
            files.stream().filter(f -> !f.malformed() && f.entity().name().equals(e.name()))
                    .forEach(f -> f.records().forEach(model::land));
            Map<String, Map<String, Object>> found = new LinkedHashMap<>();
            for (Map<String, Object> r : normalised(e)) {
                found.put(keyText(e, r), r);
            }
            for (Map<String, Object> expected : model.normalised().values()) {
                String key = keyText(e, expected);
                Map<String, Object> actual = found.remove(key);
                if (actual == null) {
                    problems.add(e.name() + " " + key + ": expected a row (event " + expected.get(e.eventId()) + "), found none");
                    continue;
                }
                for (Map.Entry<String, Object> col : expected.entrySet()) {
                    String want = FieldValues.canonical(col.getValue());
                    String got = FieldValues.canonical(actual.get(col.getKey()));
                    if (!java.util.Objects.equals(want, got)) {
                        problems.add(e.name() + " " + key + ": " + col.getKey() + " expected " + show(want) + ", found " + show(got)
                                + because(e, col.getKey(), expected));
                    }
                }
                rows++;
            }
            found.keySet().forEach(k -> problems.add(e.name() + " " + k + ": a row that the events do not produce"));
            int rejects = Integer.parseInt(w.scalar("SELECT COUNT(*) FROM " + objects(e).rejectsTable() + " WHERE FILE_NAME LIKE "
                    + SqlLiterals.quote("%/" + runId + "/%")));
            if (rejects != model.rejects().size()) {
                problems.add(e.name() + ": expected " + model.rejects().size() + " rejected record(s) in " + objects(e).rejectsTable()
                        + ", found " + rejects);
            }
        }
        return result(NORMALISED_ROWS, problems, rows + " normalised row(s) as the contract expects (statuses, decimals, "
                + "defaults, newest event wins)", t);
    }

    /** For a mapped column, the source value that was mapped, so a broken mapping names the event type. */
    private static String because(EntitySpec e, String column, Map<String, Object> expected) {
        for (DerivedColumn d : e.derived()) {
            if (d.column().equals(column) && d instanceof MappedColumn m) {
                return " (" + m.source() + " " + show(FieldValues.canonical(expected.get(m.source()))) + ")";
            }
        }
        return "";
    }

    private static String keyText(EntitySpec e, Map<String, Object> row) {
        List<String> parts = new ArrayList<>();
        for (String k : e.keys()) {
            parts.add(k + "=" + FieldValues.canonical(row.get(k)));
        }
        return String.join(", ", parts);
    }

    private CheckResult malformedRejected(List<EventFile> files, Map<String, Map<String, String>> history) throws WarehouseException {
        long t = System.nanoTime();
        List<EventFile> bad = files.stream().filter(EventFile::malformed).toList();
        if (bad.isEmpty()) {
            return new CheckResult(MALFORMED_REJECTED, CheckResult.Outcome.SKIPPED, "no malformed file was sent", List.of(), 0);
        }
        List<String> problems = new ArrayList<>();
        for (EventFile f : bad) {
            String key = key(f, runId + "/");
            Map<String, String> h = history.get(key);
            if (h == null || !"Load failed".equals(h.get("STATUS"))) {
                problems.add(f.name() + ": expected Load failed in COPY_HISTORY, found " + (h == null ? "no entry" : h.get("STATUS")));
            }
            String landed = w.scalar("SELECT COUNT(*) FROM " + objects(f.entity()).landingTable() + " WHERE FILE_NAME LIKE "
                    + SqlLiterals.quote("%/" + runId + "/" + f.name()));
            if (!"0".equals(landed)) {
                problems.add(f.name() + ": expected no landing rows, found " + landed);
            }
            List<Map<String, String>> log = w.query("SELECT FILE_NAME, STATUS, FIRST_ERROR FROM " + bundle.errorLogView()
                    + " WHERE FILE_NAME LIKE " + SqlLiterals.quote("%/" + runId + "/" + f.name()));
            if (log.isEmpty()) {
                problems.add(f.name() + ": expected in " + bundle.errorLogView() + ", not found");
            } else if (log.get(0).get("FIRST_ERROR") == null || log.get(0).get("FIRST_ERROR").isBlank()) {
                problems.add(f.name() + ": " + bundle.errorLogView() + " has no first error for it");
            }
        }
        String firstError = bad.stream().map(f -> history.get(key(f, runId + "/"))).filter(java.util.Objects::nonNull)
                .map(h -> h.get("FIRST_ERROR_MESSAGE")).findFirst().orElse("");
        return result(MALFORMED_REJECTED, problems, bad.size() + " malformed file(s) Load failed, nothing landed, reported in "
                + bundle.errorLogView() + (firstError == null || firstError.isBlank() ? "" : " (" + firstError + ")"), t);
    }

    private CheckResult replay(List<EventFile> files, Map<String, List<String>> before) throws WarehouseException, E2eException {
        long t = System.nanoTime();
        List<EventFile> valid = files.stream().filter(f -> !f.malformed()).toList();
        String prefix = runId + "/replay/";
        stage(valid, prefix);
        refresh(valid, prefix);
        Map<String, Map<String, String>> history = awaitLoads(valid, prefix);
        List<String> problems = new ArrayList<>();
        for (EventFile f : valid) {
            if (!history.containsKey(key(f, prefix))) {
                problems.add(f.name() + " (replayed): still pending after " + settings.timeout().toSeconds() + " s");
            }
        }
        if (problems.isEmpty()) {
            runTasks(valid);
            Map<String, List<String>> after = snapshot(valid);
            for (Map.Entry<String, List<String>> e : before.entrySet()) {
                List<String> now = after.getOrDefault(e.getKey(), List.of());
                if (!now.equals(e.getValue())) {
                    List<String> gone = new ArrayList<>(e.getValue());
                    gone.removeAll(now);
                    List<String> added = new ArrayList<>(now);
                    added.removeAll(e.getValue());
                    problems.add(e.getKey() + ": the replay changed the normalised rows; before " + gone + ", after " + added);
                }
            }
        }
        return result(REPLAY_IDEMPOTENT, problems, "sending the same events again left the normalised tables unchanged", t);
    }

    private CheckResult result(String name, List<String> problems, String ok, long t) {
        long ms = (System.nanoTime() - t) / 1_000_000;
        if (problems.isEmpty()) {
            return new CheckResult(name, CheckResult.Outcome.PASSED, ok, List.of(), ms);
        }
        List<String> shown = problems.size() > MAX_PROBLEMS ? new ArrayList<>(problems.subList(0, MAX_PROBLEMS)) : problems;
        if (problems.size() > MAX_PROBLEMS) {
            shown.add("... and " + (problems.size() - MAX_PROBLEMS) + " more");
        }
        return new CheckResult(name, CheckResult.Outcome.FAILED, problems.size() + " problem(s)", shown, ms);
    }

    private static String show(String v) {
        return v == null ? "NULL" : "'" + v + "'";
    }

    // ---------------------------------------------------------------- cleanup

    private void cleanup(List<EventFile> files) {
        cleanup(runId);
        try {
            deleteTree(settings.workDir().resolve(runId));
        } catch (IOException ignored) {
            // a leftover temporary file under target/ does no harm
        }
    }

    /** Removes what a run created: staged files, landing, rejects and normalised rows. Stops at the first failure. */
    private void cleanup(String run) {
        String like = SqlLiterals.quote("%/" + run + "/%");
        for (EntitySpec e : spec.entities()) {
            EntityObjects o = objects(e);
            String prefix = SqlLiterals.quote(run.replace("_", "\\_") + "-%");
            if (!quietly("REMOVE @" + bundle.e2eStage() + "/" + e.folder() + "/" + run + "/")
                    || !quietly("DELETE FROM " + o.landingTable() + " WHERE FILE_NAME LIKE " + like)
                    || !quietly("DELETE FROM " + o.rejectsTable() + " WHERE FILE_NAME LIKE " + like)
                    || !quietly("DELETE FROM " + o.normalisedTable() + " WHERE " + runColumn(e) + " LIKE " + prefix)) {
                settings.progress().accept("cleanup of run " + run + " stopped; the next e2e run removes what is left");
                return;
            }
        }
    }

    /** Runs that started more than an hour ago and left files or rows behind (killed, or cut off) are removed now. */
    private List<String> removeStaleRuns() throws WarehouseException {
        java.util.Set<String> runs = new TreeSet<>();
        for (Map<String, String> r : w.query("LIST @" + bundle.e2eStage())) {
            java.util.regex.Matcher m = RUN_ID.matcher(r.getOrDefault("NAME", ""));
            if (m.find()) {
                runs.add(m.group());
            }
        }
        for (EntitySpec e : spec.entities()) {
            EntityObjects o = objects(e);
            String column = runColumn(e);
            List<Map<String, String>> found = new ArrayList<>(w.query("SELECT DISTINCT FILE_NAME AS V FROM " + o.landingTable()
                    + " WHERE FILE_NAME LIKE '%/E2E-%' LIMIT 1000"));
            // rows a task normalised after their run removed its landing rows (append-only streams keep inserts)
            found.addAll(w.query("SELECT DISTINCT LEFT(" + column + ", 24) AS V FROM " + o.normalisedTable() + " WHERE "
                    + column + " LIKE 'E2E-%' LIMIT 1000"));
            for (Map<String, String> r : found) {
                java.util.regex.Matcher m = RUN_ID.matcher(r.getOrDefault("V", ""));
                if (m.find()) {
                    runs.add(m.group());
                }
            }
        }
        LocalDateTime cutoff = LocalDateTime.now(ZoneOffset.UTC).minus(STALE_AFTER);
        List<String> removed = new ArrayList<>();
        for (String run : runs) {
            java.util.regex.Matcher m = RUN_ID.matcher(run);
            if (m.matches() && !run.equals(runId)
                    && LocalDateTime.parse(m.group(1), DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")).isBefore(cutoff)) {
                settings.progress().accept("Removing what the unfinished e2e run " + run + " left behind");
                cleanup(run);
                removed.add(run);
            }
        }
        return removed;
    }

    private boolean quietly(String sql) {
        try {
            w.execute(sql);
            return true;
        } catch (WarehouseException e) {
            settings.progress().accept("cleanup: " + e.getMessage());
            return false;
        }
    }

    private static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (var s = Files.walk(p)) {
            for (Path x : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(x);
            }
        }
    }

    private static void pause(long ms) throws WarehouseException {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WarehouseException("Interrupted while waiting for the pipeline", null);
        }
    }

}

package dev.autosync.e2e;

import dev.autosync.pipeline.DerivedColumn;
import dev.autosync.pipeline.EntitySpec;
import dev.autosync.pipeline.FieldType;
import dev.autosync.pipeline.MappedColumn;
import dev.autosync.sql.SqlLiterals;
import dev.autosync.warehouse.CopyHistory;
import dev.autosync.warehouse.Warehouse;
import dev.autosync.warehouse.WarehouseException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/** The checks on what the tasks made of the landed events: normalised-rows and replay-changes-nothing. */
final class NormalisedChecks {
    private final RunScope scope;
    private final Warehouse w;
    private final RunFiles sender;
    private final TaskRuns tasks;

    NormalisedChecks(RunScope scope, Warehouse w, RunFiles sender, TaskRuns tasks) {
        this.scope = scope;
        this.w = w;
        this.sender = sender;
        this.tasks = tasks;
    }

    /** The normalised tables hold what {@link ContractModel} computes from the events, and the rejects it expects. */
    CheckResult normalisedRows(List<EventFile> files, long t) throws WarehouseException {
        List<String> problems = new ArrayList<>();
        int rows = 0;
        for (EntitySpec e : RunScope.specs(files)) {
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
                    if (!Objects.equals(want, got)) {
                        problems.add(e.name() + " " + key + ": " + col.getKey() + " expected " + LoadChecks.show(want) + ", found "
                                + LoadChecks.show(got) + because(e, col.getKey(), expected));
                    }
                }
                rows++;
            }
            found.keySet().forEach(k -> problems.add(e.name() + " " + k + ": a row that the events do not produce"));
            String rejectsTable = scope.objects(e).rejectsTable().sql();
            int rejects = Integer.parseInt(w.scalar("SELECT COUNT(*) FROM " + rejectsTable + " WHERE FILE_NAME LIKE "
                    + SqlLiterals.quote("%/" + scope.runId() + "/%")));
            if (rejects != model.rejects().size()) {
                problems.add(e.name() + ": expected " + model.rejects().size() + " rejected record(s) in " + rejectsTable
                        + ", found " + rejects);
            }
        }
        return CheckResult.of(EndToEndCheck.NORMALISED_ROWS, problems, rows + " normalised row(s) as the contract expects "
                + "(statuses, decimals, defaults, newest event wins)", t);
    }

    /** Sending the same events again, under another folder, leaves the run's normalised rows as {@code before}. */
    CheckResult replay(List<EventFile> files, Map<String, List<String>> before) throws WarehouseException, E2eException {
        long t = System.nanoTime();
        List<EventFile> valid = files.stream().filter(f -> !f.malformed()).toList();
        String prefix = scope.prefix() + "replay/";
        sender.send(valid, prefix);
        Map<String, CopyHistory.Load> history = sender.awaitLoads(valid, prefix);
        List<String> problems = new ArrayList<>();
        for (EventFile f : valid) {
            if (!history.containsKey(RunScope.key(f, prefix))) {
                problems.add(f.name() + " (replayed): still pending after " + sender.timeout().toSeconds() + " s");
            }
        }
        if (problems.isEmpty()) {
            tasks.runFor(valid);
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
        return CheckResult.of(EndToEndCheck.REPLAY_IDEMPOTENT, problems, "sending the same events again left the normalised "
                + "tables unchanged", t);
    }

    /** The run's normalised rows per entity, canonical and sorted. */
    Map<String, List<String>> snapshot(List<EventFile> files) throws WarehouseException {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (EntitySpec e : RunScope.specs(files)) {
            List<String> rows = new ArrayList<>();
            for (Map<String, Object> r : normalised(e)) {
                Map<String, String> m = new TreeMap<>();
                r.forEach((k, v) -> m.put(k, FieldValues.canonical(v)));
                rows.add(m.toString());
            }
            rows.sort(null);
            out.put(e.name(), rows);
        }
        return out;
    }

    private List<Map<String, Object>> normalised(EntitySpec e) throws WarehouseException {
        Map<String, FieldType> types = new LinkedHashMap<>();
        e.fields().forEach(x -> types.put(x.column(), x.type()));
        e.derived().forEach(d -> types.put(d.column(), d.type()));
        return TableReader.read(w, "SELECT * FROM " + scope.objects(e).normalisedTable() + " WHERE " + scope.runFilter(e), types);
    }

    /** For a mapped column, the source value that was mapped, so a broken mapping names the event type. */
    private static String because(EntitySpec e, String column, Map<String, Object> expected) {
        for (DerivedColumn d : e.derived()) {
            if (d.column().equals(column) && d instanceof MappedColumn m) {
                return " (" + m.source() + " " + LoadChecks.show(FieldValues.canonical(expected.get(m.source()))) + ")";
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
}

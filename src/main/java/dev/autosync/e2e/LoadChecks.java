package dev.autosync.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autosync.config.PropertyNames;
import dev.autosync.pipeline.EntitySpec;
import dev.autosync.pipeline.FieldSpec;
import dev.autosync.pipeline.FieldType;
import dev.autosync.render.QualifiedName;
import dev.autosync.sql.SqlLiterals;
import dev.autosync.warehouse.CopyHistory;
import dev.autosync.warehouse.HealthRules;
import dev.autosync.warehouse.PipeStatus;
import dev.autosync.warehouse.Warehouse;
import dev.autosync.warehouse.WarehouseException;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The checks on what the e2e pipes loaded: files-loaded, landing-rows and malformed-file-rejected. */
final class LoadChecks {
    private final RunScope scope;
    private final Warehouse w;
    private final Duration timeout;

    LoadChecks(RunScope scope, Warehouse w, Duration timeout) {
        this.scope = scope;
        this.w = w;
        this.timeout = timeout;
    }

    /** Every valid file Loaded with as many rows as it has records. */
    CheckResult filesLoaded(List<EventFile> files, Map<String, CopyHistory.Load> history, long t) throws WarehouseException {
        List<String> problems = new ArrayList<>();
        int valid = 0;
        for (EventFile f : files) {
            if (f.malformed()) {
                continue;
            }
            valid++;
            CopyHistory.Load h = history.get(RunScope.key(f, scope.prefix()));
            QualifiedName pipe = scope.objects(f.entity()).e2ePipe();
            if (h == null || h.inProgress()) {
                String unhealthy = HealthRules.pipe(pipe.sql(), PipeStatus.read(w, pipe));
                problems.add(f.name() + ": still pending after " + timeout.toSeconds() + " s (expected Loaded with "
                        + f.records().size() + " rows; not in " + pipe + "'s load history)" + (unhealthy != null ? ": " + unhealthy
                        + "." : ". Raise " + PropertyNames.E2E_TIMEOUT + ", or check SYSTEM$PIPE_STATUS('" + pipe + "')."));
            } else if (!CopyHistory.LOADED.equals(h.status()) || !Long.valueOf(f.records().size()).equals(h.rowCount())) {
                problems.add(f.name() + ": expected Loaded with " + f.records().size() + " rows, found " + h.status() + " with "
                        + h.rowCount() + " rows" + (h.firstError() == null ? "" : " (" + h.firstError() + ")"));
            }
        }
        return CheckResult.of(EndToEndCheck.FILES_LOADED, problems, valid + " file(s) loaded with the expected row counts", t);
    }

    /** Every landing row carries each mapped field and the raw payload of the event sent. */
    CheckResult landingRows(List<EventFile> files) throws WarehouseException {
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
            List<Map<String, Object>> rows = TableReader.read(w, "SELECT * FROM " + scope.objects(e).landingTable()
                    + " WHERE FILE_NAME LIKE " + SqlLiterals.quote("%/" + scope.runId() + "/" + f.name()), types);
            if (rows.size() != f.records().size()) {
                problems.add(f.name() + ": expected " + f.records().size() + " landing rows, found " + rows.size());
            }
            for (Map<String, Object> row : rows) {
                int n = ((BigDecimal) row.get("FILE_ROW_NUMBER")).intValue();
                if (n < 1 || n > f.records().size()) {
                    problems.add(f.name() + " row " + n + ": no such record was sent");
                    continue;
                }
                ObjectNode sent = f.records().get(n - 1);
                for (FieldSpec field : e.fields()) {
                    String expected = FieldValues.canonical(FieldValues.landing(field, sent));
                    String found = FieldValues.canonical(row.get(field.column()));
                    if (!Objects.equals(expected, found)) {
                        problems.add(f.name() + " row " + n + ": " + field.column() + " expected " + show(expected) + " (from "
                                + field.pathText() + "), found " + show(found));
                    }
                }
                if (!Objects.equals(FieldValues.canonicalJson(sent), FieldValues.canonicalJson((JsonNode) row.get("RAW_PAYLOAD")))) {
                    problems.add(f.name() + " row " + n + ": RAW_PAYLOAD differs from the event sent: expected " + sent + ", found "
                            + row.get("RAW_PAYLOAD"));
                }
                checked++;
            }
        }
        return CheckResult.of(EndToEndCheck.LANDING_ROWS, problems, checked
                + " landing row(s) carry every mapped field and the raw payload sent", t);
    }

    /** A malformed file: Load failed, nothing landed, and it shows in the error log view with its first error. */
    CheckResult malformedRejected(List<EventFile> files, Map<String, CopyHistory.Load> history) throws WarehouseException {
        long t = System.nanoTime();
        List<EventFile> bad = files.stream().filter(EventFile::malformed).toList();
        if (bad.isEmpty()) {
            return CheckResult.skipped(EndToEndCheck.MALFORMED_REJECTED, "no malformed file was sent");
        }
        String errorLog = scope.bundle().errorLogView();
        List<String> problems = new ArrayList<>();
        for (EventFile f : bad) {
            CopyHistory.Load h = history.get(RunScope.key(f, scope.prefix()));
            if (h == null || !CopyHistory.LOAD_FAILED.equals(h.status())) {
                problems.add(f.name() + ": expected Load failed in COPY_HISTORY, found " + (h == null ? "no entry" : h.status()));
            }
            String fileLike = SqlLiterals.quote("%/" + scope.runId() + "/" + f.name());
            String landed = w.scalar("SELECT COUNT(*) FROM " + scope.objects(f.entity()).landingTable() + " WHERE FILE_NAME LIKE "
                    + fileLike);
            if (!"0".equals(landed)) {
                problems.add(f.name() + ": expected no landing rows, found " + landed);
            }
            List<Map<String, String>> log = w.query("SELECT FILE_NAME, STATUS, FIRST_ERROR FROM " + errorLog
                    + " WHERE FILE_NAME LIKE " + fileLike);
            if (log.isEmpty()) {
                problems.add(f.name() + ": expected in " + errorLog + ", not found");
            } else if (log.get(0).get("FIRST_ERROR") == null || log.get(0).get("FIRST_ERROR").isBlank()) {
                problems.add(f.name() + ": " + errorLog + " has no first error for it");
            }
        }
        String firstError = bad.stream().map(f -> history.get(RunScope.key(f, scope.prefix()))).filter(Objects::nonNull)
                .map(CopyHistory.Load::firstError).filter(Objects::nonNull).findFirst().orElse("");
        return CheckResult.of(EndToEndCheck.MALFORMED_REJECTED, problems, bad.size() + " malformed file(s) Load failed, nothing "
                + "landed, reported in " + errorLog + (firstError == null || firstError.isBlank() ? "" : " (" + firstError + ")"), t);
    }

    static String show(String v) {
        return v == null ? "NULL" : "'" + v + "'";
    }
}

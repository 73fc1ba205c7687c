package dev.autosync.status;

import dev.autosync.render.EntityObjects;
import dev.autosync.render.RenderedBundle;
import dev.autosync.sql.SqlLiterals;
import dev.autosync.warehouse.Warehouse;
import dev.autosync.warehouse.WarehouseException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the pipeline's health from the warehouse: the monitoring views deploy created (pipe
 * status, ingestion metrics, error log), SHOW STREAMS / SHOW TASKS, TASK_HISTORY, the rejects
 * tables and COPY_HISTORY by hour; then judges it.
 */
public final class StatusCollector {
    private static final int RECENT_ERRORS = 20;

    private final RenderedBundle b;
    private final Warehouse w;

    public StatusCollector(RenderedBundle b, Warehouse w) {
        this.b = b;
        this.w = w;
    }

    public StatusReport collect() throws WarehouseException {
        String scope = b.database() + "." + b.schema();
        List<StatusReport.Pipe> pipes = new ArrayList<>();
        for (Map<String, String> r : w.query("SELECT PIPE_NAME, ENTITY, PURPOSE, EXECUTION_STATE, PENDING_FILE_COUNT, "
                + "OLDEST_PENDING_FILE, LAST_INGESTED_FILE, LAST_INGESTED_AT, ERROR FROM " + b.pipeStatusView() + " ORDER BY ENTITY, PURPOSE DESC")) {
            pipes.add(new StatusReport.Pipe(r.get("PIPE_NAME"), r.get("ENTITY"), r.get("PURPOSE"), r.get("EXECUTION_STATE"),
                    num(r.get("PENDING_FILE_COUNT")), r.get("OLDEST_PENDING_FILE"), r.get("LAST_INGESTED_FILE"),
                    r.get("LAST_INGESTED_AT"), r.get("ERROR")));
        }
        List<StatusReport.Metrics> metrics = new ArrayList<>();
        for (Map<String, String> r : w.query("SELECT * FROM " + b.ingestionMetricsView() + " ORDER BY ENTITY, PURPOSE DESC")) {
            metrics.add(new StatusReport.Metrics(r.get("PIPE_NAME"), r.get("ENTITY"), r.get("PURPOSE"), num(r.get("FILES_LOADED_24H")),
                    num(r.get("ROWS_LOADED_24H")), num(r.get("FILES_FAILED_24H")), num(r.get("FILES_LOADED_7D")),
                    num(r.get("ROWS_LOADED_7D")), num(r.get("FILES_FAILED_7D")), r.get("LAST_LOAD_TIME")));
        }
        List<StatusReport.LoadError> errors = new ArrayList<>();
        for (Map<String, String> r : w.query("SELECT FAILED_AT, PIPE_NAME, FILE_NAME, FIRST_ERROR, FIRST_ERROR_LINE FROM "
                + b.errorLogView() + " ORDER BY FAILED_AT DESC LIMIT " + RECENT_ERRORS)) {
            errors.add(new StatusReport.LoadError(r.get("FAILED_AT"), r.get("PIPE_NAME"), r.get("FILE_NAME"), r.get("FIRST_ERROR"),
                    r.get("FIRST_ERROR_LINE")));
        }
        List<StatusReport.Stream> streams = new ArrayList<>();
        for (Map<String, String> r : w.query("SHOW STREAMS IN SCHEMA " + scope)) {
            String name = scope + "." + r.get("NAME");
            if (b.entities().stream().anyMatch(e -> e.stream().equals(name))) {
                boolean hasData = "true".equalsIgnoreCase(w.scalar("SELECT SYSTEM$STREAM_HAS_DATA(" + SqlLiterals.quote(name) + ")"));
                streams.add(new StatusReport.Stream(name, hasData, "true".equalsIgnoreCase(r.get("STALE"))));
            }
        }
        List<StatusReport.Task> tasks = new ArrayList<>();
        for (Map<String, String> r : w.query("SHOW TASKS IN SCHEMA " + scope)) {
            String name = scope + "." + r.get("NAME");
            if (b.entities().stream().noneMatch(e -> e.task().equals(name))) {
                continue;
            }
            List<Map<String, String>> runs = w.query("SELECT STATE, COMPLETED_TIME, ERROR_MESSAGE FROM TABLE(" + b.database()
                    + ".INFORMATION_SCHEMA.TASK_HISTORY(TASK_NAME => " + SqlLiterals.quote(r.get("NAME")) + ")) "
                    + "WHERE STATE IN ('SUCCEEDED', 'FAILED', 'SKIPPED', 'CANCELLED') ORDER BY COMPLETED_TIME DESC LIMIT 1");
            Map<String, String> last = runs.isEmpty() ? Map.of() : runs.get(0);
            tasks.add(new StatusReport.Task(name, r.get("STATE"), r.get("SCHEDULE"), last.get("COMPLETED_TIME"), last.get("STATE"),
                    last.get("ERROR_MESSAGE")));
        }
        List<StatusReport.Rejects> rejects = new ArrayList<>();
        List<StatusReport.Hour> hourly = new ArrayList<>();
        for (EntityObjects e : b.entities()) {
            Map<String, String> r = w.query("SELECT COUNT(*) AS TOTAL, SUM(IFF(REJECTED_AT >= DATEADD(HOUR, -24, CURRENT_TIMESTAMP()), 1, 0)) "
                    + "AS LAST_24H FROM " + e.rejectsTable()).get(0);
            rejects.add(new StatusReport.Rejects(e.name(), e.rejectsTable(), num(r.get("TOTAL")), num(r.get("LAST_24H"))));
            hourly.addAll(hourly(e));
        }
        String target = w.target().local() ? "local" : "snowflake";
        return new StatusReport(target, b.database(), b.schema(), Instant.now().toString(),
                Verdicts.judge(pipes, metrics, streams, tasks, rejects), pipes, metrics, errors, streams, tasks, rejects, hourly);
    }

    /** COPY_HISTORY of the last 7 days for one landing table, bucketed by hour and pipe (in Java: timestamps read as instants). */
    private List<StatusReport.Hour> hourly(EntityObjects e) throws WarehouseException {
        String sql = "SELECT PIPE_NAME, STATUS, ROW_COUNT, LAST_LOAD_TIME FROM TABLE(" + b.database()
                + ".INFORMATION_SCHEMA.COPY_HISTORY(TABLE_NAME => " + SqlLiterals.quote(e.landingTable())
                + ", START_TIME => DATEADD(DAY, -7, CURRENT_TIMESTAMP())))";
        java.util.TreeMap<String, long[]> buckets = new java.util.TreeMap<>();
        try (java.sql.Statement s = w.jdbc().createStatement(); java.sql.ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                java.sql.Timestamp at = rs.getTimestamp("LAST_LOAD_TIME");
                if (at == null) {
                    continue;
                }
                String hour = at.toInstant().truncatedTo(java.time.temporal.ChronoUnit.HOURS).toString();
                String pipe = rs.getString("PIPE_NAME");
                long[] v = buckets.computeIfAbsent(hour + "|" + (pipe == null ? "(bulk COPY)" : pipe), k -> new long[3]);
                String status = rs.getString("STATUS");
                boolean loaded = "Loaded".equals(status) || "Partially loaded".equals(status);
                v[0] += loaded ? 1 : 0;
                v[1] += rs.getLong("ROW_COUNT");
                v[2] += "Load failed".equals(status) || "Partially loaded".equals(status) ? 1 : 0;
            }
        } catch (java.sql.SQLException ex) {
            throw new WarehouseException(Warehouse.scrub(w.target(), ex.getMessage()) + " in: " + sql, ex);
        }
        List<StatusReport.Hour> out = new ArrayList<>();
        buckets.forEach((k, v) -> out.add(new StatusReport.Hour(k.substring(0, k.indexOf('|')), k.substring(k.indexOf('|') + 1),
                v[0], v[1], v[2])));
        return out;
    }

    static long num(String s) {
        if (s == null || s.isBlank()) {
            return 0;
        }
        try {
            return new java.math.BigDecimal(s.trim()).longValue();
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    static String lower(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT);
    }
}

package dev.autosync.status;

import dev.autosync.render.EntityObjects;
import dev.autosync.render.MonitoringQueries;
import dev.autosync.render.QualifiedName;
import dev.autosync.render.RenderedBundle;
import dev.autosync.sql.SqlLiterals;
import dev.autosync.warehouse.CopyHistory;
import dev.autosync.warehouse.TaskHistory;
import dev.autosync.warehouse.Warehouse;
import dev.autosync.warehouse.WarehouseException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Reads the pipeline's health from the warehouse: the monitoring views deploy created (pipe
 * status, ingestion metrics, error log), SHOW STREAMS / SHOW TASKS, TASK_HISTORY, the rejects
 * tables and COPY_HISTORY by hour; then judges it.
 */
public final class StatusCollector {
    private static final int RECENT_ERRORS = 20;

    private final RenderedBundle b;
    private final Warehouse w;

    private final Clock clock;

    public StatusCollector(RenderedBundle b, Warehouse w) {
        this(b, w, Clock.systemUTC());
    }

    /** {@code clock} judges freshness (tests inject one rather than sleep). */
    public StatusCollector(RenderedBundle b, Warehouse w, Clock clock) {
        this.b = b;
        this.w = w;
        this.clock = clock;
    }

    public StatusReport collect() throws WarehouseException {
        Map<String, String> channels = new TreeMap<>();
        for (Map<String, String> r : w.query(MonitoringQueries.pipes(b))) {
            channels.put(r.get("NAME"), blankToNull(r.get("NOTIFICATION_CHANNEL")));
        }
        List<StatusReport.Pipe> pipes = new ArrayList<>();
        for (Map<String, String> r : w.query(MonitoringQueries.pipeStatus(b))) {
            // the view's ERROR is the pipe's error only (judged); FAULT is Snowflake's debugging aid (shown, not judged)
            String name = r.get("PIPE_NAME");
            pipes.add(new StatusReport.Pipe(name, r.get("ENTITY"), r.get("PURPOSE"), r.get("EXECUTION_STATE"),
                    num(r.get("PENDING_FILE_COUNT")), r.get("OLDEST_PENDING_FILE"), r.get("LAST_INGESTED_FILE"),
                    r.get("LAST_INGESTED_AT"), blankToNull(r.get("ERROR")), blankToNull(r.get("FAULT")), channels.get(shortName(name))));
        }
        List<StatusReport.Metrics> metrics = new ArrayList<>();
        for (Map<String, String> r : w.query(MonitoringQueries.ingestionMetrics(b))) {
            metrics.add(new StatusReport.Metrics(r.get("PIPE_NAME"), r.get("ENTITY"), r.get("PURPOSE"), num(r.get("FILES_LOADED_24H")),
                    num(r.get("ROWS_LOADED_24H")), num(r.get("FILES_FAILED_24H")), num(r.get("FILES_LOADED_7D")),
                    num(r.get("ROWS_LOADED_7D")), num(r.get("FILES_FAILED_7D")), r.get("LAST_LOAD_TIME")));
        }
        List<StatusReport.LoadError> errors = new ArrayList<>();
        for (Map<String, String> r : w.query(MonitoringQueries.errorLog(b, RECENT_ERRORS))) {
            errors.add(new StatusReport.LoadError(r.get("FAILED_AT"), r.get("PIPE_NAME"), r.get("FILE_NAME"), r.get("FIRST_ERROR"),
                    r.get("FIRST_ERROR_LINE")));
        }
        List<StatusReport.Stream> streams = new ArrayList<>();
        for (Map<String, String> r : w.query(MonitoringQueries.streams(b))) {
            QualifiedName name = entityObject(EntityObjects::stream, r.get("NAME"));
            if (name != null) {
                boolean hasData = "true".equalsIgnoreCase(w.scalar("SELECT SYSTEM$STREAM_HAS_DATA(" + SqlLiterals.quote(name.sql()) + ")"));
                streams.add(new StatusReport.Stream(name.sql(), hasData, "true".equalsIgnoreCase(r.get("STALE"))));
            }
        }
        List<StatusReport.Task> tasks = new ArrayList<>();
        for (Map<String, String> r : w.query(MonitoringQueries.tasks(b))) {
            QualifiedName name = entityObject(EntityObjects::task, r.get("NAME"));
            if (name == null) {
                continue;
            }
            TaskHistory.TaskRun last = TaskHistory.lastRun(w, name);
            tasks.add(new StatusReport.Task(name.sql(), r.get("STATE"), r.get("SCHEDULE"),
                    last == null || last.completedTime() == null ? null : last.completedTime().toString(),
                    last == null ? null : last.state(), last == null ? null : last.errorMessage()));
        }
        List<StatusReport.Rejects> rejects = new ArrayList<>();
        List<StatusReport.Hour> hourly = new ArrayList<>();
        for (EntityObjects e : b.entities()) {
            Map<String, String> r = w.query(MonitoringQueries.rejectCounts(e)).get(0);
            rejects.add(new StatusReport.Rejects(e.name(), e.rejectsTable().sql(), num(r.get("TOTAL")), num(r.get("LAST_24H"))));
            hourly.addAll(hourly(e));
        }
        String target = w.target().local() ? "local" : "snowflake";
        List<String> stale = new ArrayList<>();
        List<StatusReport.Freshness> freshness = FreshnessJudge.read(w, MonitoringQueries.freshness(b), clock.instant(), stale);
        return new StatusReport(target, b.database(), b.schema(), clock.instant().toString(),
                Verdicts.judge(pipes, metrics, streams, tasks, rejects, stale, this::qualifiedPipe), pipes, metrics, errors, streams, tasks, rejects, hourly,
                freshness);
    }

    /** The pipe's qualified SQL name (quoted as needed) from the name the status view shows; unknown names as they are. */
    private String qualifiedPipe(String shownName) {
        for (EntityObjects e : b.entities()) {
            for (QualifiedName pipe : List.of(e.pipe(), e.e2ePipe())) {
                if (pipe.last().name().equals(shortName(shownName)) || pipe.sql().equals(shownName)) {
                    return pipe.sql();
                }
            }
        }
        return shownName;
    }

    /** The entity object (stream, task) that SHOW lists as {@code shownName} in the pipeline's schema, or null. */
    private QualifiedName entityObject(Function<EntityObjects, QualifiedName> object, String shownName) {
        return b.entities().stream().map(object).filter(n -> n.last().name().equals(shownName)).findFirst().orElse(null);
    }

    /** COPY_HISTORY of the last 7 days for one landing table, bucketed by hour and pipe (timestamps read as instants). */
    private List<StatusReport.Hour> hourly(EntityObjects e) throws WarehouseException {
        Map<String, long[]> buckets = new TreeMap<>();
        for (CopyHistory.Load load : CopyHistory.read(w, e.landingTable(), Duration.ofDays(7), null)) {
            if (load.lastLoadTime() == null) {
                continue;
            }
            String hour = load.lastLoadTime().truncatedTo(ChronoUnit.HOURS).toString();
            String pipe = load.pipeName() == null ? "(bulk COPY)" : load.pipeName();
            long[] v = buckets.computeIfAbsent(hour + "|" + pipe, k -> new long[3]);
            v[0] += load.loaded() ? 1 : 0;
            v[1] += load.rowCount() == null ? 0 : load.rowCount();
            v[2] += load.failed() ? 1 : 0;
        }
        List<StatusReport.Hour> out = new ArrayList<>();
        buckets.forEach((k, v) -> out.add(new StatusReport.Hour(k.substring(0, k.indexOf('|')), k.substring(k.indexOf('|') + 1),
                v[0], v[1], v[2])));
        return out;
    }

    /** The pipe's own name from the view's PIPE_NAME (qualified or not), as SHOW PIPES lists it. */
    private static String shortName(String pipeName) {
        return pipeName == null ? null : pipeName.substring(pipeName.lastIndexOf('.') + 1);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
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

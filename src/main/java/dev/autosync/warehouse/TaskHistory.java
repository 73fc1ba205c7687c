package dev.autosync.warehouse;

import dev.autosync.render.MonitoringQueries;
import dev.autosync.render.QualifiedName;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The one reader of {@code INFORMATION_SCHEMA.TASK_HISTORY} in Java (e2e's wait for the run it
 * started, status's last run). Per the "TASK_HISTORY" page the function covers the whole account
 * and keeps only its newest RESULT_LIMIT rows (default 100) before any WHERE: so every read here
 * names the task's database and schema (two deployments with the same task names never mix) and
 * a scheduled-time window, and never counts rows. diagnostics.sql has its own query for people.
 */
public final class TaskHistory {
    public static final String SUCCEEDED = "SUCCEEDED";
    public static final String FAILED = "FAILED";
    public static final String FAILED_AND_AUTO_SUSPENDED = "FAILED_AND_AUTO_SUSPENDED";
    public static final String CANCELLED = "CANCELLED";
    public static final String SKIPPED = "SKIPPED";
    /** The states of a run that has ended ("TASK_HISTORY" page, STATE column); SCHEDULED and EXECUTING have not. */
    public static final Set<String> FINISHED = Set.of(SUCCEEDED, FAILED, FAILED_AND_AUTO_SUSPENDED, CANCELLED, SKIPPED);
    /** The function's own maximum ("Range: 1 to 10000"). */
    static final int MAX_RESULT_LIMIT = MonitoringQueries.TASK_HISTORY_MAX_ROWS;
    /** Rows per page when looking for the last run that did work: about 16 hours of a 1-minute schedule, usually one page. */
    static final int LAST_RUN_PAGE = MonitoringQueries.LAST_RUN_PAGE;
    /** "This function can return all executions run in the past seven days". */
    static final Duration RETAINED = Duration.ofDays(7);
    /** A literal the warehouse parses the same whatever the session's TIMESTAMP_INPUT_FORMAT. */
    private static final DateTimeFormatter LITERAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS xx").withZone(ZoneOffset.UTC);

    /**
     * One run of the task. {@code queryId} is null for the next scheduled run; {@code scheduledFrom}
     * is SCHEDULE, EXECUTE_TASK, TRIGGER or a retry; times are instants, read typed.
     */
    public record TaskRun(String queryId, String state, String scheduledFrom, Instant scheduledTime, Instant completedTime,
                          String errorCode, String errorMessage) {
        /** It has ended, in any of the documented end states. */
        public boolean finished() {
            return FINISHED.contains(state);
        }

        /** It did not do its work: it failed (and maybe suspended the task), or was cancelled. */
        public boolean unsuccessful() {
            return FAILED.equals(state) || FAILED_AND_AUTO_SUSPENDED.equals(state) || CANCELLED.equals(state);
        }

        /** It failed and the task suspended itself (SUSPEND_TASK_AFTER_NUM_FAILURES reached). */
        public boolean autoSuspended() {
            return FAILED_AND_AUTO_SUSPENDED.equals(state);
        }

        /** Started by EXECUTE TASK (not its schedule, a trigger or a retry). */
        public boolean executeTask() {
            return "EXECUTE_TASK".equals(scheduledFrom);
        }

        /** The state and, when it failed, the error code and message: what a person needs to act on it. */
        public String describe() {
            return state + (errorMessage == null || errorMessage.isBlank() ? "" : ": " + (errorCode == null ? "" : errorCode + " ")
                    + errorMessage);
        }
    }

    private TaskHistory() {
    }

    /** The warehouse's clock now, read typed: the start of a window that holds every run started after this call. */
    public static Instant now(Warehouse w) throws WarehouseException {
        String sql = MonitoringQueries.now();
        try (Statement s = w.jdbc().createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getTimestamp(1).toInstant();
        } catch (SQLException e) {
            throw w.failure(sql, e);
        }
    }

    /**
     * The runs of {@code task} (database.schema.task) that started at or after {@code since} (in the
     * last 7 days), newest first; the next scheduled run, which has not started, is left out.
     */
    public static List<TaskRun> runsSince(Warehouse w, QualifiedName task, Instant since) throws WarehouseException {
        return read(w, task, since, null, MAX_RESULT_LIMIT).stream().filter(r -> r.queryId() != null).toList();
    }

    /**
     * The newest run that executed the task's body (not SKIPPED), or null when there is none in the
     * last 7 days. Our tasks run WHEN their stream has data, so most scheduled runs are SKIPPED (a
     * 1-minute schedule records 10080 a week): the window is paged back from now, {@link #LAST_RUN_PAGE}
     * rows at a time, until a run that did work is found.
     */
    public static TaskRun lastRun(Warehouse w, QualifiedName task) throws WarehouseException {
        return lastRun(w, task, LAST_RUN_PAGE);
    }

    static TaskRun lastRun(Warehouse w, QualifiedName task, int page) throws WarehouseException {
        Instant since = now(w).minus(RETAINED).plus(Duration.ofMinutes(1));
        Instant until = null;
        Set<String> seen = new LinkedHashSet<>();
        while (true) {
            List<TaskRun> runs = read(w, task, since, until, page);
            boolean fresh = false;
            for (TaskRun r : runs) {
                // the next scheduled run (no query id yet) counts towards RESULT_LIMIT but is not a run
                if (r.queryId() == null || !seen.add(r.queryId())) {
                    continue;
                }
                fresh = true;
                if (r.finished() && !SKIPPED.equals(r.state())) {
                    return r;
                }
            }
            if (runs.size() < page || !fresh) {
                return null;
            }
            // the page was full: the next one ends where this one did (inclusive, so runs sharing that time are not lost)
            until = runs.stream().filter(r -> r.queryId() != null).map(TaskRun::scheduledTime).min(Instant::compareTo).orElseThrow();
        }
    }

    private static List<TaskRun> read(Warehouse w, QualifiedName task, Instant since, Instant until, int limit)
            throws WarehouseException {
        // the query text status and the Streamlit page share
        String sql = MonitoringQueries.taskHistory(task, literal(since), until == null ? null : literal(ceilToMillis(until)), limit);
        List<TaskRun> out = new ArrayList<>();
        try (Statement s = w.jdbc().createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(new TaskRun(rs.getString("QUERY_ID"), rs.getString("STATE"), rs.getString("SCHEDULED_FROM"),
                        instant(rs.getTimestamp("SCHEDULED_TIME")), instant(rs.getTimestamp("COMPLETED_TIME")),
                        rs.getString("ERROR_CODE"), rs.getString("ERROR_MESSAGE")));
            }
        } catch (SQLException e) {
            throw w.failure(sql, e);
        }
        return out;
    }

    /** The end of a range given to the millisecond must not cut off the rest of the millisecond it ends in. */
    private static Instant ceilToMillis(Instant t) {
        Instant down = t.truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        return down.equals(t) ? t : down.plusMillis(1);
    }

    /** A TIMESTAMP_LTZ constant (to the millisecond, truncated) with its format given, so the session's input format does not matter. */
    static String literal(Instant t) {
        return MonitoringQueries.timestampLiteral(LITERAL.format(t));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}

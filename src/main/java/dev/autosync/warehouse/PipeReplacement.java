package dev.autosync.warehouse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autosync.config.PropertyNames;
import dev.autosync.render.QualifiedName;
import dev.autosync.sql.SqlLiterals;

import java.io.IOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Replacing a pipe as Snowflake's "Managing Snowpipe" page recommends (pause, check PAUSED with
 * pendingFileCount 0, CREATE OR REPLACE, pause again, resume, check RUNNING), plus what the page
 * leaves to the user: "the load history is dropped" with the old pipe, and the events of files
 * staged while it was paused went to the old pipe. So after the replacement every file staged
 * since the pause (or since the oldest file then still pending) that is neither in the landing
 * table (FILE_NAME) nor in its COPY_HISTORY is queued with its own ALTER PIPE ... REFRESH PREFIX:
 * no file is lost, and none that the old pipe loaded lands twice (a plain REFRESH MODIFIED_AFTER
 * would load those again: the new pipe's load history is empty).
 */
final class PipeReplacement {
    /** Storage's LastModified and the warehouse clock may disagree a little: look this much further back. UNVERIFIED bound. */
    static final Duration CLOCK_MARGIN = Duration.ofMinutes(5);
    /** REFRESH queues files of the last 7 days at most (ALTER PIPE page). */
    private static final Duration REFRESH_WINDOW = Duration.ofDays(7);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Warehouse w;
    private final DeployOptions options;
    private final Map<QualifiedName, Instant> pausedAt = new HashMap<>();
    private final Map<QualifiedName, Instant> repausedAt = new HashMap<>();
    private final Map<QualifiedName, Instant> oldestPending = new HashMap<>();

    PipeReplacement(Warehouse w, DeployOptions options) {
        this.w = w;
        this.options = options;
    }

    /** The fields of SYSTEM$PIPE_STATUS a replacement acts on. */
    record Status(String state, int pending, Instant oldestQueued) {
        static Status read(Warehouse w, QualifiedName pipe) throws WarehouseException {
            String json = w.scalar("SELECT SYSTEM$PIPE_STATUS(" + SqlLiterals.quote(pipe.sql()) + ")");
            try {
                JsonNode n = JSON.readTree(json == null ? "{}" : json);
                return new Status(n.path("executionState").asText("UNKNOWN"), n.path("pendingFileCount").asInt(0),
                        instant(n.path("oldestFileTimestamp").asText(null)));
            } catch (IOException e) {
                return new Status("UNKNOWN", 0, null);
            }
        }
    }

    Instant serverNow() throws WarehouseException {
        String sql = "SELECT CURRENT_TIMESTAMP()";
        try (Statement s = w.jdbc().createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getTimestamp(1).toInstant();
        } catch (SQLException e) {
            throw w.failure(sql, e);
        }
    }

    void paused(QualifiedName pipe, Instant at) {
        if (pausedAt.putIfAbsent(pipe, at) != null) {
            repausedAt.put(pipe, at);
        }
    }

    /** Step 2: PAUSED, and nothing pending that was queued before the pause (files queued later are caught up). */
    void awaitPaused(QualifiedName pipe) throws WarehouseException, DeployException {
        Instant paused = pausedAt.get(pipe);
        Await.Outcome<Status> out = Await.until(pipe.sql() + " to pause", () -> {
            Status st = Status.read(w, pipe);
            if (st.oldestQueued() != null) {
                oldestPending.merge(pipe, st.oldestQueued(), (a, b) -> a.isBefore(b) ? a : b);
            }
            return st;
        }, st -> "PAUSED".equals(st.state()) && (st.pending() == 0
                || st.oldestQueued() != null && !st.oldestQueued().isBefore(paused)),
                options.drainTimeout(), Await.Pacing.every(Duration.ofMillis(250), Duration.ofSeconds(10)),
                (st, seconds) -> options.progress().accept("waiting for " + pipe.sql() + " to pause: " + st.state() + ", "
                        + st.pending() + " file(s) pending, " + seconds + " s"));
        if (out.done()) {
            return;
        }
        if ("PAUSED".equals(out.last().state())) {
            options.progress().accept("         note: " + pipe.sql() + " is PAUSED with " + out.last().pending() + " file(s) still "
                    + "pending after " + options.drainTimeout().toSeconds() + " s; the new pipe queues them again");
            return;
        }
        w.execute("ALTER PIPE " + pipe.sql() + " SET PIPE_EXECUTION_PAUSED = FALSE");
        throw new DeployException("Pipe " + pipe.sql() + " did not pause within " + options.drainTimeout().toSeconds() + " s (its "
                + "state is " + out.last().state() + "), so it was not replaced; it was resumed as it was. Look at "
                + "SYSTEM$PIPE_STATUS('" + pipe.sql() + "'), then deploy again (or wait longer with -D" + PropertyNames.DRAIN_TIMEOUT
                + "=<seconds>).");
    }

    /** Step 7: RUNNING after the resume. */
    void awaitRunning(QualifiedName pipe) throws WarehouseException, DeployException {
        Await.Outcome<Status> out = Await.until(pipe.sql() + " to run", () -> Status.read(w, pipe),
                st -> PipeStatus.RUNNING.equals(st.state()), options.drainTimeout(),
                Await.Pacing.backoff(Duration.ofSeconds(10)), null);
        if (!out.done()) {
            throw new DeployException("Pipe " + pipe.sql() + " was replaced and resumed but its state is " + out.last().state()
                    + ", not RUNNING. Look at SYSTEM$PIPE_STATUS('" + pipe.sql() + "') (error field) and fix what it names.");
        }
    }

    /** One staged file: its path from the stage's root and when it was last modified. */
    record Staged(String relative, Instant modified) {
    }

    /** Queues on the new pipe, once each, the files staged since the pause that the old pipe did not load. */
    void catchUp(DeployOperation.CatchUpPipe op) throws WarehouseException {
        Instant first = pausedAt.get(op.pipe());
        Instant from = oldestPending.getOrDefault(op.pipe(), first);
        from = (from.isBefore(first) ? from : first).minus(CLOCK_MARGIN);
        Instant now = serverNow();
        Instant floor = from.isBefore(now.minus(REFRESH_WINDOW)) ? now.minus(REFRESH_WINDOW).plus(Duration.ofMinutes(1)) : from;
        // files staged after the new pipe exists reach it by event; those just before, by this catch-up (REFRESH skips
        // a file the pipe has queued or loaded, so the overlap loads nothing twice)
        Instant until = repausedAt.getOrDefault(op.pipe(), now).plusSeconds(2);
        List<Staged> staged = list(op.stage(), op.folder());
        List<Staged> recent = staged.stream().filter(f -> !f.modified().isBefore(floor)).toList();
        if (recent.isEmpty()) {
            return;
        }
        long back = Duration.between(floor, now).toSeconds() + Duration.ofDays(1).toSeconds();
        List<String> names = new ArrayList<>();
        for (Map<String, String> r : w.query("SELECT DISTINCT FILE_NAME FROM " + op.landingTable() + " WHERE LOADED_AT >= "
                + "DATEADD(SECOND, -" + back + ", CURRENT_TIMESTAMP())")) {
            names.add(r.get("FILE_NAME"));
        }
        String db = op.landingTable().contains(".") ? op.landingTable().substring(0, op.landingTable().indexOf('.')) + "." : "";
        for (Map<String, String> r : w.query("SELECT DISTINCT FILE_NAME FROM TABLE(" + db + "INFORMATION_SCHEMA.COPY_HISTORY("
                + "TABLE_NAME => " + SqlLiterals.quote(op.landingTable()) + ", START_TIME => DATEADD(SECOND, -" + back
                + ", CURRENT_TIMESTAMP())))")) {
            names.add(r.get("FILE_NAME"));
        }
        Loaded loaded = Loaded.of(names);
        // the recent files already loaded, sorted: those whose names extend a given name follow it
        java.util.NavigableSet<String> loadedRecent = new java.util.TreeSet<>();
        recent.stream().map(Staged::relative).filter(loaded::contains).forEach(loadedRecent::add);
        int queued = 0;
        int skipped = 0;
        for (Staged f : recent) {
            if (f.modified().isAfter(until) || loaded.contains(f.relative())) {
                skipped++;
                continue;
            }
            // PREFIX matches by prefix: refuse when it would also queue a loaded file whose name extends this one
            String longer = loadedRecent.higher(f.relative());
            if (longer != null && longer.startsWith(f.relative())) {
                options.progress().accept("         note: " + f.relative() + " was staged while " + op.pipe().sql() + " was paused "
                        + "but is not queued again (a REFRESH PREFIX for it would also reload a longer file name); load it with "
                        + "COPY INTO " + op.landingTable() + " ... FILES = ('" + f.relative() + "')");
                continue;
            }
            w.execute("ALTER PIPE " + op.pipe().sql() + " REFRESH PREFIX = " + SqlLiterals.quote(f.relative().substring(
                    op.folder().length())) + " MODIFIED_AFTER = " + SqlLiterals.quote(floor.truncatedTo(ChronoUnit.SECONDS)
                    .toString()));
            queued++;
        }
        options.progress().accept("         " + op.pipe().sql() + ": " + queued + " file(s) staged while it was paused queued "
                + "again, " + skipped + " already loaded or reaching the new pipe by event");
    }

    /**
     * The names of loaded files (which may carry the stage URL's path too), answering in constant time whether a
     * file (path from the stage root) is among them: each name is kept with every tail that follows a '/'.
     */
    static final class Loaded {
        private final java.util.Set<String> tails = new java.util.HashSet<>();

        static Loaded of(java.util.Collection<String> names) {
            Loaded l = new Loaded();
            for (String name : names) {
                if (name == null) {
                    continue;
                }
                l.tails.add(name);
                for (int i = name.indexOf('/'); i >= 0; i = name.indexOf('/', i + 1)) {
                    l.tails.add(name.substring(i + 1));
                }
            }
            return l;
        }

        boolean contains(String relative) {
            return tails.contains(relative);
        }
    }

    /** LIST of the pipe's folder, each name made relative to the stage's root. */
    private List<Staged> list(String stage, String folder) throws WarehouseException {
        String url = stageUrl(stage);
        List<Staged> out = new ArrayList<>();
        for (Map<String, String> r : w.query("LIST @" + stage + "/" + folder)) {
            String name = r.get("NAME");
            String rel;
            if (url != null && name.toLowerCase(Locale.ROOT).startsWith(url.toLowerCase(Locale.ROOT))) {
                rel = name.substring(url.length());
            } else if (url == null && name.indexOf('/') >= 0) {
                rel = name.substring(name.indexOf('/') + 1); // internal stage: "<stage name>/<path>"
            } else {
                continue;
            }
            Instant modified = lastModified(r.get("LAST_MODIFIED"));
            if (modified != null && rel.startsWith(folder)) {
                out.add(new Staged(rel, modified));
            }
        }
        return out;
    }

    private String stageUrl(String stage) throws WarehouseException {
        String[] parts = stage.split("\\.");
        String like = parts[parts.length - 1];
        String in = parts.length == 3 ? " IN SCHEMA " + parts[0] + "." + parts[1] : "";
        for (Map<String, String> r : w.query("SHOW STAGES LIKE " + SqlLiterals.quote(like) + in)) {
            String url = r.get("URL");
            if (url != null && !url.isBlank()) {
                return url.endsWith("/") ? url : url + "/";
            }
        }
        return null;
    }

    private static Instant lastModified(String text) {
        if (text == null) {
            return null;
        }
        try {
            return ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            return instant(text);
        }
    }

    private static Instant instant(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text.strip().replace(' ', 'T')).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(text.strip());
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }
}

package dev.autosync.e2e;

import dev.autosync.pipeline.EntitySpec;
import dev.autosync.pipeline.PipelineSpec;
import dev.autosync.render.EntityObjects;
import dev.autosync.render.RenderedBundle;
import dev.autosync.sql.SqlLiterals;
import dev.autosync.warehouse.Warehouse;
import dev.autosync.warehouse.WarehouseException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What e2e runs leave behind: this run's staged files and rows, removed when it ends, and those
 * of runs that started over an hour ago and never finished (killed, or cut off from the warehouse).
 */
final class Leftovers {
    /** Leftovers of runs older than this are removed by the next run. */
    private static final Duration STALE_AFTER = Duration.ofHours(1);
    static final Pattern RUN_ID = Pattern.compile("E2E-(\\d{8}-\\d{6})-[A-Z2-9]{4}");

    private final RenderedBundle bundle;
    private final PipelineSpec spec;
    private final Warehouse w;
    private final Consumer<String> progress;

    Leftovers(RenderedBundle bundle, PipelineSpec spec, Warehouse w, Consumer<String> progress) {
        this.bundle = bundle;
        this.spec = spec;
        this.w = w;
        this.progress = progress;
    }

    /** Removes a run's staged files and rows, and its local copies under {@code workDir}. */
    void removeRun(String run, Path workDir) {
        remove(run);
        try {
            deleteTree(workDir.resolve(run));
        } catch (IOException ignored) {
            // a leftover temporary file under target/ does no harm
        }
    }

    /** Removes what a run created: staged files, landing, rejects and normalised rows. Stops at the first failure. */
    void remove(String run) {
        String like = SqlLiterals.quote("%/" + run + "/%");
        for (EntitySpec e : spec.entities()) {
            EntityObjects o = objects(e);
            String prefix = SqlLiterals.quote(run.replace("_", "\\_") + "-%");
            if (!quietly("REMOVE @" + bundle.e2eStage() + "/" + e.folder() + "/" + run + "/")
                    || !quietly("DELETE FROM " + o.landingTable() + " WHERE FILE_NAME LIKE " + like)
                    || !quietly("DELETE FROM " + o.rejectsTable() + " WHERE FILE_NAME LIKE " + like)
                    || !quietly("DELETE FROM " + o.normalisedTable() + " WHERE " + RunScope.runColumn(e) + " LIKE " + prefix)) {
                progress.accept("cleanup of run " + run + " stopped; the next e2e run removes what is left");
                return;
            }
        }
    }

    /** Runs other than {@code current} that started more than an hour ago and left files or rows behind, removed now. */
    List<String> removeStaleRuns(String current) throws WarehouseException {
        Set<String> runs = new TreeSet<>();
        for (Map<String, String> r : w.query("LIST @" + bundle.e2eStage())) {
            addRunId(runs, r.getOrDefault("NAME", ""));
        }
        for (EntitySpec e : spec.entities()) {
            EntityObjects o = objects(e);
            String column = RunScope.runColumn(e);
            List<Map<String, String>> found = new ArrayList<>(w.query("SELECT DISTINCT FILE_NAME AS V FROM " + o.landingTable()
                    + " WHERE FILE_NAME LIKE '%/E2E-%' LIMIT 1000"));
            // rows a task normalised after their run removed its landing rows (append-only streams keep inserts)
            found.addAll(w.query("SELECT DISTINCT LEFT(" + column + ", 24) AS V FROM " + o.normalisedTable() + " WHERE "
                    + column + " LIKE 'E2E-%' LIMIT 1000"));
            for (Map<String, String> r : found) {
                addRunId(runs, r.getOrDefault("V", ""));
            }
        }
        LocalDateTime cutoff = LocalDateTime.now(ZoneOffset.UTC).minus(STALE_AFTER);
        List<String> removed = new ArrayList<>();
        for (String run : runs) {
            Matcher m = RUN_ID.matcher(run);
            if (m.matches() && !run.equals(current)
                    && LocalDateTime.parse(m.group(1), DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")).isBefore(cutoff)) {
                progress.accept("Removing what the unfinished e2e run " + run + " left behind");
                remove(run);
                removed.add(run);
            }
        }
        return removed;
    }

    private static void addRunId(Set<String> runs, String text) {
        Matcher m = RUN_ID.matcher(text);
        if (m.find()) {
            runs.add(m.group());
        }
    }

    private EntityObjects objects(EntitySpec e) {
        return bundle.entity(e.name());
    }

    private boolean quietly(String sql) {
        try {
            w.execute(sql);
            return true;
        } catch (WarehouseException e) {
            progress.accept("cleanup: " + e.getMessage());
            return false;
        }
    }

    private static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (var s = Files.walk(p)) {
            for (Path x : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(x);
            }
        }
    }
}

package dev.autosync.maven;

import dev.autosync.backfill.Backfill;
import dev.autosync.backfill.BackfillException;
import dev.autosync.backfill.BackfillSettings;
import dev.autosync.backfill.EntityBackfill;
import dev.autosync.backfill.FileLoad;
import dev.autosync.backfill.Moments;
import dev.autosync.backfill.PipeCopy;
import dev.autosync.config.PropertyNames;
import dev.autosync.render.Manifest;
import dev.autosync.render.RenderedBundle;
import dev.autosync.warehouse.Warehouse;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads the history the pipes never saw (Snowpipe's REFRESH reaches back 7 days only): each
 * entity's files last modified in the window and before its pipe existed, not loaded by the pipe
 * or an earlier backfill, with exactly the pipe's COPY, in batches; then runs the tasks. Safe to
 * interrupt and run again. No default phase: {@code mvn autosync:backfill -Dautosync.backfill.since=2025-08-01}.
 */
@Mojo(name = BackfillMojo.GOAL_NAME, threadSafe = true)
public class BackfillMojo extends AbstractWarehouseMojo {
    public static final String GOAL_NAME = "backfill";

    /** Skips this goal. */
    @Parameter(property = PropertyNames.BACKFILL_SKIP, defaultValue = "false")
    private boolean backfillSkip;

    /** The oldest files to load (by last-modified): a date (midnight UTC) or an ISO-8601 time with offset. */
    @Parameter(property = PropertyNames.BACKFILL_SINCE)
    private String since;

    /** Load files last modified before this (default: now; never past the pipe's creation). */
    @Parameter(property = PropertyNames.BACKFILL_UNTIL)
    private String until;

    /** The entities to backfill, comma-separated (default: all). */
    @Parameter(property = PropertyNames.BACKFILL_ENTITIES)
    private List<String> entities;

    /** Prints the files it would load and their bytes, and changes nothing. */
    @Parameter(property = PropertyNames.BACKFILL_DRY_RUN, defaultValue = "false")
    private boolean dryRun;

    /** Files per COPY statement (1 to 1000, Snowflake's limit on FILES). */
    @Parameter(property = PropertyNames.BACKFILL_BATCH_SIZE, defaultValue = "1000")
    private int batchSize;

    /** Seconds to wait for each task run after the load. */
    @Parameter(property = PropertyNames.BACKFILL_TIMEOUT, defaultValue = "300")
    private int timeout;

    /** Testing aid: stops in this batch after its COPY and before its commit, as a kill would (0: never). */
    @Parameter(property = PropertyNames.BACKFILL_INTERRUPT_AFTER, defaultValue = "0")
    private int interruptAfter;

    @Override
    protected String goalName() {
        return GOAL_NAME;
    }

    @Override
    protected boolean goalSkipped() {
        return backfillSkip;
    }

    @Override
    protected void doExecute() throws Exception {
        if (since == null || since.isBlank()) {
            throw new UserFacingException(PropertyNames.BACKFILL_SINCE + " is required: the oldest files to load, e.g. "
                    + "-D" + PropertyNames.BACKFILL_SINCE + "=2025-08-01 (use -D" + PropertyNames.BACKFILL_DRY_RUN + " to see them first).");
        }
        if (batchSize < 1 || batchSize > PipeCopy.MAX_FILES) {
            throw new UserFacingException(PropertyNames.BACKFILL_BATCH_SIZE + " is " + batchSize + "; give 1 to " + PipeCopy.MAX_FILES
                    + " (Snowflake's limit on COPY's FILES list).");
        }
        if (timeout < 1) {
            throw new UserFacingException(PropertyNames.BACKFILL_TIMEOUT + " is " + timeout + "; give a number of seconds of 1 or more.");
        }
        Instant from = Moments.parse(PropertyNames.BACKFILL_SINCE, since);
        Instant to = Moments.parse(PropertyNames.BACKFILL_UNTIL, until);
        if (to != null && !from.isBefore(to)) {
            throw new BackfillException(PropertyNames.BACKFILL_SINCE + " (" + since + ") must be before " + PropertyNames.BACKFILL_UNTIL
                    + " (" + until + ").");
        }
        RenderedBundle bundle = Manifest.readFrom(outputDirectory.toPath(), GOAL_NAME);
        List<String> names = new ArrayList<>();
        if (entities != null) {
            entities.stream().flatMap(s -> java.util.Arrays.stream(s.split(","))).filter(s -> !s.isBlank()).forEach(names::add);
        }
        BackfillSettings settings = new BackfillSettings(from, to, java.util.Set.copyOf(names), dryRun, batchSize, interruptAfter,
                Duration.ofSeconds(timeout), Clock.systemUTC(), getLog()::info);
        try (Warehouse w = connect()) {
            List<EntityBackfill> result = new Backfill(bundle, w, settings).run();
            long files = 0;
            long rows = 0;
            long bytes = 0;
            long toPipes = 0;
            List<FileLoad> failed = new ArrayList<>();
            for (EntityBackfill e : result) {
                files += dryRun ? e.toLoad().size() : e.filesLoaded();
                toPipes += e.toPipe().size();
                rows += e.rowsLoaded();
                bytes += e.bytesToLoad();
                failed.addAll(e.failures());
            }
            if (dryRun) {
                getLog().info("Backfill dry run: would load " + files + " file(s), " + bytes + " bytes" + (toPipes == 0 ? "" : ", and "
                        + "queue " + toPipes + " staged as their pipe was created on it") + "; nothing changed.");
                return;
            }
            getLog().info("Backfill done: " + files + " file(s), " + rows + " row(s) loaded; " + failed.size()
                    + " malformed file(s) skipped" + (toPipes == 0 ? "" : "; " + toPipes + " file(s) staged as their pipe was "
                    + "created queued on it, which loads them in the background") + ".");
            for (FileLoad f : failed) {
                getLog().warn("Skipped malformed file " + f.file().path() + ": " + f.firstError()
                        + " (recorded in AUTOSYNC_BACKFILL_FILES; fix the file and run backfill again to load it)");
            }
        }
    }
}

package dev.autosync.maven;

import dev.autosync.backfill.Moments;
import dev.autosync.backfill.ReplayRejects;
import dev.autosync.backfill.ReplayResult;
import dev.autosync.backfill.ReplaySettings;
import dev.autosync.config.PropertyNames;
import dev.autosync.render.Manifest;
import dev.autosync.render.RenderedBundle;
import dev.autosync.warehouse.Warehouse;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.time.Duration;

/**
 * Sends an entity's rejected events (all, those whose reason starts with {@code autosync.replay.reason},
 * or those rejected since {@code autosync.replay.since}) back through normalisation with the current
 * mapping, after a fix has been deployed: what passes leaves the rejects table, what still fails
 * stays with its current reason. Prints the counts per reason before and after. No default phase:
 * {@code mvn autosync:replay-rejects -Dautosync.replay.entity=ATTENDANCE}.
 */
@Mojo(name = ReplayRejectsMojo.GOAL_NAME, threadSafe = true)
public class ReplayRejectsMojo extends AbstractWarehouseMojo {
    public static final String GOAL_NAME = "replay-rejects";

    /** Skips this goal. */
    @Parameter(property = PropertyNames.REPLAY_SKIP, defaultValue = "false")
    private boolean replaySkip;

    /** The entity whose rejects to replay (required). */
    @Parameter(property = PropertyNames.REPLAY_ENTITY)
    private String entity;

    /** Only rejects whose reason starts with this text (e.g. {@code missing student_id}). */
    @Parameter(property = PropertyNames.REPLAY_REASON)
    private String reason;

    /** Only rejects rejected at or after this time: a date (midnight UTC) or an ISO-8601 time with offset. */
    @Parameter(property = PropertyNames.REPLAY_SINCE)
    private String since;

    /** Seconds to wait for the task run that normalises the replayed events. */
    @Parameter(property = PropertyNames.BACKFILL_TIMEOUT, defaultValue = "300")
    private int timeout;

    @Override
    protected String goalName() {
        return GOAL_NAME;
    }

    @Override
    protected boolean goalSkipped() {
        return replaySkip;
    }

    @Override
    protected void doExecute() throws Exception {
        if (timeout < 1) {
            throw new UserFacingException(PropertyNames.BACKFILL_TIMEOUT + " is " + timeout + "; give a number of seconds of 1 or more.");
        }
        RenderedBundle bundle = Manifest.readFrom(outputDirectory.toPath(), GOAL_NAME);
        ReplaySettings settings = new ReplaySettings(entity, reason, Moments.parse(PropertyNames.REPLAY_SINCE, since),
                Duration.ofSeconds(timeout), getLog()::info);
        try (Warehouse w = connect()) {
            ReplayResult r = new ReplayRejects(bundle, w, settings).run();
            getLog().info("Replay of " + r.entity() + " rejects done: " + r.replayed() + " replayed, " + r.passed() + " passed, "
                    + (r.replayed() - r.passed()) + " still rejected.");
        }
    }
}

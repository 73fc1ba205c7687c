package dev.autosync.emulator.engine;

import dev.autosync.emulator.base.EmulatorClock;
import dev.autosync.emulator.base.SnowflakeError;

import java.time.Duration;
import java.time.Instant;

/**
 * A stale pipe ("Managing Snowpipe", "Resuming a stale pipe"): an auto-ingest pipe paused for
 * longer than the 14-day retention of its event messages. SYSTEM$PIPE_STATUS still shows it
 * PAUSED (the page lists no stale state); it resumes only through SYSTEM$PIPE_FORCE_RESUME with
 * STALENESS_CHECK_OVERRIDE. Pause times come from {@link EmulatorClock}, so tests reach it at once.
 */
final class PipeStaleness {
    /** "The period is 14 days by default." */
    static final Duration RETENTION = Duration.ofDays(14);

    private PipeStaleness() {
    }

    /** Records when the pipe was paused (kept while it stays paused), or forgets it on resume. */
    static void paused(CatalogObject pipe, boolean paused) {
        if (!paused) {
            pipe.props().remove("PAUSED_AT");
        } else if (!pipe.props().hasNonNull("PAUSED_AT")) {
            pipe.props().put("PAUSED_AT", EmulatorClock.now().toString());
        }
    }

    /** Paused for longer than the retention period, and loading through cloud messaging (AUTO_INGEST = TRUE). */
    static boolean stale(CatalogObject pipe) {
        return pipe.props().path("PAUSED").asBoolean(false) && pipe.props().path("AUTO_INGEST").asBoolean(false)
                && pipe.props().hasNonNull("PAUSED_AT")
                && Instant.parse(pipe.prop("PAUSED_AT")).plus(RETENTION).isBefore(EmulatorClock.now());
    }

    /** UNVERIFIED wording and code: the docs say a stale pipe needs SYSTEM$PIPE_FORCE_RESUME, not the error a plain resume gives. */
    static SnowflakeError resumeRefused(CatalogObject pipe) {
        String name = pipe.ref().display();
        return new SnowflakeError("091104", "42601", "Pipe " + name + " is stale: it has been paused for longer than the "
                + "14-day retention period of its event messages. Resume it with SELECT SYSTEM$PIPE_FORCE_RESUME('" + name
                + "', 'STALENESS_CHECK_OVERRIDE'); notifications older than 14 days may not be processed.");
    }
}

package dev.autosync.backfill;

import java.time.Duration;
import java.time.Instant;

/**
 * Which side of a pipe's creation a staged file is on, judged from LIST's last_modified. That time has
 * whole seconds (RFC 1123) and comes from the storage's clock, not Snowflake's, so a file modified close
 * to the pipe's creation may or may not have been notified to the pipe: it is {@link Side#UNCERTAIN}.
 * Copying such a file could land it twice (COPY and Snowpipe keep separate load metadata,
 * data-load-snowpipe-intro.md); queuing it on the pipe with ALTER PIPE ... REFRESH cannot, as REFRESH
 * checks the load history of both the pipe and the table (alter-pipe.md). REFRESH only reaches files of the last 7 days,
 * so for an older pipe the uncertain files can no longer be in flight and are history.
 */
record PipeBoundary(Instant uncertainFrom, Instant pipeFrom) {
    /** Storage and Snowflake clocks, plus LIST's truncation to the second. UNVERIFIED: the skew Snowflake allows. */
    static final Duration MARGIN = Duration.ofSeconds(5);
    /** REFRESH queues files modified in the last 7 days (alter-pipe.md); keep a day's distance from that edge. */
    static final Duration REFRESH_REACH = Duration.ofDays(6);

    enum Side { HISTORY, UNCERTAIN, PIPE }

    /**
     * The boundary for a pipe created at {@code created} (null: none, every file up to {@code until} is
     * history) when backfilling files up to {@code until}, at {@code now}.
     */
    static PipeBoundary of(Instant created, Instant until, Instant now) {
        if (created == null || !created.minus(MARGIN).isBefore(until)) {
            return new PipeBoundary(until, until); // the window ends before the pipe: all history
        }
        Instant from = created.minus(MARGIN);
        Instant to = created.plus(MARGIN).isBefore(until) ? created.plus(MARGIN) : until;
        if (created.isBefore(now.minus(REFRESH_REACH))) {
            return new PipeBoundary(to, to); // long settled: what the pipe did not load by now, it never will
        }
        return new PipeBoundary(from, to);
    }

    Side side(Instant lastModified) {
        if (lastModified.isBefore(uncertainFrom)) {
            return Side.HISTORY;
        }
        return lastModified.isBefore(pipeFrom) ? Side.UNCERTAIN : Side.PIPE;
    }
}

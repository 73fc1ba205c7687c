package dev.autosync.backfill;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static dev.autosync.backfill.PipeBoundary.Side.HISTORY;
import static dev.autosync.backfill.PipeBoundary.Side.PIPE;
import static dev.autosync.backfill.PipeBoundary.Side.UNCERTAIN;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Which side of a pipe's creation a listed file is on (LIST's whole-second times; alter-pipe.md's 7-day REFRESH). */
class PipeBoundaryTest {
    private static final Instant CREATED = Instant.parse("2026-11-30T10:00:00.700Z");
    private static final Instant NOW = CREATED.plus(Duration.ofHours(3));

    @Test
    void filesWithinSecondsOfTheCreationAreUncertainEitherSideOfIt() {
        PipeBoundary b = PipeBoundary.of(CREATED, NOW, NOW);
        assertEquals(HISTORY, b.side(Instant.parse("2026-11-30T09:59:50Z")));
        assertEquals(UNCERTAIN, b.side(Instant.parse("2026-11-30T09:59:56Z")));
        assertEquals(UNCERTAIN, b.side(Instant.parse("2026-11-30T10:00:00Z")), "the creation's second, truncated by LIST");
        assertEquals(UNCERTAIN, b.side(Instant.parse("2026-11-30T10:00:05Z")));
        assertEquals(PIPE, b.side(Instant.parse("2026-11-30T10:00:06Z")));
    }

    @Test
    void aPipeOlderThanRefreshReachesLeavesNothingUncertain() {
        PipeBoundary b = PipeBoundary.of(CREATED, NOW.plus(Duration.ofDays(10)), NOW.plus(Duration.ofDays(10)));
        assertEquals(HISTORY, b.side(Instant.parse("2026-11-30T10:00:00Z")), "what the pipe did not load by now, it never will");
        assertEquals(HISTORY, b.side(Instant.parse("2026-11-30T10:00:05Z")));
        assertEquals(PIPE, b.side(Instant.parse("2026-11-30T10:00:06Z")));
    }

    @Test
    void anUntilBeforeThePipeEndsTheWindowThere() {
        Instant until = Instant.parse("2026-11-01T00:00:00Z");
        PipeBoundary b = PipeBoundary.of(CREATED, until, NOW);
        assertEquals(HISTORY, b.side(until.minusMillis(1)));
        assertEquals(PIPE, b.side(until), "until is exclusive");
        PipeBoundary near = PipeBoundary.of(CREATED, CREATED.plusSeconds(1), NOW);
        assertEquals(UNCERTAIN, near.side(CREATED));
        assertEquals(PIPE, near.side(CREATED.plusSeconds(1)), "until ends the uncertain files too");
    }

    @Test
    void withoutAPipeEverythingBeforeUntilIsHistory() {
        PipeBoundary b = PipeBoundary.of(null, NOW, NOW);
        assertEquals(HISTORY, b.side(NOW.minusMillis(1)));
        assertEquals(PIPE, b.side(NOW));
    }
}

package dev.autosync.emulator.base;

import java.time.Duration;
import java.time.Instant;

/**
 * The emulator's clock for states that take days to reach, such as a pipe that becomes stale
 * after 14 days paused ("Managing Snowpipe"). Tests move it forward instead of waiting; it is
 * never moved outside tests.
 */
public final class EmulatorClock {
    private static volatile Duration shift = Duration.ZERO;

    private EmulatorClock() {
    }

    public static Instant now() {
        return Instant.now().plus(shift);
    }

    /** Tests only: the clock reads {@code by} later than the wall clock from now on, until {@link #reset()}. */
    public static void advance(Duration by) {
        shift = shift.plus(by);
    }

    public static void reset() {
        shift = Duration.ZERO;
    }
}

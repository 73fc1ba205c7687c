package dev.autosync.warehouse;

import java.time.Duration;
import java.util.function.Predicate;

/**
 * The one polling loop of deploy and e2e: read a state until it is done or the time is up,
 * sleeping between reads (with back-off, up to a ceiling) and reporting progress now and then.
 * It never fails on time-out itself: the caller knows what a time-out means and says so.
 */
public final class Await {
    /** One read of the state waited for. */
    public interface Probe<T> {
        T read() throws WarehouseException;
    }

    /** A progress line for the state last read, {@code seconds} after the wait began. */
    public interface Progress<T> {
        void report(T last, long seconds) throws WarehouseException;
    }

    /** How often to read: first after {@code first}, doubling up to {@code max}; progress every {@code reportEvery}. */
    public record Pacing(Duration first, Duration max, Duration reportEvery) {
        /** 100 ms doubling to 2 s: quick for a local target, gentle for a remote one. */
        public static Pacing backoff(Duration reportEvery) {
            return new Pacing(Duration.ofMillis(100), Duration.ofSeconds(2), reportEvery);
        }

        public static Pacing every(Duration interval, Duration reportEvery) {
            return new Pacing(interval, interval, reportEvery);
        }
    }

    /** The last state read and whether it was done before the time was up. */
    public record Outcome<T>(T last, boolean done) {
    }

    private Await() {
    }

    /** Waits for {@code what} (named in the message when interrupted); {@code progress} may be null. */
    public static <T> Outcome<T> until(String what, Probe<T> probe, Predicate<T> done, Duration timeout, Pacing pacing,
                                       Progress<T> progress) throws WarehouseException {
        long started = System.nanoTime();
        long deadline = started + timeout.toNanos();
        long nextReport = started + pacing.reportEvery().toNanos();
        long sleep = pacing.first().toMillis();
        while (true) {
            T last = probe.read();
            if (done.test(last)) {
                return new Outcome<>(last, true);
            }
            // progress first: a slow read can carry one pass past both the report time and the
            // deadline, and the wait's last state is worth a line before the caller says it timed out
            if (progress != null && System.nanoTime() > nextReport) {
                progress.report(last, (System.nanoTime() - started) / 1_000_000_000);
                nextReport = System.nanoTime() + pacing.reportEvery().toNanos();
            }
            if (System.nanoTime() > deadline) {
                return new Outcome<>(last, false);
            }
            try {
                Thread.sleep(sleep);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new WarehouseException("Interrupted while waiting for " + what, null);
            }
            sleep = Math.min(sleep * 2, pacing.max().toMillis());
        }
    }
}

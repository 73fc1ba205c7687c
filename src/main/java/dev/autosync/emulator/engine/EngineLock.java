package dev.autosync.emulator.engine;

import dev.autosync.emulator.base.SnowflakeError;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Serialises work on the DuckDB database, owned by a session rather than a thread: a session with
 * an open explicit transaction keeps it between requests (each request may arrive on another HTTP
 * thread) until COMMIT or ROLLBACK, so transactions never interleave. Others wait, up to a timeout.
 */
final class EngineLock {
    private final Semaphore permit = new Semaphore(1, true);
    private volatile Object owner;
    private int holds;
    private final long timeoutMillis;

    EngineLock(long timeoutMillis) {
        this.timeoutMillis = timeoutMillis;
    }

    void acquire(Object who) {
        synchronized (this) {
            if (owner == who) {
                holds++;
                return;
            }
        }
        try {
            // waiting ends early when the request is canceled or reaches its statement timeout
            Cancellation cancel = Cancellation.current();
            long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
            while (!permit.tryAcquire(Math.min(50, TimeUnit.NANOSECONDS.toMillis(Math.max(0, end - System.nanoTime()))),
                    TimeUnit.MILLISECONDS)) {
                if (cancel != null) {
                    cancel.check();
                }
                if (System.nanoTime() >= end) {
                    throw new SnowflakeError("000625", "57014", "Statement reached its lock wait timeout: another session has "
                            + "held an open transaction for more than " + timeoutMillis / 1000 + " seconds.");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SnowflakeError("000604", "57014", "SQL execution canceled");
        }
        synchronized (this) {
            owner = who;
            holds = 1;
        }
    }

    void release(Object who) {
        synchronized (this) {
            if (owner != who) {
                return;
            }
            if (--holds > 0) {
                return;
            }
            owner = null;
        }
        permit.release();
    }

    /** Releases every hold of {@code who} (session closed mid-transaction). */
    void releaseAll(Object who) {
        synchronized (this) {
            if (owner != who) {
                return;
            }
            holds = 0;
            owner = null;
        }
        permit.release();
    }

    boolean heldBy(Object who) {
        return owner == who;
    }
}

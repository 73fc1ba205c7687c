package dev.autosync.emulator.engine;

import java.util.function.BooleanSupplier;

/**
 * The background loop's alarm clock: it sleeps between passes, and a statement that queued work
 * for it (ALTER PIPE REFRESH, EXECUTE TASK) wakes it at once.
 */
final class Wakeup {
    private final Object signal = new Object();
    private boolean woken;

    void wake() {
        synchronized (signal) {
            woken = true;
            signal.notifyAll();
        }
    }

    /**
     * Sleeps up to {@code millis} unless woken since the last pause (or no longer running);
     * returns false when the thread was interrupted.
     */
    boolean pause(long millis, BooleanSupplier running) {
        synchronized (signal) {
            if (!woken && running.getAsBoolean()) {
                try {
                    signal.wait(millis);
                } catch (InterruptedException e) {
                    return false;
                }
            }
            woken = false;
        }
        return true;
    }
}

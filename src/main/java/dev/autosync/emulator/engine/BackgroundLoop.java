package dev.autosync.emulator.engine;

import java.sql.SQLException;
import java.util.function.Consumer;

/**
 * The emulator's background work on a daemon thread while it is up: a pass of pipe loading and of
 * task scheduling every half second, or at once when a statement wakes it.
 */
final class BackgroundLoop {
    private static final long TICK_MILLIS = 500;

    private final Wakeup wakeup;
    private final PipeLoader pipes;
    private final TaskScheduler tasks;
    private final Consumer<String> log;
    private volatile Thread thread;
    private volatile boolean running;

    BackgroundLoop(Wakeup wakeup, PipeLoader pipes, TaskScheduler tasks, Consumer<String> log) {
        this.wakeup = wakeup;
        this.pipes = pipes;
        this.tasks = tasks;
        this.log = log;
    }

    synchronized void start() {
        if (thread != null) {
            return;
        }
        running = true;
        thread = new Thread(this::loop, "autosync-emulator-services");
        thread.setDaemon(true);
        thread.start();
    }

    void stop() {
        running = false;
        Thread t = thread;
        if (t != null) {
            wakeup.wake();
            try {
                t.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void loop() {
        while (running) {
            try {
                pipes.tick();
                tasks.tick();
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    log.accept("background work failed: " + e.getMessage());
                }
            }
            if (!wakeup.pause(TICK_MILLIS, () -> running)) {
                return;
            }
        }
    }
}

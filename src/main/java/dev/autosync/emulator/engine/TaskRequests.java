package dev.autosync.emulator.engine;

import java.util.concurrent.ConcurrentLinkedQueue;

/** EXECUTE TASK requests waiting for the scheduler: task ids, first come first run. */
final class TaskRequests {
    private final ConcurrentLinkedQueue<Long> ids = new ConcurrentLinkedQueue<>();

    void add(long taskId) {
        ids.add(taskId);
    }

    /** The task was dropped: a run it requested no longer happens. */
    void cancel(long taskId) {
        ids.remove(taskId);
    }

    /** The next requested task id, or null when none waits. */
    Long next() {
        return ids.poll();
    }
}

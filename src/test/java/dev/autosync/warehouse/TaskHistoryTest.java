package dev.autosync.warehouse;

import dev.autosync.render.QualifiedName;
import dev.autosync.testing.LocalPipeline;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The TASK_HISTORY reader against the emulator ("TASK_HISTORY" page: RESULT_LIMIT applies
 * first, so the last run that did work is found by paging back with SCHEDULED_TIME_RANGE_END).
 */
class TaskHistoryTest {
    private static LocalPipeline p;

    @BeforeAll
    static void deploy() throws Exception {
        p = new LocalPipeline(Files.createTempDirectory("task-history"), "HISTORY_DB");
    }

    @AfterAll
    static void stop() {
        p.w.close();
        LocalTargets.stopAll();
    }

    private static void runs(QualifiedName task, int n) throws Exception {
        Instant since = TaskHistory.now(p.w);
        for (int i = 0; i < n; i++) {
            p.w.execute("EXECUTE TASK " + task);
        }
        long deadline = System.currentTimeMillis() + 60_000;
        while (TaskHistory.runsSince(p.w, task, since).stream().filter(TaskHistory.TaskRun::finished).count() < n) {
            assertTrue(System.currentTimeMillis() < deadline, "the runs ended");
            Thread.sleep(50);
        }
    }

    @Test
    @DisplayName("TASK_HISTORY page: the last run that did work is found behind pages of SKIPPED runs")
    void lastRunPagesBackThroughSkippedRuns() throws Exception {
        QualifiedName attendance = p.bundle.entities().get(0).task();
        p.load(Map.of("one.json", LocalPipeline.event("e1", "S1")));
        Instant since = TaskHistory.now(p.w);
        runs(attendance, 1);
        runs(attendance, 12);
        List<TaskHistory.TaskRun> all = TaskHistory.runsSince(p.w, attendance, since);
        assertEquals(13, all.size(), all.toString());
        assertEquals(12, all.stream().filter(r -> r.state().equals("SKIPPED")).count(), all.toString());
        assertTrue(all.stream().allMatch(TaskHistory.TaskRun::executeTask), all.toString());

        TaskHistory.TaskRun last = TaskHistory.lastRun(p.w, attendance, 5);
        assertEquals("SUCCEEDED", last.state(), "found on the third page of five");
        assertEquals(all.get(all.size() - 1).queryId(), last.queryId());
        assertTrue(last.completedTime() != null && !last.completedTime().isBefore(last.scheduledTime()));

        QualifiedName grades = p.bundle.entities().get(1).task();
        runs(grades, 7);
        assertNull(TaskHistory.lastRun(p.w, grades, 5), "only SKIPPED runs: none did work");
    }
}

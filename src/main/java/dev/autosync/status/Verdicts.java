package dev.autosync.status;

import dev.autosync.status.StatusReport.Level;
import dev.autosync.warehouse.HealthRules;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * One verdict for the pipeline, judged by {@link HealthRules} (so deploy's health gate words each
 * problem alike). FAILING: data is not flowing (a pipe not RUNNING or in error, a task not started
 * or whose last run failed, a stale stream). DEGRADED: it flows but loses some
 * (files that failed to load through an ingest pipe, records rejected, in the last 24 hours).
 * Otherwise HEALTHY. The e2e pipes' load failures are shown but not judged: e2e sends a malformed
 * file on purpose.
 */
final class Verdicts {
    private Verdicts() {
    }

    static StatusReport.Verdict judge(List<StatusReport.Pipe> pipes, List<StatusReport.Metrics> metrics,
                                      List<StatusReport.Stream> streams, List<StatusReport.Task> tasks,
                                      List<StatusReport.Rejects> rejects, List<String> staleEntities) {
        return judge(pipes, metrics, streams, tasks, rejects, staleEntities, Function.identity());
    }

    /**
     * {@code qualified} gives a pipe's qualified SQL name from the name the view shows, so that the
     * advice (ALTER PIPE, SYSTEM$PIPE_FORCE_RESUME) runs as pasted whatever schema is in use.
     */
    static StatusReport.Verdict judge(List<StatusReport.Pipe> pipes, List<StatusReport.Metrics> metrics,
                                      List<StatusReport.Stream> streams, List<StatusReport.Task> tasks,
                                      List<StatusReport.Rejects> rejects, List<String> staleEntities,
                                      Function<String, String> qualified) {
        List<String> failing = new ArrayList<>();
        List<String> degraded = new ArrayList<>();
        for (StatusReport.Pipe p : pipes) {
            add(failing, HealthRules.pipe(qualified.apply(p.name()), p.executionState(), p.error()));
        }
        for (StatusReport.Task t : tasks) {
            add(failing, HealthRules.task(t.name(), t.state()));
            add(failing, HealthRules.lastRun(t.name(), t.lastResult(), t.lastError()));
        }
        for (StatusReport.Stream s : streams) {
            add(failing, HealthRules.stream(s.name(), s.stale()));
        }
        for (StatusReport.Metrics m : metrics) {
            // e2e pipes load test files, some malformed on purpose: their failures do not judge production
            if (!"e2e".equals(m.purpose())) {
                add(degraded, HealthRules.failedLoads(m.pipe(), m.filesFailed24h()));
            }
        }
        for (StatusReport.Rejects r : rejects) {
            add(degraded, HealthRules.rejects(r.entity(), r.table(), r.last24h()));
        }
        degraded.addAll(staleEntities);
        if (!failing.isEmpty()) {
            List<String> all = new ArrayList<>(failing);
            all.addAll(degraded);
            List<Level> levels = new ArrayList<>(java.util.Collections.nCopies(failing.size(), Level.FAILING));
            levels.addAll(java.util.Collections.nCopies(degraded.size(), Level.DEGRADED));
            return new StatusReport.Verdict(Level.FAILING, all, levels);
        }
        if (!degraded.isEmpty()) {
            return new StatusReport.Verdict(Level.DEGRADED, degraded);
        }
        return new StatusReport.Verdict(Level.HEALTHY, List.of("every pipe RUNNING, every task started, no load failures or "
                + "rejects in the last 24 h"));
    }

    private static void add(List<String> reasons, String problem) {
        if (problem != null) {
            reasons.add(problem);
        }
    }
}

package dev.autosync.status;

import dev.autosync.status.StatusReport.Level;

import java.util.ArrayList;
import java.util.List;

/**
 * One verdict for the pipeline. FAILING: data is not flowing (a pipe not RUNNING or in error, a
 * task not started or whose last run failed, a stale stream). DEGRADED: it flows but loses some
 * (files that failed to load through an ingest pipe, records rejected, in the last 24 hours).
 * Otherwise HEALTHY. The e2e pipes' load failures are shown but not judged: e2e sends a malformed
 * file on purpose.
 */
final class Verdicts {
    private Verdicts() {
    }

    static StatusReport.Verdict judge(List<StatusReport.Pipe> pipes, List<StatusReport.Metrics> metrics,
                                      List<StatusReport.Stream> streams, List<StatusReport.Task> tasks,
                                      List<StatusReport.Rejects> rejects) {
        List<String> failing = new ArrayList<>();
        List<String> degraded = new ArrayList<>();
        for (StatusReport.Pipe p : pipes) {
            if (!"RUNNING".equals(p.executionState())) {
                failing.add("pipe " + p.name() + " is " + p.executionState() + " (resume: ALTER PIPE " + p.name()
                        + " SET PIPE_EXECUTION_PAUSED = FALSE)");
            } else if (p.error() != null && !p.error().isBlank()) {
                failing.add("pipe " + p.name() + " reports an error: " + p.error());
            }
        }
        for (StatusReport.Task t : tasks) {
            if (!"started".equalsIgnoreCase(t.state())) {
                failing.add("task " + t.name() + " is " + t.state() + " (resume: ALTER TASK " + t.name() + " RESUME)");
            }
            if ("FAILED".equals(t.lastResult())) {
                failing.add("task " + t.name() + " last run failed: " + t.lastError());
            }
        }
        for (StatusReport.Stream s : streams) {
            if (s.stale()) {
                failing.add("stream " + s.name() + " is stale");
            }
        }
        for (StatusReport.Metrics m : metrics) {
            // e2e pipes load test files, some malformed on purpose: their failures do not judge production
            if (m.filesFailed24h() > 0 && !"e2e".equals(m.purpose())) {
                degraded.add(m.filesFailed24h() + " file(s) failed to load through " + m.pipe() + " in the last 24 h");
            }
        }
        for (StatusReport.Rejects r : rejects) {
            if (r.last24h() > 0) {
                degraded.add(r.last24h() + " " + r.entity() + " record(s) rejected in the last 24 h (see " + r.table() + ")");
            }
        }
        if (!failing.isEmpty()) {
            List<String> all = new ArrayList<>(failing);
            all.addAll(degraded);
            return new StatusReport.Verdict(Level.FAILING, all);
        }
        if (!degraded.isEmpty()) {
            return new StatusReport.Verdict(Level.DEGRADED, degraded);
        }
        return new StatusReport.Verdict(Level.HEALTHY, List.of("every pipe RUNNING, every task started, no load failures or "
                + "rejects in the last 24 h"));
    }
}

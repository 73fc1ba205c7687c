package dev.autosync.e2e;

import java.util.List;

/** The end-to-end run: its id, each check's result and how long it took. */
public record E2eReport(String runId, List<CheckResult> checks, long millis) {
    public E2eReport {
        checks = List.copyOf(checks);
    }

    public boolean passed() {
        return checks.stream().noneMatch(CheckResult::failed);
    }

    public List<CheckResult> failures() {
        return checks.stream().filter(CheckResult::failed).toList();
    }
}

package dev.autosync.e2e;

import java.util.List;

/** One named check of the end-to-end run: passed, failed (with each problem: expected and found) or skipped. */
public record CheckResult(String name, Outcome outcome, String summary, List<String> problems, long millis) {
    public enum Outcome { PASSED, FAILED, SKIPPED }

    public CheckResult {
        problems = List.copyOf(problems);
    }

    public boolean failed() {
        return outcome == Outcome.FAILED;
    }
}

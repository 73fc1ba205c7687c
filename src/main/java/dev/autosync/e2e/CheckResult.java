package dev.autosync.e2e;

import java.util.ArrayList;
import java.util.List;

/** One named check of the end-to-end run: passed, failed (with each problem: expected and found) or skipped. */
public record CheckResult(String name, Outcome outcome, String summary, List<String> problems, long millis) {
    public enum Outcome { PASSED, FAILED, SKIPPED }

    /** A failed check lists at most this many problems, then how many more there are. */
    private static final int MAX_PROBLEMS = 20;

    public CheckResult {
        problems = List.copyOf(problems);
    }

    public boolean failed() {
        return outcome == Outcome.FAILED;
    }

    /** Passed with {@code ok} when there is no problem, else failed listing them; timed from {@code startNanos}. */
    static CheckResult of(String name, List<String> problems, String ok, long startNanos) {
        long ms = (System.nanoTime() - startNanos) / 1_000_000;
        if (problems.isEmpty()) {
            return new CheckResult(name, Outcome.PASSED, ok, List.of(), ms);
        }
        List<String> shown = problems.size() > MAX_PROBLEMS ? new ArrayList<>(problems.subList(0, MAX_PROBLEMS)) : problems;
        if (problems.size() > MAX_PROBLEMS) {
            shown.add("... and " + (problems.size() - MAX_PROBLEMS) + " more");
        }
        return new CheckResult(name, Outcome.FAILED, problems.size() + " problem(s)", shown, ms);
    }

    static CheckResult skipped(String name, String why) {
        return new CheckResult(name, Outcome.SKIPPED, why, List.of(), 0);
    }
}

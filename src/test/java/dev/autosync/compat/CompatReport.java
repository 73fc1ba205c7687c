package dev.autosync.compat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The measurement: cases and passes per area, and every case's outcome in a report file. */
final class CompatReport {
    private final List<CaseOutcome> outcomes;

    CompatReport(List<CaseOutcome> outcomes) {
        this.outcomes = outcomes;
    }

    /** One line per area plus the total: area, cases, passed, percent. */
    String summary() {
        Map<String, List<CaseOutcome>> byArea = new TreeMap<>(outcomes.stream()
                .collect(Collectors.groupingBy(CaseOutcome::area)));
        StringBuilder sb = new StringBuilder(String.format("%-16s %6s %7s %8s%n", "area", "cases", "passed", "percent"));
        byArea.forEach((area, list) -> sb.append(line(area, list)));
        sb.append(line("TOTAL", outcomes));
        return sb.toString();
    }

    private static String line(String name, List<CaseOutcome> list) {
        long passed = list.stream().filter(CaseOutcome::passed).count();
        return String.format("%-16s %6d %7d %7.1f%%%n", name, list.size(), passed, 100.0 * passed / list.size());
    }

    /** Failures counted by kind, most frequent first. */
    String failureKinds() {
        Map<String, Long> kinds = outcomes.stream().filter(o -> !o.passed())
                .collect(Collectors.groupingBy(CaseOutcome::kind, Collectors.counting()));
        StringBuilder sb = new StringBuilder();
        kinds.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> sb.append(String.format("%6d  %s%n", e.getValue(), e.getKey())));
        return sb.toString();
    }

    /** Writes {@code report.md} (summary, failure kinds, every case) into {@code dir}; returns its path. */
    Path write(Path dir) throws IOException {
        Files.createDirectories(dir);
        StringBuilder sb = new StringBuilder("# Snowflake's documented examples against the emulator\n\n```\n")
                .append(summary()).append("```\n\nFailures by kind:\n\n```\n").append(failureKinds())
                .append("```\n\n| case | result |\n|---|---|\n");
        Function<String, String> cell = s -> s.replace("|", "\\|");
        for (CaseOutcome o : outcomes) {
            sb.append("| ").append(o.id()).append(" | ").append(o.passed() ? "pass" : cell.apply(o.difference()))
                    .append(" |\n");
        }
        Path file = dir.resolve("report.md");
        Files.writeString(file, sb.toString());
        return file;
    }
}

package dev.autosync.compat;

import dev.autosync.emulator.EmulatorFixture;

import java.nio.file.Path;
import java.util.List;

/**
 * Measures the emulator on the corpus outside {@code mvn verify} ({@code compat/doc-examples.sh}): prints
 * cases and passes per area and writes the detailed report. It measures; it does not judge (the ratchet
 * is {@link DocExamplesTest}).
 */
public final class DocExamplesMain {
    private DocExamplesMain() {
    }

    public static void main(String[] args) throws Exception {
        Path reportDir = Path.of(args.length > 0 ? args[0] : "target/docs-examples");
        long start = System.nanoTime();
        List<DocCase.Page> pages = DocCorpus.load(DocCorpus.onClassPath());
        // -Ddocs.examples.only=aggregates,window/lag: measure only the pages whose id starts with one of these
        String only = System.getProperty("docs.examples.only", "");
        if (!only.isBlank()) {
            List<String> prefixes = List.of(only.split(","));
            pages = pages.stream().filter(p -> prefixes.stream().anyMatch(x -> (p.area() + "/" + p.name()).startsWith(x))).toList();
        }
        List<CaseOutcome> outcomes;
        try (EmulatorFixture emulator = new EmulatorFixture()) {
            outcomes = new DocExampleRunner(emulator).run(pages);
        }
        CompatReport report = new CompatReport(outcomes);
        Path file = report.write(reportDir);
        System.out.print(report.summary());
        System.out.printf("%n%d pages in %.1f s; failures by kind:%n%s%nreport: %s%n", pages.size(),
                (System.nanoTime() - start) / 1e9, report.failureKinds(), file);
    }
}

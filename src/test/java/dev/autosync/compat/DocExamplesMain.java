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
        // -Ddocs.examples.only=REGEX (or DOCS_ONLY=aggregates,window/lag for compat/doc-examples.sh: a comma is "or")
        // runs only the pages whose "area/page" matches (quick checks while working)
        String only = System.getProperty("docs.examples.only", "");
        if (!only.isBlank()) {
            java.util.regex.Pattern wanted = java.util.regex.Pattern.compile(only.replace(',', '|'));
            pages = pages.stream().filter(p -> wanted.matcher(p.area() + "/" + p.name()).find()).toList();
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

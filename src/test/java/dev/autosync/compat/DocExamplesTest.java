package dev.autosync.compat;

import dev.autosync.emulator.EmulatorFixture;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The ratchet on issue 14: runs every documented example of {@code docs-examples/} through snowflake-jdbc
 * against the emulator and requires {@code known-differences.txt} to name exactly the cases that fail.
 */
class DocExamplesTest {
    private static final Path KNOWN = Path.of("src/test/resources", DocCorpus.RESOURCE, KnownDifferences.FILE);
    /** The corpus's size when it was written; a smaller one means pages were lost. */
    private static final int MIN_CASES = 400;

    @Test
    void emulatorAnswersTheDocumentedExamplesExceptTheKnownDifferences() throws Exception {
        List<DocCase.Page> pages = DocCorpus.load(DocCorpus.onClassPath());
        List<CaseOutcome> outcomes;
        try (EmulatorFixture emulator = new EmulatorFixture()) {
            outcomes = new DocExampleRunner(emulator).run(pages);
        }
        new CompatReport(outcomes).write(Path.of("target/docs-examples"));
        assertTrue(outcomes.size() >= MIN_CASES, "the corpus has " + outcomes.size() + " cases, fewer than "
                + MIN_CASES + ": were pages deleted from src/test/resources/docs-examples?");
        if (Boolean.getBoolean("docs.examples.update")) {
            KnownDifferences.write(KNOWN, outcomes);
            return;
        }
        List<String> violations = KnownDifferences.violations(KnownDifferences.read(KNOWN), outcomes);
        if (!violations.isEmpty()) {
            fail(violations.size() + " documented example(s) disagree with " + KNOWN + ":\n  "
                    + String.join("\n  ", violations) + "\nFix the emulator, or after an intended change regenerate the"
                    + " list: mvn test -Dtest=DocExamplesTest -Ddocs.examples.update=true (details: "
                    + "target/docs-examples/report.md)");
        }
    }
}

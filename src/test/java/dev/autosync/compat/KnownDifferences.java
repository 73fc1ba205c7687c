package dev.autosync.compat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code known-differences.txt}: the documented examples the emulator does not yet answer as the docs show,
 * one per line ({@code <case id> <TAB> <first difference>}). The ratchet keeps it exact both ways: a case
 * failing without a line fails the build, and so does a listed case that now passes.
 */
final class KnownDifferences {
    static final String FILE = "known-differences.txt";
    private static final String HEADER = """
            # Documented examples the emulator does not yet answer as the docs show (issue 14).
            # One line per case: <case id> TAB <the first difference the runner saw>. DocExamplesTest fails when
            # a case fails without a line here, and when a listed case passes: delete its line then. Regenerate
            # after an intended change: mvn test -Dtest=DocExamplesTest -Ddocs.examples.update=true
            """;
    private static final int MAX_DIFFERENCE = 300;

    private KnownDifferences() {
    }

    static Map<String, String> read(Path file) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int tab = line.indexOf('\t');
            out.put(tab < 0 ? line.strip() : line.substring(0, tab), tab < 0 ? "" : line.substring(tab + 1));
        }
        return out;
    }

    static void write(Path file, List<CaseOutcome> outcomes) throws IOException {
        StringBuilder sb = new StringBuilder(HEADER);
        for (CaseOutcome o : outcomes) {
            if (!o.passed()) {
                // a page's database is numbered by its place in the corpus (DOCS_<n>_...): written without the
                // number, so adding a page changes no other line
                String d = o.difference().replace("\t", " ").replace("\n", "\\n").replaceAll("DOCS_[0-9]+_", "DOCS_n_");
                sb.append(o.id()).append('\t').append(d.length() > MAX_DIFFERENCE ? d.substring(0, MAX_DIFFERENCE) + "..." : d)
                        .append('\n');
            }
        }
        Files.writeString(file, sb.toString());
    }

    /** What makes the list untrue: failures it does not name, passes it does name, and names of no case. */
    static List<String> violations(Map<String, String> known, List<CaseOutcome> outcomes) {
        List<String> out = new ArrayList<>();
        for (CaseOutcome o : outcomes) {
            if (!o.passed() && !known.containsKey(o.id())) {
                out.add("new failure " + o.id() + ": " + o.difference());
            } else if (o.passed() && known.containsKey(o.id())) {
                out.add("now passes " + o.id() + " (delete its line from " + FILE + ")");
            }
        }
        Set<String> ids = outcomes.stream().map(CaseOutcome::id).collect(Collectors.toSet());
        known.keySet().stream().filter(id -> !ids.contains(id))
                .forEach(id -> out.add("no such case " + id + " (delete its line from " + FILE + ")"));
        return out;
    }
}

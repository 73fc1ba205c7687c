package dev.autosync.compat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The corpus of documented examples: every {@code docs-examples/<area>/<page>.yaml}, read and checked
 * completely before anything runs, so a transcription mistake is reported with its file and step rather
 * than as an emulator difference.
 */
final class DocCorpus {
    static final String RESOURCE = "docs-examples";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private DocCorpus() {
    }

    /** The corpus folder on the test class path (target/test-classes/docs-examples). */
    static Path onClassPath() {
        URL url = DocCorpus.class.getClassLoader().getResource(RESOURCE);
        if (url == null) {
            throw new IllegalStateException(RESOURCE + " is not on the test class path; run 'mvn test-compile' first");
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every page under {@code root}, in area then file order; fails listing every malformed file. */
    static List<DocCase.Page> load(Path root) {
        List<String> problems = new ArrayList<>();
        List<DocCase.Page> pages = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                Path rel = root.relativize(file);
                if (rel.getNameCount() != 2) {
                    problems.add(rel + ": a page belongs in an area folder (docs-examples/<area>/<page>.yaml)");
                    continue;
                }
                String area = rel.getName(0).toString();
                String name = rel.getFileName().toString().replaceFirst("\\.yaml$", "");
                try {
                    DocPage page = YAML.readValue(file.toFile(), DocPage.class);
                    pages.add(DocCase.Page.of(area, name, page, problems));
                } catch (JsonProcessingException e) {
                    problems.add(rel + " line " + e.getLocation().getLineNr() + ": " + e.getOriginalMessage());
                } catch (IOException e) {
                    problems.add(rel + ": " + e.getMessage());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Set<String> ids = new HashSet<>();
        pages.stream().flatMap(p -> p.cases().stream()).filter(c -> !ids.add(c.id()))
                .forEach(c -> problems.add(c.id() + ": case id used twice"));
        if (!problems.isEmpty()) {
            StringBuilder sb = new StringBuilder("The documented-examples corpus under " + root + " has "
                    + problems.size() + " problem(s); fix them as docs-examples/README.md describes:");
            for (int i = 0; i < problems.size(); i++) {
                sb.append("\n  ").append(i + 1).append(". ").append(problems.get(i));
            }
            throw new IllegalArgumentException(sb.toString());
        }
        return pages;
    }
}

package dev.autosync.render;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The rendered SQL for each provider, compared byte for byte with the reviewed files under
 * src/test/resources/golden/. After an intended change, regenerate them with
 * {@code mvn test -Dtest=RenderGoldenTest -Dgolden.update=true} and review the diff like code.
 */
class RenderGoldenTest {
    private static final Path GOLDEN = Path.of("src/test/resources/golden");

    @ParameterizedTest
    @EnumSource(Provider.class)
    void renderedFilesMatchTheReviewedGoldenFiles(Provider provider) throws IOException {
        Path out = Files.createTempDirectory("golden-" + provider.id());
        new BundleWriter().write(RenderFixtures.render(provider), out);
        Path expected = GOLDEN.resolve(provider.id());
        if (Boolean.getBoolean("golden.update")) {
            deleteTree(expected);
            copyTree(out, expected);
            return;
        }
        Set<String> actualFiles = files(out);
        Set<String> expectedFiles = files(expected);
        assertEquals(expectedFiles, actualFiles, "the set of rendered files changed");
        List<String> differing = new ArrayList<>();
        for (String f : actualFiles) {
            String a = Files.readString(out.resolve(f), StandardCharsets.UTF_8);
            String e = Files.readString(expected.resolve(f), StandardCharsets.UTF_8);
            if (!a.equals(e)) {
                differing.add(f);
            }
        }
        if (!differing.isEmpty()) {
            String first = differing.get(0);
            assertEquals(Files.readString(expected.resolve(first)), Files.readString(out.resolve(first)),
                    "rendered " + provider.id() + " files differ from golden files " + differing
                            + "; if intended, run with -Dgolden.update=true and review the diff");
            fail("differs: " + differing);
        }
    }

    private static Set<String> files(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            return Set.of();
        }
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .collect(java.util.stream.Collectors.toCollection(TreeSet::new));
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        for (String f : files(from)) {
            Path target = to.resolve(f);
            Files.createDirectories(target.getParent());
            Files.copy(from.resolve(f), target);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}

package dev.autosync.publish;

import org.apache.maven.plugin.descriptor.Parameter;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugin.descriptor.PluginDescriptorBuilder;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** The plugin descriptor the build wrote ({@code target/classes/META-INF/maven/plugin.xml}), read with Maven's own builder. */
final class PluginDescriptorFile {

    static final Path BASEDIR = Path.of(System.getProperty("basedir", "."));
    static final Path PATH = BASEDIR.resolve("target/classes/META-INF/maven/plugin.xml");

    private PluginDescriptorFile() {
    }

    static PluginDescriptor read() throws Exception {
        assertTrue(Files.isRegularFile(PATH), PATH + " is missing: the build writes it after compiling (mvn process-classes)");
        try (Reader reader = Files.newBufferedReader(PATH)) {
            PluginDescriptor plugin = new PluginDescriptorBuilder().build(reader);
            assertTrue(!plugin.getMojos().isEmpty(), PATH + " declares no goals");
            return plugin;
        }
    }

    /** {@code ${autosync.format}} gives {@code autosync.format}; a parameter without a plain property gives null. */
    static String userProperty(Parameter p) {
        String e = p.getExpression();
        return e != null && e.startsWith("${") && e.endsWith("}") ? e.substring(2, e.length() - 1) : null;
    }

    /** Fails with every problem, numbered, when there are any. */
    static void assertNoProblems(String where, List<String> problems) {
        if (!problems.isEmpty()) {
            int[] n = {0};
            fail(problems.size() + " problem(s) in " + where + ":\n"
                    + problems.stream().map(p -> "  " + ++n[0] + ". " + p).collect(Collectors.joining("\n")));
        }
    }
}

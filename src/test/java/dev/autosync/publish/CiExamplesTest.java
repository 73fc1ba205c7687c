package dev.autosync.publish;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.apache.maven.plugin.descriptor.MojoDescriptor;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static dev.autosync.publish.PluginDescriptorFile.assertNoProblems;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The CI examples in {@code docs/ci/} are valid YAML of the shape each CI expects, and use only
 * what the README documents: its Maven command lines verbatim, real goals and user properties of
 * the plugin, its environment variables and its output files.
 */
class CiExamplesTest {

    private static final Path BASEDIR = PluginDescriptorFile.BASEDIR;
    private static final String CI = "docs/ci";
    private static final Path GITHUB = BASEDIR.resolve("docs/ci/github-actions.yml");
    private static final Path GITLAB = BASEDIR.resolve("docs/ci/gitlab-ci.yml");
    private static final Pattern GOAL = Pattern.compile("\\bautosync:([a-z0-9-]+)");
    private static final Pattern PROPERTY = Pattern.compile("-D([A-Za-z0-9_.-]+)");
    private static final Pattern KEPT_FILE = Pattern.compile("target/autosync/[A-Za-z0-9_./-]*");
    private static final Pattern ENV_EXPORT = Pattern.compile("\\b(SNOWFLAKE_[A-Z_]+)=");

    /** Duplicate keys are an error here, as they are for both CIs (a YAML parser would keep the last). */
    private static final ObjectMapper YAML = new YAMLMapper(YAMLFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build());

    private final String readme = read(BASEDIR.resolve("README.md"));

    @Test
    void theGitHubWorkflowIsAWorkflowWhoseStepsEachRunOrUseSomething() throws IOException {
        JsonNode workflow = YAML.readTree(GITHUB.toFile());
        assertTrue(workflow.path("on").has("pull_request"), "github-actions.yml: no 'on: pull_request' trigger");
        assertTrue(workflow.path("on").has("push"), "github-actions.yml: no 'on: push' trigger");
        assertFalse(workflow.path("jobs").isEmpty(), "github-actions.yml: no jobs");
        workflow.path("jobs").properties().forEach(job -> {
            assertTrue(job.getValue().hasNonNull("runs-on"), "job " + job.getKey() + " has no runs-on");
            for (JsonNode step : job.getValue().path("steps")) {
                assertTrue(step.has("run") ^ step.has("uses"), "job " + job.getKey() + ": a step needs exactly one of run and uses: " + step);
            }
        });
    }

    @Test
    void theGitLabFileHasJobsWithScriptsInDeclaredStages() throws IOException {
        JsonNode pipeline = YAML.readTree(GITLAB.toFile());
        Set<String> stages = new LinkedHashSet<>(YAML.convertValue(pipeline.path("stages"), List.class));
        List<String> jobs = gitlabJobs(pipeline);
        assertFalse(jobs.isEmpty(), "gitlab-ci.yml: no jobs");
        for (String job : jobs) {
            JsonNode j = pipeline.get(job);
            assertTrue(j.path("script").isArray() && !j.path("script").isEmpty(), job + " has no script");
            assertTrue(stages.contains(j.path("stage").asText()), job + ": stage '" + j.path("stage").asText() + "' is not in " + stages);
        }
    }

    @Test
    void everyMavenCommandIsOneTheReadmeDocuments() throws IOException {
        Set<String> documented = mavenCommands(fencedBlocks(readme));
        assertFalse(documented.isEmpty(), "README.md has no ./mvnw or mvn command in a code block");
        List<String> problems = new ArrayList<>();
        List<String> used = new ArrayList<>();
        for (Path file : List.of(GITHUB, GITLAB)) {
            for (String command : mavenCommands(String.join("\n", shellLines(file)))) {
                used.add(command);
                if (!documented.contains(command)) {
                    problems.add(file.getFileName() + ": '" + command + "' is not a command README.md documents (add it to its 'Running in CI' section)");
                }
            }
        }
        assertTrue(used.stream().anyMatch(c -> c.endsWith(" verify")), "the CI examples never run verify: " + used);
        assertTrue(used.stream().anyMatch(c -> c.contains("-Dautosync.dryRun=true")), "the CI examples never plan with autosync.dryRun: " + used);
        assertNoProblems(CI, problems);
    }

    @Test
    void everyGoalAndPropertyInTheCommandsIsThePlugins() throws Exception {
        PluginDescriptor plugin = PluginDescriptorFile.read();
        Set<String> goals = plugin.getMojos().stream().map(MojoDescriptor::getGoal).collect(Collectors.toSet());
        Set<String> properties = plugin.getMojos().stream().flatMap(m -> m.getParameters().stream())
                .map(PluginDescriptorFile::userProperty).filter(p -> p != null).collect(Collectors.toSet());
        List<String> problems = new ArrayList<>();
        for (Path file : List.of(GITHUB, GITLAB)) {
            String commands = String.join("\n", mavenCommands(String.join("\n", shellLines(file))));
            for (String goal : all(GOAL, commands)) {
                if (!goals.contains(goal)) {
                    problems.add(file.getFileName() + ": autosync:" + goal + " is not a goal of the plugin " + goals);
                }
            }
            for (String property : all(PROPERTY, commands)) {
                if (!properties.contains(property)) {
                    problems.add(file.getFileName() + ": -D" + property + " is not a user property of any goal");
                }
            }
        }
        assertNoProblems(CI, problems);
    }

    @Test
    void environmentVariablesAndKeptFilesAreTheOnesTheReadmeNames() throws IOException {
        JsonNode workflow = YAML.readTree(GITHUB.toFile());
        List<String> problems = new ArrayList<>();
        List<String> variables = new ArrayList<>();
        workflow.path("jobs").forEach(job -> job.path("env").fieldNames().forEachRemaining(variables::add));
        for (Path file : List.of(GITHUB, GITLAB)) {
            variables.addAll(all(ENV_EXPORT, String.join("\n", shellLines(file))));
        }
        assertTrue(variables.contains("SNOWFLAKE_PRIVATE_KEY_FILE"), "no key-pair authentication in the CI examples: " + variables);
        for (String variable : variables) {
            if (!readme.contains("`" + variable + "`")) {
                problems.add("environment variable " + variable + " is not one README.md documents");
            }
        }
        List<String> kept = new ArrayList<>();
        workflow.path("jobs").forEach(job -> job.path("steps").forEach(step ->
                kept.addAll(step.path("with").path("path").asText().lines().map(String::strip).filter(l -> !l.isEmpty()).toList())));
        JsonNode gitlab = YAML.readTree(GITLAB.toFile());
        for (String job : gitlabJobs(gitlab)) {
            JsonNode artifacts = gitlab.get(job).path("artifacts");
            artifacts.path("paths").forEach(p -> kept.add(p.asText()));
            artifacts.path("reports").forEach(r -> kept.add(r.asText()));
        }
        assertTrue(kept.contains("target/autosync/e2e/TEST-autosync-e2e.xml"), "the e2e JUnit report is not kept: " + kept);
        assertTrue(kept.contains("target/autosync/status.html"), "the status page is not kept: " + kept);
        for (String path : kept) {
            if (!KEPT_FILE.matcher(path).matches() || !readme.contains("`" + path + "`")) {
                problems.add("kept file " + path + " is not an output README.md documents");
            }
        }
        assertNoProblems(CI, problems);
    }

    /** Top-level GitLab keys that are jobs: not keywords, not hidden ({@code .template}). */
    private static List<String> gitlabJobs(JsonNode pipeline) {
        Set<String> keywords = Set.of("default", "variables", "stages", "include", "workflow", "image", "services", "cache", "before_script", "after_script");
        List<String> jobs = new ArrayList<>();
        pipeline.fieldNames().forEachRemaining(k -> {
            if (!keywords.contains(k) && !k.startsWith(".")) {
                jobs.add(k);
            }
        });
        return jobs;
    }

    /** Every shell line a CI file runs: GitHub steps' {@code run}, GitLab jobs' scripts. */
    private static List<String> shellLines(Path file) {
        try {
            JsonNode root = YAML.readTree(file.toFile());
            List<String> scripts = new ArrayList<>();
            root.path("jobs").forEach(job -> job.path("steps").forEach(step -> scripts.add(step.path("run").asText())));
            for (String job : gitlabJobs(root)) {
                for (String key : List.of("before_script", "script", "after_script")) {
                    root.get(job).path(key).forEach(line -> scripts.add(line.asText()));
                }
            }
            return scripts.stream().flatMap(String::lines).toList();
        } catch (IOException e) {
            throw new AssertionError(file + " is not valid YAML: " + e.getMessage(), e);
        }
    }

    /**
     * The Maven invocations in shell text: continuation lines joined, comments dropped, split at
     * {@code &&}, {@code ||} and {@code ;}, whitespace normalised.
     */
    static Set<String> mavenCommands(String script) {
        Set<String> commands = new LinkedHashSet<>();
        for (String line : script.replace("\\\n", " ").split("\n")) {
            String shell = line.strip().startsWith("#") ? "" : line;
            for (String part : shell.split("&&|\\|\\||;")) {
                String command = part.strip().replaceAll("\\s+", " ");
                if (command.startsWith("./mvnw ") || command.startsWith("mvn ")) {
                    commands.add(command);
                }
            }
        }
        return commands;
    }

    /** The code in a Markdown text's fenced blocks: what the README shows as commands to run. */
    private static String fencedBlocks(String markdown) {
        StringBuilder code = new StringBuilder();
        boolean inside = false;
        for (String line : markdown.split("\n")) {
            if (line.startsWith("```")) {
                inside = !inside;
            } else if (inside) {
                code.append(line).append('\n');
            }
        }
        return code.toString();
    }

    private static List<String> all(Pattern pattern, String text) {
        List<String> found = new ArrayList<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new AssertionError(file + " cannot be read: " + e.getMessage(), e);
        }
    }
}

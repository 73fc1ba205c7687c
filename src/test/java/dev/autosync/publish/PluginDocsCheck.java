package dev.autosync.publish;

import org.apache.maven.plugin.descriptor.MojoDescriptor;
import org.apache.maven.plugin.descriptor.Parameter;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;

import static dev.autosync.publish.PluginDescriptorFile.assertNoProblems;
import static dev.autosync.publish.PluginDescriptorFile.userProperty;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The generated goal pages against the plugin descriptor: every goal has a page, and the page
 * lists every parameter a user can set with its description, user property and default.
 *
 * <p>Not a {@code *Test}: it needs {@code target/site}, so the POM runs it in the {@code site}
 * phase after the pages are written ({@code ./mvnw -B test-compile site}), not in {@code verify}.
 */
class PluginDocsCheck {

    private static final Path SITE = PluginDescriptorFile.BASEDIR.resolve("target/site");
    private static final String DOCS = "the generated plugin documentation (target/site)";
    private static final String HOW_TO_BUILD = "build them with ./mvnw -B test-compile site";

    @Test
    void everyGoalPageListsEveryParameterWithItsPropertyDefaultAndDescription() throws Exception {
        PluginDescriptor plugin = PluginDescriptorFile.read();
        List<String> problems = new ArrayList<>();
        for (MojoDescriptor mojo : plugin.getMojos()) {
            problems.addAll(checkGoalPage(mojo));
        }
        assertNoProblems(DOCS, problems);
    }

    @Test
    void theGoalTableAndTheSiteMenuLinkEveryGoal() throws Exception {
        PluginDescriptor plugin = PluginDescriptorFile.read();
        Document index = page("plugin-info.html");
        List<String> problems = new ArrayList<>();
        for (MojoDescriptor mojo : plugin.getMojos()) {
            String link = "a[href~=(^|/)" + Pattern.quote(pageName(mojo)) + "$]";
            if (index.select("table " + link).isEmpty()) {
                problems.add("plugin-info.html's goal table does not link goal '" + mojo.getGoal() + "'");
            }
            if (index.select("nav " + link).isEmpty()) {
                problems.add("the site menu does not link goal '" + mojo.getGoal() + "': add it to src/site/site.xml");
            }
        }
        assertNoProblems(DOCS, problems);
    }

    private static List<String> checkGoalPage(MojoDescriptor mojo) throws Exception {
        String where = pageName(mojo);
        Map<String, Element> documented = parameterDetails(page(where));
        List<String> problems = new ArrayList<>();
        TreeSet<String> settable = new TreeSet<>();
        for (Parameter p : mojo.getParameters()) {
            if (!p.isEditable()) {
                continue; // read-only parameters (${project}, ${settings}) are not the user's to set
            }
            settable.add(p.getName());
            String field = mojo.getImplementation() + "#" + p.getName();
            String description = text(p.getDescription());
            if (description.isEmpty()) {
                problems.add(field + " has no description: write a Javadoc comment on the field");
            }
            Element section = documented.get(p.getName());
            if (section == null) {
                problems.add(where + " does not list parameter '" + p.getName() + "' of goal " + mojo.getGoal());
                continue;
            }
            Element shown = section.selectFirst("div");
            String shownDescription = shown == null ? "" : shown.text();
            if (!shownDescription.equals(description)) {
                problems.add(where + " '" + p.getName() + "': description '" + shownDescription
                        + "', descriptor says '" + description + "'");
            }
            List<String> facts = section.select("li").eachText();
            String property = userProperty(p);
            if (property != null && !facts.contains("User Property: " + property)) {
                problems.add(where + " '" + p.getName() + "': no 'User Property: " + property + "' in " + facts);
            }
            if (p.getDefaultValue() != null && !facts.contains("Default: " + p.getDefaultValue())) {
                problems.add(where + " '" + p.getName() + "': no 'Default: " + p.getDefaultValue() + "' in " + facts);
            }
        }
        TreeSet<String> stale = new TreeSet<>(documented.keySet());
        stale.removeAll(settable);
        if (!stale.isEmpty()) {
            problems.add(where + " lists parameters the descriptor does not have: " + stale + " (stale page: " + HOW_TO_BUILD + ")");
        }
        return problems;
    }

    /** The "Parameter Details" sections of a goal page, by parameter name ({@code <h3>&lt;name&gt;</h3>}). */
    private static Map<String, Element> parameterDetails(Document page) {
        Map<String, Element> byName = new LinkedHashMap<>();
        for (Element h3 : page.select("h3")) {
            String heading = h3.text();
            if (heading.startsWith("<") && heading.endsWith(">")) {
                byName.put(heading.substring(1, heading.length() - 1), h3.parent());
            }
        }
        return byName;
    }

    /** plugin.xml holds descriptions as plain text (the HTML form is for the report); compare them word for word. */
    private static String text(String plain) {
        return plain == null ? "" : plain.strip().replaceAll("\\s+", " ");
    }

    private static String pageName(MojoDescriptor mojo) {
        return mojo.getGoal() + "-mojo.html";
    }

    private static Document page(String name) throws Exception {
        Path file = SITE.resolve(name);
        assertTrue(Files.isRegularFile(file), file + " is missing: " + HOW_TO_BUILD);
        return Jsoup.parse(file.toFile(), "UTF-8");
    }
}

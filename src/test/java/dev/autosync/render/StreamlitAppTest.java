package dev.autosync.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autosync.pipeline.PipelineSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What render writes for the Streamlit app: the files, the pipeline's names in the page, user overrides, no rewrite when unchanged. */
class StreamlitAppTest {
    private static final PipelineSpec SPEC = RenderFixtures.schoolSpec();

    private static RenderedBundle bundle() throws Exception {
        return new Renderer(null).render(RenderFixtures.settings(Provider.S3).validate(), SPEC);
    }

    /** The JSON the page parses: the Python string literal on its PIPELINE line, unescaped as Python would. */
    private static JsonNode pipelineOf(String page) throws Exception {
        Matcher m = Pattern.compile("(?m)^PIPELINE = json\\.loads\\(\"(.*)\"\\)$").matcher(page);
        assertTrue(m.find(), "the page has its PIPELINE line");
        String literal = m.group(1);
        assertFalse(literal.chars().anyMatch(c -> c > 0x7e), "ASCII only");
        return new ObjectMapper().readTree(literal.replace("\\\"", "\"").replace("\\\\", "\\"));
    }

    @Test
    void writesTheAppWithEveryNameFromTheRenderedPipeline(@TempDir Path out) throws Exception {
        RenderedBundle b = bundle();
        StreamlitApp app = new StreamlitApp(null);
        assertEquals(9, app.write(b, SPEC, out));
        for (String f : new String[] {"streamlit/streamlit_app.py", "streamlit/pages/Auto-Sync_Status.py", "streamlit/environment.yml",
            "streamlit/samples/malformed_sample.json", "streamlit-local/local_session.py", "streamlit-local/run_local.sh"}) {
            assertTrue(Files.isRegularFile(out.resolve(f)), f);
        }
        String page = Files.readString(out.resolve("streamlit/pages/Auto-Sync_Status.py"), StandardCharsets.UTF_8);
        assertFalse(page.contains(StreamlitApp.PLACEHOLDER));
        JsonNode p = pipelineOf(page);
        assertEquals(b.e2eStage(), p.get("e2eStage").asText());
        assertEquals(b.errorLogView(), p.get("views").get("errorLog").asText());
        assertEquals(MonitoringQueries.pipeStatus(b), p.get("queries").get("pipeStatus").asText(), "status's own query");
        JsonNode grades = p.get("entities").get(1);
        assertEquals("GRADES", grades.get("name").asText());
        assertEquals(b.entity("GRADES").e2ePipe().sql(), grades.get("e2ePipe").asText());
        assertEquals(b.entity("GRADES").task().sql(), grades.get("task").asText());
        assertEquals("NUMBER(7,2)", grades.get("fields").get(5).get("type").asText());
        assertEquals("percentage", grades.get("derived").get(0).get("kind").asText());
        assertEquals(5, p.get("checks").size());
        // unchanged: nothing written
        assertEquals(0, app.write(b, SPEC, out));
        // a file render no longer writes leaves the app folder (deploy uploads all of it)
        Files.writeString(out.resolve("streamlit/pages/old_page.py"), "print(1)\n");
        assertEquals(1, app.write(b, SPEC, out));
        assertFalse(Files.exists(out.resolve("streamlit/pages/old_page.py")));
    }

    @Test
    void nonAsciiNamesAndValuesSurviveAsPythonText() {
        String literal = StreamlitApp.pythonString("{\"a\":\"caf\\u00e9 \\\"q\\\" \\\\\"}");
        assertEquals("\"{\\\"a\\\":\\\"caf\\\\u00e9 \\\\\\\"q\\\\\\\" \\\\\\\\\\\"}\"", literal);
    }

    @Test
    void aUserTemplateOverridesThePageAndMustKeepThePlaceholder(@TempDir Path dir) throws Exception {
        Path templates = dir.resolve("templates");
        Files.createDirectories(templates.resolve("streamlit"));
        Files.writeString(templates.resolve("streamlit/autosync_status.py"), "import json\nPIPELINE = json.loads({{pipeline}})\nprint('ours')\n");
        Map<String, byte[]> files = new StreamlitApp(templates).files(bundle(), SPEC);
        String page = new String(files.get("streamlit/pages/Auto-Sync_Status.py"), StandardCharsets.UTF_8);
        assertTrue(page.endsWith("print('ours')\n") && page.contains("AUTOSYNC_E2E_STAGE"), page);

        Files.writeString(templates.resolve("streamlit/autosync_status.py"), "print('no names')\n");
        TemplateException e = assertThrows(TemplateException.class, () -> new StreamlitApp(templates).files(bundle(), SPEC));
        assertTrue(e.getMessage().contains("streamlit/autosync_status.py") && e.getMessage().contains("{{pipeline}}"), e.getMessage());
    }
}

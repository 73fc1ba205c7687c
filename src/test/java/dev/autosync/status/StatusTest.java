package dev.autosync.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autosync.testing.LocalPipeline;
import dev.autosync.warehouse.PipeStatus;
import dev.autosync.warehouse.LocalTargets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The status report of a real pipeline on the emulator: counts, errors, verdicts, and its three formats. */
class StatusTest {
    private static LocalPipeline fx;
    private static StatusReport loaded;

    @BeforeAll
    static void start() throws Exception {
        fx = new LocalPipeline(Files.createTempDirectory("status-test"), "STATUS_DB");
        fx.load(Map.of("good-1.json", LocalPipeline.event("e1", "S1") + LocalPipeline.event("e2", "S2"),
                "good-2.json", LocalPipeline.event("e3", "S3"), "broken.json", "{\"event_id\": \"e4\", \"student_id\": }\n"));
        loaded = new StatusCollector(fx.bundle, fx.w).collect();
    }

    @AfterAll
    static void stop() {
        fx.w.close();
        LocalTargets.stopAll();
    }

    @Test
    void theReportCountsLoadedAndFailedFilesAndNamesTheBadOne() {
        StatusReport.Metrics m = loaded.metrics().stream().filter(x -> x.pipe().equals("ATTENDANCE_PIPE")).findFirst().orElseThrow();
        assertEquals(2, m.filesLoaded24h());
        assertEquals(3, m.rowsLoaded24h());
        assertEquals(1, m.filesFailed24h());
        assertEquals(2, m.filesLoaded7d());
        assertEquals(1, loaded.errors().size());
        assertTrue(loaded.errors().get(0).file().endsWith("broken.json"), loaded.errors().toString());
        assertTrue(loaded.errors().get(0).firstError().startsWith("Error parsing JSON"), loaded.errors().toString());
        assertEquals(6, loaded.pipes().size());
        assertTrue(loaded.pipes().stream().allMatch(p -> p.executionState().equals("RUNNING")));
        assertEquals(3, loaded.tasks().size());
        assertEquals(3, loaded.streams().size());
        assertTrue(loaded.streams().stream().anyMatch(StatusReport.Stream::hasData), "the attendance stream has unprocessed rows");
        long hourlyFiles = loaded.hourly().stream().mapToLong(StatusReport.Hour::filesLoaded).sum();
        assertEquals(2, hourlyFiles);
        assertEquals(StatusReport.Level.DEGRADED, loaded.verdict().level());
        assertEquals(List.of("1 file(s) failed to load through ATTENDANCE_PIPE in the last 24 h"), loaded.verdict().reasons());
    }

    @Test
    @DisplayName("ALTER PIPE page: the advice for a paused pipe, pasted into a session using another schema, resumes the pipe")
    void thePausedPipeAdviceRunsAsPastedFromAnotherSchema() throws Exception {
        LocalPipeline other = new LocalPipeline(fx.dataDir, "STATUS_ADVICE");
        String pipe = other.bundle.entities().get(0).pipe().sql();
        other.w.execute("ALTER PIPE " + pipe + " SET PIPE_EXECUTION_PAUSED = TRUE");
        StatusReport r = new StatusCollector(other.bundle, other.w).collect();
        String reason = r.verdict().reasons().stream().filter(x -> x.contains("is PAUSED")).findFirst().orElseThrow();
        java.util.regex.Matcher advice = java.util.regex.Pattern.compile("resume: (ALTER PIPE \\S+ SET PIPE_EXECUTION_PAUSED = FALSE)")
                .matcher(reason);
        assertTrue(advice.find(), reason);
        other.w.execute("CREATE DATABASE IF NOT EXISTS ELSEWHERE_DB");
        other.w.execute("USE SCHEMA ELSEWHERE_DB.PUBLIC");
        other.w.execute(advice.group(1));
        assertEquals("RUNNING", PipeStatus.read(other.w, other.bundle.entities().get(0).pipe()).executionState());
        other.w.close();
    }

    @Test
    void aPausedPipeAndASuspendedTaskAreFailing() throws Exception {
        LocalPipeline other = new LocalPipeline(fx.dataDir, "STATUS_BAD");
        String pipe = other.bundle.entities().get(1).pipe().sql();
        String task = other.bundle.entities().get(2).task().sql();
        other.w.execute("ALTER PIPE " + pipe + " SET PIPE_EXECUTION_PAUSED = TRUE");
        other.w.execute("ALTER TASK " + task + " SUSPEND");
        StatusReport r = new StatusCollector(other.bundle, other.w).collect();
        assertEquals(StatusReport.Level.FAILING, r.verdict().level());
        // the advice names the pipe qualified, so it runs as pasted whatever schema is in use
        assertTrue(r.verdict().reasons().contains("pipe " + pipe + " is PAUSED (resume: ALTER PIPE " + pipe + " SET "
                + "PIPE_EXECUTION_PAUSED = FALSE; a pipe paused for more than 14 days is stale and resumes only with SELECT "
                + "SYSTEM$PIPE_FORCE_RESUME('" + pipe + "', 'staleness_check_override'); if its owner changed while paused: SELECT "
                + "SYSTEM$PIPE_FORCE_RESUME('" + pipe + "', 'ownership_transfer_check_override'))"), r.verdict().reasons().toString());
        assertTrue(r.verdict().reasons().contains("task " + task + " is suspended (resume: ALTER TASK " + task + " RESUME)"),
                r.verdict().reasons().toString());
        other.w.close();
    }

    @Test
    void theTableFitsTheWidthAndIsColouredOnlyWhenAsked() {
        List<String> plain = new TableFormat(80, false).render(loaded);
        assertTrue(plain.stream().allMatch(l -> l.length() <= 80), "every line fits 80 columns");
        assertTrue(plain.stream().noneMatch(l -> l.contains("\u001b[")));
        assertTrue(plain.contains("VERDICT: DEGRADED"));
        assertTrue(plain.stream().anyMatch(l -> l.contains("broken.json") || l.contains("…")), String.join("\n", plain));
        assertTrue(plain.stream().anyMatch(l -> l.matches("\\s+ATTENDANCE_PIPE\\s+2\\s+3\\s+1\\s+2\\s+3\\s+1")), String.join("\n", plain));
        List<String> coloured = new TableFormat(80, true).render(loaded);
        assertTrue(coloured.stream().anyMatch(l -> l.contains("\u001b[1;33mDEGRADED")));
    }

    @Test
    void theJsonMatchesTheShippedSchema() throws Exception {
        ObjectMapper m = new ObjectMapper();
        JsonNode doc = m.readTree(JsonFormat.render(loaded));
        JsonNode schema;
        try (InputStream in = StatusTest.class.getResourceAsStream("/autosync/status.schema.json")) {
            schema = m.readTree(in);
        }
        List<String> problems = new ArrayList<>();
        SchemaCheck.check(schema, doc, "$", problems);
        assertEquals(List.of(), problems);
        assertEquals(1, doc.get("schemaVersion").asInt());
        assertEquals("DEGRADED", doc.at("/verdict/level").asText());
        // the checker is not vacuous: a wrong type and a missing field are caught
        ((com.fasterxml.jackson.databind.node.ObjectNode) doc).put("schemaVersion", "one");
        ((com.fasterxml.jackson.databind.node.ObjectNode) doc.get("verdict")).remove("reasons");
        problems.clear();
        SchemaCheck.check(schema, doc, "$", problems);
        assertEquals(2, problems.size(), problems.toString());
    }

    @Test
    void theHtmlPageIsSelfContained() {
        String html = HtmlFormat.render(loaded);
        assertFalse(html.matches("(?s).*(src|href)=\"https?:.*"), "no external resource");
        assertFalse(html.contains("<script"), "no script");
        assertTrue(html.contains("id=\"chart-files\"") && html.contains("id=\"chart-rows\"") && html.contains("id=\"chart-errors\""));
        assertTrue(html.contains("broken.json"));
    }

    /** A JSON Schema subset checker: type (with null unions), const, enum, required, properties, items. */
    static final class SchemaCheck {
        static void check(JsonNode schema, JsonNode value, String at, List<String> problems) {
            JsonNode type = schema.get("type");
            if (type != null && !typeMatches(type, value)) {
                problems.add(at + ": expected " + type + ", found " + value.getNodeType());
                return;
            }
            if (schema.has("const") && !schema.get("const").equals(value)) {
                problems.add(at + ": expected " + schema.get("const") + ", found " + value);
            }
            if (schema.has("enum") && !value.isNull()) {
                boolean any = false;
                for (JsonNode e : schema.get("enum")) {
                    any |= e.equals(value);
                }
                if (!any) {
                    problems.add(at + ": " + value + " is not one of " + schema.get("enum"));
                }
            }
            if (value.isObject()) {
                for (JsonNode r : schema.path("required")) {
                    if (!value.has(r.asText())) {
                        problems.add(at + ": missing " + r.asText());
                    }
                }
                Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").fields();
                while (it.hasNext()) {
                    Map.Entry<String, JsonNode> p = it.next();
                    if (value.has(p.getKey())) {
                        check(p.getValue(), value.get(p.getKey()), at + "." + p.getKey(), problems);
                    }
                }
            }
            if (value.isArray() && schema.has("items")) {
                for (int i = 0; i < value.size(); i++) {
                    check(schema.get("items"), value.get(i), at + "[" + i + "]", problems);
                }
            }
        }

        private static boolean typeMatches(JsonNode type, JsonNode v) {
            if (type.isArray()) {
                for (JsonNode t : type) {
                    if (typeMatches(t, v)) {
                        return true;
                    }
                }
                return false;
            }
            return switch (type.asText()) {
                case "object" -> v.isObject();
                case "array" -> v.isArray();
                case "string" -> v.isTextual();
                case "integer" -> v.isIntegralNumber();
                case "boolean" -> v.isBoolean();
                case "null" -> v.isNull();
                default -> true;
            };
        }
    }
}

package dev.autosync.render;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autosync.pipeline.DerivedColumn;
import dev.autosync.pipeline.EntitySpec;
import dev.autosync.pipeline.FieldSpec;
import dev.autosync.pipeline.MappedColumn;
import dev.autosync.pipeline.PercentageColumn;
import dev.autosync.pipeline.PipelineSpec;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The "Auto-Sync Status" Streamlit app that {@code render} writes under {@code streamlit/}: a
 * standalone {@code streamlit_app.py} whose navigation holds the page, the page itself
 * ({@code pages/Auto-Sync_Status.py}, which a district can drop into its own app), the
 * {@code environment.yml} the page needs, and the sample events for its test upload. The page gets
 * every name from the rendered pipeline: the template's one placeholder {@value #PLACEHOLDER} becomes
 * the pipeline's names, fields and queries as a Python string literal of JSON. Templates come from
 * the user's folder first ({@code streamlit/...}), as the SQL templates do.
 * <p>
 * {@code streamlit-local/local_session.py} is the small adapter that runs the page against the local
 * emulator, and {@code streamlit-local/run_local.sh} starts it there; neither is deployed.
 */
public final class StreamlitApp {
    public static final String FOLDER = "streamlit";
    public static final String LOCAL_FOLDER = "streamlit-local";
    public static final String MAIN_FILE = "streamlit_app.py";
    /** The page's file: Streamlit names a pages/ entry in the navigation after it ("Auto-Sync Status"). */
    public static final String PAGE_FILE = "pages/Auto-Sync_Status.py";
    /** The Streamlit object deploy creates, in the pipeline's schema. */
    public static final String APP_NAME = "AUTOSYNC_STATUS_APP";
    /** The internal stage deploy PUTs the app's files to, in the pipeline's schema. */
    public static final String APP_STAGE = "AUTOSYNC_APP_STAGE";
    public static final String TITLE = "Auto-Sync Status";
    static final String PLACEHOLDER = "{{pipeline}}";
    static final List<String> SAMPLES = List.of("attendance_sample.json", "grades_sample.json", "students_sample.json",
            "malformed_sample.json");
    /** The named checks of e2e, as the page reports them (EndToEndCheck's names; e2e sits above render). */
    static final List<String> CHECKS = List.of("files-loaded", "landing-rows", "normalised-rows", "malformed-file-rejected",
            "replay-changes-nothing");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(com.fasterxml.jackson.core.json.JsonWriteFeature.ESCAPE_NON_ASCII.mappedFeature());

    private final SqlTemplates templates;

    public StreamlitApp(Path userTemplates) {
        this.templates = new SqlTemplates(userTemplates);
    }

    public static QualifiedName appName(RenderedBundle b) {
        return QualifiedName.ofParts(List.of(b.database(), b.schema(), APP_NAME));
    }

    public static QualifiedName appStage(RenderedBundle b) {
        return QualifiedName.ofParts(List.of(b.database(), b.schema(), APP_STAGE));
    }

    /** The app's files, relative path to content: what deploy uploads (and the local adapter beside it, not uploaded). */
    public Map<String, byte[]> files(RenderedBundle b, PipelineSpec spec) throws TemplateException {
        Map<String, byte[]> out = new LinkedHashMap<>();
        out.put(FOLDER + "/" + MAIN_FILE, utf8(templates.source("streamlit/streamlit_app.py")));
        String page = templates.source("streamlit/autosync_status.py");
        if (!page.contains(PLACEHOLDER)) {
            throw new TemplateException("streamlit/autosync_status.py", 0, "lacks the placeholder " + PLACEHOLDER
                    + " that receives the pipeline's names; keep the line PIPELINE = json.loads(" + PLACEHOLDER + ")");
        }
        out.put(FOLDER + "/" + PAGE_FILE, utf8(page.replace(PLACEHOLDER, pythonString(pipelineJson(b, spec)))));
        out.put(FOLDER + "/environment.yml", utf8(templates.source("streamlit/environment.yml")));
        for (String sample : SAMPLES) {
            try (InputStream in = StreamlitApp.class.getResourceAsStream("/autosync/samples/" + sample)) {
                if (in != null) {
                    out.put(FOLDER + "/samples/" + sample, in.readAllBytes());
                }
            } catch (IOException e) {
                throw new TemplateException("samples/" + sample, 0, "cannot be read: " + e.getMessage());
            }
        }
        out.put(LOCAL_FOLDER + "/local_session.py", utf8(templates.source("streamlit/local_session.py")));
        out.put(LOCAL_FOLDER + "/run_local.sh", utf8(templates.source("streamlit/run_local.sh")));
        return out;
    }

    /**
     * Writes the files under {@code outputDirectory}, each only when its bytes change, and removes files under
     * {@code streamlit/} it no longer produces (deploy uploads that whole folder); returns how many changed.
     */
    public int write(RenderedBundle b, PipelineSpec spec, Path outputDirectory) throws TemplateException, IOException {
        Map<String, byte[]> files = files(b, spec);
        int written = 0;
        Path app = outputDirectory.resolve(FOLDER);
        if (Files.isDirectory(app)) {
            try (java.util.stream.Stream<Path> existing = Files.walk(app)) {
                for (Path p : existing.filter(Files::isRegularFile).toList()) {
                    if (!files.containsKey(outputDirectory.relativize(p).toString().replace('\\', '/'))) {
                        Files.delete(p);
                        written++;
                    }
                }
            }
        }
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            Path p = outputDirectory.resolve(f.getKey());
            if (Files.isRegularFile(p) && Arrays.equals(Files.readAllBytes(p), f.getValue())) {
                continue;
            }
            Files.createDirectories(p.getParent());
            Path tmp = p.resolveSibling(p.getFileName() + ".tmp");
            Files.write(tmp, f.getValue());
            Files.move(tmp, p, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            written++;
        }
        return written;
    }

    /** The names, fields and queries the page reads, as JSON (what the page's placeholder becomes). */
    public static String pipelineJson(RenderedBundle b, PipelineSpec spec) {
        ObjectNode root = JSON.createObjectNode();
        root.put("database", b.database());
        root.put("schema", b.schema());
        root.put("e2eStage", b.e2eStage());
        root.put("appName", appName(b).sql());
        ObjectNode views = root.putObject("views");
        views.put("pipeStatus", b.pipeStatusView());
        views.put("ingestionMetrics", b.ingestionMetricsView());
        views.put("errorLog", b.errorLogView());
        views.put("freshness", b.freshnessView());
        ObjectNode q = root.putObject("queries");
        q.put("pipeStatus", MonitoringQueries.pipeStatus(b));
        q.put("ingestionMetrics", MonitoringQueries.ingestionMetrics(b));
        q.put("errorLog", MonitoringQueries.errorLog(b, 200));
        q.put("pipes", MonitoringQueries.pipes(b));
        q.put("tasks", MonitoringQueries.tasks(b));
        q.put("streams", MonitoringQueries.streams(b));
        q.put("now", MonitoringQueries.now());
        q.put("freshness", MonitoringQueries.freshness(b));
        q.put("timestampLiteral", MonitoringQueries.timestampLiteral(MonitoringQueries.INSTANT));
        root.put("lastRunPage", MonitoringQueries.LAST_RUN_PAGE);
        // per pipe, what brings it back in each state: status's wording, so the page gives the same advice
        ObjectNode advice = root.putObject("pipeAdvice");
        for (EntityObjects o : b.entities()) {
            for (QualifiedName pipe : List.of(o.pipe(), o.e2ePipe())) {
                ObjectNode byState = advice.putObject(pipe.sql());
                PipeAdvice.byState(pipe.sql()).forEach(byState::put);
            }
        }
        ArrayNode checks = root.putArray("checks");
        CHECKS.forEach(checks::add);
        ArrayNode samples = root.putArray("samples");
        SAMPLES.forEach(samples::add);
        ArrayNode entities = root.putArray("entities");
        for (EntitySpec e : spec.entities()) {
            EntityObjects o = b.entity(e.name());
            ObjectNode n = entities.addObject();
            n.put("name", e.name());
            n.put("folder", e.folder());
            n.put("landingTable", o.landingTable().sql());
            n.put("normalisedTable", o.normalisedTable().sql());
            n.put("rejectsTable", o.rejectsTable().sql());
            n.put("pipe", o.pipe().sql());
            n.put("e2ePipe", o.e2ePipe().sql());
            n.put("task", o.task().sql());
            n.put("stream", o.stream().sql());
            n.put("eventId", e.eventId());
            n.put("orderBy", e.orderBy());
            ArrayNode keys = n.putArray("keys");
            e.keys().forEach(keys::add);
            n.put("rejectCounts", MonitoringQueries.rejectCounts(o));
            n.put("rejectReasons", MonitoringQueries.rejectReasons(o));
            // the task's runs in a window, as status and e2e read them (the page fills in the window's ends)
            n.put("taskRuns", MonitoringQueries.taskHistory(o.task(), MonitoringQueries.SINCE, null,
                    MonitoringQueries.TASK_HISTORY_MAX_ROWS));
            n.put("taskRunsPage", MonitoringQueries.taskHistory(o.task(), MonitoringQueries.SINCE, null,
                    MonitoringQueries.LAST_RUN_PAGE));
            n.put("taskRunsPageBefore", MonitoringQueries.taskHistory(o.task(), MonitoringQueries.SINCE, MonitoringQueries.UNTIL,
                    MonitoringQueries.LAST_RUN_PAGE));
            ArrayNode fields = n.putArray("fields");
            for (FieldSpec f : e.fields()) {
                ObjectNode fn = fields.addObject();
                fn.put("column", f.column());
                ArrayNode path = fn.putArray("path");
                f.path().forEach(path::add);
                fn.put("type", f.type().sql());
                fn.put("kind", f.type().kind().name());
                fn.put("scale", f.type().scale());
                fn.put("required", f.required());
                fn.put("default", f.defaultValue());
            }
            ArrayNode derived = n.putArray("derived");
            for (DerivedColumn d : e.derived()) {
                ObjectNode dn = derived.addObject();
                if (d instanceof MappedColumn m) {
                    dn.put("kind", "mapping");
                    dn.put("column", m.column());
                    dn.put("source", m.source());
                    dn.put("caseInsensitive", m.caseInsensitive());
                    ObjectNode values = dn.putObject("values");
                    new java.util.TreeMap<>(m.values()).forEach(values::put);
                    dn.put("otherwise", m.otherwise());
                } else if (d instanceof PercentageColumn p) {
                    dn.put("kind", "percentage");
                    dn.put("column", p.column());
                    dn.put("numerator", p.numerator());
                    dn.put("denominator", p.denominator());
                    dn.put("type", p.type().sql());
                    dn.put("scale", p.type().scale());
                }
            }
        }
        try {
            return JSON.writeValueAsString(root);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A Python string literal of {@code s} (JSON with non-ASCII escaped already), so the page's bytes never depend on an encoding. */
    static String pythonString(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '\\' -> sb.append("\\\\");
                case '"' -> sb.append("\\\"");
                default -> {
                    if (ch < 0x20 || ch > 0x7e) {
                        sb.append(String.format("\\u%04x", (int) ch));
                    } else {
                        sb.append(ch);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}

package dev.autosync.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code manifest.json}: the contract between {@code render} and the goals after it. It lists each
 * statement (kind, qualified name, file, template, checksum, dependencies, table columns, SQL) and
 * each entity's objects. It holds no time stamps or absolute paths, so it is byte-for-byte
 * reproducible.
 */
public final class Manifest {
    public static final int FORMAT_VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Manifest() {
    }

    public static String toJson(RenderedBundle b) {
        ObjectNode root = JSON.createObjectNode();
        root.put("manifestVersion", FORMAT_VERSION);
        root.put("provider", b.provider().id());
        root.put("database", b.database());
        root.put("schema", b.schema());
        root.put("pipeline", b.pipelineSource());
        root.put("stage", b.stage());
        root.put("e2eStage", b.e2eStage());
        root.put("storageIntegration", b.storageIntegration());
        root.put("notificationIntegration", b.notificationIntegration());
        ObjectNode views = root.putObject("views");
        views.put("pipeStatus", b.pipeStatusView());
        views.put("ingestionMetrics", b.ingestionMetricsView());
        views.put("errorLog", b.errorLogView());
        ArrayNode entities = root.putArray("entities");
        for (EntityObjects e : b.entities()) {
            entities.add(JSON.valueToTree(e));
        }
        ArrayNode statements = root.putArray("statements");
        for (RenderedStatement s : b.statements()) {
            ObjectNode n = statements.addObject();
            n.put("number", s.number());
            n.put("kind", s.kind().name());
            n.put("name", s.name());
            n.put("entity", s.entity());
            n.put("file", "sql/" + s.fileName());
            n.put("template", s.template());
            n.put("userTemplate", s.userTemplate());
            n.put("checksum", s.checksum());
            ArrayNode deps = n.putArray("dependsOn");
            s.dependsOn().forEach(deps::add);
            if (!s.columns().isEmpty()) {
                ArrayNode cols = n.putArray("columns");
                s.columns().forEach(c -> cols.addObject().put("name", c.name()).put("type", c.type()));
            }
            n.put("sql", s.sql());
        }
        ArrayNode post = root.putArray("postDeploy");
        b.postDeploy().forEach(post::add);
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads a manifest written by {@link #toJson}; used by deploy, e2e and status. */
    public static RenderedBundle read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("There is no rendered pipeline at " + file + "; run the render goal first "
                    + "(mvn autosync:render, or bind it in the POM: it runs in generate-resources)");
        }
        JsonNode root = JSON.readTree(file.toFile());
        int version = root.path("manifestVersion").asInt(-1);
        if (version != FORMAT_VERSION) {
            throw new IOException(file + " has manifest version " + version + "; this plugin reads version "
                    + FORMAT_VERSION + ". Re-run the render goal with this plugin version.");
        }
        List<RenderedStatement> statements = new ArrayList<>();
        for (JsonNode n : root.path("statements")) {
            List<String> deps = new ArrayList<>();
            n.path("dependsOn").forEach(d -> deps.add(d.asText()));
            List<TableColumn> cols = new ArrayList<>();
            n.path("columns").forEach(c -> cols.add(new TableColumn(c.path("name").asText(), c.path("type").asText())));
            statements.add(new RenderedStatement(n.path("number").asInt(), ObjectKind.valueOf(n.path("kind").asText()),
                    n.path("name").asText(), text(n, "entity"), n.path("template").asText(), n.path("userTemplate").asBoolean(),
                    n.path("sql").asText(), n.path("checksum").asText(), deps, cols));
        }
        List<EntityObjects> entities = new ArrayList<>();
        for (JsonNode n : root.path("entities")) {
            entities.add(JSON.treeToValue(n, EntityObjects.class));
        }
        List<String> post = new ArrayList<>();
        root.path("postDeploy").forEach(p -> post.add(p.asText()));
        JsonNode views = root.path("views");
        return new RenderedBundle(Provider.parse(root.path("provider").asText()), root.path("database").asText(),
                root.path("schema").asText(), text(root, "pipeline"), statements, post, null, null, entities,
                text(root, "stage"), text(root, "e2eStage"), text(root, "storageIntegration"),
                text(root, "notificationIntegration"), text(views, "pipeStatus"), text(views, "ingestionMetrics"),
                text(views, "errorLog"));
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}

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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * {@code manifest.json}: the contract between {@code render} and the goals after it. It lists each
 * statement (kind, qualified name, file, template, checksum, dependencies, table columns, SQL) and
 * each entity's objects. It holds no time stamps or absolute paths, so it is byte-for-byte
 * reproducible. Each statement carries its name twice: as text ({@code name}, what people read) and
 * as parts ({@code nameParts}, what goals read); entities name their objects by that text.
 */
public final class Manifest {
    public static final int FORMAT_VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    /** An entity's objects as the manifest names them, in the order it writes them. */
    private static final Map<String, Function<EntityObjects, QualifiedName>> ENTITY_OBJECTS = entityObjects();

    private Manifest() {
    }

    private static Map<String, Function<EntityObjects, QualifiedName>> entityObjects() {
        Map<String, Function<EntityObjects, QualifiedName>> m = new LinkedHashMap<>();
        m.put("landingTable", EntityObjects::landingTable);
        m.put("stream", EntityObjects::stream);
        m.put("pipe", EntityObjects::pipe);
        m.put("e2ePipe", EntityObjects::e2ePipe);
        m.put("task", EntityObjects::task);
        m.put("normalisedTable", EntityObjects::normalisedTable);
        m.put("rejectsTable", EntityObjects::rejectsTable);
        return m;
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
        views.put("freshness", b.freshnessView());
        ArrayNode entities = root.putArray("entities");
        for (EntityObjects e : b.entities()) {
            ObjectNode n = entities.addObject();
            n.put("name", e.name());
            n.put("folder", e.folder());
            ENTITY_OBJECTS.forEach((field, get) -> n.put(field, get.apply(e).sql()));
            e.keys().forEach(n.putArray("keys")::add);
            n.put("eventId", e.eventId());
            n.put("orderBy", e.orderBy());
        }
        ArrayNode statements = root.putArray("statements");
        for (RenderedStatement s : b.statements()) {
            ObjectNode n = statements.addObject();
            n.put("number", s.number());
            n.put("kind", s.kind().name());
            n.put("name", s.name());
            s.objectName().texts().forEach(n.putArray("nameParts")::add);
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

    /**
     * The manifest render wrote into {@code outputDirectory}; deploy, e2e and status all start from it.
     * {@code goal} names the goal that needs it, for the message when render has not run.
     */
    public static RenderedBundle readFrom(Path outputDirectory, String goal) throws IOException, ManifestException {
        Path file = outputDirectory.resolve(BundleWriter.MANIFEST);
        if (!Files.isRegularFile(file)) {
            throw new ManifestException("No rendered pipeline in " + outputDirectory + " (" + BundleWriter.MANIFEST + " is missing). "
                    + "Run autosync:render first, e.g. mvn verify, or mvn autosync:render autosync:" + goal + ".");
        }
        return read(file);
    }

    /** Reads a manifest written by {@link #toJson}. */
    public static RenderedBundle read(Path file) throws IOException, ManifestException {
        JsonNode root = JSON.readTree(file.toFile());
        int version = root.path("manifestVersion").asInt(-1);
        if (version != FORMAT_VERSION) {
            throw new ManifestException(file + " has manifest version " + version + "; this plugin reads version "
                    + FORMAT_VERSION + ". Re-run the render goal with this plugin version.");
        }
        Map<String, QualifiedName> names = new HashMap<>();
        List<RenderedStatement> statements = new ArrayList<>();
        for (JsonNode n : root.path("statements")) {
            List<String> deps = new ArrayList<>();
            n.path("dependsOn").forEach(d -> deps.add(d.asText()));
            List<TableColumn> cols = new ArrayList<>();
            n.path("columns").forEach(c -> cols.add(new TableColumn(c.path("name").asText(), c.path("type").asText())));
            QualifiedName name = nameParts(file, n);
            names.put(name.sql(), name);
            statements.add(new RenderedStatement(n.path("number").asInt(), ObjectKind.valueOf(n.path("kind").asText()),
                    name, text(n, "entity"), n.path("template").asText(), n.path("userTemplate").asBoolean(),
                    n.path("sql").asText(), n.path("checksum").asText(), deps, cols));
        }
        List<EntityObjects> entities = new ArrayList<>();
        for (JsonNode n : root.path("entities")) {
            Map<String, QualifiedName> objects = new HashMap<>();
            for (String field : ENTITY_OBJECTS.keySet()) {
                QualifiedName o = names.get(n.path(field).asText());
                if (o == null) {
                    throw new ManifestException(file + ": entity " + n.path("name").asText() + " names " + field + " '"
                            + n.path(field).asText() + "', which no statement creates. Re-run the render goal.");
                }
                objects.put(field, o);
            }
            List<String> keys = new ArrayList<>();
            n.path("keys").forEach(k -> keys.add(k.asText()));
            entities.add(new EntityObjects(n.path("name").asText(), n.path("folder").asText(), objects.get("landingTable"),
                    objects.get("stream"), objects.get("pipe"), objects.get("e2ePipe"), objects.get("task"),
                    objects.get("normalisedTable"), objects.get("rejectsTable"), keys, text(n, "eventId"), text(n, "orderBy")));
        }
        List<String> post = new ArrayList<>();
        root.path("postDeploy").forEach(p -> post.add(p.asText()));
        JsonNode views = root.path("views");
        return new RenderedBundle(Provider.parse(root.path("provider").asText()), root.path("database").asText(),
                root.path("schema").asText(), text(root, "pipeline"), statements, post, null, null, entities,
                text(root, "stage"), text(root, "e2eStage"), text(root, "storageIntegration"),
                text(root, "notificationIntegration"), text(views, "pipeStatus"), text(views, "ingestionMetrics"),
                text(views, "errorLog"), text(views, "freshness"));
    }

    private static QualifiedName nameParts(Path file, JsonNode statement) throws ManifestException {
        List<String> parts = new ArrayList<>();
        statement.path("nameParts").forEach(p -> parts.add(p.asText()));
        try {
            return QualifiedName.ofParts(parts);
        } catch (IllegalArgumentException e) {
            throw new ManifestException(file + ": statement " + statement.path("number").asInt() + " has no valid nameParts ("
                    + e.getMessage() + "); an older plugin version wrote it. Re-run the render goal with this plugin version.");
        }
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}

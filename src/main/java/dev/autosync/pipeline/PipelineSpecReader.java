package dev.autosync.pipeline;

import dev.autosync.config.PropertyNames;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autosync.sql.Identifiers;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a pipeline spec (JSON) and validates all of it, collecting every problem with its location
 * before failing, so a user fixes a spec in one pass.
 */
public final class PipelineSpecReader {
    /** The school contract from the design, shipped in the plugin. */
    public static final String DEFAULT_RESOURCE = "autosync/pipeline/school.json";

    /** Columns every landing table has besides the mapped fields. */
    public static final Set<String> RESERVED_COLUMNS = Set.of("RAW_PAYLOAD", "FILE_NAME", "FILE_ROW_NUMBER",
            "LOADED_AT", "REJECT_REASON", "REJECTED_AT");

    private static final Pattern PATH_SEGMENT = Pattern.compile("[^.\"\\\\\\[\\]\\x00-\\x1f\\x7f]{1,255}");
    private static final int MAX_TEXT = SpecProblems.MAX_TEXT;

    private final ObjectMapper mapper = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    public PipelineSpec readDefault() throws InvalidPipelineSpecException {
        try (InputStream in = PipelineSpecReader.class.getClassLoader().getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the plugin jar lacks " + DEFAULT_RESOURCE);
            }
            return read(new String(in.readAllBytes(), StandardCharsets.UTF_8), "(default school pipeline)");
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + DEFAULT_RESOURCE, e);
        }
    }

    public PipelineSpec read(Path file) throws InvalidPipelineSpecException, IOException {
        return read(file, file.toString());
    }

    /** Reads a spec file; {@code displayName} is how messages and the manifest name it. */
    public PipelineSpec read(Path file, String displayName) throws InvalidPipelineSpecException, IOException {
        if (!Files.isRegularFile(file)) {
            throw new InvalidPipelineSpecException(displayName,
                    List.of(new SpecProblem("", "the file does not exist; set -D" + PropertyNames.PIPELINE + " to a JSON "
                            + "pipeline spec or remove it to use the default school pipeline")));
        }
        return read(Files.readString(file, StandardCharsets.UTF_8), displayName);
    }

    public PipelineSpec read(String json, String source) throws InvalidPipelineSpecException {
        JsonNode root;
        try {
            root = mapper.readTree(json);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : "line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw new InvalidPipelineSpecException(source,
                    List.of(new SpecProblem(where, "not valid JSON: " + e.getOriginalMessage())));
        }
        SpecProblems problems = new SpecProblems();
        PipelineSpec spec = readRoot(root, problems, source);
        if (!problems.list.isEmpty()) {
            throw new InvalidPipelineSpecException(source, problems.list);
        }
        return spec;
    }

    private PipelineSpec readRoot(JsonNode root, SpecProblems p, String source) {
        if (root == null || !root.isObject()) {
            p.add("", "the spec must be a JSON object with an \"entities\" array");
            return null;
        }
        p.unknownKeys(root, "", Set.of("version", "description", "entities"));
        JsonNode version = root.get("version");
        if (version != null && !(version.isInt() && version.asInt() == 1)) {
            p.add("version", "must be 1 (the only spec format this plugin reads)");
        }
        JsonNode entities = root.get("entities");
        List<EntitySpec> result = new ArrayList<>();
        if (entities == null || !entities.isArray() || entities.isEmpty()) {
            p.add("entities", "must be a non-empty array of entities");
            return null;
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < entities.size(); i++) {
            EntitySpec e = readEntity(entities.get(i), "entities[" + i + "]", p);
            if (e != null) {
                boolean duplicate = !names.add(e.name());
                if (duplicate) {
                    p.add("entities[" + i + "].name", "entity " + e.name() + " is declared twice");
                }
                for (EntitySpec other : duplicate ? List.<EntitySpec>of() : result) {
                    if (e.folder() != null && other.folder() != null && StageFolder.overlap(e.folder(), other.folder())) {
                        p.add("entities[" + i + "].folder", "'" + e.folder() + "' overlaps the folder '" + other.folder()
                                + "' of " + other.name() + ": a pipe loads its folder and everything below it, so "
                                + "each entity needs a folder of its own, outside the others");
                    }
                }
                result.add(e);
            }
        }
        return new PipelineSpec(source, result);
    }

    private EntitySpec readEntity(JsonNode node, String at, SpecProblems p) {
        if (!node.isObject()) {
            p.add(at, "must be an object");
            return null;
        }
        p.unknownKeys(node, at, Set.of("name", "folder", "description", "fields", "keys", "eventId", "orderBy", "derived",
                "freshness"));
        String name = p.identifier(node, "name", at, true);
        if (name != null && new ObjectNames(name).longestLength() > Identifiers.MAX_LENGTH) {
            p.add(at + ".name", "is too long: the object names derived from it (such as "
                    + new ObjectNames(name).task() + ") exceed " + Identifiers.MAX_LENGTH + " characters");
        }
        String folder = p.text(node, "folder", at, false);
        if (folder == null && name != null) {
            folder = name.toLowerCase(Locale.ROOT);
        } else if (folder != null && StageFolder.problem(folder) != null) {
            p.add(at + ".folder", StageFolder.problem(folder));
        }
        String description = p.text(node, "description", at, false);

        List<FieldSpec> fields = new ArrayList<>();
        Map<String, FieldSpec> byColumn = new LinkedHashMap<>();
        Set<String> declared = new HashSet<>();
        JsonNode fieldsNode = node.get("fields");
        if (fieldsNode == null || !fieldsNode.isArray() || fieldsNode.isEmpty()) {
            p.add(at + ".fields", "must be a non-empty array of fields");
        } else {
            for (int i = 0; i < fieldsNode.size(); i++) {
                String fat = at + ".fields[" + i + "]";
                JsonNode col = fieldsNode.get(i).get("column");
                if (col != null && col.isTextual()) {
                    declared.add(col.asText().toUpperCase(Locale.ROOT));
                }
                FieldSpec f = readField(fieldsNode.get(i), fat, p);
                if (f != null) {
                    if (byColumn.containsKey(f.column())) {
                        p.add(fat + ".column", "column " + f.column() + " is declared twice");
                    } else {
                        byColumn.put(f.column(), f);
                        fields.add(f);
                    }
                }
            }
        }
        // A reference to a field that is declared but itself invalid is not reported again.
        java.util.function.Predicate<String> checkable = c -> byColumn.containsKey(c) || !declared.contains(c);

        List<String> keys = new ArrayList<>();
        JsonNode keysNode = node.get("keys");
        if (keysNode == null || !keysNode.isArray() || keysNode.isEmpty()) {
            p.add(at + ".keys", "must be a non-empty array of field columns that identify a normalised row");
        } else {
            for (int i = 0; i < keysNode.size(); i++) {
                JsonNode k = keysNode.get(i);
                String kat = at + ".keys[" + i + "]";
                if (!k.isTextual()) {
                    p.add(kat, "must be a column name (string)");
                    continue;
                }
                String key = k.asText().toUpperCase(Locale.ROOT);
                if (keys.contains(key)) {
                    p.add(kat, "key " + key + " is listed twice");
                }
                keys.add(key);
                if (checkable.test(key)) {
                    requireRequiredField(byColumn, key, kat, "a key", p);
                }
            }
        }
        String eventId = upperOrDefault(node, "eventId", "EVENT_ID", at, p);
        String orderBy = upperOrDefault(node, "orderBy", "EVENT_TIMESTAMP", at, p);
        if (checkable.test(eventId)) {
            requireRequiredField(byColumn, eventId, at + ".eventId", "the event id", p);
        }
        if (keys.contains(orderBy)) {
            p.add(at + ".orderBy", "the ordering field " + orderBy + " cannot also be a key: the newest event per key "
                    + "wins, so the ordering must vary within a key");
        } else if (checkable.test(orderBy)) {
            FieldSpec order = requireRequiredField(byColumn, orderBy, at + ".orderBy", "the ordering field", p);
            if (order != null && !(order.type().isTimestamp() || order.type().kind() == FieldType.Kind.DATE
                    || order.type().kind() == FieldType.Kind.NUMBER)) {
                p.add(at + ".orderBy", "field " + orderBy + " has type " + order.type()
                        + "; the ordering field must be a timestamp, a date or a number");
            }
        }

        List<DerivedColumn> derived = new ArrayList<>();
        JsonNode derivedNode = node.get("derived");
        if (derivedNode != null) {
            if (!derivedNode.isArray()) {
                p.add(at + ".derived", "must be an array");
            } else {
                for (int i = 0; i < derivedNode.size(); i++) {
                    String dat = at + ".derived[" + i + "]";
                    DerivedColumn d = DerivedColumnReader.read(derivedNode.get(i), dat, byColumn, checkable, p);
                    if (d != null) {
                        if (byColumn.containsKey(d.column()) || derived.stream().anyMatch(x -> x.column().equals(d.column()))) {
                            p.add(dat + ".column", "column " + d.column() + " is already declared");
                        }
                        derived.add(d);
                    }
                }
            }
        }
        if (name == null) {
            return null;
        }
        Freshness freshness = FreshnessReader.read(node.get("freshness"), at + ".freshness", p);
        return new EntitySpec(name, folder, description, fields, keys, eventId, orderBy, derived, freshness);
    }

    private String upperOrDefault(JsonNode node, String key, String dflt, String at, SpecProblems p) {
        String v = p.text(node, key, at, false);
        return v == null ? dflt : v.toUpperCase(Locale.ROOT);
    }

    private FieldSpec requireRequiredField(Map<String, FieldSpec> byColumn, String column, String at, String role, SpecProblems p) {
        FieldSpec f = byColumn.get(column);
        if (f == null) {
            p.add(at, role + " must be one of the entity's fields, but " + column + " is not; fields are "
                    + String.join(", ", byColumn.keySet()));
            return null;
        }
        if (!f.required()) {
            p.add(at, role + " " + column + " must be a required field (\"required\": true)");
        }
        return f;
    }

    private FieldSpec readField(JsonNode node, String at, SpecProblems p) {
        if (!node.isObject()) {
            p.add(at, "must be an object with column, path and type");
            return null;
        }
        p.unknownKeys(node, at, Set.of("column", "path", "type", "required", "default", "description"));
        String column = p.identifier(node, "column", at, true);
        if (column != null && (RESERVED_COLUMNS.contains(column) || column.startsWith("METADATA$"))) {
            p.add(at + ".column", column + " is a column autosync adds itself; choose another name");
        }
        String pathText = p.text(node, "path", at, true);
        List<String> path = new ArrayList<>();
        if (pathText != null) {
            for (String seg : pathText.split("\\.", -1)) {
                if (!PATH_SEGMENT.matcher(seg).matches()) {
                    p.add(at + ".path", "'" + pathText + "' is not a JSON path of dot-separated keys "
                            + "(keys cannot be empty or contain \", \\, [, ] or control characters)");
                    path = null;
                    break;
                }
                path.add(seg);
            }
        }
        FieldType type = null;
        String typeText = p.text(node, "type", at, true);
        if (typeText != null) {
            try {
                type = FieldType.parse(typeText);
            } catch (IllegalArgumentException e) {
                p.add(at + ".type", e.getMessage());
            }
        }
        boolean required = false;
        JsonNode req = node.get("required");
        if (req != null) {
            if (!req.isBoolean()) {
                p.add(at + ".required", "must be true or false");
            } else {
                required = req.booleanValue();
            }
        }
        String dflt = null;
        JsonNode d = node.get("default");
        if (d != null && !d.isNull()) {
            if (!(d.isTextual() || d.isNumber() || d.isBoolean())) {
                p.add(at + ".default", "must be a string, number or boolean");
            } else {
                dflt = d.asText();
                if (required) {
                    p.add(at + ".default", "a required field cannot have a default (a record without it is rejected)");
                }
                if (dflt.length() > MAX_TEXT) {
                    p.add(at + ".default", "is longer than " + MAX_TEXT + " characters");
                }
                if (type != null) {
                    String problem = defaultProblem(type, dflt);
                    if (problem != null) {
                        p.add(at + ".default", problem);
                    }
                }
            }
        }
        String description = p.text(node, "description", at, false);
        if (column == null || path == null || pathText == null || type == null) {
            return null;
        }
        return new FieldSpec(column, path, type, required, dflt, description);
    }

    private static String defaultProblem(FieldType type, String value) {
        switch (type.kind()) {
            case VARIANT:
                return "a VARIANT field cannot have a default";
            case NUMBER:
                try {
                    java.math.BigDecimal n = new java.math.BigDecimal(value);
                    if (n.setScale(type.scale(), java.math.RoundingMode.HALF_UP).precision() > type.precision()) {
                        return "'" + value + "' does not fit " + type.sql();
                    }
                } catch (NumberFormatException e) {
                    return "'" + value + "' is not a number";
                }
                return null;
            case BOOLEAN:
                return value.matches("(?i)true|false") ? null : "'" + value + "' is not true or false";
            case DATE:
                try {
                    java.time.LocalDate.parse(value);
                    return null;
                } catch (java.time.format.DateTimeParseException e) {
                    return "'" + value + "' is not a date in the form YYYY-MM-DD";
                }
            default:
                return null;
        }
    }

}

package dev.autosync.e2e;

import dev.autosync.config.PropertyNames;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autosync.pipeline.EntitySpec;
import dev.autosync.pipeline.PipelineSpec;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/**
 * Reads the files the e2e check sends: the shipped samples (one per entity plus a malformed one)
 * and the user's own. A file belongs to the entity whose name or folder its name starts with
 * ({@code grades_extra.json} to GRADES); a file named {@code malformed*} is expected to fail and
 * goes to the first entity's pipe. Any other file that is not valid JSON is an error: the user
 * meant it to load.
 */
public final class SampleFiles {
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    private static final List<String> SHIPPED = List.of("attendance_sample.json", "grades_sample.json", "students_sample.json",
            "malformed_sample.json");

    private SampleFiles() {
    }

    /** The shipped samples for the entities of the spec that have one. */
    public static List<EventFile> shipped(PipelineSpec spec) throws E2eException {
        List<EventFile> out = new ArrayList<>();
        for (String name : SHIPPED) {
            try (InputStream in = SampleFiles.class.getResourceAsStream("/autosync/samples/" + name)) {
                if (in == null) {
                    throw new E2eException("The plugin jar lacks autosync/samples/" + name);
                }
                EntitySpec e = entityFor(spec, name);
                if (e != null) {
                    out.add(parse(name, e, in.readAllBytes()));
                }
            } catch (IOException ex) {
                throw new E2eException("Cannot read the shipped sample " + name + ": " + ex.getMessage());
            }
        }
        return out;
    }

    /** A user's file; its entity comes from its name. */
    public static EventFile user(PipelineSpec spec, Path file) throws E2eException {
        String name = file.getFileName().toString();
        EntitySpec e = entityFor(spec, name);
        if (e == null) {
            throw new E2eException(PropertyNames.E2E_FILES + ": cannot tell which entity " + file + " is for. Start its name with an "
                    + "entity name or folder (" + String.join(", ", spec.entities().stream().map(x -> String.join(" or ",
                    new java.util.LinkedHashSet<>(namePrefixes(x)))).toList()) + "), e.g. "
                    + namePrefixes(spec.entities().get(0)).get(0) + "_" + name + ", or with malformed for a file that must fail.");
        }
        try {
            return parse(name, e, Files.readAllBytes(file));
        } catch (IOException ex) {
            throw new E2eException(PropertyNames.E2E_FILES + ": cannot read " + file + ": " + ex.getMessage());
        }
    }

    private static EntitySpec entityFor(PipelineSpec spec, String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        if (lower.startsWith("malformed")) {
            return spec.entities().get(0);
        }
        EntitySpec best = null;
        int bestLength = 0;
        for (EntitySpec e : spec.entities()) {
            for (String key : namePrefixes(e)) {
                if (lower.startsWith(key) && key.length() > bestLength) {
                    best = e;
                    bestLength = key.length();
                }
            }
        }
        return best;
    }

    /**
     * The file-name prefixes that mean an entity: its name, its folder with / as _
     * ({@code exports_attendance_2026_x.json}) and the folder's last segment; the longest match wins.
     */
    private static List<String> namePrefixes(EntitySpec e) {
        String folder = e.folder().toLowerCase(Locale.ROOT);
        return List.of(e.name().toLowerCase(Locale.ROOT), folder.replace('/', '_'), folder.substring(folder.lastIndexOf('/') + 1));
    }

    static EventFile parse(String name, EntitySpec e, byte[] content) throws E2eException {
        boolean malformed = name.toLowerCase(Locale.ROOT).startsWith("malformed");
        try {
            return new EventFile(name, e, records(content), content, malformed);
        } catch (IOException | RuntimeException ex) {
            if (malformed) {
                return new EventFile(name, e, List.of(), content, true);
            }
            throw new E2eException("The e2e file " + name + " is not valid JSON (" + firstLine(ex.getMessage()) + "). Fix it, or "
                    + "name it malformed_*.json if it is meant to be rejected.");
        }
    }

    /** The records of an NDJSON file or a JSON array, plain or gzip. */
    static List<ObjectNode> records(byte[] content) throws IOException {
        byte[] bytes = content;
        if (bytes.length > 2 && (bytes[0] & 0xff) == 0x1f && (bytes[1] & 0xff) == 0x8b) {
            try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
                bytes = in.readAllBytes();
            }
        }
        List<ObjectNode> out = new ArrayList<>();
        try (MappingIterator<JsonNode> it = JSON.readerFor(JsonNode.class).readValues(bytes)) {
            while (it.hasNext()) {
                JsonNode n = it.next();
                if (n.isArray()) {
                    for (JsonNode x : n) {
                        out.add(object(x));
                    }
                } else {
                    out.add(object(n));
                }
            }
        }
        return out;
    }

    private static ObjectNode object(JsonNode n) throws IOException {
        if (!n.isObject()) {
            throw new IOException("a record is " + n.getNodeType().name().toLowerCase(Locale.ROOT) + ", not a JSON object");
        }
        return (ObjectNode) n;
    }

    private static String firstLine(String s) {
        return s == null ? "" : s.lines().findFirst().orElse("");
    }
}

package dev.autosync.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autosync.pipeline.EntitySpec;
import dev.autosync.pipeline.FieldSpec;
import dev.autosync.pipeline.FieldType;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Makes sample events the run's own: every text key field and the event id get the run id as a
 * prefix ({@code S1001} becomes {@code E2E-20261127-0530-AB12-S1001}), so they can neither collide
 * with real students nor with another run, and the run's rows can be found and removed.
 */
public final class RunIdRewriter {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final String runId;

    public RunIdRewriter(String runId) {
        this.runId = runId;
    }

    public String prefix() {
        return runId + "-";
    }

    /** The fields rewritten for an entity: its text keys and its event id. */
    public static List<FieldSpec> rewritten(EntitySpec e) {
        List<FieldSpec> out = new ArrayList<>();
        for (FieldSpec f : e.fields()) {
            boolean key = e.keys().contains(f.column()) || f.column().equals(e.eventId());
            if (key && f.type().kind() == FieldType.Kind.VARCHAR) {
                out.add(f);
            }
        }
        return out;
    }

    public EventFile rewrite(EventFile f) {
        if (f.malformed()) {
            return f;
        }
        List<ObjectNode> records = new ArrayList<>();
        StringBuilder ndjson = new StringBuilder();
        for (ObjectNode r : f.records()) {
            ObjectNode copy = r.deepCopy();
            for (FieldSpec field : rewritten(f.entity())) {
                prefix(copy, field.path());
            }
            records.add(copy);
            ndjson.append(copy).append('\n');
        }
        return new EventFile(f.name(), f.entity(), records, ndjson.toString().getBytes(StandardCharsets.UTF_8), false);
    }

    private void prefix(ObjectNode record, List<String> path) {
        JsonNode parent = record;
        for (int i = 0; i < path.size() - 1; i++) {
            parent = parent.get(path.get(i));
            if (parent == null || !parent.isObject()) {
                return;
            }
        }
        String key = path.get(path.size() - 1);
        JsonNode v = parent.get(key);
        if (v != null && (v.isTextual() || v.isNumber())) {
            ((ObjectNode) parent).put(key, prefix() + v.asText());
        }
    }

    static String json(Object o) {
        try {
            return JSON.writeValueAsString(o);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

package dev.autosync.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import dev.autosync.sql.Identifiers;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Collects problems and reads typed values, recording a problem instead of failing. */
final class SpecProblems {
    static final int MAX_TEXT = 1000;

    final List<SpecProblem> list = new ArrayList<>();

    void add(String at, String message) {
        list.add(new SpecProblem(at, message));
    }

    void unknownKeys(JsonNode node, String at, Set<String> allowed) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!allowed.contains(k)) {
                add(at.isEmpty() ? k : at + "." + k, "unknown property; expected one of "
                        + String.join(", ", new java.util.TreeSet<>(allowed)));
            }
        }
    }

    String text(JsonNode node, String key, String at, boolean required) {
        JsonNode v = node.get(key);
        String where = at.isEmpty() ? key : at + "." + key;
        if (v == null || v.isNull()) {
            if (required) {
                add(where, "is required");
            }
            return null;
        }
        if (!v.isTextual()) {
            add(where, "must be a string, not " + v.getNodeType().name().toLowerCase(Locale.ROOT));
            return null;
        }
        if (v.asText().length() > MAX_TEXT) {
            add(where, "is longer than " + MAX_TEXT + " characters");
            return null;
        }
        return v.asText();
    }

    String identifier(JsonNode node, String key, String at, boolean required) {
        String v = text(node, key, at, required);
        if (v == null) {
            return null;
        }
        String problem = Identifiers.problem(v);
        if (problem != null) {
            add(at + "." + key, "'" + v + "' " + problem);
            return null;
        }
        return v.toUpperCase(Locale.ROOT);
    }
}

package dev.autosync.pipeline;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/** Reads the derived columns of an entity: a value mapping or a percentage of two numeric fields. */
final class DerivedColumnReader {
    private DerivedColumnReader() {
    }

    static DerivedColumn read(JsonNode node, String at, Map<String, FieldSpec> fields,
                                      Predicate<String> checkable, SpecProblems p) {
        if (!node.isObject()) {
            p.add(at, "must be an object");
            return null;
        }
        String kind = p.text(node, "kind", at, true);
        if (kind == null) {
            return null;
        }
        String column = p.identifier(node, "column", at, true);
        if (column != null && (PipelineSpecReader.RESERVED_COLUMNS.contains(column) || column.startsWith("METADATA$"))) {
            p.add(at + ".column", column + " is a column autosync adds itself; choose another name");
        }
        switch (kind) {
            case "mapping": {
                p.unknownKeys(node, at, Set.of("kind", "column", "source", "caseInsensitive", "values", "otherwise"));
                String source = p.text(node, "source", at, true);
                if (source != null) {
                    source = source.toUpperCase(Locale.ROOT);
                    FieldSpec f = fields.get(source);
                    if (f == null && checkable.test(source)) {
                        p.add(at + ".source", source + " is not a field of this entity");
                    } else if (f != null && f.type().kind() != FieldType.Kind.VARCHAR) {
                        p.add(at + ".source", source + " must be a VARCHAR field to be mapped");
                    }
                }
                boolean ci = true;
                JsonNode ciNode = node.get("caseInsensitive");
                if (ciNode != null) {
                    if (!ciNode.isBoolean()) {
                        p.add(at + ".caseInsensitive", "must be true or false");
                    } else {
                        ci = ciNode.booleanValue();
                    }
                }
                Map<String, String> values = new LinkedHashMap<>();
                JsonNode v = node.get("values");
                if (v == null || !v.isObject() || v.isEmpty()) {
                    p.add(at + ".values", "must be a non-empty object mapping source values to results");
                } else {
                    Set<String> seen = new HashSet<>();
                    for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
                        Map.Entry<String, JsonNode> e = it.next();
                        String from = ci ? e.getKey().toUpperCase(Locale.ROOT) : e.getKey();
                        if (!e.getValue().isTextual()) {
                            p.add(at + ".values." + e.getKey(), "must be a string");
                            continue;
                        }
                        if (!seen.add(from)) {
                            p.add(at + ".values." + e.getKey(), "maps the same source value twice"
                                    + (ci ? " (keys are compared case-insensitively)" : ""));
                        }
                        if (from.length() > SpecProblems.MAX_TEXT || e.getValue().asText().length() > SpecProblems.MAX_TEXT) {
                            p.add(at + ".values." + e.getKey(), "is longer than " + SpecProblems.MAX_TEXT + " characters");
                        }
                        values.put(from, e.getValue().asText());
                    }
                }
                String otherwise = p.text(node, "otherwise", at, false);
                if (column == null || source == null) {
                    return null;
                }
                return new MappedColumn(column, source, ci, values, otherwise);
            }
            case "percentage": {
                p.unknownKeys(node, at, Set.of("kind", "column", "numerator", "denominator", "type"));
                String num = numericField(node, "numerator", at, fields, checkable, p);
                String den = numericField(node, "denominator", at, fields, checkable, p);
                FieldType type = new FieldType(FieldType.Kind.NUMBER, 6, 2);
                String typeText = p.text(node, "type", at, false);
                if (typeText != null) {
                    try {
                        type = FieldType.parse(typeText);
                        if (type.kind() != FieldType.Kind.NUMBER) {
                            p.add(at + ".type", "a percentage must be a NUMBER(p,s)");
                        }
                    } catch (IllegalArgumentException e) {
                        p.add(at + ".type", e.getMessage());
                    }
                }
                if (column == null || num == null || den == null) {
                    return null;
                }
                return new PercentageColumn(column, num, den, type);
            }
            default:
                p.add(at + ".kind", "'" + kind + "' is not a derived column kind; use \"mapping\" or \"percentage\"");
                return null;
        }
    }

    private static String numericField(JsonNode node, String key, String at, Map<String, FieldSpec> fields,
                                Predicate<String> checkable, SpecProblems p) {
        String name = p.text(node, key, at, true);
        if (name == null) {
            return null;
        }
        name = name.toUpperCase(Locale.ROOT);
        FieldSpec f = fields.get(name);
        if (f == null && checkable.test(name)) {
            p.add(at + "." + key, name + " is not a field of this entity");
        } else if (f != null && f.type().kind() != FieldType.Kind.NUMBER) {
            p.add(at + "." + key, name + " must be a NUMBER field");
        }
        return name;
    }
}

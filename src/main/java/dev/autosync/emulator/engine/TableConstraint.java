package dev.autosync.emulator.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * A PRIMARY KEY, UNIQUE or FOREIGN KEY constraint as CREATE TABLE or ALTER TABLE declared it
 * ("Constraints", create-table page). Snowflake records these on standard tables and reports them
 * (SHOW PRIMARY / UNIQUE / IMPORTED / EXPORTED KEYS, DESCRIBE TABLE) but does not enforce them; only
 * NOT NULL is enforced, and a primary key's columns become NOT NULL. Kept in the table's properties
 * under {@link #PROPERTY}.
 */
record TableConstraint(Type type, String name, List<String> columns, ObjectRef refTable, List<String> refColumns,
                       String updateRule, String deleteRule, String comment) {
    static final String PROPERTY = "CONSTRAINTS";

    enum Type {
        PRIMARY_KEY, UNIQUE, FOREIGN_KEY;

        String sql() {
            return name().replace('_', ' ');
        }
    }

    TableConstraint {
        columns = List.copyOf(columns);
        refColumns = refColumns == null ? List.of() : List.copyOf(refColumns);
    }

    /** A name as Snowflake gives an unnamed constraint: SYS_CONSTRAINT_ and a UUID. */
    static String generatedName() {
        return "SYS_CONSTRAINT_" + UUID.randomUUID().toString().toLowerCase(Locale.ROOT);
    }

    /** The table's constraints, in declaration order. */
    static List<TableConstraint> of(CatalogObject table) {
        List<TableConstraint> out = new ArrayList<>();
        for (JsonNode n : table.props().path(PROPERTY)) {
            JsonNode ref = n.get("ref");
            out.add(new TableConstraint(Type.valueOf(n.path("type").asText()), n.path("name").asText(), texts(n.path("columns")),
                    ref == null ? null : new ObjectRef(ref.path("db").asText(), ref.path("schema").asText(), ref.path("name").asText()),
                    texts(n.path("refColumns")), n.path("updateRule").asText("NO ACTION"), n.path("deleteRule").asText("NO ACTION"),
                    n.hasNonNull("comment") ? n.get("comment").asText() : null));
        }
        return out;
    }

    /** Replaces the constraints kept in {@code props} (removes the property when there are none). */
    static void store(ObjectNode props, List<TableConstraint> constraints) {
        if (constraints.isEmpty()) {
            props.remove(PROPERTY);
            return;
        }
        ArrayNode all = props.putArray(PROPERTY);
        for (TableConstraint k : constraints) {
            ObjectNode n = all.addObject();
            n.put("type", k.type().name()).put("name", k.name());
            k.columns().forEach(n.putArray("columns")::add);
            if (k.refTable() != null) {
                n.putObject("ref").put("db", k.refTable().db()).put("schema", k.refTable().schema()).put("name", k.refTable().name());
                k.refColumns().forEach(n.putArray("refColumns")::add);
                n.put("updateRule", k.updateRule()).put("deleteRule", k.deleteRule());
            }
            if (k.comment() != null) {
                n.put("comment", k.comment());
            }
        }
    }

    /** The table's primary key, or null. */
    static TableConstraint primaryKey(List<TableConstraint> constraints) {
        return constraints.stream().filter(k -> k.type() == Type.PRIMARY_KEY).findFirst().orElse(null);
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(e -> out.add(e.asText()));
        return out;
    }
}

package dev.autosync.warehouse;

import dev.autosync.render.ObjectKind;
import dev.autosync.render.RenderedBundle;
import dev.autosync.render.TableColumn;
import dev.autosync.sql.SqlLiterals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What exists in the target before a deploy: the pipeline's database and schema, the objects in
 * that schema (with what the plan compares: pipe definitions, stage URLs, task states, stream
 * staleness) and the integrations. Read with SHOW and DESC only, so planning changes nothing.
 */
final class Inventory {
    private final Map<String, Map<String, String>> objects = new HashMap<>();
    private final Warehouse w;
    private boolean schemaExists;

    private Inventory(Warehouse w) {
        this.w = w;
    }

    static Inventory read(Warehouse w, RenderedBundle b) throws WarehouseException {
        Inventory inv = new Inventory(w);
        inv.load(b);
        return inv;
    }

    private void load(RenderedBundle b) throws WarehouseException {
        String db = b.database();
        String scope = db + "." + b.schema();
        if (w.query("SHOW DATABASES LIKE " + SqlLiterals.quote(db)).stream().noneMatch(r -> db.equals(r.get("NAME")))) {
            return;
        }
        put(ObjectKind.DATABASE, db, Map.of());
        schemaExists = w.query("SHOW SCHEMAS LIKE " + SqlLiterals.quote(b.schema()) + " IN DATABASE " + db).stream()
                .anyMatch(r -> b.schema().equals(r.get("NAME")));
        if (!schemaExists) {
            return;
        }
        put(ObjectKind.SCHEMA, scope, Map.of());
        String in = " IN SCHEMA " + scope;
        w.query("SHOW TABLES" + in).forEach(r -> put(ObjectKind.TABLE, scope + "." + r.get("NAME"), r));
        w.query("SHOW VIEWS" + in).forEach(r -> put(ObjectKind.VIEW, scope + "." + r.get("NAME"), r));
        w.query("SHOW FILE FORMATS" + in).forEach(r -> put(ObjectKind.FILE_FORMAT, scope + "." + r.get("NAME"), r));
        w.query("SHOW STAGES" + in).forEach(r -> put(ObjectKind.STAGE, scope + "." + r.get("NAME"), r));
        w.query("SHOW PIPES" + in).forEach(r -> put(ObjectKind.PIPE, scope + "." + r.get("NAME"), r));
        w.query("SHOW STREAMS" + in).forEach(r -> put(ObjectKind.STREAM, scope + "." + r.get("NAME"), r));
        w.query("SHOW TASKS" + in).forEach(r -> put(ObjectKind.TASK, scope + "." + r.get("NAME"), r));
    }

    /** Integrations are account objects: looked up one by one, only when the bundle has them. */
    void loadIntegration(ObjectKind kind, String name) throws WarehouseException {
        for (Map<String, String> r : w.query("SHOW INTEGRATIONS LIKE " + SqlLiterals.quote(name))) {
            if (name.equals(r.get("NAME"))) {
                put(kind, name, r);
            }
        }
    }

    private void put(ObjectKind kind, String name, Map<String, String> row) {
        objects.put(kind + " " + name, row);
    }

    boolean schemaExists() {
        return schemaExists;
    }

    boolean exists(ObjectKind kind, String name) {
        return objects.containsKey(kind + " " + name);
    }

    /** A SHOW column of an existing object (lower-case column names as Snowflake prints them, upper-cased here). */
    String property(ObjectKind kind, String name, String column) {
        Map<String, String> r = objects.get(kind + " " + name);
        return r == null ? null : r.get(column.toUpperCase(Locale.ROOT));
    }

    /** An existing table's columns, from DESC TABLE, types normalised as the manifest writes them. */
    List<TableColumn> columns(String table) throws WarehouseException {
        List<TableColumn> out = new ArrayList<>();
        for (Map<String, String> r : w.query("DESC TABLE " + table)) {
            out.add(new TableColumn(r.get("NAME"), normaliseType(r.get("TYPE"))));
        }
        return out;
    }

    /** VARCHAR(16777216) is VARCHAR, TIMESTAMP_TZ(9) is TIMESTAMP_TZ, NUMBER is NUMBER(38,0), synonyms folded. */
    static String normaliseType(String type) {
        String t = type.toUpperCase(Locale.ROOT).replace(" ", "");
        if (t.startsWith("VARCHAR") || t.startsWith("STRING") || t.startsWith("TEXT") || t.startsWith("CHAR")) {
            return "VARCHAR";
        }
        if (t.matches("TIMESTAMP_(TZ|LTZ|NTZ)(\\(\\d+\\))?")) {
            return t.replaceAll("\\(\\d+\\)", "");
        }
        if (t.matches("(NUMBER|DECIMAL|NUMERIC)")) {
            return "NUMBER(38,0)";
        }
        if (t.matches("(NUMBER|DECIMAL|NUMERIC)\\(\\d+\\)")) {
            return "NUMBER(" + t.replaceAll("\\D", "") + ",0)";
        }
        if (t.matches("(DECIMAL|NUMERIC)\\(\\d+,\\d+\\)")) {
            return t.replaceFirst("DECIMAL|NUMERIC", "NUMBER");
        }
        if (t.matches("INT|INTEGER|BIGINT|SMALLINT")) {
            return "NUMBER(38,0)";
        }
        return t;
    }
}

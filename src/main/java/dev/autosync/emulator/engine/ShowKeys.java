package dev.autosync.emulator.engine;

import dev.autosync.emulator.base.SnowflakeError;
import dev.autosync.emulator.sql.Cursor;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static dev.autosync.emulator.engine.ObjectRows.created;

/**
 * SHOW PRIMARY KEYS, SHOW UNIQUE KEYS, SHOW IMPORTED KEYS and SHOW EXPORTED KEYS over the constraints
 * tables keep ("SHOW PRIMARY KEYS": one row per key column, scopes IN ACCOUNT / DATABASE / SCHEMA /
 * TABLE). JDBC's getPrimaryKeys, getImportedKeys, getExportedKeys and getCrossReference read these
 * by position, so the columns come in the order the driver reads them.
 */
final class ShowKeys {
    private static final SfType LTZ = SfType.TIMESTAMP_LTZ;

    private final Catalog catalog;

    ShowKeys(Catalog catalog) {
        this.catalog = catalog;
    }

    /** Where the SHOW looks: the tables of an account, database, schema, or one table (null parts: any). */
    private record Scope(String db, String schema, String table) {
        boolean contains(ObjectRef r) {
            return (db == null || db.equals(r.db())) && (schema == null || schema.equals(r.schema()))
                    && (table == null || table.equals(r.name()));
        }
    }

    /** {@code kind} is PRIMARY, UNIQUE, IMPORTED or EXPORTED; the cursor stands after it. */
    Result run(StatementContext st, String kind) {
        Cursor c = st.cursor();
        c.expect("KEYS");
        Scope scope = scope(st);
        if (!c.atEnd()) {
            throw c.unexpected();
        }
        return switch (kind) {
            case "PRIMARY" -> keys(scope, TableConstraint.Type.PRIMARY_KEY);
            case "UNIQUE" -> keys(scope, TableConstraint.Type.UNIQUE);
            case "IMPORTED" -> foreignKeys(scope, true);
            default -> foreignKeys(scope, false);
        };
    }

    /** The scope as the "SHOW PRIMARY KEYS" page gives it; without IN, the current database (else the account). */
    private Scope scope(StatementContext st) {
        Cursor c = st.cursor();
        Session s = st.session();
        if (!c.accept("IN")) {
            return new Scope(s.database(), null, null);
        }
        if (c.accept("ACCOUNT")) {
            return new Scope(null, null, null);
        }
        if (c.accept("DATABASE")) {
            String db = c.atEnd() ? s.database() : c.next().identifierName();
            if (db != null && !catalog.databaseExists(db)) {
                throw SnowflakeError.doesNotExist("Database", dev.autosync.emulator.base.Names.display(db));
            }
            return new Scope(db, null, null);
        }
        if (c.accept("SCHEMA")) {
            if (c.atEnd()) {
                return s.database() == null ? new Scope(null, null, null) : new Scope(s.database(), s.schema(), null);
            }
            List<String> parts = st.translator().nameParts();
            String db = parts.size() == 2 ? parts.get(0) : s.database();
            if (db == null) {
                throw SnowflakeError.compilation("Object does not exist, or operation cannot be performed.");
            }
            String schema = parts.get(parts.size() - 1);
            if (!catalog.schemaExists(db, schema)) {
                throw SnowflakeError.doesNotExist("Schema", dev.autosync.emulator.base.Names.display(schema));
            }
            return new Scope(db, schema, null);
        }
        boolean tableWord = c.accept("TABLE");
        if (tableWord && c.atEnd()) {
            return new Scope(s.database(), s.database() == null ? null : s.schema(), null);
        }
        ObjectRef ref = st.name("SHOW KEYS");
        if (catalog.findRelation(ref).filter(o -> o.kind() == CatalogKind.TABLE).isEmpty()) {
            throw SnowflakeError.doesNotExist("Table", ref.display());
        }
        return new Scope(ref.db(), ref.schema(), ref.name());
    }

    private List<CatalogObject> tables(Scope scope) {
        List<CatalogObject> out = new ArrayList<>();
        for (CatalogObject o : catalog.list(CatalogKind.TABLE)) {
            if (scope.contains(o.ref())) {
                out.add(o);
            }
        }
        out.sort(Comparator.comparing((CatalogObject o) -> o.ref().db()).thenComparing(o -> o.ref().schema())
                .thenComparing(CatalogObject::name));
        return out;
    }

    /**
     * One row per key column. The page lists created_on, database_name, schema_name, table_name,
     * column_name, key_sequence, comment, constraint_name; the driver reads constraint_name as the 7th
     * column (getPrimaryKeys' PK_NAME), so it comes before comment here (UNVERIFIED against a live server).
     */
    private Result keys(Scope scope, TableConstraint.Type type) {
        List<Object[]> rows = new ArrayList<>();
        for (CatalogObject t : tables(scope)) {
            for (TableConstraint k : TableConstraint.of(t)) {
                if (k.type() != type) {
                    continue;
                }
                for (int i = 0; i < k.columns().size(); i++) {
                    rows.add(new Object[] {created(t), t.ref().db(), t.ref().schema(), t.name(), k.columns().get(i), i + 1L,
                            k.name(), k.comment()});
                }
            }
        }
        return new Result(StatementKind.SHOW, List.of(new ResultColumn("created_on", LTZ), ResultColumn.text("database_name"),
                ResultColumn.text("schema_name"), ResultColumn.text("table_name"), ResultColumn.text("column_name"),
                ResultColumn.number("key_sequence"), ResultColumn.text("constraint_name"), ResultColumn.text("comment")), rows);
    }

    /**
     * SHOW IMPORTED KEYS: the foreign keys of the tables in scope; SHOW EXPORTED KEYS: the foreign keys
     * that reference them. A foreign key whose referenced table is gone is left out (DROP TABLE's
     * default CASCADE drops the foreign keys that reference it). The show-imported-keys page is not
     * in the docs corpus here: the columns follow the positions snowflake-jdbc reads (UNVERIFIED).
     */
    private Result foreignKeys(Scope scope, boolean imported) {
        List<Object[]> rows = new ArrayList<>();
        for (CatalogObject t : tables(new Scope(null, null, null))) {
            for (TableConstraint k : TableConstraint.of(t)) {
                if (k.type() != TableConstraint.Type.FOREIGN_KEY || !scope.contains(imported ? t.ref() : k.refTable())) {
                    continue;
                }
                CatalogObject parent = catalog.findRelation(k.refTable()).filter(o -> o.kind() == CatalogKind.TABLE).orElse(null);
                if (parent == null) {
                    continue;
                }
                String pkName = TableConstraint.of(parent).stream()
                        .filter(p -> p.type() != TableConstraint.Type.FOREIGN_KEY && p.columns().equals(k.refColumns()))
                        .map(TableConstraint::name).findFirst().orElse(null);
                for (int i = 0; i < k.columns().size(); i++) {
                    rows.add(new Object[] {created(t), parent.ref().db(), parent.ref().schema(), parent.name(), k.refColumns().get(i),
                            t.ref().db(), t.ref().schema(), t.name(), k.columns().get(i), i + 1L, k.updateRule(), k.deleteRule(),
                            k.name(), pkName, "NOT DEFERRABLE", "false", k.comment()});
                }
            }
        }
        return new Result(StatementKind.SHOW, List.of(new ResultColumn("created_on", LTZ), ResultColumn.text("pk_database_name"),
                ResultColumn.text("pk_schema_name"), ResultColumn.text("pk_table_name"), ResultColumn.text("pk_column_name"),
                ResultColumn.text("fk_database_name"), ResultColumn.text("fk_schema_name"), ResultColumn.text("fk_table_name"),
                ResultColumn.text("fk_column_name"), ResultColumn.number("key_sequence"), ResultColumn.text("update_rule"),
                ResultColumn.text("delete_rule"), ResultColumn.text("fk_name"), ResultColumn.text("pk_name"),
                ResultColumn.text("deferrability"), ResultColumn.text("rely"), ResultColumn.text("comment")), rows);
    }
}

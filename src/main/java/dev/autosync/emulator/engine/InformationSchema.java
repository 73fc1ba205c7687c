package dev.autosync.emulator.engine;

import dev.autosync.emulator.base.SnowflakeError;
import dev.autosync.emulator.sql.Translator;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The INFORMATION_SCHEMA views that tools and the driver's DatabaseMetaData read ("Snowflake
 * Information Schema": DATABASES, SCHEMATA, TABLES, COLUMNS, VIEWS), made from the catalog as a
 * relation. A database's INFORMATION_SCHEMA shows that database's objects (DATABASES: all
 * databases). Other views are refused by name.
 */
final class InformationSchema {
    private final Catalog catalog;

    InformationSchema(Catalog catalog) {
        this.catalog = catalog;
    }

    /** The SQL relation for view {@code view} of database {@code db}'s INFORMATION_SCHEMA. */
    String relation(String db, String view) {
        if (!catalog.databaseExists(db)) {
            throw SnowflakeError.doesNotExist("Database", db);
        }
        return switch (view) {
            case "DATABASES" -> databases();
            case "SCHEMATA" -> schemata(db);
            case "TABLES" -> tables(db);
            case "VIEWS" -> views(db);
            case "COLUMNS" -> columns(db);
            default -> throw SnowflakeError.unsupported("INFORMATION_SCHEMA." + view);
        };
    }

    private String databases() {
        List<List<String>> rows = new ArrayList<>();
        for (CatalogObject o : catalog.list(CatalogKind.DATABASE)) {
            rows.add(List.of(text(o.name()), text("SYSADMIN"), text("NO"), text(o.comment()), created(o), created(o), "1",
                    text("STANDARD")));
        }
        return select(List.of("DATABASE_NAME", "DATABASE_OWNER", "IS_TRANSIENT", "COMMENT", "CREATED", "LAST_ALTERED",
                "RETENTION_TIME", "TYPE"), List.of("VARCHAR", "VARCHAR", "VARCHAR", "VARCHAR", "TIMESTAMPTZ", "TIMESTAMPTZ",
                "BIGINT", "VARCHAR"), rows);
    }

    private String schemata(String db) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of(text(db), text("INFORMATION_SCHEMA"), text(""), text("NO"), text("NO"), "1",
                text("Views describing the contents of schemas in this database"), "NULL", "NULL"));
        for (CatalogObject o : catalog.list(CatalogKind.SCHEMA)) {
            if (o.ref().db().equals(db)) {
                rows.add(List.of(text(db), text(o.name()), text("SYSADMIN"), text("NO"), text("NO"), "1", text(o.comment()),
                        created(o), created(o)));
            }
        }
        return select(List.of("CATALOG_NAME", "SCHEMA_NAME", "SCHEMA_OWNER", "IS_TRANSIENT", "IS_MANAGED_ACCESS",
                "RETENTION_TIME", "COMMENT", "CREATED", "LAST_ALTERED"), List.of("VARCHAR", "VARCHAR", "VARCHAR", "VARCHAR",
                "VARCHAR", "BIGINT", "VARCHAR", "TIMESTAMPTZ", "TIMESTAMPTZ"), rows);
    }

    private String tables(String db) {
        List<List<String>> rows = new ArrayList<>();
        for (CatalogKind kind : List.of(CatalogKind.TABLE, CatalogKind.VIEW)) {
            for (CatalogObject o : catalog.list(kind)) {
                if (o.ref().db().equals(db)) {
                    String type = kind == CatalogKind.VIEW ? "VIEW" : o.flag("TEMPORARY") ? "LOCAL TEMPORARY" : "BASE TABLE";
                    rows.add(List.of(text(db), text(o.ref().schema()), text(o.name()), text("SYSADMIN"), text(type),
                            text("NO"), text(o.comment()), created(o), created(o)));
                }
            }
        }
        return select(List.of("TABLE_CATALOG", "TABLE_SCHEMA", "TABLE_NAME", "TABLE_OWNER", "TABLE_TYPE", "IS_TRANSIENT",
                "COMMENT", "CREATED", "LAST_ALTERED"), List.of("VARCHAR", "VARCHAR", "VARCHAR", "VARCHAR", "VARCHAR", "VARCHAR",
                "VARCHAR", "TIMESTAMPTZ", "TIMESTAMPTZ"), rows);
    }

    private String views(String db) {
        List<List<String>> rows = new ArrayList<>();
        for (CatalogObject o : catalog.list(CatalogKind.VIEW)) {
            if (o.ref().db().equals(db)) {
                rows.add(List.of(text(db), text(o.ref().schema()), text(o.name()), text("SYSADMIN"), text(o.comment()),
                        created(o), created(o)));
            }
        }
        return select(List.of("TABLE_CATALOG", "TABLE_SCHEMA", "TABLE_NAME", "TABLE_OWNER", "COMMENT", "CREATED",
                "LAST_ALTERED"), List.of("VARCHAR", "VARCHAR", "VARCHAR", "VARCHAR", "VARCHAR", "TIMESTAMPTZ", "TIMESTAMPTZ"), rows);
    }

    private String columns(String db) {
        List<List<String>> rows = new ArrayList<>();
        for (CatalogKind kind : List.of(CatalogKind.TABLE, CatalogKind.VIEW)) {
            for (CatalogObject o : catalog.list(kind)) {
                if (!o.ref().db().equals(db)) {
                    continue;
                }
                int position = 1;
                for (ColumnDef c : o.columns()) {
                    String[] t = dataType(c.sfType());
                    rows.add(List.of(text(db), text(o.ref().schema()), text(o.name()), text(c.name()), String.valueOf(position++),
                            text(c.defaultExpr()), text(c.nullable() ? "YES" : "NO"), text(t[0]), t[1], t[2], t[3],
                            text(c.comment())));
                }
            }
        }
        return select(List.of("TABLE_CATALOG", "TABLE_SCHEMA", "TABLE_NAME", "COLUMN_NAME", "ORDINAL_POSITION",
                "COLUMN_DEFAULT", "IS_NULLABLE", "DATA_TYPE", "CHARACTER_MAXIMUM_LENGTH", "NUMERIC_PRECISION", "NUMERIC_SCALE",
                "COMMENT"), List.of("VARCHAR", "VARCHAR", "VARCHAR", "VARCHAR", "BIGINT", "VARCHAR", "VARCHAR", "VARCHAR",
                "BIGINT", "BIGINT", "BIGINT", "VARCHAR"), rows);
    }

    /** DATA_TYPE as Snowflake names it, with the length, precision and scale (SQL text, NULL when none). */
    static String[] dataType(String sfType) {
        String u = sfType.toUpperCase(Locale.ROOT).strip();
        String base = u.replaceFirst("\\s*\\(.*", "");
        String args = u.contains("(") ? u.substring(u.indexOf('(') + 1, u.lastIndexOf(')')) : "";
        String[] a = args.isEmpty() ? new String[0] : args.split("\\s*,\\s*");
        switch (base) {
            case "VARCHAR", "STRING", "TEXT", "CHAR", "CHARACTER", "NVARCHAR", "NCHAR" -> {
                String len = a.length > 0 ? a[0] : base.startsWith("CHAR") || base.equals("NCHAR") ? "1" : "16777216";
                return new String[] {"TEXT", len, "NULL", "NULL"};
            }
            case "NUMBER", "DECIMAL", "NUMERIC", "INT", "INTEGER", "BIGINT", "SMALLINT", "TINYINT", "BYTEINT" -> {
                String p = a.length > 0 ? a[0] : "38";
                String s = a.length > 1 ? a[1] : "0";
                return new String[] {"NUMBER", "NULL", p, s};
            }
            case "FLOAT", "FLOAT4", "FLOAT8", "DOUBLE", "REAL", "DOUBLE PRECISION" -> {
                return new String[] {"FLOAT", "NULL", "NULL", "NULL"};
            }
            case "DATETIME", "TIMESTAMP" -> {
                return new String[] {"TIMESTAMP_NTZ", "NULL", "NULL", "NULL"};
            }
            case "BINARY", "VARBINARY" -> {
                return new String[] {"BINARY", a.length > 0 ? a[0] : "8388608", "NULL", "NULL"};
            }
            default -> {
                return new String[] {base, "NULL", "NULL", "NULL"};
            }
        }
    }

    private static String text(String v) {
        return v == null ? "NULL" : Translator.literal(v);
    }

    private static String created(CatalogObject o) {
        return "TIMESTAMPTZ " + Translator.literal(ObjectRows.created(o).toString());
    }

    /** A relation with these columns and rows; typed, so an empty one still has its columns. */
    private static String select(List<String> names, List<String> types, List<List<String>> rows) {
        StringBuilder sb = new StringBuilder("(SELECT * FROM (SELECT ");
        for (int i = 0; i < names.size(); i++) {
            sb.append(i > 0 ? ", " : "").append("CAST(NULL AS ").append(types.get(i)).append(") AS \"").append(names.get(i)).append('"');
        }
        sb.append(" WHERE FALSE");
        for (List<String> r : rows) {
            sb.append(" UNION ALL SELECT ");
            for (int i = 0; i < r.size(); i++) {
                sb.append(i > 0 ? ", " : "").append("CAST(").append(r.get(i)).append(" AS ").append(types.get(i)).append(')');
            }
        }
        return sb.append("))").toString();
    }
}

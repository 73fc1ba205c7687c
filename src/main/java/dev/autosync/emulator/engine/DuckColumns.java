package dev.autosync.emulator.engine;

import dev.autosync.emulator.base.Names;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Snowflake column definitions read back from a DuckDB relation (after CREATE TABLE AS, a view, a COPY probe). */
final class DuckColumns {
    private DuckColumns() {
    }

    /**
     * The relation's columns; a TIMESTAMP WITH TIME ZONE column with an offset companion ({@link TzColumns}) is a
     * TIMESTAMP_TZ, and the companion is not a column of its own.
     */
    static List<ColumnDef> describe(Session session, String duckRelation) throws SQLException {
        List<ColumnDef> out = new ArrayList<>();
        java.util.Set<String> companions = new java.util.HashSet<>();
        try (Statement s = session.conn().createStatement();
             ResultSet rs = s.executeQuery("DESCRIBE " + duckRelation)) {
            while (rs.next()) {
                String name = Names.decode(rs.getString("column_name"));
                if (TzColumns.isCompanion(name)) {
                    companions.add(name.substring(TzColumns.PREFIX.length()));
                    continue;
                }
                out.add(new ColumnDef(name, snowflakeType(rs.getString("column_type")),
                        !"NO".equals(rs.getString("null")), null, null));
            }
        }
        for (int i = 0; i < out.size(); i++) {
            ColumnDef c = out.get(i);
            if (companions.contains(c.name()) && c.sfType().startsWith("TIMESTAMP_LTZ")) {
                out.set(i, new ColumnDef(c.name(), "TIMESTAMP_TZ(9)", c.nullable(), c.defaultExpr(), c.comment()));
            }
        }
        return out;
    }

    static String snowflakeType(String duckType) {
        String t = duckType.toUpperCase(Locale.ROOT);
        if (t.startsWith("DECIMAL")) {
            return "NUMBER" + t.substring("DECIMAL".length()).replace(" ", "");
        }
        return switch (t) {
            case "TINYINT", "SMALLINT", "INTEGER", "BIGINT", "HUGEINT", "UBIGINT", "UINTEGER" -> "NUMBER(38,0)";
            case "DOUBLE", "FLOAT" -> "FLOAT";
            case "BOOLEAN" -> "BOOLEAN";
            case "DATE" -> "DATE";
            case "TIME", "TIME_NS" -> "TIME(9)";
            case "TIMESTAMP", "TIMESTAMP_NS" -> "TIMESTAMP_NTZ(9)";
            case "TIMESTAMP WITH TIME ZONE" -> "TIMESTAMP_LTZ(9)";
            case "JSON" -> "VARIANT";
            case "BLOB" -> "BINARY(8388608)";
            default -> "VARCHAR(16777216)";
        };
    }
}

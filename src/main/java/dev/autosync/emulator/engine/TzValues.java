package dev.autosync.emulator.engine;

import dev.autosync.emulator.base.Names;
import dev.autosync.emulator.sql.Translator;

import java.sql.PreparedStatement;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The SQL that writes a value to a TIMESTAMP_TZ column and its offset to the column's companion ({@link TzColumns}).
 * A value DuckDB already types TIMESTAMPTZ (a TIMESTAMP_TZ column read from a table, stream or view, or an expression
 * over one) is written as it is, with the offset its source carries, else the session zone's offset at that instant:
 * a TIMESTAMP_TZ keeps its own offset (data-types-datetime page, "TIMESTAMP_TZ"). Any other value (text, numbers,
 * VARIANT, a bind) takes the generic run-time conversion ({@link Translator#tzValue}: typeof tests, text read as
 * Snowflake reads it), which was most of the CPU of the benchmark task's 1M-row MERGE.
 */
final class TzValues {
    /** Set to "false" (tests), every value takes the generic conversion, to compare the two. */
    static final String PROPERTY = "autosync.emulator.tzKnownTypes";

    private TzValues() {
    }

    /**
     * For each of {@code values} (DuckDB SQL over the relation {@code from}), whether DuckDB types it TIMESTAMPTZ, found
     * by preparing a SELECT of them without running it; all false when they do not bind over {@code from} alone (e.g.
     * a reference to a MERGE's target), or when the {@link #PROPERTY} is "false".
     */
    static boolean[] timestampTz(Session s, String from, List<String> values) {
        boolean[] out = new boolean[values.size()];
        if (values.isEmpty() || !enabled()) {
            return out;
        }
        List<String> items = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            items.add(values.get(i) + " AS " + Names.quote("$" + i));
        }
        List<String[]> columns = columns(s, "SELECT " + String.join(", ", items) + " FROM " + from);
        for (int i = 0; columns != null && i < out.length && i < columns.size(); i++) {
            out[i] = isTimestampTz(columns.get(i)[1]);
        }
        return out;
    }

    /** Whether values DuckDB types TIMESTAMPTZ skip the generic conversion (unless {@link #PROPERTY} says "false"). */
    static boolean enabled() {
        return !"false".equals(System.getProperty(PROPERTY));
    }

    /** Whether a DuckDB type name (as JDBC's metadata spells it) is TIMESTAMPTZ. */
    static boolean isTimestampTz(String duckType) {
        String t = duckType.toUpperCase(Locale.ROOT);
        return t.equals("TIMESTAMP WITH TIME ZONE") || t.equals("TIMESTAMPTZ");
    }

    /**
     * A query's columns, {decoded name, DuckDB type}, from DuckDB's prepared statement (bound, not run), or null when it
     * does not bind alone or a bind parameter leaves a column's type unknown. Preparing, unlike a DESCRIBE, accepts
     * bind parameters without values, and a failure leaves the transaction usable.
     */
    static List<String[]> columns(Session s, String query) {
        try (PreparedStatement ps = s.conn().prepareStatement(query)) {
            ResultSetMetaData md = ps.getMetaData();
            List<String[]> out = new ArrayList<>();
            for (int i = 1; i <= md.getColumnCount(); i++) {
                if (md.getColumnTypeName(i).equalsIgnoreCase("UNKNOWN")) {
                    return null;
                }
                out.add(new String[] {Names.decode(md.getColumnLabel(i)), md.getColumnTypeName(i)});
            }
            return out;
        } catch (SQLException | RuntimeException e) {
            return null;
        }
    }

    /**
     * SQL for the offset of value {@code sql} that carries none: the session zone's offset at that instant, by arithmetic
     * when DuckDB types it TIMESTAMPTZ ({@code timestampTz}), else read from its text as Snowflake reads it.
     */
    static String offsetOf(String sql, boolean timestampTz, String zone) {
        return timestampTz ? Translator.tzOffsetOfInstant(sql) : Translator.tzOffsetOfValue(sql, zone);
    }

    /**
     * {the column's value, its companion's value} for {@code e} as {@link Translator#expressionWithOffset} gives it
     * (sql, carried offset or null, "bound" or null, the generic cast, the bind's index or null); {@code timestampTz}
     * when DuckDB types its SQL TIMESTAMPTZ.
     */
    static String[] columnAndOffset(String[] e, boolean timestampTz, List<Object> binds, String zone) {
        boolean known = timestampTz && e[2] == null;
        String fromValue = e[2] != null ? Dml.boundOffset(e, binds) : offsetOf(e[0], known, zone);
        return new String[] {known ? e[0] : e[3], e[1] == null ? fromValue : "coalesce(" + e[1] + ", " + fromValue + ")"};
    }
}

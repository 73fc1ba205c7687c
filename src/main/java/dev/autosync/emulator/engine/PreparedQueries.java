package dev.autosync.emulator.engine;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A session's DuckDB prepared statements of its recent queries that read no stored data, by their DuckDB
 * text, kept after a result read whole so the same query runs again without DuckDB preparing it anew
 * (preparing is most of what a small query costs DuckDB: 130-180 us for SELECT 1, executing a prepared one
 * 30-60 us). DuckDB binds a kept statement again itself when the catalog changed (another session's DDL);
 * what it does not notice is a change of the data a plan read ({@link #keepable}) or of its settings or
 * variables (TimeZone, SET VARIABLE), which its plan may have folded in, so the statements are dropped
 * whenever the session runs anything but a query (ALTER SESSION, USE, DDL, DML, transactions) or sets DuckDB
 * state directly. Each statement is taken out while it runs, so a nested run of the same text prepares its own.
 */
final class PreparedQueries {
    static final int KEPT = 16;
    /** What a query reading stored data has in its DuckDB text ({@link #keepable}). */
    private static final Pattern READS_STORED_DATA = Pattern.compile(
            "(?i)\\b(from|table|pivot|unpivot|summarize|describe|show|getvariable)\\b|\"\\s*\\(");

    /** On unless the JVM sets {@value #PROPERTY}=false (read when a session starts). */
    static final String PROPERTY = "autosync.emulator.keptStatements";

    private final boolean enabled = !"false".equals(System.getProperty(PROPERTY));
    private final Map<String, PreparedStatement> kept = new LinkedHashMap<>(32, 0.75f, true);

    /** The kept statement for {@code duckSql}, now the caller's; null when none is kept. */
    synchronized PreparedStatement take(String duckSql) {
        return kept.remove(duckSql);
    }

    /** Keeps {@code ps} (its result closed) for {@code duckSql}, or closes it when such a query is not kept. */
    void keep(String duckSql, PreparedStatement ps) {
        List<PreparedStatement> closing = new ArrayList<>();
        if (!enabled || !keepable(duckSql)) {
            closing.add(ps);
        } else {
            synchronized (this) {
                PreparedStatement before = kept.put(duckSql, ps);
                if (before != null) {
                    closing.add(before);
                }
                for (Iterator<PreparedStatement> it = kept.values().iterator(); kept.size() > KEPT && it.hasNext(); ) {
                    closing.add(it.next());
                    it.remove();
                }
            }
        }
        closing.forEach(PreparedQueries::closeQuietly);
    }

    /** Drops every kept statement (the session changed DuckDB state a plan may depend on, or closes). */
    void clear() {
        List<PreparedStatement> closing;
        synchronized (this) {
            if (kept.isEmpty()) {
                return;
            }
            closing = new ArrayList<>(kept.values());
            kept.clear();
        }
        closing.forEach(PreparedQueries::closeQuietly);
    }

    synchronized int size() {
        return kept.size();
    }

    /**
     * Whether a query's statement may be kept: only when its plan reads no table, table function or DuckDB variable.
     * DuckDB 1.5.6 plans a prepared statement with the statistics of the tables it reads at that moment (value
     * ranges, string lengths) and runs it again with them after any session changed the rows: a filter beyond the
     * old range answers nothing, longer strings come back cut off, or crash the JVM in a worker's memcpy when
     * longer than 12 bytes (DuckDB issues 23704 and 24182; DuckDB's main branch plans such statements anew at each
     * run since August 2026). Reading stored data takes a FROM (or TABLE, PIVOT...) or a SQL UDF, a macro called by its quoted
     * name (UserFunctions), which may hold a subquery; a literal that only looks like one merely goes unkept.
     */
    static boolean keepable(String duckSql) {
        return !READS_STORED_DATA.matcher(duckSql).find();
    }


    private static void closeQuietly(PreparedStatement ps) {
        try {
            ps.close();
        } catch (SQLException e) {
            // DuckDB frees it with the connection either way
        }
    }
}

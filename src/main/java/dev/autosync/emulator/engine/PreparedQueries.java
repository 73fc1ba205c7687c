package dev.autosync.emulator.engine;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A session's DuckDB prepared statements of its recent queries, by their DuckDB text, kept after a result
 * read whole so the same query runs again without DuckDB preparing it anew (preparing is most of what a
 * small query costs DuckDB: 130-180 us for SELECT 1, executing a prepared one 30-60 us). DuckDB binds a
 * kept statement again itself when the catalog changed (another session's DDL); what it does not notice
 * is a change of its settings or variables (TimeZone, SET VARIABLE), which its plan may have folded in, so
 * the statements are dropped whenever the session runs anything but a query (ALTER SESSION, USE, DDL,
 * DML, transactions) or sets DuckDB state directly, and queries reading DuckDB variables are never kept.
 * Each statement is taken out while it runs, so a nested run of the same text prepares its own.
 */
final class PreparedQueries {
    static final int KEPT = 16;

    /**
     * Off unless the JVM sets {@value #PROPERTY}=true (read when a session starts). With statements kept,
     * ArrowResultsTest read a row of an earlier try, met DuckDB's "TransactionContext Error: cannot commit - no
     * transaction is active", and once crashed the JVM (SIGSEGV in a DuckDB worker thread's memcpy, a string
     * pointer into freed memory), each time after its 120,000-row ARROW result; without them it has never failed.
     * Cutting a counted result's chunks on the chunk's HTTP thread now holds the session's connection lock
     * (Session.connectionUse), which did not stop the crash, so the cause is elsewhere (not found: neither
     * PreparedQueriesTest's engine-level sequences nor a thread reading a large rest beside kept SELECTs reproduce it).
     */
    static final String PROPERTY = "autosync.emulator.keptStatements";

    private final boolean enabled = Boolean.getBoolean(PROPERTY);
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

    /** Whether a query's statement may be kept: not when it reads DuckDB variables (bound into the plan). */
    static boolean keepable(String duckSql) {
        return !duckSql.toLowerCase(Locale.ROOT).contains("getvariable");
    }

    private static void closeQuietly(PreparedStatement ps) {
        try {
            ps.close();
        } catch (SQLException e) {
            // DuckDB frees it with the connection either way
        }
    }
}

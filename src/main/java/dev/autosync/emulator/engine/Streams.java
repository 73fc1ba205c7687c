package dev.autosync.emulator.engine;

import dev.autosync.emulator.base.SnowflakeError;
import dev.autosync.emulator.base.Names;


import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Streams and the change tracking behind them. When a table gets its first stream, its rows move
 * to a base table with hidden columns (a row id, and the change numbers of the row's insert and of
 * its current image) and the table's name becomes a view of the visible columns. Every change to
 * the table takes a new change number; UPDATE, DELETE and MERGE also keep the images they replace
 * in a log. A stream's delta is then a query: rows changed after its offset, paired with their
 * images at the offset. The offset moves only when DML that read the stream commits.
 */
final class Streams {
    static final String CT = "\"_AUTOSYNC_CT\"";
    static final String VERSION_SET = "\"$V\" = getvariable('autosync_csn')";
    private static final String STATE = Catalog.SYS + ".stream_state";
    private static final String CSN = Catalog.SYS + ".csn";

    private final Catalog catalog;

    Streams(Connection conn, Catalog catalog) throws SQLException {
        this.catalog = catalog;
        try (Statement s = conn.createStatement()) {
            s.execute("CREATE SCHEMA IF NOT EXISTS " + CT);
            s.execute("CREATE TABLE IF NOT EXISTS " + CSN + " (v BIGINT)");
            s.execute("INSERT INTO " + CSN + " SELECT 0 WHERE NOT EXISTS (SELECT 1 FROM " + CSN + ")");
            s.execute("CREATE TABLE IF NOT EXISTS " + STATE + " (stream_id BIGINT, offset_csn BIGINT, initial_pending BOOLEAN, "
                    + "last_consumed TIMESTAMPTZ)");
        }
    }

    boolean isTracked(CatalogObject table) {
        return table.flag("CHANGE_TRACKING_ENABLED");
    }

    String baseTable(CatalogObject t) {
        return CT + ".\"T" + t.id() + "_BASE\"";
    }

    private String logTable(CatalogObject t) {
        return CT + ".\"T" + t.id() + "_LOG\"";
    }

    /** The table's columns as DuckDB stores them: with each TIMESTAMP_TZ column's offset companion ({@link TzColumns}). */
    private static String visible(CatalogObject t, String alias) {
        return TzColumns.physical(t.columns(), alias);
    }

    private long nextCsn(Session s) throws SQLException {
        try (Statement st = s.conn().createStatement(); ResultSet rs = st.executeQuery("UPDATE " + CSN + " SET v = v + 1 RETURNING v")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private long currentCsn(Session s) throws SQLException {
        try (Statement st = s.conn().createStatement(); ResultSet rs = st.executeQuery("SELECT v FROM " + CSN)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Turns on change tracking: base table with hidden columns, a log, and a view under the table's name. */
    void enableTracking(Session s, CatalogObject table) throws SQLException {
        if (isTracked(table)) {
            return;
        }
        ObjectRef ref = table.ref();
        List<String> defs = new ArrayList<>();
        List<String> logDefs = new ArrayList<>();
        try (PreparedStatement ps = s.conn().prepareStatement("SELECT column_name, data_type, column_default, is_nullable "
                + "FROM duckdb_columns() WHERE schema_name = ? AND table_name = ? AND database_name = current_database() "
                + "ORDER BY column_index")) {
            ps.setString(1, Names.encode(ref.db()) + "." + Names.encode(ref.schema()));
            ps.setString(2, Names.encode(ref.name()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String col = "\"" + rs.getString(1) + "\" " + rs.getString(2);
                    logDefs.add(col);
                    defs.add(col + (rs.getBoolean(4) ? "" : " NOT NULL")
                            + (rs.getString(3) == null ? "" : " DEFAULT " + rs.getString(3)));
                }
            }
        }
        String seq = CT + ".\"T" + table.id() + "_SEQ\"";
        long csn = nextCsn(s);
        s.exec("CREATE SEQUENCE IF NOT EXISTS " + seq,
                "SET VARIABLE autosync_csn = " + csn,
                "CREATE TABLE " + baseTable(table) + " (" + String.join(", ", defs) + ", \"$ROW_ID\" BIGINT DEFAULT nextval('"
                        + "_AUTOSYNC_CT.T" + table.id() + "_SEQ'), \"$V0\" BIGINT DEFAULT getvariable('autosync_csn'), "
                        + "\"$V\" BIGINT DEFAULT getvariable('autosync_csn'))",
                "CREATE TABLE " + logTable(table) + " (" + String.join(", ", logDefs)
                        + ", \"$ROW_ID\" BIGINT, \"$V0\" BIGINT, \"$V\" BIGINT, \"$VEND\" BIGINT)",
                "INSERT INTO " + baseTable(table) + " (" + visible(table, null) + ") SELECT " + visible(table, null) + " FROM "
                        + ref.duckName(),
                "DROP TABLE " + ref.duckName(),
                "CREATE VIEW " + ref.duckName() + " AS SELECT " + visible(table, null) + " FROM " + baseTable(table));
        table.props().put("CHANGE_TRACKING_ENABLED", true);
        catalog.save(s.conn(), table);
    }

    /** Recreates the visible view after the table's columns changed. */
    void refreshView(Session s, CatalogObject table) throws SQLException {
        if (isTracked(table)) {
            s.exec("CREATE OR REPLACE VIEW " + table.ref().duckName() + " AS SELECT " + visible(table, null) + " FROM "
                    + baseTable(table));
        }
    }

    /** Applies ALTER TABLE column changes to the table, or to its base table and log when tracked. */
    void alterColumns(Session s, CatalogObject table, String clause, ObjectRef ref) throws SQLException {
        if (!isTracked(table)) {
            s.exec("ALTER TABLE " + ref.duckName() + " " + clause);
            return;
        }
        s.exec("ALTER TABLE " + baseTable(table) + " " + clause);
        String logClause = clause.replaceAll("(?i) NOT NULL", "").replaceAll("(?i) DEFAULT .*$", "");
        s.exec("ALTER TABLE " + logTable(table) + " " + logClause);
    }

    /** A change to a tracked table in progress: its change number, and the images before it when rows may change. */
    record Change(CatalogObject table, long csn, String before) {
    }

    Change begin(Session s, CatalogObject table, boolean rowsMayChange) throws SQLException {
        long csn = nextCsn(s);
        s.exec("SET VARIABLE autosync_csn = " + csn);
        String before = null;
        if (rowsMayChange) {
            before = "\"before_" + UUID.randomUUID().toString().replace("-", "") + "\"";
            s.exec("CREATE TEMP TABLE " + before + " AS SELECT * FROM " + baseTable(table));
        }
        return new Change(table, csn, before);
    }

    /** Logs the images the change replaced or removed. */
    void end(Session s, Change c) throws SQLException {
        if (c.before() == null) {
            return;
        }
        CatalogObject t = c.table();
        String cols = visible(t, "p");
        s.exec("INSERT INTO " + logTable(t) + " (" + visible(t, null) + ", \"$ROW_ID\", \"$V0\", \"$V\", \"$VEND\") SELECT "
                        + cols + ", p.\"$ROW_ID\", p.\"$V0\", p.\"$V\", " + c.csn() + " FROM " + c.before() + " AS p WHERE NOT EXISTS "
                        + "(SELECT 1 FROM " + baseTable(t) + " AS b WHERE b.\"$ROW_ID\" = p.\"$ROW_ID\" AND b.\"$V\" = p.\"$V\")",
                "DROP TABLE " + c.before());
    }

    // ---------------------------------------------------------------- streams

    /** A new stream starts at the table's current change number (with its rows pending when it shows initial rows). */
    void register(Session s, CatalogObject stream, boolean showInitialRows) throws SQLException {
        try (PreparedStatement ps = s.conn().prepareStatement("INSERT INTO " + STATE + " VALUES (?, ?, ?, ?)")) {
            ps.setLong(1, stream.id());
            ps.setLong(2, currentCsn(s));
            ps.setBoolean(3, showInitialRows);
            ps.setObject(4, OffsetDateTime.now(ZoneOffset.UTC));
            ps.executeUpdate();
        }
    }

    /** SYSTEM$STREAM_GET_TABLE_TIMESTAMP: the stream's offset, as SQL. */
    String offsetSql(CatalogObject stream) {
        return "(SELECT offset_csn FROM " + STATE + " WHERE stream_id = " + stream.id() + ")";
    }

    void dropped(Session s, CatalogObject stream) throws SQLException {
        try (PreparedStatement ps = s.conn().prepareStatement("DELETE FROM " + STATE + " WHERE stream_id = ?")) {
            ps.setLong(1, stream.id());
            ps.executeUpdate();
        }
    }

    List<CatalogObject> streamsOn(CatalogObject table) {
        return catalog.list(CatalogKind.STREAM).stream().filter(st -> st.props().path("TABLE_ID").asLong() == table.id()).toList();
    }

    /** The table is dropped or replaced: its change tracking goes, and its streams become stale. */
    void tableDropped(Session s, CatalogObject table, boolean replacing) throws SQLException {
        for (CatalogObject st : streamsOn(table)) {
            st.props().put("STALE", true);
            st.props().put("INVALID_REASON", "Base table " + table.ref().display() + (replacing ? " was replaced" : " was dropped"));
            catalog.save(s.conn(), st);
        }
        if (isTracked(table)) {
            s.exec("DROP VIEW IF EXISTS " + table.ref().duckName(), "DROP TABLE IF EXISTS " + baseTable(table),
                    "DROP TABLE IF EXISTS " + logTable(table), "DROP SEQUENCE IF EXISTS " + CT + ".\"T" + table.id() + "_SEQ\"");
        }
    }

    private CatalogObject sourceOf(CatalogObject stream) {
        if (stream.flag("STALE")) {
            throw new SnowflakeError("091901", "01000", "Base table '" + stream.prop("TABLE_NAME") + "' dropped, cannot read "
                    + "from stream '" + stream.name() + "' in line 1 position 0. " + stream.prop("INVALID_REASON") + "; "
                    + "recreate the stream.");
        }
        long id = stream.props().path("TABLE_ID").asLong();
        return catalog.byId(id).orElseThrow(() -> new SnowflakeError("091901", "01000", "Base table '"
                + stream.prop("TABLE_NAME") + "' dropped, cannot read from stream '" + stream.name() + "'."));
    }

    /**
     * The stream's delta as DuckDB SQL, with the source's columns then METADATA$ACTION,
     * METADATA$ISUPDATE and METADATA$ROW_ID. {@code read} records the change number it ends at.
     */
    String deltaSql(Session s, CatalogObject stream, Map<Long, Long> read) {
        CatalogObject table = sourceOf(stream);
        try {
            read.put(stream.id(), currentCsn(s));
        } catch (SQLException e) {
            throw ErrorMapper.map(e);
        }
        String base = baseTable(table);
        String log = logTable(table);
        String offset = "(SELECT offset_csn FROM " + STATE + " WHERE stream_id = " + stream.id() + ")";
        String initial = "(SELECT initial_pending FROM " + STATE + " WHERE stream_id = " + stream.id() + ")";
        String rowId = "md5(CAST(%s.\"$ROW_ID\" AS VARCHAR) || '." + table.id() + "')";
        String cur = visible(table, "cur");
        String pre = visible(table, "pre");
        boolean appendOnly = "APPEND_ONLY".equals(stream.prop("MODE"));
        String initialRows = "SELECT " + cur + ", 'INSERT', FALSE, " + String.format(rowId, "cur") + " FROM " + base + " AS cur WHERE "
                + initial;
        String changes;
        if (appendOnly) {
            // Inserts since the offset, as first inserted: still current, or since updated or deleted (logged).
            changes = "SELECT " + cur + ", 'INSERT', FALSE, " + String.format(rowId, "cur") + " FROM " + base + " AS cur WHERE cur.\"$V0\" > "
                    + offset + " AND cur.\"$V\" = cur.\"$V0\" AND NOT " + initial
                    + " UNION ALL SELECT " + cur + ", 'INSERT', FALSE, " + String.format(rowId, "cur") + " FROM " + log
                    + " AS cur WHERE cur.\"$V0\" > " + offset + " AND cur.\"$V\" = cur.\"$V0\" AND NOT " + initial;
        } else {
            String before = "(SELECT * FROM " + log + " WHERE \"$V\" <= " + offset + " AND \"$VEND\" > " + offset + ")";
            changes = "SELECT " + cur + ", 'INSERT', pre.\"$ROW_ID\" IS NOT NULL, " + String.format(rowId, "cur") + " FROM " + base
                    + " AS cur LEFT JOIN " + before + " AS pre ON pre.\"$ROW_ID\" = cur.\"$ROW_ID\" WHERE cur.\"$V\" > " + offset
                    + " AND NOT " + initial
                    + " UNION ALL SELECT " + pre + ", 'DELETE', cur.\"$ROW_ID\" IS NOT NULL, " + String.format(rowId, "pre") + " FROM "
                    + before + " AS pre LEFT JOIN " + base + " AS cur ON cur.\"$ROW_ID\" = pre.\"$ROW_ID\" WHERE NOT " + initial;
        }
        String columns = visible(table, null) + ", \"METADATA$ACTION\", \"METADATA$ISUPDATE\", \"METADATA$ROW_ID\"";
        return "SELECT * FROM (" + initialRows + " UNION ALL " + changes + ") AS delta(" + columns + ")";
    }

    /** SYSTEM$STREAM_HAS_DATA: whether the delta has a row; reading it this way consumes nothing. */
    String hasDataSql(Session s, CatalogObject stream) {
        return "(EXISTS (" + deltaSql(s, stream, new HashMap<>()) + "))";
    }

    /** Moves consumed streams' offsets; runs inside the consuming transaction, just before it commits. */
    void advance(Session s, Map<Long, Long> offsets) throws SQLException {
        try (PreparedStatement ps = s.conn().prepareStatement("UPDATE " + STATE + " SET offset_csn = ?, initial_pending = FALSE, "
                + "last_consumed = ? WHERE stream_id = ?")) {
            for (Map.Entry<Long, Long> e : offsets.entrySet()) {
                ps.setLong(1, e.getValue());
                ps.setObject(2, OffsetDateTime.now(ZoneOffset.UTC));
                ps.setLong(3, e.getKey());
                ps.executeUpdate();
            }
        }
        for (Long id : offsets.keySet()) {
            CatalogObject stream = catalog.byId(id).orElse(null);
            if (stream != null) {
                catalog.byId(stream.props().path("TABLE_ID").asLong()).ifPresent(t -> prune(s, t));
            }
        }
    }

    /** Drops logged images no stream on the table can need any more. */
    private void prune(Session s, CatalogObject table) {
        List<Long> ids = streamsOn(table).stream().map(CatalogObject::id).toList();
        if (ids.isEmpty() || !isTracked(table)) {
            return;
        }
        try {
            s.exec("DELETE FROM " + logTable(table) + " WHERE \"$VEND\" <= (SELECT min(offset_csn) FROM " + STATE
                    + " WHERE stream_id IN (" + ids.stream().map(String::valueOf).collect(Collectors.joining(", ")) + "))"
                    + " AND \"$V0\" <= (SELECT min(offset_csn) FROM " + STATE + " WHERE stream_id IN ("
                    + ids.stream().map(String::valueOf).collect(Collectors.joining(", ")) + "))");
        } catch (SQLException e) {
            throw ErrorMapper.map(e);
        }
    }

    /** Offset state for SHOW STREAMS and status: the stream's offset and when it was last consumed. */
    record State(long offset, boolean initialPending, OffsetDateTime lastConsumed) {
    }

    State state(Session s, CatalogObject stream) throws SQLException {
        try (PreparedStatement ps = s.conn().prepareStatement("SELECT offset_csn, initial_pending, last_consumed FROM " + STATE
                + " WHERE stream_id = ?")) {
            ps.setLong(1, stream.id());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return new State(0, false, null);
                }
                return new State(rs.getLong(1), rs.getBoolean(2), rs.getObject(3, OffsetDateTime.class));
            }
        }
    }
}

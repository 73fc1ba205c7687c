package dev.autosync.emulator.engine;

import dev.autosync.emulator.base.SnowflakeError;

import dev.autosync.emulator.sql.Translator;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * Load history: one row per file a COPY or a pipe loaded (or failed to), committed with the rows
 * it loaded. It answers INFORMATION_SCHEMA.COPY_HISTORY and decides which files are loaded
 * already: bulk COPY by path and checksum for 64 days (since the last TRUNCATE), a pipe by path
 * for 14 days whatever the content, failed files included.
 */
final class History {
    static final String TABLE = Catalog.SYS + ".copy_history";
    /** The history table's columns, and how many rows one INSERT writes at most (a pipe's group holds up to 64 files). */
    private static final int COLUMNS = 24;
    private static final int ROWS_PER_INSERT = 64;

    private final Catalog catalog;
    private final Privileges privileges;

    History(Connection conn, Catalog catalog, Privileges privileges) throws SQLException {
        this.privileges = privileges;
        this.catalog = catalog;
        try (Statement s = conn.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS " + TABLE + " (table_id BIGINT, table_catalog VARCHAR, table_schema VARCHAR, "
                    + "table_name VARCHAR, pipe_id BIGINT, pipe_catalog VARCHAR, pipe_schema VARCHAR, pipe_name VARCHAR, "
                    + "file_key VARCHAR, file_name VARCHAR, stage_location VARCHAR, md5 VARCHAR, last_load_time TIMESTAMPTZ, "
                    + "row_count BIGINT, row_parsed BIGINT, file_size BIGINT, first_error_message VARCHAR, "
                    + "first_error_line_number BIGINT, first_error_character_pos BIGINT, first_error_column_name VARCHAR, "
                    + "error_count BIGINT, error_limit BIGINT, status VARCHAR, pipe_received_time TIMESTAMPTZ)");
        }
    }

    static String fileKey(Stages.Location loc, StagedFile f) {
        return loc.root().resolve(f.relative()).toString();
    }

    /**
     * Whether a bulk COPY loaded this exact file (same checksum) into the table in the last 64 days.
     * Pipes' loads do not count: COPY and Snowpipe keep separate load metadata.
     */
    boolean loadedIntoTable(Session s, CatalogObject table, Stages.Location loc, StagedFile f) throws SQLException {
        String truncated = table.prop("TRUNCATED_AT");
        try (PreparedStatement ps = s.conn().prepareStatement("SELECT 1 FROM " + TABLE + " WHERE table_id = ? AND pipe_id IS NULL "
                + "AND file_key = ? AND md5 = ? AND status IN ('Loaded', 'Partially loaded') "
                + "AND last_load_time > now() - INTERVAL 64 DAY AND last_load_time > CAST(? AS TIMESTAMPTZ) LIMIT 1")) {
            ps.setLong(1, table.id());
            ps.setString(2, fileKey(loc, f));
            ps.setString(3, f.md5());
            ps.setString(4, truncated == null ? "1970-01-01 00:00:00+00" : truncated);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** Whether the pipe has seen this file name in the last 14 days, loaded or failed. */
    boolean seenByPipe(Session s, long pipeId, String fileKey) throws SQLException {
        try (PreparedStatement ps = s.conn().prepareStatement("SELECT 1 FROM " + TABLE + " WHERE pipe_id = ? AND file_key = ? "
                + "AND last_load_time > now() - INTERVAL 14 DAY LIMIT 1")) {
            ps.setLong(1, pipeId);
            ps.setString(2, fileKey);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** The files {@code pipeId} loaded or tried in the last 14 days (as {@link #seenByPipe} sees each), at once. */
    java.util.Set<String> seenByPipe(Session s, long pipeId) throws SQLException {
        java.util.Set<String> keys = new java.util.HashSet<>();
        try (PreparedStatement ps = s.conn().prepareStatement("SELECT DISTINCT file_key FROM " + TABLE + " WHERE pipe_id = ? "
                + "AND last_load_time > now() - INTERVAL 14 DAY")) {
            ps.setLong(1, pipeId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    keys.add(rs.getString(1));
                }
            }
        }
        return keys;
    }

    void record(Session s, CopyPlan plan, FileOutcome o, CatalogObject pipe, OffsetDateTime received) throws SQLException {
        recordAll(s, plan, List.of(o), pipe, java.util.Collections.singletonList(received));
    }

    /**
     * Records the files' outcomes ({@code received}: when each was queued, or null), up to {@link #ROWS_PER_INSERT} in
     * one INSERT: a pipe's group of small files paid about a millisecond per file for an INSERT of its own.
     */
    void recordAll(Session s, CopyPlan plan, List<FileOutcome> outcomes, CatalogObject pipe, List<OffsetDateTime> received)
            throws SQLException {
        String row = "(" + "?, ".repeat(COLUMNS - 1) + "?)";
        for (int from = 0; from < outcomes.size(); from += ROWS_PER_INSERT) {
            int to = Math.min(outcomes.size(), from + ROWS_PER_INSERT);
            try (PreparedStatement ps = s.conn().prepareStatement("INSERT INTO " + TABLE + " VALUES "
                    + String.join(", ", java.util.Collections.nCopies(to - from, row)))) {
                for (int i = from; i < to; i++) {
                    bind(ps, (i - from) * COLUMNS, plan, outcomes.get(i), pipe, received.get(i));
                }
                ps.executeUpdate();
            }
        }
    }

    /** Sets one history row's {@link #COLUMNS} parameters, after the first {@code at}. */
    private static void bind(PreparedStatement ps, int at, CopyPlan plan, FileOutcome o, CatalogObject pipe, OffsetDateTime received)
            throws SQLException {
        ObjectRef t = plan.table().ref();
        Stages.Location loc = plan.location();
        ps.setLong(at + 1, plan.table().id());
        ps.setString(at + 2, t.db());
        ps.setString(at + 3, t.schema());
        ps.setString(at + 4, t.name());
        if (pipe == null) {
            ps.setObject(at + 5, null);
            ps.setString(at + 6, null);
            ps.setString(at + 7, null);
            ps.setString(at + 8, null);
        } else {
            ps.setLong(at + 5, pipe.id());
            ps.setString(at + 6, pipe.ref().db());
            ps.setString(at + 7, pipe.ref().schema());
            ps.setString(at + 8, pipe.name());
        }
        ps.setString(at + 9, fileKey(loc, o.file()));
        ps.setString(at + 10, o.file().relative());
        ps.setString(at + 11, loc.external() ? loc.listPrefix() : loc.displayName() + "/");
        ps.setString(at + 12, o.file().md5());
        ps.setObject(at + 13, OffsetDateTime.now(ZoneOffset.UTC));
        ps.setLong(at + 14, o.loaded());
        ps.setLong(at + 15, o.parsed());
        ps.setLong(at + 16, o.file().size());
        ps.setString(at + 17, o.firstError());
        ps.setObject(at + 18, o.firstErrorLine());
        ps.setObject(at + 19, o.firstErrorCharacter());
        ps.setString(at + 20, o.firstErrorColumn());
        ps.setLong(at + 21, o.errors());
        ps.setLong(at + 22, o.errorLimit());
        ps.setString(at + 23, o.historyStatus());
        ps.setObject(at + 24, received);
    }

    /** TRUNCATE clears the table's bulk-load metadata and hides its older COPY_HISTORY. */
    void truncated(Session s, CatalogObject table) throws SQLException {
        table.props().put("TRUNCATED_AT", OffsetDateTime.now(ZoneOffset.UTC).toString());
        catalog.save(s.conn(), table);
    }

    /**
     * INFORMATION_SCHEMA.COPY_HISTORY(TABLE_NAME => ..., START_TIME => ... [, END_TIME] [, PIPE_NAME]):
     * a subquery over the history, resolved when it is read, so it works inside views.
     */
    String copyHistorySql(NameResolver names, String db, Map<String, String> named) {
        String tableArg = named.get("TABLE_NAME");
        String start = named.get("START_TIME");
        if (tableArg == null || start == null) {
            throw SnowflakeError.compilation("COPY_HISTORY needs TABLE_NAME and START_TIME arguments");
        }
        String tableName = Translator.literalValue(tableArg);
        if (tableName == null) {
            throw SnowflakeError.unsupported("COPY_HISTORY with a computed TABLE_NAME");
        }
        List<String> parts = NameResolver.parse(tableName);
        ObjectRef ref;
        if (parts.size() == 1) {
            ref = names.resolve(List.of(db, names.defaultSchema(), parts.get(0)), "COPY_HISTORY");
        } else {
            ref = names.resolve(parts.size() == 2 ? List.of(db, parts.get(0), parts.get(1)) : parts, "COPY_HISTORY");
        }
        String monitor = monitorCondition(names.session());
        StringBuilder sql = new StringBuilder("SELECT h.file_name AS \"FILE_NAME\", h.stage_location AS \"STAGE_LOCATION\", "
                + "h.last_load_time AS \"LAST_LOAD_TIME\", h.row_count AS \"ROW_COUNT\", h.row_parsed AS \"ROW_PARSED\", "
                + "h.file_size AS \"FILE_SIZE\", h.first_error_message AS \"FIRST_ERROR_MESSAGE\", "
                + "h.first_error_line_number AS \"FIRST_ERROR_LINE_NUMBER\", h.first_error_character_pos AS "
                + "\"FIRST_ERROR_CHARACTER_POS\", h.first_error_column_name AS \"FIRST_ERROR_COLUMN_NAME\", "
                + "h.error_count AS \"ERROR_COUNT\", h.error_limit AS \"ERROR_LIMIT\", h.status AS \"STATUS\", "
                + "h.table_catalog AS \"TABLE_CATALOG_NAME\", h.table_schema AS \"TABLE_SCHEMA_NAME\", "
                + "h.table_name AS \"TABLE_NAME\", " + masked("h.pipe_catalog", monitor) + " AS \"PIPE_CATALOG_NAME\", "
                + masked("h.pipe_schema", monitor) + " AS \"PIPE_SCHEMA_NAME\", "
                + masked("h.pipe_name", monitor) + " AS \"PIPE_NAME\", h.pipe_received_time AS \"PIPE_RECEIVED_TIME\", "
                + "CAST(h.file_size AS BIGINT) AS \"BYTES_BILLED\" FROM " + TABLE + " AS h WHERE h.table_id = (SELECT o.id FROM "
                + Catalog.SYS + ".objects AS o WHERE o.kind = 'TABLE' AND o.db = " + Translator.literal(ref.db())
                + " AND o.sch = " + Translator.literal(ref.schema()) + " AND o.name = " + Translator.literal(ref.name())
                + ") AND (h.pipe_id IS NULL OR h.pipe_id IN (SELECT p.id FROM " + Catalog.SYS + ".objects AS p WHERE p.kind = 'PIPE'))"
                + " AND h.last_load_time > COALESCE((SELECT CAST(json_extract_string(o2.props, '$.TRUNCATED_AT') AS TIMESTAMPTZ) FROM "
                + Catalog.SYS + ".objects AS o2 WHERE o2.id = h.table_id), CAST('1970-01-01 00:00:00+00' AS TIMESTAMPTZ))"
                + " AND h.last_load_time >= (" + start + ")");
        String end = named.get("END_TIME");
        sql.append(" AND h.last_load_time < COALESCE((").append(end == null ? "NULL" : end).append("), now() + INTERVAL 1 SECOND)");
        String pipe = named.get("PIPE_NAME");
        if (pipe != null) {
            String p = Translator.literalValue(pipe);
            List<String> pp = NameResolver.parse(p == null ? "" : p);
            sql.append(" AND h.pipe_name = ").append(Translator.literal(pp.get(pp.size() - 1)));
        }
        return sql.append(" ORDER BY h.last_load_time").toString();
    }

    /**
     * COPY_HISTORY masks the pipe's names as NULL for a role without MONITOR (or OWNERSHIP) on the pipe
     * (functions/copy_history). Null when nothing is masked (the admin roles own every pipe here).
     */
    private String monitorCondition(Session s) {
        try {
            if (s == null || privileges.isAdmin(s, s.role())) {
                return null;
            }
            StringBuilder roles = new StringBuilder();
            for (String r : privileges.closure(s, s.role())) {
                roles.append(roles.length() == 0 ? "" : ", ").append(Translator.literal(r));
            }
            return "EXISTS (SELECT 1 FROM " + Privileges.TABLE + " AS g WHERE g.grantee IN (" + roles + ") AND g.granted_on = 'PIPE' "
                    + "AND g.privilege IN ('MONITOR', 'OWNERSHIP', 'ALL') AND g.name = upper(h.pipe_catalog || '.' || h.pipe_schema "
                    + "|| '.' || h.pipe_name))";
        } catch (SQLException e) {
            throw ErrorMapper.map(e);
        }
    }

    private static String masked(String column, String monitor) {
        return monitor == null ? column : "CASE WHEN " + monitor + " THEN " + column + " END";
    }
}

package dev.autosync.emulator.engine;

import dev.autosync.emulator.base.SnowflakeError;
import dev.autosync.emulator.sql.Translator;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;

/** Task runs, one row each (EXECUTING until the run ends), and INFORMATION_SCHEMA.TASK_HISTORY over them. */
final class TaskHistory {
    private static final String TABLE = Catalog.SYS + ".task_history";

    TaskHistory(Connection conn) throws SQLException {
        try (Statement s = conn.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS " + TABLE + " (task_id BIGINT, query_id VARCHAR, name VARCHAR, "
                    + "database_name VARCHAR, schema_name VARCHAR, query_text VARCHAR, condition_text VARCHAR, state VARCHAR, "
                    + "error_code BIGINT, error_message VARCHAR, scheduled_time TIMESTAMPTZ, query_start_time TIMESTAMPTZ, "
                    + "next_scheduled_time TIMESTAMPTZ, completed_time TIMESTAMPTZ, root_task_id VARCHAR, graph_version BIGINT, "
                    + "run_id BIGINT, return_value VARCHAR, scheduled_from VARCHAR, attempt_number INTEGER)");
        }
    }

    /** A run of {@code task} (in graph run {@code runId} of {@code root}) starts. */
    void started(Session s, CatalogObject task, String queryId, OffsetDateTime scheduled, String from, long runId,
                 CatalogObject root) throws SQLException {
        try (PreparedStatement ps = s.conn().prepareStatement("INSERT INTO " + TABLE
                + " VALUES (?, ?, ?, ?, ?, ?, ?, 'EXECUTING', NULL, NULL, ?, ?, NULL, NULL, ?, 1, ?, NULL, ?, 1)")) {
            ps.setLong(1, task.id());
            ps.setString(2, queryId);
            ps.setString(3, task.name());
            ps.setString(4, task.ref().db());
            ps.setString(5, task.ref().schema());
            ps.setString(6, task.prop("DEFINITION"));
            ps.setString(7, task.prop("CONDITION"));
            ps.setObject(8, scheduled);
            ps.setObject(9, scheduled);
            ps.setString(10, String.valueOf(root.id()));
            ps.setLong(11, runId);
            ps.setString(12, from);
            ps.executeUpdate();
        }
    }

    /** The run never happened: the emulator stopped before it could do anything (see TaskScheduler). */
    void withdrawn(Session s, String queryId) throws SQLException {
        try (PreparedStatement ps = s.conn().prepareStatement("DELETE FROM " + TABLE + " WHERE query_id = ?")) {
            ps.setString(1, queryId);
            ps.executeUpdate();
        }
    }

    /** The run ends in {@code state}, with the error when it failed. */
    void finished(Session s, String queryId, String state, Long code, String message) throws SQLException {
        try (PreparedStatement ps = s.conn().prepareStatement("UPDATE " + TABLE + " SET state = ?, error_code = ?, "
                + "error_message = ?, completed_time = ? WHERE query_id = ?")) {
            ps.setString(1, state);
            ps.setObject(2, code);
            ps.setString(3, message);
            ps.setObject(4, OffsetDateTime.now(ZoneOffset.UTC));
            ps.setString(5, queryId);
            ps.executeUpdate();
        }
    }

    /**
     * INFORMATION_SCHEMA.TASK_HISTORY ("TASK_HISTORY" page): the whole account's runs of the last 7
     * days, whichever database's INFORMATION_SCHEMA is named, narrowed by the arguments (TASK_NAME,
     * DATABASE_NAME, SCHEMA_NAME, the scheduled time range, ERROR_ONLY, ROOT_TASK_ID), newest
     * scheduled first, with the next scheduled run of started tasks; then cut to RESULT_LIMIT
     * (default 100, 1 to 10000) before the query's own WHERE sees the rows.
     */
    String historySql(Map<String, String> named) {
        StringBuilder where = new StringBuilder("h.scheduled_time >= now() - INTERVAL 7 DAY");
        StringBuilder nextWhere = new StringBuilder("o.kind = 'TASK' AND json_extract_string(o.props, '$.STATE') = 'started' "
                + "AND json_extract_string(o.props, '$.NEXT_RUN') IS NOT NULL");
        String name = text(named, "TASK_NAME");
        if (name != null) {
            // "a case-insensitive string ... Only non-qualified task names are supported"
            where.append(" AND upper(h.name) = ").append(Translator.literal(name.toUpperCase(Locale.ROOT)));
            nextWhere.append(" AND upper(o.name) = ").append(Translator.literal(name.toUpperCase(Locale.ROOT)));
        }
        String database = text(named, "DATABASE_NAME");
        String schema = text(named, "SCHEMA_NAME");
        if (schema != null && database == null) {
            // UNVERIFIED: the docs require DATABASE_NAME with SCHEMA_NAME but do not give the error's wording
            throw SnowflakeError.compilation("TASK_HISTORY: SCHEMA_NAME requires DATABASE_NAME");
        }
        if (database != null) {
            where.append(" AND ").append(nameMatch("h.database_name", database));
            nextWhere.append(" AND ").append(nameMatch("o.db", database));
        }
        if (schema != null) {
            where.append(" AND ").append(nameMatch("h.schema_name", schema));
            nextWhere.append(" AND ").append(nameMatch("o.sch", schema));
        }
        String root = text(named, "ROOT_TASK_ID");
        if (root != null) {
            where.append(" AND h.root_task_id = ").append(Translator.literal(root));
            nextWhere.append(" AND CAST(o.id AS VARCHAR) = ").append(Translator.literal(root));
        }
        String start = named.get("SCHEDULED_TIME_RANGE_START");
        if (start != null) {
            where.append(" AND h.scheduled_time >= (").append(start).append(')');
            nextWhere.append(" AND CAST(json_extract_string(o.props, '$.NEXT_RUN') AS TIMESTAMPTZ) >= (").append(start).append(')');
        }
        String end = named.get("SCHEDULED_TIME_RANGE_END");
        if (end != null) {
            where.append(" AND h.scheduled_time <= (").append(end).append(')');
            nextWhere.append(" AND CAST(json_extract_string(o.props, '$.NEXT_RUN') AS TIMESTAMPTZ) <= (").append(end).append(')');
        }
        String errorOnly = named.get("ERROR_ONLY");
        if (errorOnly != null && errorOnly.equalsIgnoreCase("TRUE")) {
            // "returns only task runs that failed or were cancelled"
            where.append(" AND h.state IN ('FAILED', 'FAILED_AND_AUTO_SUSPENDED', 'CANCELLED')");
            nextWhere.append(" AND FALSE");
        }
        String limit = String.valueOf(resultLimit(named.get("RESULT_LIMIT")));
        String columns = "\"QUERY_ID\", \"NAME\", \"DATABASE_NAME\", \"SCHEMA_NAME\", \"QUERY_TEXT\", \"CONDITION_TEXT\", \"STATE\", "
                + "\"ERROR_CODE\", \"ERROR_MESSAGE\", \"SCHEDULED_TIME\", \"QUERY_START_TIME\", \"NEXT_SCHEDULED_TIME\", "
                + "\"COMPLETED_TIME\", \"ROOT_TASK_ID\", \"GRAPH_VERSION\", \"RUN_ID\", \"RETURN_VALUE\", \"SCHEDULED_FROM\", "
                + "\"ATTEMPT_NUMBER\"";
        return "SELECT " + columns + " FROM (SELECT h.query_id, h.name, h.database_name, h.schema_name, h.query_text, "
                + "h.condition_text, h.state, h.error_code, h.error_message, h.scheduled_time, h.query_start_time, "
                + "h.next_scheduled_time, h.completed_time, h.root_task_id, h.graph_version, h.run_id, h.return_value, "
                + "h.scheduled_from, h.attempt_number FROM " + TABLE + " AS h WHERE " + where
                + " UNION ALL SELECT NULL, o.name, o.db, o.sch, json_extract_string(o.props, '$.DEFINITION'), "
                + "json_extract_string(o.props, '$.CONDITION'), 'SCHEDULED', NULL, NULL, "
                + "CAST(json_extract_string(o.props, '$.NEXT_RUN') AS TIMESTAMPTZ), NULL, NULL, NULL, CAST(o.id AS VARCHAR), 1, NULL, "
                + "NULL, 'SCHEDULE', 1 FROM " + Catalog.SYS + ".objects AS o WHERE " + nextWhere + ") AS t(" + columns
                + ") ORDER BY \"SCHEDULED_TIME\" DESC LIMIT " + limit;
    }

    /** A string argument's value, or null when not given; a computed one is not supported. */
    private static String text(Map<String, String> named, String argument) {
        String sql = named.get(argument);
        if (sql == null) {
            return null;
        }
        String v = Translator.literalValue(sql);
        if (v == null) {
            throw SnowflakeError.unsupported("TASK_HISTORY with a computed " + argument);
        }
        return v;
    }

    /** DATABASE_NAME / SCHEMA_NAME: case-insensitive, or exact inside double quotes ("Use double quotes ... case-sensitively"). */
    private static String nameMatch(String column, String value) {
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            return column + " = " + Translator.literal(value.substring(1, value.length() - 1).replace("\"\"", "\""));
        }
        return "upper(" + column + ") = " + Translator.literal(value.toUpperCase(Locale.ROOT));
    }

    /** RESULT_LIMIT: "Range: 1 to 10000", default 100. */
    static int resultLimit(String sql) {
        if (sql == null) {
            return 100;
        }
        int n;
        try {
            n = Integer.parseInt(sql.trim());
        } catch (NumberFormatException e) {
            throw SnowflakeError.unsupported("TASK_HISTORY with a RESULT_LIMIT that is not an integer literal");
        }
        if (n < 1 || n > 10_000) {
            // UNVERIFIED wording: the docs give the range, not the error
            throw SnowflakeError.compilation("invalid value [" + n + "] for argument RESULT_LIMIT of TASK_HISTORY: "
                    + "it must be between 1 and 10000");
        }
        return n;
    }
}

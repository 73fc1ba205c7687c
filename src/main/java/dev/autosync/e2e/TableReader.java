package dev.autosync.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autosync.pipeline.FieldType;
import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads warehouse rows into the canonical Java values {@link ContractModel} uses. */
public final class TableReader {
    private static final ObjectMapper JSON = new ObjectMapper();

    private TableReader() {
    }

    /** Runs a query and reads each column named in {@code types} as that type. */
    public static List<Map<String, Object>> read(Connection c, String sql, Map<String, FieldType> types) throws SQLException {
        List<Map<String, Object>> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (Map.Entry<String, FieldType> e : types.entrySet()) {
                    row.put(e.getKey(), value(rs, e.getKey(), e.getValue()));
                }
                out.add(row);
            }
        }
        return out;
    }

    /** As {@link #read(Connection, String, Map)} on a warehouse session, failing with the statement named. */
    public static List<Map<String, Object>> read(dev.autosync.warehouse.Warehouse w, String sql, Map<String, FieldType> types)
            throws dev.autosync.warehouse.WarehouseException {
        try {
            return read(w.jdbc(), sql, types);
        } catch (SQLException e) {
            throw w.failure(sql, e);
        }
    }

    static Object value(ResultSet rs, String column, FieldType type) throws SQLException {
        switch (type.kind()) {
            case NUMBER:
                return rs.getBigDecimal(column);
            case BOOLEAN: {
                boolean b = rs.getBoolean(column);
                return rs.wasNull() ? null : b;
            }
            case TIMESTAMP_TZ:
            case TIMESTAMP_LTZ: {
                Timestamp t = rs.getTimestamp(column);
                return t == null ? null : t.toInstant();
            }
            // dates and timestamps are read typed, never as text: getString() follows the session's
            // DATE_OUTPUT_FORMAT / TIMESTAMP_*_OUTPUT_FORMAT, which a user or account may have changed ("Parameters" page)
            case TIMESTAMP_NTZ: {
                // the driver gives an NTZ value as that wall-clock time in the JVM's zone: toLocalDateTime() is the value
                Timestamp t = rs.getTimestamp(column);
                return t == null ? null : t.toLocalDateTime();
            }
            case DATE: {
                java.sql.Date d = rs.getDate(column);
                return d == null ? null : d.toLocalDate();
            }
            case VARIANT: {
                String j = rs.getString(column);
                return j == null ? null : parse(j);
            }
            default:
                return rs.getString(column);
        }
    }

    private static JsonNode parse(String json) throws SQLException {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new SQLException("The warehouse returned VARIANT text that is not JSON: " + e.getMessage(), e);
        }
    }
}

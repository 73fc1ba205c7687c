package dev.autosync.warehouse;

import dev.autosync.render.QualifiedName;
import dev.autosync.sql.SqlLiterals;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The one reader of {@code INFORMATION_SCHEMA.COPY_HISTORY} (e2e's wait for its files, status's
 * hourly charts): the loads into one table over a recent window, typed. The monitoring views read
 * the same function in SQL, for people and dashboards.
 */
public final class CopyHistory {
    public static final String LOADED = "Loaded";
    public static final String PARTIALLY_LOADED = "Partially loaded";
    public static final String LOAD_FAILED = "Load failed";
    public static final String IN_PROGRESS = "Load in progress";

    /** One file's load: {@code pipeName} is null for a bulk COPY; {@code rowCount} null when the warehouse gave none. */
    public record Load(String fileName, String pipeName, String status, Long rowCount, Long rowParsed, String firstError,
                       Instant lastLoadTime) {
        /** No final status yet. */
        public boolean inProgress() {
            return IN_PROGRESS.equals(status);
        }

        /** Rows of it landed (loaded whole or in part). */
        public boolean loaded() {
            return LOADED.equals(status) || PARTIALLY_LOADED.equals(status);
        }

        /** Some of it did not load (failed whole or in part). */
        public boolean failed() {
            return LOAD_FAILED.equals(status) || PARTIALLY_LOADED.equals(status);
        }
    }

    private CopyHistory() {
    }

    /**
     * The loads into {@code table} (database.schema.table) over the last {@code window}; with
     * {@code fileNameLike}, only files whose name matches that LIKE pattern.
     */
    public static List<Load> read(Warehouse w, QualifiedName table, Duration window, String fileNameLike)
            throws WarehouseException {
        String sql = "SELECT FILE_NAME, PIPE_NAME, STATUS, ROW_COUNT, ROW_PARSED, FIRST_ERROR_MESSAGE, LAST_LOAD_TIME FROM TABLE("
                + table.database().sql() + ".INFORMATION_SCHEMA.COPY_HISTORY(TABLE_NAME => " + SqlLiterals.quote(table.sql())
                + ", START_TIME => DATEADD(" + window(window) + ", CURRENT_TIMESTAMP())))"
                + (fileNameLike == null ? "" : " WHERE FILE_NAME LIKE " + SqlLiterals.quote(fileNameLike));
        List<Load> out = new ArrayList<>();
        try (Statement s = w.jdbc().createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                Timestamp at = rs.getTimestamp("LAST_LOAD_TIME");
                out.add(new Load(rs.getString("FILE_NAME"), rs.getString("PIPE_NAME"), rs.getString("STATUS"),
                        number(rs, "ROW_COUNT"), number(rs, "ROW_PARSED"), rs.getString("FIRST_ERROR_MESSAGE"),
                        at == null ? null : at.toInstant()));
            }
        } catch (SQLException e) {
            throw w.failure(sql, e);
        }
        return out;
    }

    /** {@code DAY, -7} for whole days, else {@code HOUR, -n}. */
    private static String window(Duration d) {
        return d.toHours() % 24 == 0 ? "DAY, -" + d.toDays() : "HOUR, -" + d.toHours();
    }

    private static Long number(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }
}

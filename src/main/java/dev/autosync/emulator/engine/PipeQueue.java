package dev.autosync.emulator.engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The files waiting for each pipe: queued by auto-ingest or ALTER PIPE REFRESH, removed in the
 * transaction that loads them. Kept in DuckDB so a queue survives a restart.
 */
final class PipeQueue {
    static final String TABLE = Catalog.SYS + ".pipe_queue";
    /** How many files one INSERT or DELETE of the queue names at most. */
    private static final int ROWS_PER_STATEMENT = 256;

    /** A queued file: its history key, its path in the stage and when it was queued. */
    record Entry(String key, String relative, OffsetDateTime queuedAt) {
    }

    PipeQueue(Connection conn) throws SQLException {
        try (Statement s = conn.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS " + TABLE + " (pipe_id BIGINT, file_key VARCHAR, relative VARCHAR, "
                    + "queued_at TIMESTAMPTZ)");
        }
    }

    boolean contains(Session s, long pipeId, String key) throws SQLException {
        try (PreparedStatement ps = s.conn().prepareStatement("SELECT 1 FROM " + TABLE + " WHERE pipe_id = ? AND file_key = ?")) {
            ps.setLong(1, pipeId);
            ps.setString(2, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** The keys queued for {@code pipeId}. */
    java.util.Set<String> keys(Session s, long pipeId) throws SQLException {
        java.util.Set<String> keys = new java.util.HashSet<>();
        try (PreparedStatement ps = s.conn().prepareStatement("SELECT file_key FROM " + TABLE + " WHERE pipe_id = ?")) {
            ps.setLong(1, pipeId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    keys.add(rs.getString(1));
                }
            }
        }
        return keys;
    }

    void add(Session s, long pipeId, String key, String relative) throws SQLException {
        addAll(s, pipeId, java.util.Collections.singletonList(new String[] {key, relative}));
    }

    /**
     * Queues files, each {key, relative path}, up to {@link #ROWS_PER_STATEMENT} in one INSERT: auto-ingest noticing a
     * folder of small files paid most of a millisecond per file for an INSERT of its own.
     */
    void addAll(Session s, long pipeId, List<String[]> files) throws SQLException {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        for (int from = 0; from < files.size(); from += ROWS_PER_STATEMENT) {
            int to = Math.min(files.size(), from + ROWS_PER_STATEMENT);
            try (PreparedStatement ps = s.conn().prepareStatement("INSERT INTO " + TABLE + " VALUES "
                    + String.join(", ", java.util.Collections.nCopies(to - from, "(?, ?, ?, ?)")))) {
                for (int i = from; i < to; i++) {
                    int at = (i - from) * 4;
                    ps.setLong(at + 1, pipeId);
                    ps.setString(at + 2, files.get(i)[0]);
                    ps.setString(at + 3, files.get(i)[1]);
                    ps.setObject(at + 4, now);
                }
                ps.executeUpdate();
            }
        }
    }

    /** The pipe's queued files, oldest first. */
    List<Entry> entries(Session s, long pipeId) throws SQLException {
        List<Entry> out = new ArrayList<>();
        try (PreparedStatement ps = s.conn().prepareStatement("SELECT file_key, relative, queued_at FROM " + TABLE
                + " WHERE pipe_id = ? ORDER BY queued_at, relative")) {
            ps.setLong(1, pipeId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Entry(rs.getString(1), rs.getString(2), rs.getObject(3, OffsetDateTime.class)));
                }
            }
        }
        return out;
    }

    void remove(Session s, long pipeId, String key) throws SQLException {
        removeAll(s, pipeId, List.of(key));
    }

    /** Dequeues files by key, up to {@link #ROWS_PER_STATEMENT} in one DELETE. */
    void removeAll(Session s, long pipeId, List<String> keys) throws SQLException {
        for (int from = 0; from < keys.size(); from += ROWS_PER_STATEMENT) {
            int to = Math.min(keys.size(), from + ROWS_PER_STATEMENT);
            try (PreparedStatement ps = s.conn().prepareStatement("DELETE FROM " + TABLE + " WHERE pipe_id = ? AND file_key IN ("
                    + String.join(", ", java.util.Collections.nCopies(to - from, "?")) + ")")) {
                ps.setLong(1, pipeId);
                for (int i = from; i < to; i++) {
                    ps.setString(i - from + 2, keys.get(i));
                }
                ps.executeUpdate();
            }
        }
    }

    /** The pipe is dropped: its queue goes with it. */
    void clear(Session s, long pipeId) throws SQLException {
        try (PreparedStatement ps = s.conn().prepareStatement("DELETE FROM " + TABLE + " WHERE pipe_id = ?")) {
            ps.setLong(1, pipeId);
            ps.executeUpdate();
        }
    }
}

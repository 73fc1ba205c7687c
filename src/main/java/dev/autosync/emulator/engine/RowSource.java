package dev.autosync.emulator.engine;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.locks.Lock;

/**
 * The rows of a query result not yet read: DuckDB's open result, read forward once, by the wire as it
 * sends them (typed, column by column) instead of as Java objects kept for the whole result. Closing
 * it frees DuckDB's result; a source read to its end closes itself.
 */
public final class RowSource implements AutoCloseable {
    private final Statement statement;
    private final ResultSet rs;
    private final String[] duckTypes;
    private final Lock connectionLock;
    /** The result set already stands on a row nobody has read (read checked there was more). */
    private boolean positioned;
    /** DuckDB's remaining rows were handed over as an Arrow stream ({@link #exportArrow}). */
    private boolean exported;
    private boolean closed;
    private long total = -1;

    RowSource(Statement statement, ResultSet rs, String[] duckTypes, boolean positioned, Lock connectionLock) {
        this.statement = statement;
        this.connectionLock = connectionLock;
        this.rs = rs;
        this.duckTypes = duckTypes;
        this.positioned = positioned;
    }

    /** Moves to the next row; false (and closed) at the end. */
    public boolean next() throws SQLException {
        if (closed || exported) {
            return false;
        }
        if (positioned) {
            positioned = false;
            return true;
        }
        if (rs.next()) {
            return true;
        }
        close();
        return false;
    }

    /**
     * Rows DuckDB's JDBC driver has already fetched from the result that nobody has read yet (the current row
     * included when unread): they have to be read through {@link #next()} before {@link #exportArrow}, which
     * starts at the first row the driver has not fetched. -1 when it cannot be told (then do not export).
     */
    public int fetchedRowsLeft() {
        if (closed || exported) {
            return -1;
        }
        return FetchedChunk.rowsLeft(rs, positioned);
    }

    /**
     * The rows the JDBC driver has not fetched yet as DuckDB's Arrow export: an Arrow {@code ArrowReader}
     * allocated from {@code allocator} (an Arrow {@code BufferAllocator}), batches of up to {@code batchRows}.
     * Call it only when {@link #fetchedRowsLeft()} is 0; afterwards {@link #next()} answers false, and the
     * reader must be closed before this source.
     */
    public Object exportArrow(Object allocator, long batchRows) throws SQLException {
        if (closed || exported || fetchedRowsLeft() != 0 || !(rs instanceof org.duckdb.DuckDBResultSet duck)) {
            throw new SQLException("the result's rows cannot be exported as Arrow from here");
        }
        exported = true;
        return duck.arrowExportStream(allocator, batchRows);
    }

    /**
     * The lock of the session's DuckDB connection, held while the session runs a statement: whoever reads this
     * source on another thread (the wire cutting a chunk when the driver fetches it) holds it around each read and
     * around {@link #close()}, so DuckDB's connection is never used by two threads at once.
     */
    public Lock connectionLock() {
        return connectionLock;
    }

    /** The current row, for typed getters ({@code getLong}, {@code getString}...) by 1-based column. */
    public ResultSet row() {
        return rs;
    }

    /** DuckDB's type name of column {@code i} (0-based), in capitals: which getter reads it. */
    public String duckType(int i) {
        return duckTypes[i];
    }

    /** Column {@code i} (0-based) of the current row as the Java value a materialised result holds. */
    public Object value(int i) throws SQLException {
        return ResultTables.value(rs, i + 1, duckTypes[i]);
    }

    /** The current row as a materialised result holds it. */
    Object[] valuesOfRow() throws SQLException {
        Object[] row = new Object[duckTypes.length];
        for (int i = 0; i < row.length; i++) {
            row[i] = value(i);
        }
        return row;
    }

    /**
     * The whole result's row count (head included) when it was counted before any row was sent, so the
     * wire can name its chunks before reading them; -1 when not known.
     */
    public long total() {
        return total;
    }

    void total(long rows) {
        this.total = rows;
    }

    public boolean isClosed() {
        return closed;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            rs.close();
            statement.close();
        } catch (SQLException e) {
            // DuckDB frees the result with its statement either way
        }
    }
}

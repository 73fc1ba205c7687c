package dev.autosync.emulator.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/**
 * The outcome of one statement: columns and rows (values are Java objects, formatted for the wire
 * later), the statement kind, and for PUT/GET the file-transfer instructions the driver follows.
 * A large query result holds only its first rows ({@link #head()}); the rest stay in DuckDB as a
 * {@link RowSource} ({@link #rest()}) that the wire reads as it sends, and that {@link #rows()}
 * reads into Java values for any other reader.
 */
public final class Result implements AutoCloseable {
    private final StatementKind kind;
    private final List<ResultColumn> columns;
    private final List<Object[]> rows;
    private RowSource rest;
    private ObjectNode transfer;

    public Result(StatementKind kind, List<ResultColumn> columns, List<Object[]> rows) {
        this(kind, columns, rows, null);
    }

    Result(StatementKind kind, List<ResultColumn> columns, List<Object[]> rows, RowSource rest) {
        this.kind = kind;
        this.columns = List.copyOf(columns);
        this.rows = rows;
        this.rest = rest;
    }

    public static Result status(StatementKind kind, String message) {
        List<Object[]> rows = new ArrayList<>();
        rows.add(new Object[] {message});
        return new Result(kind, List.of(ResultColumn.text("status")), rows);
    }

    public static Result ddl(String message) {
        return status(StatementKind.DDL, message);
    }

    public static Result count(StatementKind kind, String column, long n) {
        List<Object[]> rows = new ArrayList<>();
        rows.add(new Object[] {n});
        return new Result(kind, List.of(ResultColumn.number(column)), rows);
    }

    public StatementKind kind() {
        return kind;
    }

    public List<ResultColumn> columns() {
        return columns;
    }

    /** Every row as Java values: reads what is still in DuckDB, if anything, first. */
    public List<Object[]> rows() {
        if (rest != null) {
            try (RowSource r = rest) {
                rest = null;
                while (r.next()) {
                    rows.add(r.valuesOfRow());
                }
            } catch (java.sql.SQLException e) {
                throw new dev.autosync.emulator.base.SnowflakeError("000603", "XX000",
                        "SQL execution internal error: reading the result failed: " + e.getMessage());
            }
        }
        return rows;
    }

    /** The rows read so far: all of them unless {@link #rest()} has more. */
    public List<Object[]> head() {
        return rows;
    }

    /** The rows after {@link #head()} still in DuckDB, or null when the head is the whole result. */
    public RowSource rest() {
        return rest;
    }

    /** Frees the rows still in DuckDB (a result nobody will read). */
    @Override
    public void close() {
        if (rest != null) {
            rest.close();
        }
    }

    /**
     * The same result under other column descriptions (as many, same types): its head, and its rest still in
     * DuckDB, move to the new result, which is the one to read and close.
     */
    Result withColumns(List<ResultColumn> described) {
        if (described.size() != columns.size()) {
            throw new IllegalArgumentException("a result has " + columns.size() + " columns, not " + described.size());
        }
        Result r = new Result(kind, described, rows, rest);
        r.transfer = transfer;
        rest = null;
        return r;
    }

    public ObjectNode transfer() {
        return transfer;
    }

    public Result withTransfer(ObjectNode transfer) {
        this.transfer = transfer;
        return this;
    }
}

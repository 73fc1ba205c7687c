package dev.autosync.emulator.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/**
 * The outcome of one statement: columns and rows (values are Java objects, formatted for the wire
 * later), the statement kind, and for PUT/GET the file-transfer instructions the driver follows.
 */
public final class Result {
    private final StatementKind kind;
    private final List<ResultColumn> columns;
    private final List<Object[]> rows;
    private ObjectNode transfer;

    public Result(StatementKind kind, List<ResultColumn> columns, List<Object[]> rows) {
        this.kind = kind;
        this.columns = List.copyOf(columns);
        this.rows = rows;
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

    public List<Object[]> rows() {
        return rows;
    }

    public ObjectNode transfer() {
        return transfer;
    }

    public Result withTransfer(ObjectNode transfer) {
        this.transfer = transfer;
        return this;
    }
}

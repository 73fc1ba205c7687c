package dev.autosync.emulator.sql;

import dev.autosync.emulator.base.SnowflakeError;
import dev.autosync.sql.tree.Expr;
import dev.autosync.sql.tree.Expr.FunctionCall;
import dev.autosync.sql.tree.Expr.NumberLiteral;
import dev.autosync.sql.tree.Expr.StringLiteral;

import java.util.List;

/**
 * A function call being translated: its name and arguments, both as tree nodes (to decide by
 * what was written) and as DuckDB SQL (generated once, in order).
 */
final class Call {
    private final FunctionCall node;
    private final List<String> sql;
    private final SqlContext ctx;
    private final ExpressionGenerator gen;

    Call(FunctionCall node, List<String> sql, SqlContext ctx, ExpressionGenerator gen) {
        this.node = node;
        this.sql = sql;
        this.ctx = ctx;
        this.gen = gen;
    }

    /** The generator translating the call (for translations that build SQL from argument nodes). */
    ExpressionGenerator generator() {
        return gen;
    }

    /** The call as parsed (its WITHIN GROUP items, its OVER clause). */
    dev.autosync.sql.tree.Expr.FunctionCall node() {
        return node;
    }

    String name() {
        return node.simpleName();
    }

    /** {@code WITHIN GROUP (ORDER BY ...)} as DuckDB order items, or null when the call has none. */
    String withinGroup() {
        return node.withinGroup().isEmpty() ? null : gen.orderItems(node.withinGroup());
    }

    boolean distinct() {
        return node.distinct();
    }

    int count() {
        return sql.size();
    }

    Expr arg(int i) {
        need(i + 1, Integer.MAX_VALUE);
        return node.arguments().get(i).value();
    }

    String sql(int i) {
        need(i + 1, Integer.MAX_VALUE);
        return sql.get(i);
    }

    List<String> sql() {
        return sql;
    }

    /** Every argument's SQL, comma-separated. */
    String all() {
        return String.join(", ", sql);
    }

    SqlContext context() {
        return ctx;
    }

    /** The value of argument {@code i} when it is a string literal, else null. */
    String literal(int i) {
        return i < sql.size() && node.arguments().get(i).value() instanceof StringLiteral s ? s.value() : null;
    }

    /** The string-literal value of argument {@code i}; a format or path must be written as a literal. */
    String requireLiteral(int i, String what) {
        String v = literal(i);
        if (v == null) {
            throw SnowflakeError.unsupported(what + " with a non-literal format or path argument");
        }
        return v;
    }

    /** The value of argument {@code i} when it is an integer literal, else null. */
    Integer integer(int i) {
        if (i < sql.size() && node.arguments().get(i).value() instanceof NumberLiteral n && n.text().matches("[0-9]{1,9}")) {
            return Integer.parseInt(n.text());
        }
        return null;
    }

    /**
     * Whether argument {@code i} is a BINARY: an {@code X'..'} constant, or an expression DuckDB types as BLOB in the
     * select block being translated (false when that cannot be asked).
     */
    boolean binary(int i) {
        Expr e = arg(i);
        if (e instanceof dev.autosync.sql.tree.Expr.TypedLiteral l) {
            return l.type().equals("BINARY");
        }
        if (e instanceof StringLiteral || e instanceof NumberLiteral) {
            return false;
        }
        return "BLOB".equals(gen.duckType(e));
    }

    /** Argument {@code i}, cast as Snowflake would (see {@link ExpressionGenerator#cast}). */
    String cast(int i, SnowflakeTypes type, boolean tryCast) {
        return Casts.cast(arg(i), sql(i), type, tryCast);
    }

    void need(int n) {
        need(n, n);
    }

    void need(int min, int max) {
        if (sql.size() < min || sql.size() > max) {
            String expected = min == max ? String.valueOf(min) : "at least " + min;
            throw SnowflakeError.compilation("invalid number of arguments (" + sql.size() + ") for function " + name()
                    + "; expected " + expected);
        }
    }
}

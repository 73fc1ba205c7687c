package dev.autosync.emulator.sql;

import dev.autosync.sql.tree.Expr;
import dev.autosync.sql.tree.Expr.Between;
import dev.autosync.sql.tree.Expr.Binary;
import dev.autosync.sql.tree.Expr.Collate;
import dev.autosync.sql.tree.Expr.InList;
import dev.autosync.sql.tree.Expr.InQuery;
import dev.autosync.sql.tree.Expr.IsDistinctFrom;
import dev.autosync.sql.tree.Expr.IsNull;
import dev.autosync.sql.tree.Expr.Lambda;
import dev.autosync.sql.tree.Expr.Like;
import dev.autosync.sql.tree.Expr.QuantifiedComparison;
import dev.autosync.sql.tree.Expr.Unary;
import dev.autosync.sql.tree.Expr.UnaryOperator;

/**
 * How tightly the DuckDB text of an expression binds, loosest first. DuckDB's operator precedence
 * (PostgreSQL's) orders these levels as Snowflake's grammar does, so an operand needs parentheses
 * exactly when the tree grouped it against that order.
 */
final class Precedence {
    static final int LAMBDA = 0;
    static final int OR = 1;
    static final int AND = 2;
    static final int NOT = 3;
    static final int IS = 4;
    static final int COMPARISON = 5;
    static final int MEMBERSHIP = 6;
    static final int CONCAT = 7;
    static final int ADDITIVE = 8;
    static final int MULTIPLICATIVE = 9;
    static final int UNARY = 10;
    static final int POSTFIX = 11;
    /** Function calls, literals, names and anything written with its own parentheses (division is {@code sf_div(...)}). */
    static final int ATOM = 12;

    private Precedence() {
    }

    static int of(Expr e) {
        if (e instanceof Binary b) {
            return switch (b.operator()) {
                case OR -> OR;
                case AND -> AND;
                case EQUALS, NOT_EQUALS, LESS, LESS_OR_EQUAL, GREATER, GREATER_OR_EQUAL -> COMPARISON;
                case CONCAT -> CONCAT;
                case PLUS, MINUS -> ADDITIVE;
                case TIMES, MODULO -> MULTIPLICATIVE;
                case DIVIDE -> ATOM;
            };
        }
        if (e instanceof Unary u) {
            return u.operator() == UnaryOperator.NOT ? NOT : UNARY;
        }
        if (e instanceof IsNull || e instanceof IsDistinctFrom) {
            return IS;
        }
        if (e instanceof QuantifiedComparison) {
            return COMPARISON;
        }
        if (e instanceof InList || e instanceof InQuery || e instanceof Between || e instanceof Like) {
            return MEMBERSHIP;
        }
        if (e instanceof Collate) {
            return POSTFIX;
        }
        return e instanceof Lambda ? LAMBDA : ATOM;
    }
}

package dev.autosync.sql.parse;

import dev.autosync.sql.Token;
import dev.autosync.sql.TokenType;

import java.util.Set;

/** The words that shape the grammar, and so are never taken as a column, an alias or a function name. */
final class Keywords {
    private Keywords() {
    }

    /** Words that are never an implicit alias and never a bare column name. */
    static final Set<String> RESERVED = Set.of(
            "SELECT", "FROM", "WHERE", "GROUP", "BY", "HAVING", "QUALIFY", "ORDER", "LIMIT", "OFFSET", "FETCH", "UNION",
            "ALL", "DISTINCT", "AS", "ON", "JOIN", "INNER", "LEFT", "RIGHT", "FULL", "OUTER", "CROSS", "NATURAL", "USING",
            "AND", "OR", "NOT", "IS", "NULL", "TRUE", "FALSE", "IN", "EXISTS", "BETWEEN", "LIKE", "ILIKE", "CASE", "WHEN",
            "THEN", "ELSE", "END", "ASC", "DESC", "NULLS", "FIRST", "LAST", "OVER", "PARTITION", "ROWS", "RANGE",
            "UNBOUNDED", "PRECEDING", "FOLLOWING", "CURRENT", "ROW", "WITH", "RECURSIVE", "INTERVAL", "EXCEPT",
            "INTERSECT", "MINUS", "ESCAPE", "WITHIN", "FILTER", "LATERAL", "ANY", "SOME", "IGNORE", "RESPECT", "EXCLUDE",
            "RENAME", "VALUES", "INTO", "SET", "DEFAULT", "COLLATE", "WINDOW", "ONLY", "NEXT", "TOP", "RLIKE", "REGEXP");

    /** Reserved words that never start a function call, even when a parenthesis follows. */
    static final Set<String> NOT_FUNCTIONS = Set.of("IN", "EXISTS", "VALUES", "AS", "ON", "USING", "OVER", "ANY",
            "ALL", "SOME", "THEN", "ELSE", "WHEN", "AND", "OR", "NOT", "FROM", "SELECT", "WHERE", "JOIN", "INTO", "TABLE",
            "LATERAL", "WITHIN", "EXCLUDE", "RENAME", "BY", "DISTINCT", "IS", "LIKE", "ILIKE", "BETWEEN",
            "SET", "WITH", "CASE", "END", "ROW", "DEFAULT", "REGEXP");

    /** Words after a table that are not its alias. */
    static final Set<String> NOT_TABLE_ALIAS = Set.of("MATCHED", "ASOF", "MATCH_CONDITION");

    /** Whether {@code t} may start an alias written without AS. */
    static boolean startsAlias(Token t, Token after) {
        if (t.is(TokenType.QUOTED_IDENTIFIER)) {
            return true;
        }
        return t.is(TokenType.WORD) && !RESERVED.contains(t.upper()) && !after.is(TokenType.LEFT_PAREN)
                && !after.is(TokenType.DOT);
    }

    static boolean startsTableAlias(Token t) {
        if (t.is(TokenType.QUOTED_IDENTIFIER)) {
            return true;
        }
        return t.is(TokenType.WORD) && !RESERVED.contains(t.upper()) && !NOT_TABLE_ALIAS.contains(t.upper());
    }
}

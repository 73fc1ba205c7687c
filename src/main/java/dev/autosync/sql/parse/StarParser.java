package dev.autosync.sql.parse;

import dev.autosync.sql.TokenType;
import dev.autosync.sql.tree.Expr;
import dev.autosync.sql.tree.Expr.Star;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** {@code *} and {@code t.*} with their filters, in a select list, a call ({@code COUNT(*)}) or an object constant. */
final class StarParser {
    private final SqlParser p;
    private final TokenStream t;
    private final ExpressionParser expressions;

    StarParser(SqlParser p, ExpressionParser expressions) {
        this.p = p;
        this.t = p.tokens();
        this.expressions = expressions;
    }

    /** {@code *} and its filters: ILIKE, EXCLUDE, REPLACE, RENAME (in Snowflake's order). */
    Star star(int start, List<String> qualifier) {
        t.expectOperator("*");
        String ilike = null;
        List<String> exclude = List.of();
        if (t.isWord("ILIKE") && t.peek(1).is(TokenType.STRING)) {
            t.next();
            ilike = t.next().value();
        } else if (t.accept("EXCLUDE")) {
            exclude = t.peek().is(TokenType.LEFT_PAREN) ? p.parenthesizedIdentifiers() : List.of(p.identifier());
        }
        List<Star.Replacement> replace = new ArrayList<>();
        if (t.isWord("REPLACE") && t.peek(1).is(TokenType.LEFT_PAREN)) {
            t.next();
            t.next();
            do {
                Expr value = expressions.expression(Set.of());
                t.expect("AS");
                replace.add(new Star.Replacement(value, p.identifier()));
            } while (t.accept(TokenType.COMMA));
            t.expect(TokenType.RIGHT_PAREN);
        }
        List<Star.Renaming> rename = new ArrayList<>();
        if (t.accept("RENAME")) {
            boolean list = t.accept(TokenType.LEFT_PAREN);
            do {
                String column = p.identifier();
                t.expect("AS");
                rename.add(new Star.Renaming(column, p.identifier()));
            } while (list && t.accept(TokenType.COMMA));
            if (list) {
                t.expect(TokenType.RIGHT_PAREN);
            }
        }
        return new Star(p.span(start), qualifier, ilike, exclude, List.copyOf(replace), List.copyOf(rename));
    }
}

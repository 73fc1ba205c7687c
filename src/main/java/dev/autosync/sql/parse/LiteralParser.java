package dev.autosync.sql.parse;

import dev.autosync.sql.TokenType;
import dev.autosync.sql.tree.Expr;
import dev.autosync.sql.tree.Expr.FunctionCall;
import dev.autosync.sql.tree.Expr.ObjectLiteral;
import dev.autosync.sql.tree.Expr.Star;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Constants with a syntax of their own: an INTERVAL's ANSI qualifier and {@code {...}} object constants. */
final class LiteralParser {
    private final SqlParser p;
    private final TokenStream t;
    private final ExpressionParser expressions;
    private final StarParser stars;

    LiteralParser(SqlParser p, ExpressionParser expressions, StarParser stars) {
        this.p = p;
        this.t = p.tokens();
        this.expressions = expressions;
        this.stars = stars;
    }

    private static final List<String> INTERVAL_FIELDS = List.of("YEAR", "MONTH", "DAY", "HOUR", "MINUTE", "SECOND");

    /**
     * An interval constant's optional ANSI qualifier ({@code INTERVAL '1 01:01:01.7878' DAY TO SECOND}, {@code INTERVAL
     * '2-3' YEAR TO MONTH}, {@code INTERVAL '5' HOUR}: data-types-datetime page), read into Snowflake's own form
     * ({@code '1 day, 1 hour, ...'}). Without a qualifier the text stays as written.
     */
    String qualifiedInterval(String value) {
        int from = intervalField(t.peek().upper());
        if (!t.peek().is(TokenType.WORD) || from < 0) {
            return value;
        }
        t.next();
        skipFieldPrecision();
        int to = from;
        if (t.isWord("TO") && intervalField(t.peek(1).upper()) > from) {
            t.next();
            to = intervalField(t.next().upper());
            skipFieldPrecision();
        }
        String text = value.trim();
        String sign = "";
        if (text.startsWith("-") || text.startsWith("+")) {
            sign = text.startsWith("-") ? "-" : "";
            text = text.substring(1).trim();
        }
        String[] numbers = text.split("[-: ]+");
        if (numbers.length != to - from + 1) {
            return value; // read (and refused) as Snowflake's own interval text
        }
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < numbers.length; i++) {
            String field = INTERVAL_FIELDS.get(from + i);
            if (field.equals("SECOND") && numbers[i].contains(".")) {
                java.math.BigDecimal s = new java.math.BigDecimal(numbers[i]);
                parts.add(sign + s.toBigInteger() + " second");
                parts.add(sign + s.remainder(java.math.BigDecimal.ONE).movePointRight(9).toBigInteger() + " nanosecond");
            } else {
                parts.add(sign + numbers[i] + " " + field.toLowerCase(java.util.Locale.ROOT));
            }
        }
        if (INTERVAL_FIELDS.get(from).equals("DAY") && to == from) {
            // a DAY interval is a day-time interval: added to a DATE it gives a timestamp (data-types-datetime page:
            // '2026-04-01'::DATE + INTERVAL '3' DAYS is 2026-04-04 00:00:00.000)
            parts.add("0 hour");
        }
        return String.join(", ", parts);
    }

    /** A qualifier field's index in INTERVAL_FIELDS, singular or plural ({@code DAY}, {@code DAYS}), or -1. */
    private static int intervalField(String word) {
        int i = INTERVAL_FIELDS.indexOf(word);
        return i >= 0 || !word.endsWith("S") ? i : INTERVAL_FIELDS.indexOf(word.substring(0, word.length() - 1));
    }

    /** A qualifier field's precision, {@code DAY(2)} or {@code SECOND(2)}: accepted and not used. */
    private void skipFieldPrecision() {
        if (t.peek().is(TokenType.LEFT_PAREN) && t.peek(1).is(TokenType.NUMBER)) {
            t.next();
            while (!t.peek().is(TokenType.RIGHT_PAREN) && !t.atEnd()) {
                t.next();
            }
            t.expect(TokenType.RIGHT_PAREN);
        }
    }

    Expr objectLiteral() {
        int start = t.position();
        t.expectOperator("{");
        // {*}, {t.*} and their ILIKE / EXCLUDE: OBJECT_CONSTRUCT(*) of the row (object_construct page)
        boolean qualified = t.peek().isIdentifier() && t.peek(1).is(TokenType.DOT) && t.peek(2).isOperator("*");
        if (t.peek().isOperator("*") || qualified) {
            int starStart = t.position();
            List<String> qualifier = List.of();
            if (qualified) {
                qualifier = List.of(p.identifier());
                t.next();
            }
            Star star = stars.star(starStart, qualifier);
            t.expectOperator("}");
            return new FunctionCall(p.span(start), List.of("OBJECT_CONSTRUCT"), false,
                    List.of(new FunctionCall.Argument(null, star)), null, List.of(), null);
        }
        List<ObjectLiteral.Entry> entries = new ArrayList<>();
        if (!t.peek().isOperator("}")) {
            do {
                String key = t.expect(TokenType.STRING).value();
                t.expectOperator(":");
                entries.add(new ObjectLiteral.Entry(key, expressions.expression(Set.of())));
            } while (t.accept(TokenType.COMMA));
        }
        t.expectOperator("}");
        return new ObjectLiteral(p.span(start), List.copyOf(entries));
    }
}

package dev.autosync.sql.parse;

import dev.autosync.sql.Token;
import dev.autosync.sql.TokenType;
import dev.autosync.sql.tree.Expr;
import dev.autosync.sql.tree.Expr.ArrayLiteral;
import dev.autosync.sql.tree.Expr.BooleanLiteral;
import dev.autosync.sql.tree.Expr.Case;
import dev.autosync.sql.tree.Expr.CastSyntax;
import dev.autosync.sql.tree.Expr.ColumnRef;
import dev.autosync.sql.tree.Expr.DefaultValue;
import dev.autosync.sql.tree.Expr.Exists;
import dev.autosync.sql.tree.Expr.FunctionCall;
import dev.autosync.sql.tree.Expr.IntervalLiteral;
import dev.autosync.sql.tree.Expr.Lambda;
import dev.autosync.sql.tree.TypeName;
import dev.autosync.sql.tree.Expr.NullLiteral;
import dev.autosync.sql.tree.Expr.NumberLiteral;
import dev.autosync.sql.tree.Expr.Parameter;
import dev.autosync.sql.tree.Expr.PositionalRef;
import dev.autosync.sql.tree.Expr.ScalarSubquery;
import dev.autosync.sql.tree.Expr.SessionVariable;
import dev.autosync.sql.tree.Expr.StringLiteral;
import dev.autosync.sql.tree.Expr.Tuple;
import dev.autosync.sql.tree.Expr.TypedLiteral;
import dev.autosync.sql.tree.OrderItem;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The operands of expressions: literals, names and positional columns, {@code *} with its filters
 * ({@link StarParser}), function calls with CAST / TRY_CAST, EXTRACT and POSITION ({@link CallParser}), CASE,
 * EXISTS, subqueries, tuples, lambdas, session variables and {@code [...]} / {@code {...}} constants (an
 * INTERVAL's qualifier and objects: {@link LiteralParser}).
 */
final class PrimaryParser {
    private static final Set<String> TYPED_LITERALS = Set.of("DATE", "TIME", "TIMESTAMP", "TIMESTAMP_NTZ",
            "TIMESTAMP_LTZ", "TIMESTAMP_TZ", "DATETIME");
    /** Functions that may be called without parentheses. */
    private static final Set<String> NILADIC = Set.of("CURRENT_TIMESTAMP", "LOCALTIMESTAMP", "SYSTIMESTAMP",
            "CURRENT_DATE", "CURRENT_TIME", "LOCALTIME");

    private final SqlParser p;
    private final TokenStream t;
    private final ExpressionParser expressions;
    private final CallParser calls;
    private final StarParser stars;
    private final LiteralParser literals;

    PrimaryParser(SqlParser p, ExpressionParser expressions) {
        this.p = p;
        this.t = p.tokens();
        this.expressions = expressions;
        this.calls = new CallParser(p, expressions);
        this.stars = new StarParser(p, expressions);
        this.literals = new LiteralParser(p, expressions, stars);
    }

    CallParser calls() {
        return calls;
    }

    Expr primary() {
        Token tok = t.peek();
        int start = t.position();
        return switch (tok.type()) {
            case LEFT_PAREN -> parenthesized();
            case STRING -> {
                t.next();
                yield new StringLiteral(p.span(start), tok.value());
            }
            case NUMBER -> {
                t.next();
                yield new NumberLiteral(p.span(start), tok.text());
            }
            case PARAMETER -> {
                t.next();
                yield new Parameter(p.span(start));
            }
            case POSITIONAL -> {
                t.next();
                yield new PositionalRef(p.span(start), List.of(), positionOf(tok));
            }
            case QUOTED_IDENTIFIER -> nameOrCall();
            case WORD -> word();
            case OPERATOR -> operatorPrimary();
            default -> throw t.unexpected();
        };
    }

    private static int positionOf(Token positional) {
        return Integer.parseInt(positional.text().substring(1));
    }

    private Expr parenthesized() {
        int start = t.position();
        if (lambdaFollows()) {
            t.next();
            List<String> parameters = p.identifierList();
            t.expect(TokenType.RIGHT_PAREN);
            return lambda(start, parameters);
        }
        t.next();
        if (t.isWord("SELECT") || t.isWord("WITH")) {
            var query = p.query();
            t.expect(TokenType.RIGHT_PAREN);
            return new ScalarSubquery(p.span(start), query);
        }
        List<Expr> items = p.expressionList(Set.of());
        t.expect(TokenType.RIGHT_PAREN);
        return items.size() == 1 ? items.get(0) : new Tuple(p.span(start), List.copyOf(items));
    }

    /** {@code x TYPE ->} or {@code x TYPE(p, s) ->}: a lambda with a typed parameter. */
    private boolean typedLambdaFollows() {
        int i = 2;
        if (t.peek(i).isOperator("->")) {
            return true;
        }
        if (!t.peek(i).is(TokenType.LEFT_PAREN)) {
            return false;
        }
        while (!t.peek(i).is(TokenType.RIGHT_PAREN) && !t.peek(i).is(TokenType.END)) {
            i++;
        }
        return t.peek(i + 1).isOperator("->");
    }

    /** {@code (a, b) ->}: parameters of a lambda. */
    private boolean lambdaFollows() {
        int i = 1;
        while (t.peek(i).isIdentifier()) {
            if (t.peek(i + 1).is(TokenType.RIGHT_PAREN)) {
                return t.peek(i + 2).isOperator("->");
            }
            if (!t.peek(i + 1).is(TokenType.COMMA)) {
                return false;
            }
            i += 2;
        }
        return false;
    }

    private Expr lambda(int start, List<String> parameters) {
        return lambda(start, parameters, null);
    }

    private Expr lambda(int start, List<String> parameters, TypeName type) {
        t.expectOperator("->");
        Expr body = expressions.expression(Set.of());
        return new Lambda(p.span(start), List.copyOf(parameters), type, body);
    }

    private Expr word() {
        Token tok = t.peek();
        int start = t.position();
        String u = tok.upper();
        Token next = t.peek(1);
        boolean call = next.is(TokenType.LEFT_PAREN);
        if (next.is(TokenType.DOT)) {
            return nameOrCall();
        }
        if (next.isOperator("->")) {
            String parameter = p.identifier();
            return lambda(start, List.of(parameter));
        }
        if (next.is(TokenType.WORD) && typedLambdaFollows()) {
            // x INT -> x * 2 (transform page): the parameter's declared type
            String parameter = p.identifier();
            TypeName type = p.typeName();
            return lambda(start, List.of(parameter), type);
        }
        switch (u) {
            case "CASE":
                return caseExpression();
            case "CAST", "TRY_CAST":
                if (call) {
                    return calls.cast(u.equals("CAST") ? CastSyntax.CAST : CastSyntax.TRY_CAST);
                }
                break;
            case "EXTRACT":
                if (call) {
                    return calls.extract();
                }
                break;
            case "POSITION":
                if (call) {
                    return calls.position();
                }
                break;
            case "EXISTS":
                if (call) {
                    t.next();
                    var query = expressions.parenthesizedQuery();
                    return new Exists(p.span(start), query);
                }
                break;
            case "NULL":
                t.next();
                return new NullLiteral(p.span(start));
            case "TRUE", "FALSE":
                t.next();
                return new BooleanLiteral(p.span(start), u.equals("TRUE"));
            case "DEFAULT":
                t.next();
                return new DefaultValue(p.span(start));
            case "INTERVAL":
                if (next.is(TokenType.STRING)) {
                    t.next();
                    String value = t.next().value();
                    return new IntervalLiteral(p.span(start), literals.qualifiedInterval(value));
                }
                break;
            default:
                break;
        }
        if (u.equals("X") && next.is(TokenType.STRING) && next.offset() == tok.offset() + 1) {
            // X'0A1B': a BINARY constant in hex digits (data-types-text page)
            t.next();
            return new TypedLiteral(p.span(start), "BINARY", t.next().value());
        }
        if (TYPED_LITERALS.contains(u) && next.is(TokenType.STRING)) {
            t.next();
            String value = t.next().value();
            return new TypedLiteral(p.span(start), u, value);
        }
        if (NILADIC.contains(u) && !call) {
            t.next();
            return new FunctionCall(p.span(start), List.of(u), false, List.of(), null, List.of(), null);
        }
        if (Keywords.RESERVED.contains(u) && !(call && !Keywords.NOT_FUNCTIONS.contains(u))) {
            throw t.unexpected();
        }
        return nameOrCall();
    }

    /** {@code a.b.c}, {@code t.$1}, {@code t.*} or {@code db.s.fn(...)}. */
    private Expr nameOrCall() {
        int start = t.position();
        List<String> parts = new ArrayList<>();
        parts.add(p.identifier());
        while (t.peek().is(TokenType.DOT)) {
            Token after = t.peek(1);
            if (after.isIdentifier()) {
                t.next();
                parts.add(p.identifier());
            } else if (after.is(TokenType.POSITIONAL)) {
                t.next();
                t.next();
                return new PositionalRef(p.span(start), List.copyOf(parts), positionOf(after));
            } else if (after.isOperator("*")) {
                t.next();
                return stars.star(start, List.copyOf(parts));
            } else {
                break;
            }
        }
        if (t.peek().is(TokenType.LEFT_PAREN)) {
            return calls.call(start, List.copyOf(parts));
        }
        return new ColumnRef(p.span(start), List.copyOf(parts));
    }

    private Expr operatorPrimary() {
        int start = t.position();
        Token tok = t.peek();
        switch (tok.text()) {
            case "*":
                return stars.star(start, List.of());
            case "[": {
                t.next();
                List<Expr> elements = t.peek().isOperator("]") ? List.of() : p.expressionList(Set.of());
                t.expectOperator("]");
                return new ArrayLiteral(p.span(start), List.copyOf(elements));
            }
            case "{":
                return literals.objectLiteral();
            case "$": {
                Token name = t.peek(1);
                if (name.is(TokenType.WORD) && name.offset() == tok.offset() + 1) {
                    t.next();
                    t.next();
                    return new SessionVariable(p.span(start), name.identifierName());
                }
                throw t.unexpected();
            }
            default:
                throw t.unexpected();
        }
    }

    private Expr caseExpression() {
        int start = t.position();
        t.expect("CASE");
        Expr operand = t.isWord("WHEN") ? null : expressions.expression(Set.of());
        List<Case.When> whens = new ArrayList<>();
        while (t.accept("WHEN")) {
            Expr condition = expressions.expression(Set.of());
            t.expect("THEN");
            whens.add(new Case.When(condition, expressions.expression(Set.of())));
        }
        if (whens.isEmpty()) {
            throw t.unexpected();
        }
        Expr otherwise = t.accept("ELSE") ? expressions.expression(Set.of()) : null;
        t.expect("END");
        return new Case(p.span(start), operand, List.copyOf(whens), otherwise);
    }

    /**
     * ORDER BY items: {@code expr [ASC | DESC] [NULLS FIRST | LAST]}, comma-separated, or
     * {@code ALL [ASC | DESC] [NULLS ...]} (every select-list column in order; the item's expr is null).
     */
    List<OrderItem> orderItems() {
        List<OrderItem> items = new ArrayList<>();
        do {
            int start = t.position();
            boolean all = items.isEmpty() && t.isWord("ALL") && !t.peek(1).is(TokenType.LEFT_PAREN) && !t.peek(1).is(TokenType.DOT);
            if (all) {
                t.next();
            }
            Expr e = all ? null : expressions.expression(Set.of());
            OrderItem.Direction direction = t.accept("ASC") ? OrderItem.Direction.ASC
                    : t.accept("DESC") ? OrderItem.Direction.DESC : null;
            OrderItem.NullsOrder nulls = null;
            if (t.accept("NULLS")) {
                if (t.accept("FIRST")) {
                    nulls = OrderItem.NullsOrder.FIRST;
                } else {
                    t.expect("LAST");
                    nulls = OrderItem.NullsOrder.LAST;
                }
            }
            items.add(new OrderItem(p.span(start), e, direction, nulls));
        } while (t.accept(TokenType.COMMA));
        return List.copyOf(items);
    }
}

package dev.autosync.sql.parse;

import dev.autosync.sql.Token;
import dev.autosync.sql.TokenType;
import dev.autosync.sql.tree.Expr;
import dev.autosync.sql.tree.Expr.Cast;
import dev.autosync.sql.tree.Expr.CastSyntax;
import dev.autosync.sql.tree.Expr.Extract;
import dev.autosync.sql.tree.Expr.FunctionCall;
import dev.autosync.sql.tree.Expr.NullTreatment;
import dev.autosync.sql.tree.Expr.Position;
import dev.autosync.sql.tree.OrderItem;
import dev.autosync.sql.tree.Window;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Function calls: {@code [DISTINCT]} arguments, named arguments ({@code INPUT => x}),
 * {@code IGNORE | RESPECT NULLS} (inside or after the parentheses), {@code WITHIN GROUP (ORDER BY ...)}
 * and {@code OVER (PARTITION BY ... ORDER BY ... frame)}; and the calls with keywords inside: POSITION's {@code IN},
 * CAST's {@code AS} and EXTRACT's {@code FROM}.
 */
final class CallParser {
    private final SqlParser p;
    private final TokenStream t;
    private final ExpressionParser expressions;

    CallParser(SqlParser p, ExpressionParser expressions) {
        this.p = p;
        this.t = p.tokens();
        this.expressions = expressions;
    }

    /** The call of {@code name}, with the stream at its opening parenthesis; {@code start} is where the name began. */
    FunctionCall call(int start, List<String> name) {
        t.expect(TokenType.LEFT_PAREN);
        boolean distinct = t.accept("DISTINCT");
        if (!distinct && t.isWord("ALL") && !t.peek(1).is(TokenType.RIGHT_PAREN)) {
            t.next();
        }
        List<FunctionCall.Argument> arguments = new ArrayList<>();
        if (!t.peek().is(TokenType.RIGHT_PAREN)) {
            do {
                String argName = null;
                if (t.peek().is(TokenType.WORD) && t.peek(1).isOperator("=>")) {
                    argName = t.next().upper();
                    t.next();
                }
                arguments.add(new FunctionCall.Argument(argName, expressions.expression(Set.of())));
            } while (t.accept(TokenType.COMMA));
        }
        NullTreatment nulls = nullTreatment();
        t.expect(TokenType.RIGHT_PAREN);
        if (nulls == null) {
            nulls = nullTreatment();
        }
        List<OrderItem> withinGroup = List.of();
        if (t.acceptAll("WITHIN", "GROUP")) {
            t.expect(TokenType.LEFT_PAREN);
            t.expect("ORDER");
            t.expect("BY");
            withinGroup = expressions.primaries().orderItems();
            t.expect(TokenType.RIGHT_PAREN);
        }
        Window over = t.accept("OVER") ? window() : null;
        return new FunctionCall(p.span(start), name, distinct, List.copyOf(arguments), nulls, withinGroup, over);
    }

    private NullTreatment nullTreatment() {
        if (t.acceptAll("IGNORE", "NULLS")) {
            return NullTreatment.IGNORE;
        }
        return t.acceptAll("RESPECT", "NULLS") ? NullTreatment.RESPECT : null;
    }

    /** {@code POSITION(needle IN haystack)}, or the comma form as an ordinary call. */
    Expr position() {
        int start = t.position();
        t.next();
        int open = t.position();
        t.expect(TokenType.LEFT_PAREN);
        Expr needle = expressions.expression(Set.of("IN"));
        if (t.accept("IN")) {
            Expr haystack = expressions.expression(Set.of());
            t.expect(TokenType.RIGHT_PAREN);
            return new Position(p.span(start), needle, haystack);
        }
        t.reset(open);
        return call(start, List.of("POSITION"));
    }

    private Window window() {
        int start = t.position();
        t.expect(TokenType.LEFT_PAREN);
        List<Expr> partitionBy = List.of();
        if (t.acceptAll("PARTITION", "BY")) {
            partitionBy = List.copyOf(p.expressionList(Set.of()));
        }
        List<OrderItem> orderBy = List.of();
        if (t.acceptAll("ORDER", "BY")) {
            orderBy = expressions.primaries().orderItems();
        }
        Window.Frame frame = null;
        Window.Frame.Unit unit = t.accept("ROWS") ? Window.Frame.Unit.ROWS : t.accept("RANGE") ? Window.Frame.Unit.RANGE
                : t.accept("GROUPS") ? Window.Frame.Unit.GROUPS : null;
        if (unit != null) {
            if (t.accept("BETWEEN")) {
                Window.Bound low = bound();
                t.expect("AND");
                frame = new Window.Frame(unit, low, bound());
            } else {
                frame = new Window.Frame(unit, bound(), null);
            }
        }
        t.expect(TokenType.RIGHT_PAREN);
        return new Window(p.span(start), partitionBy, orderBy, frame);
    }

    private Window.Bound bound() {
        if (t.acceptAll("UNBOUNDED", "PRECEDING")) {
            return new Window.Bound(Window.Bound.Kind.UNBOUNDED_PRECEDING, null);
        }
        if (t.acceptAll("UNBOUNDED", "FOLLOWING")) {
            return new Window.Bound(Window.Bound.Kind.UNBOUNDED_FOLLOWING, null);
        }
        if (t.acceptAll("CURRENT", "ROW")) {
            return new Window.Bound(Window.Bound.Kind.CURRENT_ROW, null);
        }
        Expr offset = expressions.expression(Set.of("AND"));
        if (t.accept("PRECEDING")) {
            return new Window.Bound(Window.Bound.Kind.PRECEDING, offset);
        }
        t.expect("FOLLOWING");
        return new Window.Bound(Window.Bound.Kind.FOLLOWING, offset);
    }

    /** {@code CAST(x AS type)} or {@code TRY_CAST(...)}, with the stream at the word. */
    Expr cast(CastSyntax syntax) {
        int start = t.position();
        t.next();
        t.expect(TokenType.LEFT_PAREN);
        Expr operand = expressions.expression(Set.of());
        t.expect("AS");
        var type = p.typeName();
        t.expect(TokenType.RIGHT_PAREN);
        return new Cast(p.span(start), operand, type, syntax);
    }

    /** {@code EXTRACT(part FROM x)}, with the stream at the word. */
    Expr extract() {
        int start = t.position();
        t.next();
        t.expect(TokenType.LEFT_PAREN);
        Token part = t.next();
        if (!(part.is(TokenType.WORD) || part.is(TokenType.STRING))) {
            throw t.unexpectedPrevious();
        }
        if (!t.accept(TokenType.COMMA)) { // extract page: EXTRACT(part FROM x) or EXTRACT('part', x)
            t.expect("FROM");
        }
        Expr source = expressions.expression(Set.of());
        t.expect(TokenType.RIGHT_PAREN);
        return new Extract(p.span(start), part.is(TokenType.WORD) ? part.text() : part.value(), source);
    }
}

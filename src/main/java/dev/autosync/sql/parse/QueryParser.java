package dev.autosync.sql.parse;

import dev.autosync.sql.Token;
import dev.autosync.sql.TokenType;
import dev.autosync.sql.tree.Expr;
import dev.autosync.sql.tree.GroupingElement;
import dev.autosync.sql.tree.GroupingElement.GroupingSets;
import dev.autosync.sql.tree.OrderItem;
import dev.autosync.sql.tree.Query;
import dev.autosync.sql.tree.QueryBody;
import dev.autosync.sql.tree.QueryBody.GroupBy;
import dev.autosync.sql.tree.QueryBody.Select;
import dev.autosync.sql.tree.QueryBody.SelectItem;
import dev.autosync.sql.tree.QueryBody.SetOperation;
import dev.autosync.sql.tree.QueryBody.SetOperator;
import dev.autosync.sql.tree.Relation;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/** Queries: WITH, SELECT blocks, VALUES, set operators (INTERSECT first), ORDER BY and the row limits. */
final class QueryParser {
    private final SqlParser p;
    private final TokenStream t;

    QueryParser(SqlParser p) {
        this.p = p;
        this.t = p.tokens();
    }

    Query query() {
        int start = t.position();
        Query.With with = t.isWord("WITH") ? with() : null;
        QueryBody body = union();
        List<OrderItem> orderBy = List.of();
        if (t.acceptAll("ORDER", "BY")) {
            orderBy = p.expressions().primaries().orderItems();
        }
        Expr limit = null;
        Expr offset = null;
        if (t.accept("LIMIT")) {
            limit = p.expression();
            if (t.accept("OFFSET")) {
                offset = p.expression();
            }
        }
        if (offset == null && t.accept("OFFSET")) {
            offset = p.expression();
            if (!t.accept("ROWS")) {
                t.accept("ROW");
            }
        }
        if (limit == null && t.accept("FETCH")) {
            if (!t.accept("FIRST")) {
                t.expect("NEXT");
            }
            limit = p.expression();
            if (!t.accept("ROWS")) {
                t.expect("ROW");
            }
            t.expect("ONLY");
        }
        return new Query(p.span(start), with, body, orderBy, limit, offset);
    }

    private Query.With with() {
        t.expect("WITH");
        boolean recursive = t.accept("RECURSIVE");
        List<Query.Cte> ctes = new ArrayList<>();
        do {
            int start = t.position();
            String name = p.identifier();
            List<String> columns = t.peek().is(TokenType.LEFT_PAREN) ? p.parenthesizedIdentifiers() : List.of();
            t.expect("AS");
            Query q = p.expressions().parenthesizedQuery();
            ctes.add(new Query.Cte(p.span(start), name, List.copyOf(columns), q));
        } while (t.accept(TokenType.COMMA));
        return new Query.With(recursive, List.copyOf(ctes));
    }

    private QueryBody union() {
        int start = t.position();
        QueryBody left = intersect();
        while (t.isWord("UNION") || t.isWord("EXCEPT") || t.isWord("MINUS")) {
            SetOperator op = t.next().isWord("UNION") ? SetOperator.UNION : SetOperator.EXCEPT;
            left = setOperation(start, op, left, this::intersect);
        }
        return left;
    }

    private QueryBody intersect() {
        int start = t.position();
        QueryBody left = operand();
        while (t.accept("INTERSECT")) {
            left = setOperation(start, SetOperator.INTERSECT, left, this::operand);
        }
        return left;
    }

    private QueryBody setOperation(int start, SetOperator op, QueryBody left, Supplier<QueryBody> right) {
        boolean all = t.accept("ALL");
        if (!all) {
            t.accept("DISTINCT");
        }
        boolean byName = t.acceptAll("BY", "NAME");
        QueryBody rightOperand = right.get();
        return new SetOperation(p.span(start), op, all, byName, left, rightOperand);
    }

    private QueryBody operand() {
        int start = t.position();
        if (t.peek().is(TokenType.LEFT_PAREN)) {
            t.next();
            Query q = query();
            t.expect(TokenType.RIGHT_PAREN);
            return new QueryBody.Nested(p.span(start), q);
        }
        if (t.isWord("VALUES")) {
            return values();
        }
        return select();
    }

    /** {@code VALUES (a, b), (c, d)}. */
    QueryBody.Values values() {
        int start = t.position();
        t.expect("VALUES");
        List<List<Expr>> rows = new ArrayList<>();
        do {
            t.expect(TokenType.LEFT_PAREN);
            rows.add(List.copyOf(p.expressionList(Set.of())));
            t.expect(TokenType.RIGHT_PAREN);
        } while (t.accept(TokenType.COMMA));
        return new QueryBody.Values(p.span(start), List.copyOf(rows));
    }

    private Select select() {
        int start = t.position();
        t.expect("SELECT");
        boolean distinct = t.accept("DISTINCT");
        if (!distinct) {
            t.accept("ALL");
        }
        Expr top = null;
        if (t.isWord("TOP")) {
            t.next();
            int at = t.position();
            Token n = t.expect(TokenType.NUMBER);
            top = new Expr.NumberLiteral(p.span(at), n.text());
        }
        List<SelectItem> items = new ArrayList<>();
        do {
            items.add(selectItem());
        } while (t.accept(TokenType.COMMA));
        List<String> into = List.of();
        if (t.accept("INTO")) {
            into = intoTargets();
        }
        List<Relation> from = t.accept("FROM") ? p.fromList() : List.of();
        Expr where = t.accept("WHERE") ? p.expression() : null;
        GroupBy groupBy = t.isWords("GROUP", "BY") ? groupBy() : null;
        Expr having = t.accept("HAVING") ? p.expression() : null;
        Expr qualify = t.accept("QUALIFY") ? p.expression() : null;
        return new Select(p.span(start), distinct, top, List.copyOf(items), into, from, where, groupBy, having, qualify);
    }

    private SelectItem selectItem() {
        int start = t.position();
        Expr e = p.expression();
        String alias = null;
        if (!(e instanceof Expr.Star)) {
            if (t.accept("AS")) {
                alias = p.aliasName();
            } else if (Keywords.startsAlias(t.peek(), t.peek(1))) {
                alias = p.aliasName();
            }
        }
        return new SelectItem(p.span(start), e, alias);
    }

    /** {@code INTO :a, :b} (Snowflake Scripting variables). */
    private List<String> intoTargets() {
        List<String> targets = new ArrayList<>();
        do {
            t.acceptOperator(":");
            targets.add(p.identifier());
        } while (t.accept(TokenType.COMMA));
        return List.copyOf(targets);
    }

    private GroupBy groupBy() {
        int start = t.position();
        t.expect("GROUP");
        t.expect("BY");
        if (t.isWord("ALL") && !t.peek(1).is(TokenType.LEFT_PAREN)) {
            t.next();
            return new GroupBy(p.span(start), true, List.of());
        }
        List<GroupingElement> elements = new ArrayList<>();
        do {
            elements.add(groupingElement());
        } while (t.accept(TokenType.COMMA));
        return new GroupBy(p.span(start), false, List.copyOf(elements));
    }

    private GroupingElement groupingElement() {
        int start = t.position();
        GroupingSets.Kind kind = null;
        if (t.isWord("ROLLUP") && t.peek(1).is(TokenType.LEFT_PAREN)) {
            kind = GroupingSets.Kind.ROLLUP;
            t.next();
        } else if (t.isWord("CUBE") && t.peek(1).is(TokenType.LEFT_PAREN)) {
            kind = GroupingSets.Kind.CUBE;
            t.next();
        } else if (t.isWords("GROUPING", "SETS")) {
            kind = GroupingSets.Kind.GROUPING_SETS;
            t.next();
            t.next();
        }
        if (kind == null) {
            return p.expression();
        }
        t.expect(TokenType.LEFT_PAREN);
        List<Expr> items = new ArrayList<>();
        do {
            int itemStart = t.position();
            if (t.peek().is(TokenType.LEFT_PAREN) && t.peek(1).is(TokenType.RIGHT_PAREN)) {
                t.next();
                t.next();
                items.add(new Expr.Tuple(p.span(itemStart), List.of()));
            } else {
                items.add(p.expression());
            }
        } while (t.accept(TokenType.COMMA));
        t.expect(TokenType.RIGHT_PAREN);
        return new GroupingSets(p.span(start), kind, List.copyOf(items));
    }
}

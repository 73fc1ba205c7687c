package dev.autosync.sql.parse;

import dev.autosync.sql.Token;
import dev.autosync.sql.TokenType;
import dev.autosync.sql.tree.Expr;
import dev.autosync.sql.tree.Relation;
import dev.autosync.sql.tree.Relation.Alias;
import dev.autosync.sql.tree.Relation.JoinType;
import dev.autosync.sql.tree.Relation.Modifier;
import dev.autosync.sql.tree.Span;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** FROM items: relations with modifiers and aliases, joined left to right and separated by commas. */
final class RelationParser {
    private static final Set<String> MODIFIERS = Set.of("AT", "BEFORE", "CHANGES", "PIVOT", "UNPIVOT", "MATCH_RECOGNIZE");
    private static final Set<String> SAMPLING = Set.of("SAMPLE", "TABLESAMPLE");

    private final SqlParser p;
    private final TokenStream t;

    RelationParser(SqlParser p) {
        this.p = p;
        this.t = p.tokens();
    }

    List<Relation> fromList() {
        List<Relation> items = new ArrayList<>();
        do {
            items.add(joined());
        } while (t.accept(TokenType.COMMA));
        return List.copyOf(items);
    }

    private Relation joined() {
        int start = t.position();
        Relation left = primary();
        while (true) {
            int save = t.position();
            boolean natural = t.accept("NATURAL");
            JoinType type = joinType();
            if (!t.accept("JOIN")) {
                t.reset(save);
                return left;
            }
            Relation right = primary();
            Expr match = null;
            if (type == JoinType.ASOF) {
                t.expect("MATCH_CONDITION");
                t.expect(TokenType.LEFT_PAREN);
                match = p.expression();
                t.expect(TokenType.RIGHT_PAREN);
            }
            Expr on = null;
            List<String> using = List.of();
            if (t.accept("ON")) {
                on = p.expression();
            } else if (t.accept("USING")) {
                using = p.parenthesizedIdentifiers();
            }
            if (match != null) {
                on = on == null ? match : new Expr.Binary(p.span(start), Expr.BinaryOperator.AND, on, match);
            }
            left = new Relation.Join(p.span(start), type, natural, left, right, on, List.copyOf(using));
        }
    }

    private JoinType joinType() {
        if (t.isWord("ASOF") && t.peek(1).isWord("JOIN")) {
            t.next();
            return JoinType.ASOF;
        }
        if (t.accept("INNER")) {
            return JoinType.INNER;
        }
        if (t.accept("CROSS")) {
            return JoinType.CROSS;
        }
        JoinType outer = t.accept("LEFT") ? JoinType.LEFT : t.accept("RIGHT") ? JoinType.RIGHT
                : t.accept("FULL") ? JoinType.FULL : null;
        if (outer != null) {
            t.accept("OUTER");
            return outer;
        }
        return JoinType.INNER;
    }

    /** A relation still waiting for its span, modifiers and alias. */
    private interface Pending {
        Relation complete(Span span, List<Modifier> modifiers, Alias alias);
    }

    /** One FROM item with its modifiers and alias. */
    Relation primary() {
        int start = t.position();
        if (t.accept("LATERAL")) {
            Relation inner = primary();
            return new Relation.Lateral(p.span(start), inner);
        }
        Pending pending = core();
        List<Modifier> modifiers = modifiers();
        Alias alias = alias();
        if (alias != null && modifiers.isEmpty()) {
            modifiers = modifiers(); // t AS x SAMPLE (50) (sample page: the sampling clause follows the alias)
        }
        return pending.complete(p.span(start), modifiers, alias);
    }

    private Pending core() {
        Token tok = t.peek();
        if (tok.is(TokenType.LEFT_PAREN)) {
            t.next();
            int open = t.position();
            if (t.isWord("VALUES")) {
                // (VALUES (...), (...) AS t(a, b)): the alias inside the parentheses names the rows
                // (array_min page); without one, the parenthesised VALUES is a query as below
                p.values();
                boolean aliased = !t.peek().is(TokenType.RIGHT_PAREN) && !t.isWord("ORDER") && !t.isWord("LIMIT")
                        && !t.isWord("UNION") && !t.isWord("EXCEPT") && !t.isWord("MINUS") && !t.isWord("INTERSECT");
                t.reset(open);
                if (aliased) {
                    Relation inner = primary();
                    t.expect(TokenType.RIGHT_PAREN);
                    return (span, m, a) -> m.isEmpty() && a == null ? inner
                            : new Relation.NestedJoin(span, List.of(inner), m, a);
                }
            }
            if (t.isWord("SELECT") || t.isWord("WITH") || t.isWord("VALUES")) {
                var query = p.query();
                t.expect(TokenType.RIGHT_PAREN);
                return (span, m, a) -> new Relation.Derived(span, query, m, a);
            }
            List<Relation> inner = fromList();
            t.expect(TokenType.RIGHT_PAREN);
            return (span, m, a) -> new Relation.NestedJoin(span, inner, m, a);
        }
        if (tok.is(TokenType.STAGE_REFERENCE)) {
            t.next();
            Map<String, String> options = stageOptions();
            return (span, m, a) -> new Relation.StageRef(span, tok.value(), options, m, a);
        }
        if (tok.isWord("TABLE") && t.peek(1).is(TokenType.LEFT_PAREN)) {
            t.next();
            t.next();
            Expr.FunctionCall call = functionCall();
            t.expect(TokenType.RIGHT_PAREN);
            return (span, m, a) -> new Relation.TableFunction(span, call, true, m, a);
        }
        if (tok.isWord("VALUES")) {
            var values = p.values();
            return (span, m, a) -> new Relation.ValuesTable(span, values, m, a);
        }
        if (!tok.isIdentifier()) {
            throw t.unexpected();
        }
        int nameStart = t.position();
        List<String> name = p.nameParts();
        if (t.peek().is(TokenType.LEFT_PAREN)) {
            Expr.FunctionCall call = p.expressions().primaries().calls().call(nameStart, name);
            return (span, m, a) -> new Relation.TableFunction(span, call, false, m, a);
        }
        return (span, m, a) -> new Relation.TableRef(span, name, m, a);
    }

    private Expr.FunctionCall functionCall() {
        int start = t.position();
        List<String> name = p.nameParts();
        if (!t.peek().is(TokenType.LEFT_PAREN)) {
            throw t.unexpected();
        }
        return p.expressions().primaries().calls().call(start, name);
    }

    /** {@code (FILE_FORMAT => 'f', PATTERN => '.*')} after a stage reference: values decoded, else as written. */
    private Map<String, String> stageOptions() {
        Map<String, String> options = new LinkedHashMap<>();
        if (t.peek().is(TokenType.LEFT_PAREN) && t.peek(2).isOperator("=>")) {
            t.next();
            do {
                String key = t.next().upper();
                t.expectOperator("=>");
                Token v = t.next();
                options.put(key, v.is(TokenType.STRING) || v.is(TokenType.QUOTED_IDENTIFIER) ? v.value() : v.text());
            } while (t.accept(TokenType.COMMA));
            t.expect(TokenType.RIGHT_PAREN);
        }
        return options;
    }

    /** Time travel, change, sampling and reshaping clauses, kept by keyword with their extent. */
    private List<Modifier> modifiers() {
        List<Modifier> out = new ArrayList<>();
        while (true) {
            int start = t.position();
            Token tok = t.peek();
            if (tok.isWord("PIVOT") && t.peek(1).is(TokenType.LEFT_PAREN)) {
                t.next();
                Relation.Pivot pivot = pivot();
                out.add(new Modifier(p.span(start), "PIVOT", pivot));
                continue;
            } else if (tok.isWord("UNPIVOT") && (t.peek(1).is(TokenType.LEFT_PAREN) || t.peek(1).isWordIn("INCLUDE", "EXCLUDE"))) {
                t.next();
                Relation.Unpivot unpivot = unpivot();
                out.add(new Modifier(p.span(start), "UNPIVOT", unpivot));
                continue;
            } else if (tok.is(TokenType.WORD) && MODIFIERS.contains(tok.upper()) && t.peek(1).is(TokenType.LEFT_PAREN)) {
                t.next();
                skipParenthesized();
            } else if (tok.is(TokenType.WORD) && SAMPLING.contains(tok.upper())) {
                t.next();
                String method = t.peek().isWordIn("BERNOULLI", "ROW", "SYSTEM", "BLOCK") ? t.next().upper() : null;
                t.expect(TokenType.LEFT_PAREN);
                String amount = t.expect(TokenType.NUMBER).text();
                boolean rows = t.accept("ROWS");
                t.expect(TokenType.RIGHT_PAREN);
                String seed = null;
                if (t.peek().isWordIn("SEED", "REPEATABLE")) {
                    t.next();
                    t.expect(TokenType.LEFT_PAREN);
                    seed = t.expect(TokenType.NUMBER).text();
                    t.expect(TokenType.RIGHT_PAREN);
                }
                out.add(new Modifier(p.span(start), tok.upper(), new Relation.Sample(method, amount, rows, seed)));
                continue;
            } else {
                return List.copyOf(out);
            }
            out.add(new Modifier(p.span(start), tok.upper()));
        }
    }

    /** After PIVOT: {@code (agg(col) [AS alias] FOR column IN (...) [DEFAULT ON NULL (expr)])} (pivot page). */
    private Relation.Pivot pivot() {
        t.expect(TokenType.LEFT_PAREN);
        Expr aggregate = p.expression(Set.of("FOR", "AS"));
        if (!(aggregate instanceof Expr.FunctionCall call)) {
            throw t.unexpected();
        }
        String aggregateAlias = null;
        if (t.accept("AS") || !t.isWord("FOR")) {
            aggregateAlias = p.aliasName();
        }
        t.expect("FOR");
        String column = p.identifier();
        t.expect("IN");
        t.expect(TokenType.LEFT_PAREN);
        List<Relation.PivotValue> values = new ArrayList<>();
        boolean any = false;
        List<dev.autosync.sql.tree.OrderItem> anyOrder = List.of();
        dev.autosync.sql.tree.Query subquery = null;
        if (t.isWord("ANY") && !t.peek(1).is(TokenType.LEFT_PAREN)) {
            t.next();
            any = true;
            if (t.accept("ORDER")) {
                t.expect("BY");
                anyOrder = p.expressions().primaries().orderItems();
            }
        } else if (t.isWord("SELECT") || t.isWord("WITH")) {
            subquery = p.query();
        } else {
            do {
                int valueStart = t.position();
                Expr value = p.expression(Set.of("AS"));
                String text = t.textFrom(valueStart);
                String alias = null;
                if (t.accept("AS") || !t.peek().is(TokenType.COMMA) && !t.peek().is(TokenType.RIGHT_PAREN)) {
                    alias = p.aliasName();
                }
                values.add(new Relation.PivotValue(value, text, alias));
            } while (t.accept(TokenType.COMMA));
        }
        t.expect(TokenType.RIGHT_PAREN);
        Expr defaultOnNull = null;
        if (t.accept("DEFAULT")) {
            t.expect("ON");
            t.expect("NULL");
            t.expect(TokenType.LEFT_PAREN);
            defaultOnNull = p.expression();
            t.expect(TokenType.RIGHT_PAREN);
        }
        t.expect(TokenType.RIGHT_PAREN);
        return new Relation.Pivot(call, aggregateAlias, column, List.copyOf(values), any, List.copyOf(anyOrder), subquery,
                defaultOnNull);
    }

    /** After UNPIVOT: {@code [INCLUDE | EXCLUDE NULLS] (value FOR name IN (col [AS alias], ...))} (unpivot page). */
    private Relation.Unpivot unpivot() {
        boolean includeNulls = false;
        if (t.accept("INCLUDE")) {
            t.expect("NULLS");
            includeNulls = true;
        } else if (t.accept("EXCLUDE")) {
            t.expect("NULLS");
        }
        t.expect(TokenType.LEFT_PAREN);
        String valueColumn = p.identifier();
        t.expect("FOR");
        String nameColumn = p.identifier();
        t.expect("IN");
        t.expect(TokenType.LEFT_PAREN);
        List<String> columns = new ArrayList<>();
        List<String> aliases = new ArrayList<>();
        do {
            columns.add(p.identifier());
            String alias = null;
            if (t.accept("AS") || !t.peek().is(TokenType.COMMA) && !t.peek().is(TokenType.RIGHT_PAREN)) {
                alias = p.aliasName();
            }
            aliases.add(alias);
        } while (t.accept(TokenType.COMMA));
        t.expect(TokenType.RIGHT_PAREN);
        t.expect(TokenType.RIGHT_PAREN);
        return new Relation.Unpivot(includeNulls, valueColumn, nameColumn, List.copyOf(columns),
                java.util.Collections.unmodifiableList(aliases));
    }

    private void skipParenthesized() {
        t.expect(TokenType.LEFT_PAREN);
        int depth = 1;
        while (depth > 0) {
            Token tok = t.next();
            if (tok.is(TokenType.END)) {
                throw t.unexpected();
            }
            if (tok.is(TokenType.LEFT_PAREN)) {
                depth++;
            } else if (tok.is(TokenType.RIGHT_PAREN)) {
                depth--;
            }
        }
    }

    private Alias alias() {
        String name = null;
        if (t.accept("AS")) {
            name = p.aliasName();
        } else if (Keywords.startsTableAlias(t.peek())) {
            name = p.aliasName();
        }
        if (name == null) {
            return null;
        }
        List<String> columns = t.peek().is(TokenType.LEFT_PAREN) ? p.parenthesizedIdentifiers() : List.of();
        return new Alias(name, List.copyOf(columns));
    }
}

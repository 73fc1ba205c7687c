package dev.autosync.sql.parse;

import dev.autosync.sql.Token;
import dev.autosync.sql.TokenType;
import dev.autosync.sql.tree.Expr;
import dev.autosync.sql.tree.Expr.Between;
import dev.autosync.sql.tree.Expr.Binary;
import dev.autosync.sql.tree.Expr.BinaryOperator;
import dev.autosync.sql.tree.Expr.Cast;
import dev.autosync.sql.tree.Expr.CastSyntax;
import dev.autosync.sql.tree.Expr.Collate;
import dev.autosync.sql.tree.Expr.InList;
import dev.autosync.sql.tree.Expr.InQuery;
import dev.autosync.sql.tree.Expr.IsDistinctFrom;
import dev.autosync.sql.tree.Expr.IsNull;
import dev.autosync.sql.tree.Expr.Like;
import dev.autosync.sql.tree.Expr.LikeOperator;
import dev.autosync.sql.tree.Expr.Path;
import dev.autosync.sql.tree.Expr.QuantifiedComparison;
import dev.autosync.sql.tree.Expr.Quantifier;
import dev.autosync.sql.tree.Expr.Unary;
import dev.autosync.sql.tree.Expr.UnaryOperator;
import dev.autosync.sql.tree.PathStep;
import dev.autosync.sql.tree.Query;
import dev.autosync.sql.tree.TypeName;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Expressions by precedence climbing, loosest first: OR, AND, NOT, IS, comparisons, IN / BETWEEN /
 * LIKE, {@code ||}, {@code + -}, {@code * / %}, unary {@code + -}, then the postfix operators
 * ({@code ::}, path access, COLLATE) around a primary (see {@link PrimaryParser}). A stop word ends
 * the expression where an operator word could otherwise continue it ({@code DEFAULT 0 NOT NULL}).
 */
final class ExpressionParser {
    private static final Map<String, BinaryOperator> COMPARISONS = Map.of("=", BinaryOperator.EQUALS,
            "!=", BinaryOperator.NOT_EQUALS, "<>", BinaryOperator.NOT_EQUALS, "<", BinaryOperator.LESS,
            "<=", BinaryOperator.LESS_OR_EQUAL, ">", BinaryOperator.GREATER, ">=", BinaryOperator.GREATER_OR_EQUAL);
    private static final Map<String, BinaryOperator> OR = Map.of("OR", BinaryOperator.OR);
    private static final Map<String, BinaryOperator> AND = Map.of("AND", BinaryOperator.AND);
    private static final Map<String, BinaryOperator> CONCAT = Map.of("||", BinaryOperator.CONCAT);
    private static final Map<String, BinaryOperator> ADDITIVE = Map.of("+", BinaryOperator.PLUS, "-", BinaryOperator.MINUS);
    private static final Map<String, BinaryOperator> MULTIPLICATIVE = Map.of("*", BinaryOperator.TIMES,
            "/", BinaryOperator.DIVIDE, "%", BinaryOperator.MODULO);

    private final SqlParser p;
    private final TokenStream t;
    private final PrimaryParser primaries;

    ExpressionParser(SqlParser p) {
        this.p = p;
        this.t = p.tokens();
        this.primaries = new PrimaryParser(p, this);
    }

    PrimaryParser primaries() {
        return primaries;
    }

    Expr expression(Set<String> stops) {
        return or(stops);
    }

    private boolean operatorWord(String word, Set<String> stops) {
        return t.isWord(word) && !stops.contains(word);
    }

    private Expr or(Set<String> stops) {
        return leftAssociative(stops, this::and, OR);
    }

    private Expr and(Set<String> stops) {
        return leftAssociative(stops, this::not, AND);
    }

    /**
     * One level of left-associative binary operators: operands of the next level joined by the
     * operators of {@code operators} (keyed by operator text or upper-cased word).
     */
    private Expr leftAssociative(Set<String> stops, Function<Set<String>, Expr> operand, Map<String, BinaryOperator> operators) {
        int start = t.position();
        Expr left = operand.apply(stops);
        BinaryOperator op;
        while ((op = operatorAt(operators, stops)) != null) {
            t.next();
            Expr right = operand.apply(stops);
            left = new Binary(p.span(start), op, left, right);
        }
        return left;
    }

    private BinaryOperator operatorAt(Map<String, BinaryOperator> operators, Set<String> stops) {
        Token tok = t.peek();
        if (tok.is(TokenType.OPERATOR)) {
            return operators.get(tok.text());
        }
        if (tok.is(TokenType.WORD)) {
            for (Map.Entry<String, BinaryOperator> e : operators.entrySet()) {
                if (tok.isWord(e.getKey()) && !stops.contains(e.getKey())) {
                    return e.getValue();
                }
            }
        }
        return null;
    }

    private Expr not(Set<String> stops) {
        int start = t.position();
        if (t.isWord("NOT")) {
            t.next();
            Expr operand = not(stops);
            return new Unary(p.span(start), UnaryOperator.NOT, operand);
        }
        return is(stops);
    }

    private Expr is(Set<String> stops) {
        int start = t.position();
        Expr left = comparison(stops);
        while (operatorWord("IS", stops)) {
            t.next();
            boolean negated = t.accept("NOT");
            if (t.accept("NULL")) {
                left = new IsNull(p.span(start), left, negated);
            } else if (t.accept("DISTINCT")) {
                t.expect("FROM");
                Expr right = comparison(stops);
                left = new IsDistinctFrom(p.span(start), left, right, negated);
            } else {
                throw t.unexpected();
            }
        }
        return left;
    }

    private Expr comparison(Set<String> stops) {
        int start = t.position();
        Expr left = membership(stops);
        BinaryOperator op;
        while ((op = operatorAt(COMPARISONS, stops)) != null) {
            t.next();
            Quantifier q = subqueryQuantifier();
            if (q != null) {
                t.next();
                Query query = parenthesizedQuery();
                left = new QuantifiedComparison(p.span(start), op, left, q, query);
            } else {
                Expr right = membership(stops);
                left = new Binary(p.span(start), op, left, right);
            }
        }
        return left;
    }

    /** ANY / SOME / ALL before a parenthesized subquery, else null. */
    private Quantifier subqueryQuantifier() {
        if (!t.peek(1).is(TokenType.LEFT_PAREN) || !(t.peek(2).isWord("SELECT") || t.peek(2).isWord("WITH"))) {
            return null;
        }
        if (t.isWord("ANY") || t.isWord("SOME")) {
            return Quantifier.ANY;
        }
        return t.isWord("ALL") ? Quantifier.ALL : null;
    }

    Query parenthesizedQuery() {
        t.expect(TokenType.LEFT_PAREN);
        Query q = p.query();
        t.expect(TokenType.RIGHT_PAREN);
        return q;
    }

    private boolean startsSubquery() {
        return t.peek().is(TokenType.LEFT_PAREN) && (t.peek(1).isWord("SELECT") || t.peek(1).isWord("WITH"));
    }

    private Expr membership(Set<String> stops) {
        int start = t.position();
        Expr left = concat(stops);
        while (true) {
            int save = t.position();
            boolean negated = false;
            if (operatorWord("NOT", stops) && isMembershipWord(t.peek(1))) {
                t.next();
                negated = true;
            }
            Token w = t.peek();
            if (!isMembershipWord(w) || stops.contains(w.upper())) {
                t.reset(save);
                return left;
            }
            t.next();
            switch (w.upper()) {
                case "IN" -> {
                    if (startsSubquery()) {
                        Query query = parenthesizedQuery();
                        left = new InQuery(p.span(start), left, query, negated);
                    } else {
                        t.expect(TokenType.LEFT_PAREN);
                        List<Expr> values = p.expressionList(Set.of());
                        t.expect(TokenType.RIGHT_PAREN);
                        left = new InList(p.span(start), left, values, negated);
                    }
                }
                case "BETWEEN" -> {
                    Expr low = concat(stops);
                    t.expect("AND");
                    Expr high = concat(stops);
                    left = new Between(p.span(start), left, low, high, negated);
                }
                default -> left = like(start, left, w.upper(), negated, stops);
            }
        }
    }

    private static boolean isMembershipWord(Token w) {
        return w.isWordIn("IN", "BETWEEN", "LIKE", "ILIKE", "RLIKE", "REGEXP");
    }

    private Expr like(int start, Expr operand, String word, boolean negated, Set<String> stops) {
        LikeOperator op = switch (word) {
            case "LIKE" -> LikeOperator.LIKE;
            case "ILIKE" -> LikeOperator.ILIKE;
            default -> LikeOperator.RLIKE;
        };
        Quantifier quantifier = null;
        List<Expr> patterns;
        if ((t.isWord("ANY") || t.isWord("ALL") || t.isWord("SOME")) && t.peek(1).is(TokenType.LEFT_PAREN)) {
            quantifier = t.next().isWord("ALL") ? Quantifier.ALL : Quantifier.ANY;
            t.expect(TokenType.LEFT_PAREN);
            patterns = p.expressionList(Set.of());
            t.expect(TokenType.RIGHT_PAREN);
        } else {
            patterns = List.of(concat(stops));
        }
        Expr escape = null;
        if (operatorWord("ESCAPE", stops)) {
            t.next();
            escape = concat(stops);
        }
        return new Like(p.span(start), op, operand, quantifier, patterns, escape, negated);
    }

    private Expr concat(Set<String> stops) {
        return leftAssociative(stops, this::additive, CONCAT);
    }

    private Expr additive(Set<String> stops) {
        return leftAssociative(stops, this::multiplicative, ADDITIVE);
    }

    private Expr multiplicative(Set<String> stops) {
        return leftAssociative(stops, this::unary, MULTIPLICATIVE);
    }

    private Expr unary(Set<String> stops) {
        int start = t.position();
        if (t.peek().isOperator("-") || t.peek().isOperator("+")) {
            UnaryOperator op = t.next().text().equals("-") ? UnaryOperator.MINUS : UnaryOperator.PLUS;
            Expr operand = unary(stops);
            return new Unary(p.span(start), op, operand);
        }
        return postfix(stops);
    }

    /** A primary followed by casts ({@code ::}), path steps ({@code :a.b}, {@code [0]}) and COLLATE. */
    private Expr postfix(Set<String> stops) {
        int start = t.position();
        Expr e = primaries.primary();
        boolean inPath = false;
        while (true) {
            Token op = t.peek();
            if (op.isOperator("::")) {
                t.next();
                TypeName type = p.typeName();
                e = new Cast(p.span(start), e, type, CastSyntax.OPERATOR);
                inPath = false;
            } else if (op.isOperator(":") && pathKeyFollows(1)) {
                t.next();
                e = extend(start, e, inPath, new PathStep.Field(pathKey()));
                inPath = true;
            } else if (inPath && op.is(TokenType.DOT) && pathKeyFollows(1)) {
                t.next();
                e = extend(start, e, true, new PathStep.Field(pathKey()));
            } else if (op.isOperator("[")) {
                t.next();
                Expr index = expression(Set.of());
                t.expectOperator("]");
                e = extend(start, e, inPath, new PathStep.Element(index));
                inPath = true;
            } else if (operatorWord("COLLATE", stops) && t.peek(1).is(TokenType.STRING)) {
                t.next();
                String collation = t.next().value();
                e = new Collate(p.span(start), e, collation);
                inPath = false;
            } else {
                return e;
            }
        }
    }

    private boolean pathKeyFollows(int ahead) {
        Token k = t.peek(ahead);
        return k.is(TokenType.WORD) || k.is(TokenType.QUOTED_IDENTIFIER);
    }

    /** A key as written: an unquoted key keeps its case, because JSON keys are case-sensitive. */
    private String pathKey() {
        Token k = t.next();
        return k.is(TokenType.WORD) ? k.text() : k.value();
    }

    private Path extend(int start, Expr e, boolean inPath, PathStep step) {
        if (inPath && e instanceof Path path) {
            List<PathStep> steps = new ArrayList<>(path.steps());
            steps.add(step);
            return new Path(p.span(start), path.base(), List.copyOf(steps));
        }
        return new Path(p.span(start), e, List.of(step));
    }
}

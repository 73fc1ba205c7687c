package dev.autosync.sql.tree;

import java.util.List;

/**
 * A Snowflake expression. Operators follow Snowflake's precedence (loosest first): OR, AND, NOT,
 * IS, comparisons, IN / BETWEEN / LIKE, {@code ||}, {@code + -}, {@code * / %}, unary {@code + -},
 * then the postfix {@code ::}, {@code :} / {@code [...]} path access and COLLATE. Parentheses are
 * not kept: the tree's shape says what they grouped, and the span still covers them.
 */
public sealed interface Expr extends GroupingElement {

    /** {@code 'text'} or {@code $$text$$}, decoded. */
    record StringLiteral(Span span, String value) implements Expr {
    }

    /** A numeric literal as written ({@code 12}, {@code 0.5}, {@code 1e3}). */
    record NumberLiteral(Span span, String text) implements Expr {
    }

    record BooleanLiteral(Span span, boolean value) implements Expr {
    }

    record NullLiteral(Span span) implements Expr {
    }

    /** {@code DATE '2024-01-01'}, {@code TIMESTAMP_TZ '...'}: {@code type} is the upper-cased type word. */
    record TypedLiteral(Span span, String type, String value) implements Expr {
    }

    /** {@code INTERVAL '1 day, 2 hours'}. */
    record IntervalLiteral(Span span, String value) implements Expr {
    }

    /** {@code [1, 'a', x]}. */
    record ArrayLiteral(Span span, List<Expr> elements) implements Expr {
    }

    /** {@code {'a': 1, 'b': x}}. */
    record ObjectLiteral(Span span, List<Entry> entries) implements Expr {
        public record Entry(String key, Expr value) {
        }
    }

    /** A {@code ?} bind parameter. */
    record Parameter(Span span) implements Expr {
    }

    /** {@code $name}: a session variable set with SET. */
    record SessionVariable(Span span, String name) implements Expr {
    }

    /** {@code a}, {@code t.a}, {@code db.s.t.a}: each part resolved (unquoted upper-cased, quoted exact). */
    record ColumnRef(Span span, List<String> parts) implements Expr {
    }

    /** {@code $1} or {@code t.$1}: a column of a staged file by position (from 1). */
    record PositionalRef(Span span, List<String> qualifier, int position) implements Expr {
    }

    /**
     * {@code *} or {@code t.*}, with Snowflake's column filters: {@code ILIKE 'pattern'},
     * {@code EXCLUDE (a, b)}, {@code REPLACE (expr AS a)} and {@code RENAME (a AS b)}.
     */
    record Star(Span span, List<String> qualifier, String ilike, List<String> exclude, List<Replacement> replace,
                List<Renaming> rename) implements Expr {
        public record Replacement(Expr value, String column) {
        }

        public record Renaming(String column, String alias) {
        }
    }

    record Unary(Span span, UnaryOperator operator, Expr operand) implements Expr {
    }

    record Binary(Span span, BinaryOperator operator, Expr left, Expr right) implements Expr {
    }

    record IsNull(Span span, Expr operand, boolean negated) implements Expr {
    }

    record IsDistinctFrom(Span span, Expr left, Expr right, boolean negated) implements Expr {
    }

    record InList(Span span, Expr operand, List<Expr> values, boolean negated) implements Expr {
    }

    record InQuery(Span span, Expr operand, Query query, boolean negated) implements Expr {
    }

    record Between(Span span, Expr operand, Expr low, Expr high, boolean negated) implements Expr {
    }

    /**
     * {@code x [NOT] LIKE p [ESCAPE e]}, ILIKE and RLIKE (REGEXP); with a quantifier,
     * {@code x LIKE ANY (p1, p2)}. {@code quantifier} is null for a single pattern; {@code escape} may be null.
     */
    record Like(Span span, LikeOperator operator, Expr operand, Quantifier quantifier, List<Expr> patterns, Expr escape,
                boolean negated) implements Expr {
    }

    /** {@code x = ANY (SELECT ...)}, {@code x > ALL (SELECT ...)}. */
    record QuantifiedComparison(Span span, BinaryOperator operator, Expr left, Quantifier quantifier, Query query)
            implements Expr {
    }

    record Exists(Span span, Query query) implements Expr {
    }

    record ScalarSubquery(Span span, Query query) implements Expr {
    }

    /** {@code (a, b)}: a parenthesized list, as in {@code (a, b) IN (...)} or a grouping set. */
    record Tuple(Span span, List<Expr> items) implements Expr {
    }

    /** {@code CASE [operand] WHEN ... THEN ... [ELSE ...] END}; {@code operand} and {@code otherwise} may be null. */
    record Case(Span span, Expr operand, List<When> whens, Expr otherwise) implements Expr {
        public record When(Expr condition, Expr result) {
        }
    }

    record Cast(Span span, Expr operand, TypeName type, CastSyntax syntax) implements Expr {
    }

    /**
     * A function call. {@code name} holds the resolved name parts; arguments may be named
     * ({@code INPUT => x}). {@code nulls}, {@code withinGroup} and {@code over} are null or empty when absent.
     */
    record FunctionCall(Span span, List<String> name, boolean distinct, List<Argument> arguments, NullTreatment nulls,
                        List<OrderItem> withinGroup, Window over) implements Expr {
        /** The last part of the name: the function itself. */
        public String simpleName() {
            return name.get(name.size() - 1);
        }

        public record Argument(String name, Expr value) {
        }
    }

    /** {@code EXTRACT(part FROM source)}; {@code part} as written (a word or a string's value). */
    record Extract(Span span, String part, Expr source) implements Expr {
    }

    /** {@code POSITION(needle IN haystack)}; the comma form is an ordinary {@link FunctionCall}. */
    record Position(Span span, Expr needle, Expr haystack) implements Expr {
    }

    /** Semi-structured access: {@code v:a.b[0]}, {@code v['a']}, {@code $1:"x y"}. Keys are case-sensitive. */
    record Path(Span span, Expr base, List<PathStep> steps) implements Expr {
    }

    /**
     * {@code x -> x + 1}, {@code x INT -> x + 1} or {@code (a, b) -> a + b}, as an argument of a higher-order
     * function; {@code type} is the declared type of a single parameter, or null.
     */
    record Lambda(Span span, List<String> parameters, TypeName type, Expr body) implements Expr {
    }

    /** {@code x COLLATE 'en-ci'}. */
    record Collate(Span span, Expr operand, String collation) implements Expr {
    }

    /** {@code DEFAULT} in a VALUES list or SET clause. */
    record DefaultValue(Span span) implements Expr {
    }

    enum UnaryOperator { MINUS, PLUS, NOT }

    enum BinaryOperator {
        OR("OR"), AND("AND"), EQUALS("="), NOT_EQUALS("<>"), LESS("<"), LESS_OR_EQUAL("<="), GREATER(">"),
        GREATER_OR_EQUAL(">="), CONCAT("||"), PLUS("+"), MINUS("-"), TIMES("*"), DIVIDE("/"), MODULO("%");

        private final String symbol;

        BinaryOperator(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }
    }

    enum LikeOperator { LIKE, ILIKE, RLIKE }

    enum Quantifier { ANY, ALL }

    enum CastSyntax { CAST, TRY_CAST, OPERATOR }

    enum NullTreatment { IGNORE, RESPECT }
}

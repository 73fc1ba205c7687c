package dev.autosync.emulator.sql;

import dev.autosync.emulator.base.Names;
import dev.autosync.emulator.base.SnowflakeError;
import dev.autosync.sql.tree.Expr;
import dev.autosync.sql.tree.Expr.ArrayLiteral;
import dev.autosync.sql.tree.Expr.Between;
import dev.autosync.sql.tree.Expr.Binary;
import dev.autosync.sql.tree.Expr.BooleanLiteral;
import dev.autosync.sql.tree.Expr.Case;
import dev.autosync.sql.tree.Expr.Cast;
import dev.autosync.sql.tree.Expr.CastSyntax;
import dev.autosync.sql.tree.Expr.Collate;
import dev.autosync.sql.tree.Expr.ColumnRef;
import dev.autosync.sql.tree.Expr.DefaultValue;
import dev.autosync.sql.tree.Expr.Exists;
import dev.autosync.sql.tree.Expr.Extract;
import dev.autosync.sql.tree.Expr.FunctionCall;
import dev.autosync.sql.tree.Expr.InList;
import dev.autosync.sql.tree.Expr.InQuery;
import dev.autosync.sql.tree.Expr.IntervalLiteral;
import dev.autosync.sql.tree.Expr.IsDistinctFrom;
import dev.autosync.sql.tree.Expr.IsNull;
import dev.autosync.sql.tree.Expr.Lambda;
import dev.autosync.sql.tree.Expr.Like;
import dev.autosync.sql.tree.Expr.NullLiteral;
import dev.autosync.sql.tree.Expr.NumberLiteral;
import dev.autosync.sql.tree.Expr.ObjectLiteral;
import dev.autosync.sql.tree.Expr.Parameter;
import dev.autosync.sql.tree.Expr.Path;
import dev.autosync.sql.tree.Expr.Position;
import dev.autosync.sql.tree.Expr.PositionalRef;
import dev.autosync.sql.tree.Expr.QuantifiedComparison;
import dev.autosync.sql.tree.Expr.ScalarSubquery;
import dev.autosync.sql.tree.Expr.SessionVariable;
import dev.autosync.sql.tree.Expr.Star;
import dev.autosync.sql.tree.Expr.StringLiteral;
import dev.autosync.sql.tree.Expr.Tuple;
import dev.autosync.sql.tree.Expr.TypedLiteral;
import dev.autosync.sql.tree.Expr.Unary;
import dev.autosync.sql.tree.OrderItem;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * DuckDB SQL for Snowflake expressions. Names are encoded through {@link Names}, strings re-quoted
 * for DuckDB (which has no backslash escapes), {@code /} becomes exact fixed-point division
 * ({@code sf_div}, see the engine's ExactDivision), path access becomes JSON pointer extraction
 * (a JSON null stays apart from a missing key), casts unwrap VARIANT values first, and functions go
 * through {@link Functions}. Parentheses are written where DuckDB's precedence, which matches
 * Snowflake's, needs them.
 */
final class ExpressionGenerator {
    private final QueryGenerator queries;
    private final Functions functions;
    private final SqlContext ctx;
    /** Untyped lambda parameters being generated: their elements are VARIANTs. */
    private final java.util.Set<String> variantParameters = new java.util.HashSet<>();
    private final OperatorGenerator operators;
    private final StarGenerator stars;

    ExpressionGenerator(QueryGenerator queries, SqlContext ctx) {
        this.queries = queries;
        this.ctx = ctx;
        this.functions = new Functions(this, ctx);
        this.operators = new OperatorGenerator(this, ctx, variantParameters);
        this.stars = new StarGenerator(this, ctx);
    }

    String expressions(List<Expr> list) {
        return join(list, this::expression);
    }

    /**
     * ORDER BY items, as written, with the null order always said. Snowflake sorts NULL as larger than any value (DEFAULT_NULL_ORDERING LAST): last ascending, first descending;
     * FIRST the other way round (ORDER BY page). DuckDB puts NULLs last either way, so the order is always written.
     */
    String orderItems(List<OrderItem> items) {
        boolean nullsSmallest = "FIRST".equalsIgnoreCase(ctx.parameter("DEFAULT_NULL_ORDERING"));
        return join(items, i -> {
            boolean desc = i.direction() != null && i.direction().toString().equalsIgnoreCase("DESC");
            // UNVERIFIED: ORDER BY ALL keeps the default null order whatever DEFAULT_NULL_ORDERING says, as the ORDER BY
            // page's ALL examples show when its statements run in order (after it set the parameter to FIRST)
            boolean smallest = nullsSmallest && i.expr() != null;
            String nulls = i.nulls() != null ? i.nulls().toString() : (desc ^ smallest) ? "FIRST" : "LAST";
            // DuckDB's own default is NULLS LAST: only a written order or NULLS FIRST needs saying
            return (i.expr() == null ? "ALL" : collatedKey(i.expr())) + (i.direction() == null ? "" : " " + i.direction())
                    + (i.nulls() == null && nulls.equals("LAST") ? "" : " NULLS " + nulls);
        });
    }

    /** {@code e}, or its collation key when it carries a collation (ORDER BY x COLLATE 'es', COUNT(DISTINCT ...)). */
    String collatedKey(Expr e) {
        String spec = collations.of(e);
        String key = spec == null ? null : Collations.key(expression(Collations.operand(e)), spec);
        return key == null ? expression(e) : key;
    }

    static <T> String join(List<T> items, Function<T, String> f) {
        List<String> out = new ArrayList<>(items.size());
        for (T item : items) {
            out.add(f.apply(item));
        }
        return String.join(", ", out);
    }

    String expression(Expr e) {
        if (e instanceof StringLiteral s) {
            return Translator.literal(s.value());
        } else if (e instanceof NumberLiteral n) {
            return n.text();
        } else if (e instanceof BooleanLiteral b) {
            return b.value() ? "TRUE" : "FALSE";
        } else if (e instanceof NullLiteral) {
            return "NULL";
        } else if (e instanceof TypedLiteral l && l.type().equals("BINARY")) {
            return ConversionFunctions.binaryFromText(Translator.literal(l.value()), "HEX", false);
        } else if (e instanceof TypedLiteral l) {
            return "CAST(" + Translator.literal(l.value()) + " AS " + SnowflakeTypes.of(l.type(), null, null).duck() + ")";
        } else if (e instanceof IntervalLiteral i) {
            return DateFunctions.interval(i.value());
        } else if (e instanceof ArrayLiteral a) {
            List<String> items = new ArrayList<>();
            a.elements().forEach(x -> items.add(SemiStructuredFunctions.variant(expression(x), bound(x))));
            return SemiStructuredFunctions.arrayConstruct(items);
        } else if (e instanceof ObjectLiteral o) {
            return objectLiteral(o);
        } else if (e instanceof Parameter) {
            return "?";
        } else if (e instanceof SessionVariable v) {
            String value = ctx.variable(v.name());
            if (value == null) {
                throw new SnowflakeError("002211", "02000", "SQL compilation error: error line 0 at position 0\nSession variable '$" + v.name() + "' does not exist");
            }
            return value;
        } else if (e instanceof ColumnRef c) {
            return names(c.parts());
        } else if (e instanceof PositionalRef r) {
            if (positionsByNumber && r.qualifier().isEmpty()) {
                return "#" + r.position();
            }
            return qualified(r.qualifier(), "\"$" + r.position() + "\"");
        } else if (e instanceof Star s) {
            return stars.star(s);
        } else if (e instanceof Unary u) {
            return operators.unary(u);
        } else if (e instanceof Binary b) {
            return operators.binary(b);
        } else if (e instanceof FunctionCall f) {
            return functions.call(f);
        } else if (e instanceof Cast c) {
            return cast(c.operand(), mapped(c.type()), c.syntax() == CastSyntax.TRY_CAST);
        } else if (e instanceof Path p) {
            return PathAccess.sql(p, this::expression);
        }
        return predicateOrOther(e);
    }

    /** {@code {'a': x, ...}} as OBJECT_CONSTRUCT, {@code {*}} as OBJECT_CONSTRUCT(*). */
    private String objectLiteral(ObjectLiteral o) {
        if (o.entries().size() == 1 && o.entries().get(0).value() instanceof Star s) {
            return SemiStructuredFunctions.objectOfRow(stars.star(s), false);
        }
        List<String> keys = new ArrayList<>();
        List<String> values = new ArrayList<>();
        for (ObjectLiteral.Entry entry : o.entries()) {
            keys.add(Translator.literal(entry.key()));
            values.add(SemiStructuredFunctions.variant(expression(entry.value()), bound(entry.value())));
        }
        return SemiStructuredFunctions.objectConstruct(keys, values, false);
    }

    /** Whether {@code e} has bind parameters, whose types DuckDB cannot ask. */
    static boolean bound(Expr e) {
        return e.walk().anyMatch(Parameter.class::isInstance);
    }

    private String predicateOrOther(Expr e) {
        if (e instanceof IsNull n) {
            return operand(n.operand(), Precedence.IS + 1) + (n.negated() ? " IS NOT NULL" : " IS NULL");
        } else if (e instanceof IsDistinctFrom d) {
            return operand(d.left(), Precedence.IS + 1) + (d.negated() ? " IS NOT DISTINCT FROM " : " IS DISTINCT FROM ")
                    + operand(d.right(), Precedence.IS + 1);
        } else if (e instanceof InList i && TimeNanos.in(this, i.operand(), i.values(), not(i.negated())) != null) {
            return TimeNanos.in(this, i.operand(), i.values(), not(i.negated()));
        } else if (e instanceof InList i) {
            return operand(i.operand(), Precedence.MEMBERSHIP + 1) + not(i.negated()) + " IN (" + expressions(i.values()) + ")";
        } else if (e instanceof InQuery i) {
            return operand(i.operand(), Precedence.MEMBERSHIP + 1) + not(i.negated()) + " IN (" + queries.query(i.query(), false)
                    + ")";
        } else if (e instanceof Between b && collations.compared(b.operand(), collations.of(b.low()) != null ? b.low() : b.high()) != null) {
            String spec = collations.compared(b.operand(), collations.of(b.low()) != null ? b.low() : b.high());
            return Collations.key(expression(Collations.operand(b.operand())), spec) + not(b.negated()) + " BETWEEN "
                    + Collations.key(expression(Collations.operand(b.low())), spec) + " AND "
                    + Collations.key(expression(Collations.operand(b.high())), spec);
        } else if (e instanceof Between b && TimeNanos.mixed(this, b.operand(), b.low(), b.high())) {
            return TimeNanos.compared(this, List.of(b.operand(), b.low(), b.high()), List.of(not(b.negated()) + " BETWEEN ", " AND "));
        } else if (e instanceof Between b) {
            return operand(b.operand(), Precedence.MEMBERSHIP + 1) + not(b.negated()) + " BETWEEN "
                    + operand(b.low(), Precedence.CONCAT) + " AND " + operand(b.high(), Precedence.CONCAT);
        } else if (e instanceof Like l) {
            return operators.like(l);
        } else if (e instanceof QuantifiedComparison q) {
            return operand(q.left(), Precedence.COMPARISON + 1) + " " + q.operator().symbol() + " " + q.quantifier()
                    + " (" + queries.query(q.query(), false) + ")";
        } else if (e instanceof Exists x) {
            return "EXISTS (" + queries.query(x.query(), false) + ")";
        } else if (e instanceof ScalarSubquery s) {
            return "(" + queries.query(s.query(), false) + ")";
        } else if (e instanceof Tuple t) {
            return "(" + expressions(t.items()) + ")";
        } else if (e instanceof Case c) {
            return caseExpression(c);
        } else if (e instanceof Extract x) {
            String offset = tzOffset(x.source());
            String source = offset == null ? expression(x.source()) : TimestampTz.wall(expression(x.source()), offset);
            return DateFunctions.datePart(this, DateFunctions.part(x.part()), x.source(), source);
        } else if (e instanceof Position p) {
            return "position(" + expression(p.needle()) + " IN " + expression(p.haystack()) + ")";
        } else if (e instanceof Lambda l) {
            String params = l.parameters().size() == 1 ? Names.quote(l.parameters().get(0))
                    : "(" + join(l.parameters(), Names::quote) + ")";
            // an untyped element parameter is a VARIANT (transform, reduce pages); REDUCE's accumulator (the first of
            // two) has its initial value's type
            String element = l.type() == null ? l.parameters().get(l.parameters().size() - 1).toUpperCase(java.util.Locale.ROOT) : null;
            boolean added = element != null && variantParameters.add(element);
            try {
                return params + " -> " + expression(l.body());
            } finally {
                if (added) {
                    variantParameters.remove(element);
                }
            }
        } else if (e instanceof Collate c) {
            return collate(operand(c.operand(), Precedence.POSTFIX), c.collation());
        } else if (e instanceof DefaultValue) {
            return "DEFAULT";
        }
        throw new IllegalStateException("no DuckDB translation for " + e.getClass().getSimpleName());
    }

    static String not(boolean negated) {
        return negated ? " NOT" : "";
    }

    /** {@code e} as an operand that must bind at least as tightly as {@code min}. */
    String operand(Expr e, int min) {
        String sql = expression(e);
        return Precedence.of(e) < min ? "(" + sql + ")" : sql;
    }

    /** A dotted name with each part as a DuckDB identifier. */
    static String names(List<String> parts) {
        List<String> quoted = new ArrayList<>(parts.size());
        for (String part : parts) {
            quoted.add(Names.quote(part));
        }
        return String.join(".", quoted);
    }

    static String qualified(List<String> qualifier, String last) {
        return qualifier.isEmpty() ? last : names(qualifier) + "." + last;
    }

    private final ColumnCollations collations = new ColumnCollations();

    /** The collations expressions carry here, written or declared by a column ({@link ColumnCollations}). */
    ColumnCollations collations() {
        return collations;
    }

    /**
     * The relations in scope with stored TIMESTAMP_TZ columns: visible name -> those columns (each has an offset companion
     * column, {@link TimestampTz#COMPANION} + name). A select block starts from its outer block's (correlated names).
     */
    private final java.util.Deque<java.util.Map<String, java.util.Set<String>>> tzScopes = new java.util.ArrayDeque<>(
            java.util.List.of(new java.util.HashMap<>()));

    /** This select block's relations with stored TIMESTAMP_TZ columns (the statement's, outside any select block). */
    java.util.Map<String, java.util.Set<String>> tzScope() {
        return tzScopes.peek();
    }

    /** The blocks' scopes, innermost first. */
    java.util.Deque<java.util.Map<String, java.util.Set<String>>> tzScopes() {
        return tzScopes;
    }

    /** Whether the next star drops the stored offset companions ({@code *} of an INSERT's source). */
    void starWithoutCompanions(boolean on) {
        stars.withoutCompanions(on);
    }

    /** Exact fixed-point division, {@link OperatorGenerator#divide}. */
    String divide(Expr left, Expr right) {
        return operators.divide(left, right);
    }

    /** The select list's aliases by name, for the scale of an expression naming one (set while no FROM can shadow them). */
    private java.util.Map<String, Expr> lateralAliases = java.util.Map.of();

    /** Whether an unqualified {@code $n} is the n-th column of the FROM (not a column named "$n", as a stage's are). */
    private boolean positionsByNumber;

    boolean positionsByNumber() {
        return positionsByNumber;
    }

    void positionsByNumber(boolean byNumber) {
        positionsByNumber = byNumber;
    }

    /** The current select list's aliases by name, whatever its FROM (SYSTEM$TYPEOF of an alias types its expression). */
    private java.util.Map<String, Expr> selectAliases = java.util.Map.of();

    java.util.Map<String, Expr> selectAliases() {
        return selectAliases;
    }

    void selectAliases(java.util.Map<String, Expr> aliases) {
        this.selectAliases = aliases;
    }

    java.util.Map<String, Expr> lateralAliases() {
        return lateralAliases;
    }

    void lateralAliases(java.util.Map<String, Expr> aliases) {
        this.lateralAliases = aliases;
    }

    /** The statement around the select block being translated, for asking DuckDB an expression's type: {prefix, suffix}. */
    private String[] typeScope;
    private final java.util.Map<String, java.util.Optional<String>> types = new java.util.HashMap<>();

    /** Sets where {@link #duckType} asks (null: nowhere) and returns the previous scope. */
    /** Where {@link #duckType} asks, or null. */
    String[] typeScope() {
        return typeScope;
    }

    String[] typeScope(String[] scope) {
        String[] old = typeScope;
        typeScope = scope;
        return old;
    }

    /**
     * The DuckDB type of {@code e} in the select block being translated (its FROM and the CTEs before it), or null when
     * unknown: outside a select block, with bind parameters, or when DuckDB cannot bind it there (an outer column).
     */
    String duckType(Expr e) {
        if (typeScope == null || e.walk().anyMatch(x -> x instanceof Parameter)) {
            return null;
        }
        String query = typeScope[0] + expression(e) + typeScope[1];
        return types.computeIfAbsent(query, q -> java.util.Optional.ofNullable(ctx.duckType(q))).orElse(null);
    }

    /**
     * A value with a Snowflake collation specification ('en-ci', 'upper', 'utf8', ...; collation page) in DuckDB's nearest
     * collation, for the places that do not compare by {@link Collations#key} (GROUP BY, DISTINCT, PARTITION BY): ci, upper
     * and lower as NOCASE, ai as NOACCENT, a locale as its ICU collation; code-point order ('utf8', 'bin', '') as DuckDB's
     * C collation, which also sets aside a collated column's own.
     */
    static String collate(String sql, String specification) {
        String duck = Collations.duckColumnCollation(specification);
        return "(" + sql + " COLLATE " + (duck == null ? "c" : duck) + ")";
    }

    private String caseExpression(Case c) {
        StringBuilder sb = new StringBuilder("CASE");
        if (c.operand() != null) {
            sb.append(' ').append(expression(c.operand()));
        }
        for (Case.When w : c.whens()) {
            sb.append(" WHEN ").append(expression(w.condition())).append(" THEN ").append(expression(w.result()));
        }
        if (c.otherwise() != null) {
            sb.append(" ELSE ").append(expression(c.otherwise()));
        }
        return sb.append(" END").toString();
    }

    /**
     * {@code operand::type}. A VARIANT operand is unwrapped first (a JSON string loses its quotes,
     * JSON null becomes NULL), as Snowflake's casts from VARIANT do; DuckDB drops the branch that
     * does not apply to the operand's type when it plans the query. A literal or an expression over
     * bind parameters (whose type DuckDB cannot ask) is cast directly.
     */
    String cast(Expr operand, SnowflakeTypes type, boolean tryCast) {
        String offset = type.duck().equals("TIMESTAMPTZ") ? null : tzOffset(operand);
        if (offset != null && Casts.TEMPORAL.contains(type.duck())) {
            // a TIMESTAMP_TZ becomes a date, time or TIMESTAMP_NTZ by its own wall clock, not the session's
            return Casts.directCast(TimestampTz.wall(expression(operand), offset), type, tryCast);
        }
        return binaryAware(operand, expression(operand), type, tryCast);
    }

    /**
     * {@link Casts#cast(Expr, String, SnowflakeTypes, boolean)} with BINARY conversions in the session's formats
     * (binary-input-output page): text cast to BINARY is decoded by BINARY_INPUT_FORMAT (HEX unless set), a BINARY cast
     * to text is encoded by BINARY_OUTPUT_FORMAT. DuckDB drops the typeof branch that does not apply when it plans.
     */
    String binaryAware(Expr operand, String sql, SnowflakeTypes type, boolean tryCast) {
        boolean bound = operand.walk().anyMatch(Parameter.class::isInstance);
        if (type.duck().equals("BLOB") && operand instanceof TypedLiteral) {
            return sql; // X'..' is a BINARY already
        }
        if (type.duck().equals("BLOB") && !bound) {
            String format = ConversionFunctions.inputFormat(ctx);
            if (operand instanceof StringLiteral) {
                return ConversionFunctions.binaryFromText(sql, format, tryCast);
            }
            return "(CASE WHEN typeof(" + sql + ") = 'BLOB' THEN " + ConversionFunctions.anyBlob(sql) + " ELSE "
                    + ConversionFunctions.binaryFromText(Casts.cast(operand, sql, SnowflakeTypes.of("VARCHAR", null, null), false), format,
                    tryCast) + " END)";
        }
        if (type.duck().equals("VARCHAR") && !bound && !(operand instanceof StringLiteral) && !(operand instanceof NumberLiteral)) {
            String text = ConversionFunctions.binaryToText(ConversionFunctions.anyBlob(sql), ConversionFunctions.outputFormat(ctx));
            return "(CASE WHEN typeof(" + sql + ") = 'BLOB' THEN " + text + " ELSE " + Casts.cast(operand, sql, type, tryCast) + " END)";
        }
        return Casts.cast(operand, sql, type, tryCast);
    }

    /** A cast's type; TIMESTAMP (and DATETIME) is the type TIMESTAMP_TYPE_MAPPING names (parameters page). */
    SnowflakeTypes mapped(dev.autosync.sql.tree.TypeName type) {
        String n = type.name().toUpperCase(java.util.Locale.ROOT);
        String mapping = TimestampTz.mapping(ctx);
        if ((n.equals("TIMESTAMP") || n.equals("DATETIME")) && mapping != null && mapping.startsWith("TIMESTAMP_")) {
            return SnowflakeTypes.of(mapping, type.first(), type.second());
        }
        return SnowflakeTypes.of(type);
    }

    SqlContext context() {
        return ctx;
    }

    /** SQL for the offset in minutes of a TIMESTAMP_TZ expression, or null when {@code e} is not known to be one ({@link TimestampTz}). */
    String tzOffset(Expr e) {
        return TimestampTz.offset(this, e);
    }
}

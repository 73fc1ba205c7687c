package dev.autosync.emulator.sql;

import dev.autosync.emulator.base.Names;
import dev.autosync.emulator.base.SnowflakeError;
import dev.autosync.sql.tree.Expr;
import dev.autosync.sql.tree.Expr.ArrayLiteral;
import dev.autosync.sql.tree.Expr.Between;
import dev.autosync.sql.tree.Expr.Binary;
import dev.autosync.sql.tree.Expr.BinaryOperator;
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
import dev.autosync.sql.tree.Expr.LikeOperator;
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
import dev.autosync.sql.tree.Expr.UnaryOperator;
import dev.autosync.sql.tree.OrderItem;
import dev.autosync.sql.tree.PathStep;

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
    /** DuckDB's date and time types, whose text input Snowflake reads more widely ({@link TemporalText}). */
    static final java.util.Set<String> TEMPORAL = java.util.Set.of("DATE", "TIME", "TIMESTAMP", "TIMESTAMPTZ");
    private final QueryGenerator queries;
    private final Functions functions;
    private final SqlContext ctx;

    ExpressionGenerator(QueryGenerator queries, SqlContext ctx) {
        this.queries = queries;
        this.ctx = ctx;
        this.functions = new Functions(this, ctx);
    }

    String expressions(List<Expr> list) {
        return join(list, this::expression);
    }

    /** ORDER BY items, as written (DuckDB's default null order applies where none is written). */
    /**
     * Snowflake sorts NULL as larger than any value (DEFAULT_NULL_ORDERING LAST): last ascending, first descending;
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
            return star(s);
        } else if (e instanceof Unary u) {
            return unary(u);
        } else if (e instanceof Binary b) {
            return binary(b);
        } else if (e instanceof FunctionCall f) {
            return functions.call(f);
        } else if (e instanceof Cast c) {
            return cast(c.operand(), mapped(c.type()), c.syntax() == CastSyntax.TRY_CAST);
        } else if (e instanceof Path p) {
            return path(p);
        }
        return predicateOrOther(e);
    }

    /** {@code {'a': x, ...}} as OBJECT_CONSTRUCT, {@code {*}} as OBJECT_CONSTRUCT(*). */
    private String objectLiteral(ObjectLiteral o) {
        if (o.entries().size() == 1 && o.entries().get(0).value() instanceof Star s) {
            return SemiStructuredFunctions.objectOfRow(star(s), false);
        }
        List<String> keys = new ArrayList<>();
        List<String> values = new ArrayList<>();
        for (ObjectLiteral.Entry entry : o.entries()) {
            keys.add(Translator.literal(entry.key()));
            values.add(SemiStructuredFunctions.variant(expression(entry.value()), bound(entry.value())));
        }
        return SemiStructuredFunctions.objectConstruct(keys, values, false);
    }

    private static boolean bound(Expr e) {
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
            return like(l);
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

    private static String not(boolean negated) {
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

    private static String qualified(List<String> qualifier, String last) {
        return qualifier.isEmpty() ? last : names(qualifier) + "." + last;
    }

    private String star(Star s) {
        boolean combined = s.ilike() != null && !(s.replace().isEmpty() && s.rename().isEmpty())
                || !s.replace().isEmpty() && !s.rename().isEmpty();
        if (combined && typeScope != null) {
            String expanded = expandedStar(s);
            if (expanded != null) {
                return expanded;
            }
        }
        StringBuilder sb = new StringBuilder(qualified(s.qualifier(), "*"));
        if (s.ilike() != null) {
            sb.append(" ILIKE ").append(Translator.literal(s.ilike()));
        }
        java.util.List<String> exclude = new java.util.ArrayList<>(s.exclude());
        if (starWithoutCompanions) {
            // an INSERT's source lists its values by position: the hidden offset columns are not among them
            for (java.util.Map.Entry<String, java.util.Set<String>> e : tzScope().entrySet()) {
                if (s.qualifier().isEmpty() || s.qualifier().get(s.qualifier().size() - 1).equals(e.getKey())) {
                    e.getValue().forEach(col -> {
                        if (!exclude.contains(TimestampTz.COMPANION + col)) {
                            exclude.add(TimestampTz.COMPANION + col);
                        }
                    });
                }
            }
        }
        if (!exclude.isEmpty()) {
            sb.append(" EXCLUDE (").append(join(exclude, Names::quote)).append(')');
        }
        if (!s.replace().isEmpty()) {
            sb.append(" REPLACE (").append(join(s.replace(), r -> expression(r.value()) + " AS " + Names.quote(r.column())))
                    .append(')');
        }
        if (!s.rename().isEmpty()) {
            sb.append(" RENAME (").append(join(s.rename(), r -> Names.quote(r.column()) + " AS " + Names.quote(r.alias())))
                    .append(')');
        }
        return sb.toString();
    }

    /**
     * {@code * ILIKE ... REPLACE/RENAME} and {@code * REPLACE ... RENAME}, which DuckDB cannot combine (select page): the
     * columns the ILIKE / EXCLUDE part selects, asked of DuckDB, each written out with its replacement and new name.
     * Null when DuckDB cannot bind the star there.
     */
    private String expandedStar(Star s) {
        String filtered = qualified(s.qualifier(), "*") + (s.ilike() != null ? " ILIKE " + Translator.literal(s.ilike()) : "")
                + (s.exclude().isEmpty() ? "" : " EXCLUDE (" + join(s.exclude(), Names::quote) + ")");
        List<String> columns = ctx.duckColumns(typeScope[0] + filtered + typeScope[1]);
        if (columns == null || columns.isEmpty()) {
            return null;
        }
        List<String> items = new ArrayList<>();
        for (String duckName : columns) {
            String name = Names.decode(duckName);
            String value = qualified(s.qualifier(), Names.quote(name));
            for (Star.Replacement r : s.replace()) {
                if (r.column().equals(name)) {
                    value = expression(r.value());
                }
            }
            String alias = name;
            for (Star.Renaming r : s.rename()) {
                if (r.column().equals(name)) {
                    alias = r.alias();
                }
            }
            items.add(value + " AS " + Names.quote(alias));
        }
        return String.join(", ", items);
    }

    private String unary(Unary u) {
        if (u.operator() == UnaryOperator.NOT) {
            return "NOT " + operand(u.operand(), Precedence.NOT);
        }
        return (u.operator() == UnaryOperator.MINUS ? "- " : "+ ") + operand(u.operand(), Precedence.UNARY);
    }

    /**
     * The relations in scope with stored TIMESTAMP_TZ columns: visible name -> those columns (each has an offset companion
     * column, {@link TimestampTz#COMPANION} + name). A select block starts from its outer block's (correlated names).
     */
    private final ColumnCollations collations = new ColumnCollations();

    /** The collations expressions carry here, written or declared by a column ({@link ColumnCollations}). */
    ColumnCollations collations() {
        return collations;
    }

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
    private boolean starWithoutCompanions;

    void starWithoutCompanions(boolean on) {
        starWithoutCompanions = on;
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

    private Integer scale(Expr e) {
        return NumericFunctions.staticScale(e, lateralAliases::get,
                column -> AggregateFunctions.scaleOf(duckType(column)));
    }

    /** The statement around the select block being translated, for asking DuckDB an expression's type: {prefix, suffix}. */
    private String[] typeScope;
    private final java.util.Map<String, java.util.Optional<String>> types = new java.util.HashMap<>();

    /** Sets where {@link #duckType} asks (null: nowhere) and returns the previous scope. */
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
     * {@code left / right}: exact fixed-point division ({@code sf_div}, see the engine's ExactDivision). When both
     * scales can be told from the SQL, the quotient gets Snowflake's scale, max(s1, min(s1 + 6, 12)), and a
     * divisor finer than 12 digits is scaled up with the dividend so it is not rounded to zero.
     */
    String divide(Expr left, Expr right) {
        String dividend = expression(left);
        String divisor = expression(right);
        Integer s1 = scale(left);
        Integer s2 = scale(right);
        if (s1 == null || s2 == null) {
            return "sf_div(" + dividend + ", " + divisor + ", typeof(" + dividend + "))";
        }
        String type = "typeof(" + dividend + ")";
        if (s2 > NumericFunctions.MAX_DERIVED_SCALE) {
            String shift = "1" + "0".repeat(s2 - NumericFunctions.MAX_DERIVED_SCALE);
            dividend = "(" + dividend + ") * " + shift;
            divisor = "(" + divisor + ") * " + shift;
        }
        return "CAST(sf_div(" + dividend + ", " + divisor + ", " + type + ") AS DECIMAL(38," + NumericFunctions.quotientScale(s1)
                + "))";
    }

    /** {@code value + INTERVAL '...'}; a TIMESTAMP_TZ moves on its own wall clock and keeps its offset. */
    private String plusInterval(Expr value, String interval, int sign) {
        String offset = tzOffset(value);
        if (offset == null) {
            boolean nanos = DateFunctions.hasNanoseconds(interval) && DateFunctions.wallClock(duckType(value));
            return DateFunctions.addInterval(expression(value), interval, sign, ctx, nanos);
        }
        return TimestampTz.instant(DateFunctions.addInterval(TimestampTz.wall(expression(value), offset), interval, sign, ctx, false),
                offset);
    }

    private String binary(Binary b) {
        if (ARITHMETIC.contains(b.operator()) && (variantForm(b.left()) || variantForm(b.right()))) {
            // a VARIANT operand of arithmetic is read as a number (transform page: (i:subtotal / i:quantity));
            // DuckDB has no arithmetic on JSON. UNVERIFIED: Snowflake's result type (FLOAT here)
            int p = Precedence.of(b);
            return "(" + number(b.left(), p) + " " + b.operator().symbol() + " " + number(b.right(), p + 1) + ")";
        }
        if ((b.operator() == BinaryOperator.PLUS || b.operator() == BinaryOperator.MINUS) && b.right() instanceof IntervalLiteral i) {
            return plusInterval(b.left(), i.value(), b.operator() == BinaryOperator.MINUS ? -1 : 1);
        }
        if (b.operator() == BinaryOperator.PLUS && b.left() instanceof IntervalLiteral i) {
            return plusInterval(b.right(), i.value(), 1);
        }
        if (b.operator() == BinaryOperator.DIVIDE) {
            return divide(b.left(), b.right());
        }
        int p = Precedence.of(b);
        if (b.operator() == BinaryOperator.TIMES) {
            Integer s1 = scale(b.left());
            Integer s2 = scale(b.right());
            if (s1 != null && s2 != null && NumericFunctions.productScale(s1, s2) < s1 + s2) {
                // Snowflake caps a product's scale (rounding), where DuckDB keeps s1 + s2
                return "CAST(" + operand(b.left(), p) + " * " + operand(b.right(), p + 1) + " AS DECIMAL(38,"
                        + NumericFunctions.productScale(s1, s2) + "))";
            }
        }
        // comparisons do not chain in DuckDB: a nested one keeps its parentheses
        int leftMin = p == Precedence.COMPARISON ? p + 1 : p;
        String collation = p == Precedence.COMPARISON ? collations.compared(b.left(), b.right()) : null;
        if (collation != null) {
            // collation page: a collated operand compares both sides by the collation's keys
            String l = Collations.key(expression(Collations.operand(b.left())), collation);
            String r = Collations.key(expression(Collations.operand(b.right())), collation);
            return l + " " + b.operator().symbol() + " " + r;
        }
        if (p == Precedence.COMPARISON && TimeNanos.mixed(this, b.left(), b.right())) {
            return TimeNanos.compared(this, List.of(b.left(), b.right()), List.of(" " + b.operator().symbol() + " "));
        }
        if (p == Precedence.COMPARISON && (variantText(b.left(), b.right()) || variantText(b.right(), b.left()))) {
            // a VARIANT compared with a string compares with that string as a VARIANT (parse_url page:
            // PARSE_URL(u):host = 'www.snowflake.com'); DuckDB would read the string as JSON text
            String left = b.left() instanceof StringLiteral ? "to_json(" + expression(b.left()) + ")" : operand(b.left(), leftMin);
            String right = b.right() instanceof StringLiteral ? "to_json(" + expression(b.right()) + ")" : operand(b.right(), p + 1);
            return left + " " + b.operator().symbol() + " " + right;
        }
        return operand(b.left(), leftMin) + " " + b.operator().symbol() + " " + operand(b.right(), p + 1);
    }

    private static final java.util.Set<BinaryOperator> ARITHMETIC = java.util.EnumSet.of(BinaryOperator.PLUS, BinaryOperator.MINUS,
            BinaryOperator.TIMES, BinaryOperator.DIVIDE, BinaryOperator.MODULO);

    private String number(Expr e, int precedence) {
        return variantForm(e) ? "CAST(json_extract_string(" + expression(e) + ", '$') AS DOUBLE)" : operand(e, precedence);
    }

    /** Untyped lambda parameters being generated: their elements are VARIANTs. */
    private final java.util.Set<String> variantParameters = new java.util.HashSet<>();

    /** Whether {@code e} is a VARIANT by its form: a path, a function that returns one, an untyped lambda element. */
    private boolean variantForm(Expr e) {
        return e instanceof Expr.Path || e instanceof Expr.FunctionCall f && f.name().size() == 1
                && VARIANT_FUNCTIONS.contains(f.simpleName().toUpperCase(java.util.Locale.ROOT))
                || e instanceof ColumnRef c && c.parts().size() == 1
                && variantParameters.contains(c.parts().get(0).toUpperCase(java.util.Locale.ROOT));
    }

    private static final java.util.Set<String> VARIANT_FUNCTIONS = java.util.Set.of("GET", "GET_PATH", "GET_IGNORE_CASE",
            "PARSE_JSON", "TRY_PARSE_JSON", "TO_VARIANT", "PARSE_URL", "PARSE_IP", "ARRAY_MIN", "ARRAY_MAX", "XMLGET");

    /** Whether {@code variant} is a VARIANT by its form (a path, a function returning one) and {@code other} a string literal. */
    private boolean variantText(Expr variant, Expr other) {
        return other instanceof StringLiteral && variantForm(variant);
    }

    private String like(Like l) {
        if (l.operator() == LikeOperator.RLIKE) {
            if (l.quantifier() != null || l.escape() != null) {
                throw SnowflakeError.unsupported("RLIKE with ANY/ALL or ESCAPE");
            }
            String test = "sf_regexp_like(CAST(" + expression(l.operand()) + " AS VARCHAR), CAST("
                    + expression(l.patterns().get(0)) + " AS VARCHAR), 'c')";
            return l.negated() ? "(NOT " + test + ")" : test;
        }
        if (l.quantifier() != null) {
            // LIKE ANY / ALL (p1, p2, ...) (like_any, like_all pages): one test a pattern, joined by OR / AND
            List<String> tests = new ArrayList<>();
            for (Expr p : l.patterns()) {
                tests.add(operand(l.operand(), Precedence.MEMBERSHIP + 1) + " " + l.operator() + " "
                        + operand(p, Precedence.CONCAT)
                        + (l.escape() == null ? "" : " ESCAPE " + operand(l.escape(), Precedence.CONCAT)));
            }
            String joined = "(" + String.join(l.quantifier() == Expr.Quantifier.ALL ? " AND " : " OR ", tests) + ")";
            return l.negated() ? "(NOT " + joined + ")" : joined;
        }
        StringBuilder sb = new StringBuilder(operand(l.operand(), Precedence.MEMBERSHIP + 1)).append(not(l.negated()))
                .append(' ').append(l.operator());
        {
            sb.append(' ').append(operand(l.patterns().get(0), Precedence.CONCAT));
        }
        if (l.escape() != null) {
            sb.append(" ESCAPE ").append(operand(l.escape(), Precedence.CONCAT));
        }
        return sb.toString();
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

    /** Path access; a computed element ({@code v[i]}, {@code v[k]}) is one step of its own. */
    private String path(Path p) {
        String base = expression(p.base());
        List<PathStep> literal = new ArrayList<>();
        for (PathStep step : p.steps()) {
            if (step instanceof PathStep.Element el && !(el.index() instanceof NumberLiteral n && n.text().matches("[0-9]+"))
                    && !(el.index() instanceof StringLiteral)) {
                if (!literal.isEmpty()) {
                    base = "json_extract(" + base + ", " + Translator.literal(pointer(literal)) + ")";
                    literal.clear();
                }
                base = "json_extract(" + base + ", " + SemiStructuredFunctions.computedPointer(expression(el.index())) + ")";
            } else {
                literal.add(step);
            }
        }
        return literal.isEmpty() ? base : "json_extract(" + base + ", " + Translator.literal(pointer(literal)) + ")";
    }

    /** A JSON pointer for path steps; keys are case-sensitive. */
    private static String pointer(List<PathStep> steps) {
        StringBuilder sb = new StringBuilder();
        for (PathStep step : steps) {
            sb.append('/').append(pointerToken(step));
        }
        return sb.toString();
    }

    private static String pointerToken(PathStep step) {
        if (step instanceof PathStep.Field f) {
            return SemiStructuredFunctions.pointerEscape(f.key());
        }
        Expr index = ((PathStep.Element) step).index();
        if (index instanceof NumberLiteral n && n.text().matches("[0-9]+")) {
            return n.text();
        }
        if (index instanceof StringLiteral s) {
            return SemiStructuredFunctions.pointerEscape(s.value());
        }
        throw SnowflakeError.unsupported("computed element access [expr]");
    }

    /**
     * {@code operand::type}. A VARIANT operand is unwrapped first (a JSON string loses its quotes,
     * JSON null becomes NULL), as Snowflake's casts from VARIANT do; DuckDB drops the branch that
     * does not apply to the operand's type when it plans the query. A literal or an expression over
     * bind parameters (whose type DuckDB cannot ask) is cast directly.
     */
    String cast(Expr operand, SnowflakeTypes type, boolean tryCast) {
        String offset = type.duck().equals("TIMESTAMPTZ") ? null : tzOffset(operand);
        if (offset != null && TEMPORAL.contains(type.duck())) {
            // a TIMESTAMP_TZ becomes a date, time or TIMESTAMP_NTZ by its own wall clock, not the session's
            return directCast(TimestampTz.wall(expression(operand), offset), type, tryCast);
        }
        return binaryAware(operand, expression(operand), type, tryCast);
    }

    /**
     * {@link #cast(Expr, String, SnowflakeTypes, boolean)} with BINARY conversions in the session's formats
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
                    + ConversionFunctions.binaryFromText(cast(operand, sql, SnowflakeTypes.of("VARCHAR", null, null), false), format,
                    tryCast) + " END)";
        }
        if (type.duck().equals("VARCHAR") && !bound && !(operand instanceof StringLiteral) && !(operand instanceof NumberLiteral)) {
            String text = ConversionFunctions.binaryToText(ConversionFunctions.anyBlob(sql), ConversionFunctions.outputFormat(ctx));
            return "(CASE WHEN typeof(" + sql + ") = 'BLOB' THEN " + text + " ELSE " + cast(operand, sql, type, tryCast) + " END)";
        }
        return cast(operand, sql, type, tryCast);
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

    /** {@link #cast(Expr, SnowflakeTypes, boolean)} of an operand whose SQL is already generated. */
    static String cast(Expr operand, String sql, SnowflakeTypes type, boolean tryCast) {
        if (type.isSemiStructured()) {
            return type.canonical().equals("VARIANT") ? SemiStructuredFunctions.variant(sql, bound(operand)) : "to_json(" + sql + ")";
        }
        if (operand instanceof StringLiteral lit && TEMPORAL.contains(type.duck())) {
            String text = TemporalText.normalise(lit.value(), type.duck());
            sql = Translator.literal(text);
            if ((type.duck().equals("TIMESTAMP") || type.duck().equals("TIME")) && TemporalText.hasNanoseconds(text)) {
                // TIMESTAMP_NTZ(9) / TIME(9) keep nanoseconds (data-types-datetime page: FF9 prints 123456789): a DuckDB
                // *_NS value where the text has digits past the microsecond
                return directCast(sql, new SnowflakeTypes(type.canonical(), type.duck() + "_NS"), tryCast);
            }
        }
        boolean direct = operand instanceof StringLiteral || operand instanceof NumberLiteral
                || operand.walk().anyMatch(Parameter.class::isInstance);
        if (operand instanceof Parameter && TEMPORAL.contains(type.duck())) {
            // a bound text such as '2024-03-10 08:15:00 +09:00' (issue 15) read as Snowflake's AUTO format does, read once
            return directCast("sf_temporal_text(CAST(" + sql + " AS VARCHAR))", type, tryCast);
        }
        boolean timestamp = type.duck().equals("TIMESTAMP") || type.duck().equals("TIMESTAMPTZ");
        if (timestamp && (operand instanceof NumberLiteral
                || operand instanceof Expr.Unary u && u.operator() == UnaryOperator.MINUS && u.operand() instanceof NumberLiteral)) {
            // a number cast to a timestamp is seconds since the epoch (to_timestamp page: 0::TIMESTAMP_NTZ is 1970-01-01)
            return ConversionFunctions.epoch(sql, 0, type.duck(), tryCast);
        }
        if (!direct && TEMPORAL.contains(type.duck())) {
            // text read at run time as Snowflake reads it (spaced offsets, epoch digits: TemporalText); a number as
            // seconds since the epoch
            String number = timestamp ? " WHEN typeof(" + sql + ") IN " + ConversionFunctions.NUMERIC_TYPES + " OR typeof(" + sql
                    + ") LIKE 'DECIMAL%' THEN " + ConversionFunctions.epoch(sql, 0, type.duck(), tryCast)
                    + ConversionFunctions.variantTimestamp(sql, type.duck(), tryCast) : "";
            return "(CASE WHEN typeof(" + sql + ") = 'VARCHAR' THEN " + TemporalText.normaliseSql("CAST(" + sql + " AS VARCHAR)",
                    type.duck(), tryCast) + number + " ELSE " + unwrappingCast(sql, type, tryCast) + " END)";
        }
        return lengthChecked(direct ? directCast(sql, type, tryCast) : unwrappingCast(sql, type, tryCast), type, tryCast);
    }

    /**
     * A cast to VARCHAR(n) / CHAR(n) of a longer string fails with Snowflake's 100078 ("String '...' is too long and
     * would be truncated"), and TRY_CAST gives NULL (CAST page, TRY_CAST page).
     */
    private static String lengthChecked(String castSql, SnowflakeTypes type, boolean tryCast) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("VARCHAR\\((\\d+)\\)").matcher(type.canonical());
        if (!m.matches() || m.group(1).equals("16777216")) {
            return castSql;
        }
        String tooLong = tryCast ? "NULL"
                : "error('[sf:100078:22000] String ''' || " + castSql + " || ''' is too long and would be truncated')";
        return "(CASE WHEN length(" + castSql + ") > " + m.group(1) + " THEN " + tooLong + " ELSE " + castSql + " END)";
    }

    static String directCast(String sql, SnowflakeTypes type, boolean tryCast) {
        return (tryCast ? "TRY_CAST(" : "CAST(") + sql + " AS " + type.duck() + ")";
    }

    static String unwrappingCast(String sql, SnowflakeTypes type, boolean tryCast) {
        if (type.isSemiStructured()) {
            return "to_json(" + sql + ")";
        }
        // a FLOAT becomes a NUMBER from its exact binary value, rounded at the scale (to_double page)
        String exactDouble = type.duck().startsWith("DECIMAL") ? " WHEN typeof(" + sql + ") IN ('DOUBLE', 'FLOAT') THEN "
                + directCast((tryCast ? "TRY(" : "(") + "sf_double_exact(CAST(" + sql + " AS DOUBLE)))", type, tryCast) : "";
        return "(CASE WHEN typeof(" + sql + ") = 'JSON' THEN " + directCast("json_extract_string(CAST(" + sql
                + " AS VARCHAR), '$')", type, tryCast) + exactDouble + " ELSE " + directCast(sql, type, tryCast) + " END)";
    }
}

package dev.autosync.emulator.sql;

import dev.autosync.emulator.base.Names;
import dev.autosync.emulator.base.SnowflakeError;
import dev.autosync.sql.parse.SqlParser;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Translates Snowflake SQL into DuckDB SQL from the current position of a statement's cursor:
 * each call parses one construct into the Snowflake syntax tree ({@link SqlParser}), generates
 * DuckDB SQL from it ({@link QueryGenerator}, {@link ExpressionGenerator}) and leaves the cursor
 * after it, so the engine's statement parsers go on from there. Anything that cannot be translated
 * faithfully is refused with a Snowflake-shaped error.
 */
public final class Translator {
    private final Cursor c;
    private final SqlParser parser;
    private final QueryGenerator queries;

    public Translator(Cursor c, SqlContext ctx) {
        this.c = c;
        this.parser = new SqlParser(c);
        this.queries = new QueryGenerator(c, ctx);
    }

    public Cursor cursor() {
        return c;
    }

    /** A whole query; with {@code top}, its select list gets Snowflake's default column labels. */
    public String query(boolean top) {
        return queries.query(parser.query(), top);
    }

    /**
     * A query whose rows go to the client: as {@link #query(boolean)} with {@code top}, and each TIMESTAMP_TZ column of
     * its select list followed (after all items) by a hidden column with its offset ({@link TimestampTz#COMPANION}).
     */
    public String resultQuery() {
        queries.resultColumns(true);
        try {
            return queries.query(parser.query(), true);
        } finally {
            queries.resultColumns(false);
        }
    }

    /**
     * A query whose rows are stored (CREATE TABLE AS, a view's body): as {@link #query(boolean)}, and each TIMESTAMP_TZ
     * column named as DuckDB names it (aliased, or a bare column) followed (after all items) by its offset companion
     * ({@link #TZ_OFFSET_COLUMN} + its name), which the stored relation keeps.
     */
    public String storedQuery(boolean top) {
        return queries.derivedQuery(parser.query(), new java.util.LinkedHashSet<>(), top);
    }

    /**
     * A COPY transformation (a query over a stage's rows): each TIMESTAMP_TZ value whose offset the translator knows is
     * followed, after all items, by a companion named {@link #TZ_OFFSET_COLUMN} + {@code #<item index from 0>}.
     */
    public String copyQuery() {
        return queries.copyQuery(parser.query());
    }

    /** The label prefix of the hidden offset column of a TIMESTAMP_TZ result column ({@link #resultQuery()}). */
    public static final String TZ_OFFSET_COLUMN = TimestampTz.COMPANION;

    /**
     * An INSERT's source: a query, or VALUES rows kept as such so DuckDB casts each value to its column; a string
     * for a date or time column (by its Snowflake type in {@code columnTypes}) is read as Snowflake reads it.
     */
    /**
     * The DuckDB collation for a column declared {@code COLLATE 'spec'}, or null when it compares by code point
     * (an invalid specification fails as Snowflake's compilation error).
     */
    public static String columnCollation(String specification) {
        return Collations.duckColumnCollation(specification);
    }

    public String insertSource(List<String> columnTypes) {
        return queries.insertSource(parser.query(), columnTypes);
    }

    /**
     * {@link #insertSource(List)} that also gives the offsets of the values for the TIMESTAMP_TZ target columns at
     * {@code tzTargets}: VALUES rows end with one offset per such column ({@code valuesOffsets[0]} set true), a query
     * follows its TIMESTAMP_TZ values with companion columns ({@link #TZ_OFFSET_COLUMN} + the value's column name);
     * a star leaves the stored companions of its relations out of its place (an INSERT's values are positional).
     */
    public String insertSource(List<String> columnTypes, List<Integer> tzTargets, boolean[] valuesOffsets) {
        return queries.insertSource(parser.query(), columnTypes, tzTargets, valuesOffsets);
    }

    /**
     * SQL for the offset (minutes) a value of unknown type takes when written to a TIMESTAMP_TZ column: text with an
     * offset keeps it; any other value (text without one, TIMESTAMP_NTZ / LTZ, DATE) takes the session zone's offset
     * at that instant (data-types-datetime page).
     */
    public static String tzOffsetOfValue(String sql, String zone) {
        String instant = Casts.cast(new dev.autosync.sql.tree.Expr.ColumnRef(null, List.of("$v")), sql,
                SnowflakeTypes.of("TIMESTAMP_TZ", null, null), true);
        // a JSON value (a VARIANT) is read as its text
        String text = "(CASE WHEN typeof(" + sql + ") = 'JSON' THEN json_extract_string(CAST(" + sql + " AS VARCHAR), '$') ELSE CAST("
                + sql + " AS VARCHAR) END)";
        return "coalesce(" + TimestampTz.textOffset(text) + ", sf_offset_at(" + instant + ", "
                + literal(zone == null ? "UTC" : zone) + "))";
    }

    /**
     * {@link #tzOffsetOfValue} of a value DuckDB already types TIMESTAMPTZ: the session zone's offset at that instant
     * (whole minutes, truncated as DuckDB prints it), as its local time in DuckDB's TimeZone (the session's) minus the
     * instant. Arithmetic, not text: DuckDB computes subexpressions common to a statement's items (a MERGE's UPDATE SET
     * and INSERT VALUES) for every row, even where a coalesce needs them only for rows without a carried offset.
     */
    public static String tzOffsetOfInstant(String sql) {
        return "CAST((epoch_us(CAST(" + sql + " AS TIMESTAMP)) - epoch_us(" + sql + ")) // 60000000 AS SMALLINT)";
    }

    /** A value of unknown type written to a TIMESTAMP_TZ column: text is read as Snowflake reads it (spaced offsets). */
    public static String tzValue(String sql) {
        return Casts.cast(new dev.autosync.sql.tree.Expr.ColumnRef(null, List.of("$v")), sql,
                SnowflakeTypes.of("TIMESTAMP_TZ", null, null), false);
    }

    /**
     * An expression and, when it is a TIMESTAMP_TZ whose offset the translator knows, SQL for its offset ({1}; else
     * null): SET's value for a TIMESTAMP_TZ column.
     */
    public String[] expressionWithOffset(Set<String> stops) {
        ExpressionGenerator g = queries.expressions();
        dev.autosync.sql.tree.Expr e = parser.expression(stops);
        String sql = g.expression(e);
        return withOffset(g, e, sql);
    }

    /**
     * {sql, offset or null, "bound" when it reads a bind parameter, the value cast to TIMESTAMP_TZ, the bind's index
     * from 0 among the statement's when the value is one bind alone (else null)}.
     */
    private String[] withOffset(ExpressionGenerator g, dev.autosync.sql.tree.Expr e, String sql) {
        boolean bound = e.walk().anyMatch(dev.autosync.sql.tree.Expr.Parameter.class::isInstance);
        return new String[] {sql, bound ? null : g.tzOffset(e), bound ? "bound" : null,
            g.cast(e, SnowflakeTypes.of("TIMESTAMP_TZ", null, null), false),
            e instanceof dev.autosync.sql.tree.Expr.Parameter p ? String.valueOf(bindIndex(p)) : null};
    }

    /** A bind parameter's index among the statement's: the {@code ?} written before it (binds are positional). */
    private int bindIndex(dev.autosync.sql.tree.Expr.Parameter p) {
        int n = 0;
        for (int i = 0; i < p.span().start(); i++) {
            if (c.token(i).is(dev.autosync.sql.TokenType.PARAMETER)) {
                n++;
            }
        }
        return n;
    }

    /** A comma-separated list of expressions, each as {@link #expressionWithOffset}. */
    public List<String[]> expressionsWithOffsets(Set<String> stops) {
        ExpressionGenerator g = queries.expressions();
        List<String[]> out = new ArrayList<>();
        for (dev.autosync.sql.tree.Expr e : parser.expressionList(stops)) {
            out.add(withOffset(g, e, g.expression(e)));
        }
        return out;
    }

    /**
     * Names a relation the statement writes (UPDATE's or MERGE's target, by {@code visibleName}) whose stored
     * TIMESTAMP_TZ columns {@code tzColumns} have offset companions, so a reference to one carries its offset.
     */
    public void tzRelation(String visibleName, Set<String> tzColumns) {
        if (!tzColumns.isEmpty()) {
            queries.expressions().tzScope().put(visibleName, tzColumns);
        }
    }

    /**
     * An expression, or with {@code stopAtComma} false a comma-separated list of them, ending before
     * a word of {@code stops} where an operator could otherwise continue it.
     */
    public String expression(Set<String> stops, boolean stopAtComma) {
        ExpressionGenerator g = queries.expressions();
        if (stopAtComma) {
            return g.expression(parser.expression(stops));
        }
        return g.expressions(parser.expressionList(stops));
    }

    /** Table references and joins, up to the next clause. */
    public String fromClause() {
        return queries.relations().fromList(parser.fromList());
    }

    /** One FROM item with its alias: a table, view, stream, stage, table function or subquery. */
    public String tableReference() {
        return queries.relations().relation(parser.relation());
    }

    /** A dotted object name, each part normalised (unquoted upper-cased, quoted exact). */
    public List<String> nameParts() {
        return checkedName(parser.nameParts());
    }

    /** A comma-separated list of identifiers, as DuckDB names. */
    public List<String> identifierList() {
        List<String> out = new ArrayList<>();
        for (String name : parser.identifierList()) {
            out.add(Names.quote(name));
        }
        return out;
    }

    /** An object name has at most three parts (database, schema, object). */
    static List<String> checkedName(List<String> parts) {
        if (parts.size() > 3) {
            throw SnowflakeError.compilation("invalid object name '" + String.join(".", parts) + "'");
        }
        return parts;
    }

    /**
     * {@code operand::type} for a DuckDB expression of unknown type (a column of a subquery): a
     * VARIANT value is unwrapped first, as Snowflake's casts from VARIANT do.
     */
    public String cast(String operand, SnowflakeTypes type, boolean tryCast) {
        return Casts.unwrappingCast(operand, type, tryCast);
    }

    /** A DuckDB string literal for a decoded Snowflake string value. */
    public static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    /** The value of a translated argument when it is a single string literal, else null. */
    public static String literalValue(String sql) {
        if (sql.length() >= 2 && sql.startsWith("'") && sql.endsWith("'")) {
            String inner = sql.substring(1, sql.length() - 1);
            if (!inner.replace("''", "").contains("'")) {
                return inner.replace("''", "'");
            }
        }
        return null;
    }
}

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
        return ExpressionGenerator.unwrappingCast(operand, type, tryCast);
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

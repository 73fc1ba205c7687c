package dev.autosync.emulator.sql;

import dev.autosync.sql.tree.Expr;
import dev.autosync.sql.tree.Expr.NumberLiteral;
import dev.autosync.sql.tree.Expr.Parameter;
import dev.autosync.sql.tree.Expr.StringLiteral;
import dev.autosync.sql.tree.Expr.UnaryOperator;

/**
 * Casts of generated SQL to a Snowflake type: text read as Snowflake reads dates and times ({@link TemporalText}),
 * numbers cast to timestamps as epoch seconds, VARIANT values unwrapped first, and VARCHAR(n) lengths checked.
 */
final class Casts {
    private Casts() {
    }

    /** DuckDB's date and time types, whose text input Snowflake reads more widely ({@link TemporalText}). */
    static final java.util.Set<String> TEMPORAL = java.util.Set.of("DATE", "TIME", "TIMESTAMP", "TIMESTAMPTZ");

    /** {@link ExpressionGenerator#cast(Expr, SnowflakeTypes, boolean)} of an operand whose SQL is already generated. */
    static String cast(Expr operand, String sql, SnowflakeTypes type, boolean tryCast) {
        if (type.isSemiStructured()) {
            return type.canonical().equals("VARIANT") ? SemiStructuredFunctions.variant(sql, ExpressionGenerator.bound(operand))
                    : "to_json(" + sql + ")";
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
            // a VARIANT as ::VARIANT makes it (a JSON value as written: to_json would rewrite its numbers)
            return type.canonical().equals("VARIANT") ? SemiStructuredFunctions.variant(sql, false) : "to_json(" + sql + ")";
        }
        // a FLOAT becomes a NUMBER from its exact binary value, rounded at the scale (to_double page)
        String exactDouble = type.duck().startsWith("DECIMAL") ? " WHEN typeof(" + sql + ") IN ('DOUBLE', 'FLOAT') THEN "
                + directCast((tryCast ? "TRY(" : "(") + "sf_double_exact(CAST(" + sql + " AS DOUBLE)))", type, tryCast) : "";
        return "(CASE WHEN typeof(" + sql + ") = 'JSON' THEN " + directCast("json_extract_string(CAST(" + sql
                + " AS VARCHAR), '$')", type, tryCast) + exactDouble + " ELSE " + directCast(sql, type, tryCast) + " END)";
    }
}

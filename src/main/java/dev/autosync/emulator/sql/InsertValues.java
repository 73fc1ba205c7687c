package dev.autosync.emulator.sql;

import dev.autosync.sql.tree.Expr;
import dev.autosync.sql.tree.QueryBody;

import java.util.ArrayList;
import java.util.List;

/**
 * An INSERT's VALUES rows, left as DuckDB's VALUES so each value is cast to its column: text for a date, time or binary
 * column is read as Snowflake reads it, and each row can end with the offsets of its TIMESTAMP_TZ values.
 */
final class InsertValues {
    private final ExpressionGenerator expressions;

    InsertValues(ExpressionGenerator expressions) {
        this.expressions = expressions;
    }

    /**
     * The rows; with {@code tzTargets} (positions of TIMESTAMP_TZ target columns) each row ends with one offset value per
     * position ({@code valuesOffsets[0]} set true), NULL where the translator does not know it (the engine reads it
     * from the value then).
     */
    String rows(QueryBody.Values v, List<String> columnTypes, List<Integer> tzTargets, boolean[] valuesOffsets) {
        if (valuesOffsets != null) {
            valuesOffsets[0] = tzTargets != null && !tzTargets.isEmpty();
        }
        return "VALUES " + ExpressionGenerator.join(v.rows(), row -> {
            List<String> values = new ArrayList<>();
            if (tzTargets != null) {
                // each TIMESTAMP_TZ value's offset where the translator knows it (else the engine reads it from the value)
                for (int j : tzTargets) {
                    Expr e = j < row.size() ? row.get(j) : null;
                    String o = e == null || e.walk().anyMatch(Expr.Parameter.class::isInstance) || e instanceof Expr.NullLiteral ? null
                            : expressions.tzOffset(asTimestampTz(e));
                    values.add(o == null ? "CAST(NULL AS SMALLINT)" : "CAST(" + o + " AS SMALLINT)");
                }
            }
            String rowSql = insertRow(row, columnTypes, tzTargets);
            return "(" + rowSql + (values.isEmpty() ? "" : ", " + String.join(", ", values)) + ")";
        });
    }

    /** {@code e} cast to TIMESTAMP_TZ (its offset: text's own, a TIMESTAMP_TZ's, else the session zone's). */
    private static Expr asTimestampTz(Expr e) {
        return new Expr.Cast(e.span(), e, new dev.autosync.sql.tree.TypeName(e.span(), "TIMESTAMP_TZ", List.of()), Expr.CastSyntax.CAST);
    }

    private String insertRow(List<Expr> row, List<String> columnTypes, List<Integer> tzTargets) {
        List<String> values = new ArrayList<>();
        for (int i = 0; i < row.size(); i++) {
            if (tzTargets != null && tzTargets.contains(i) && !(row.get(i) instanceof Expr.Parameter)
                    && !(row.get(i) instanceof Expr.NullLiteral)) {
                // rows of text and TIMESTAMP_TZ values combine as TIMESTAMP_TZ (each offset is beside the row)
                values.add(expressions.cast(row.get(i), SnowflakeTypes.of("TIMESTAMP_TZ", null, null), false));
                continue;
            }
            String duck = i < columnTypes.size() ? temporalDuckType(columnTypes.get(i)) : null;
            boolean binary = i < columnTypes.size() && QueryGenerator.isBinary(columnTypes.get(i));
            // text for a BINARY column is decoded by BINARY_INPUT_FORMAT ('48656C6C6F' is "Hello": binary-input-output page)
            values.add(binary ? expressions.cast(row.get(i), SnowflakeTypes.of("BINARY", null, null), false)
                    : duck != null && row.get(i) instanceof Expr.StringLiteral s
                    ? Translator.literal(TemporalText.normalise(s.value(), duck)) : expressions.expression(row.get(i)));
        }
        return String.join(", ", values);
    }

    /** The DuckDB type of a Snowflake date or time column type, else null. */
    private static String temporalDuckType(String sfType) {
        String t = sfType == null ? "" : sfType.toUpperCase(java.util.Locale.ROOT);
        if (t.startsWith("TIMESTAMP_TZ") || t.startsWith("TIMESTAMP_LTZ")) {
            return "TIMESTAMPTZ";
        }
        if (t.startsWith("TIMESTAMP") || t.startsWith("DATETIME")) {
            return "TIMESTAMP";
        }
        return t.equals("DATE") ? "DATE" : t.startsWith("TIME") ? "TIME" : null;
    }
}

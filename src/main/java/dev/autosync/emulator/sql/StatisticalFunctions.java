package dev.autosync.emulator.sql;

import dev.autosync.sql.tree.Expr;

import java.util.Map;
import java.util.Set;

/**
 * Aggregate and window functions DuckDB names differently or lacks: MEDIAN's scale, VARIANCE_POP, SKEW, APPROX_PERCENTILE,
 * HLL, ARRAY_UNIQUE_AGG, RATIO_TO_REPORT and CONDITIONAL_TRUE_EVENT.
 */
final class StatisticalFunctions {
    /** Window translations that count rows one by one: their frame is ROWS up to the current row. */
    static final Set<String> RUNNING_ROWS = Set.of("CONDITIONAL_TRUE_EVENT", "CONDITIONAL_CHANGE_EVENT");
    /** Translations that are window functions only. */
    static final Set<String> WINDOW_ONLY = Set.of("CONDITIONAL_TRUE_EVENT", "CONDITIONAL_CHANGE_EVENT", "RATIO_TO_REPORT");
    /** Where a translation places the call's OVER clause itself (instead of after the whole text). */
    static final String OVER = "\u0001OVER\u0001";

    private StatisticalFunctions() {
    }

    static void register(Map<String, Functions.Translation> t) {
        // median page: a NUMBER's median has 3 more digits of scale (DECIMAL(10,2) gives 20.00000); a FLOAT stays one
        Functions.register(t, c -> {
            c.need(1);
            return "median(" + c.sql(0) + " * 1.000)";
        }, "MEDIAN");
        Functions.register(t, c -> "skewness(" + c.sql(0) + ")", "SKEW");
        // approx_percentile page: an estimate; the exact continuous percentile is one (deterministic) answer
        Functions.register(t, c -> {
            c.need(2);
            return "CAST(quantile_cont(" + c.sql(0) + ", " + c.sql(1) + ") AS DOUBLE)";
        }, "APPROX_PERCENTILE");
        Functions.register(t, c -> "approx_count_distinct(" + c.sql(0) + ")", "HLL");
        // count page: COUNT(a, b) and COUNT(DISTINCT a, b) count the rows where none of the values is NULL
        Functions.register(t, c -> {
            if (c.count() == 1 && c.arg(0) instanceof Expr.Star s
                    && (!s.qualifier().isEmpty() || s.ilike() != null || !s.exclude().isEmpty())) {
                // COUNT(t.*), COUNT(* ILIKE ...), COUNT(* EXCLUDE ...): the rows where none of those columns is NULL
                return "count(nullif(list_contains(CAST(json_extract(" + SemiStructuredFunctions.rowJson(c.sql(0))
                        + ", '$.*') AS VARCHAR[]), 'null'), true))";
            }
            if (c.count() == 1 && c.arg(0) instanceof Expr.Path) {
                // a JSON null (VARIANT null) counts as NULL
                return "count(" + (c.distinct() ? "DISTINCT " : "") + "CASE WHEN json_type(" + c.sql(0) + ") <> 'NULL' THEN "
                        + c.sql(0) + " END)";
            }
            if (c.count() < 2) {
                // collation page: COUNT(DISTINCT x COLLATE 'en-ci') counts values distinct under the collation
                String arg = c.count() == 0 ? "*" : c.distinct() ? c.generator().collatedKey(c.arg(0)) : c.sql(0);
                return "count(" + (c.distinct() ? "DISTINCT " : "") + arg + ")";
            }
            StringBuilder none = new StringBuilder();
            for (String a : c.sql()) {
                none.append(none.length() == 0 ? "" : " AND ").append(a).append(" IS NOT NULL");
            }
            return "count(" + (c.distinct() ? "DISTINCT " : "") + "CASE WHEN " + none + " THEN row(" + c.all() + ") END)";
        }, "COUNT");
        Functions.register(t, c -> "to_json(COALESCE(list(DISTINCT " + c.sql(0) + ") FILTER (WHERE " + c.sql(0)
                + " IS NOT NULL) " + OVER + ", []))", "ARRAY_UNIQUE_AGG");
        // ratio_to_report page: the value divided by the sum of the values of its window (NULL when that is 0);
        // the call's OVER clause applies to the sum
        Functions.register(t, c -> {
            c.need(1);
            Integer scale = AggregateFunctions.fixedScale(c);
            if (scale != null) {
                // a NUMBER's ratio is an exact quotient: NUMBER(38, s + 6) as for x / y (100 * ratio of NUMBER(11,2): 30.00000000)
                String sum = "NULLIF(sum(" + c.sql(0) + ") " + OVER + ", 0)";
                return "CAST(sf_div(" + c.sql(0) + ", " + sum + ", typeof(" + c.sql(0) + ")) AS DECIMAL(38,"
                        + NumericFunctions.quotientScale(scale) + "))";
            }
            return "(" + c.sql(0) + " / NULLIF(sum(" + c.sql(0) + ") " + OVER + ", 0))";
        }, "RATIO_TO_REPORT");
        // conditional_true_event page: the number of rows so far (in the window's order) whose condition is TRUE
        Functions.register(t, c -> {
            c.need(1);
            return "sum(CASE WHEN CAST(" + c.sql(0) + " AS BOOLEAN) THEN 1 ELSE 0 END) " + OVER;
        }, "CONDITIONAL_TRUE_EVENT");
    }
}

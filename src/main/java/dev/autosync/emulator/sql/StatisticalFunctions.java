package dev.autosync.emulator.sql;

import java.util.Map;
import java.util.Set;

/**
 * Aggregate and window functions DuckDB names differently or lacks: VARIANCE_POP, SKEW, APPROX_PERCENTILE,
 * HLL, ARRAY_UNIQUE_AGG, RATIO_TO_REPORT and CONDITIONAL_TRUE_EVENT.
 */
final class StatisticalFunctions {
    /** Window translations that count rows one by one: their frame is ROWS up to the current row. */
    static final Set<String> RUNNING_ROWS = Set.of("CONDITIONAL_TRUE_EVENT");
    /** Translations that are window functions only. */
    static final Set<String> WINDOW_ONLY = Set.of("CONDITIONAL_TRUE_EVENT", "RATIO_TO_REPORT");
    /** Where a translation places the call's OVER clause itself (instead of after the whole text). */
    static final String OVER = "\u0001OVER\u0001";

    private StatisticalFunctions() {
    }

    static void register(Map<String, Functions.Translation> t) {
        Functions.register(t, c -> "var_pop(" + c.sql(0) + ")", "VARIANCE_POP");
        Functions.register(t, c -> "skewness(" + c.sql(0) + ")", "SKEW");
        // approx_percentile page: an estimate; the exact continuous percentile is one (deterministic) answer
        Functions.register(t, c -> {
            c.need(2);
            return "quantile_cont(" + c.sql(0) + ", " + c.sql(1) + ")";
        }, "APPROX_PERCENTILE");
        Functions.register(t, c -> "approx_count_distinct(" + c.sql(0) + ")", "HLL");
        Functions.register(t, c -> "to_json(COALESCE(list(DISTINCT " + c.sql(0) + ") FILTER (WHERE " + c.sql(0)
                + " IS NOT NULL) " + OVER + ", []))", "ARRAY_UNIQUE_AGG");
        // ratio_to_report page: the value divided by the sum of the values of its window (NULL when that is 0);
        // the call's OVER clause applies to the sum
        Functions.register(t, c -> {
            c.need(1);
            return "(" + c.sql(0) + " / NULLIF(sum(" + c.sql(0) + ") " + OVER + ", 0))";
        }, "RATIO_TO_REPORT");
        // conditional_true_event page: the number of rows so far (in the window's order) whose condition is TRUE
        Functions.register(t, c -> {
            c.need(1);
            return "sum(CASE WHEN CAST(" + c.sql(0) + " AS BOOLEAN) THEN 1 ELSE 0 END) " + OVER;
        }, "CONDITIONAL_TRUE_EVENT");
    }
}

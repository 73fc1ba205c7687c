package dev.autosync.emulator.sql;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The operands of UNION / INTERSECT / EXCEPT with their NUMBER columns brought to one scale. DuckDB unites
 * DECIMAL(38,6) with DECIMAL(38,0) as DECIMAL(38,0), rounding the fractions away; Snowflake keeps the larger scale
 * (pivot page: AVG(amount) ... UNION ... MAX(amount) prints 5200.000000), so such columns are cast to DECIMAL(38, s)
 * on both sides first.
 */
final class SetOperationScales {
    private static final Pattern DECIMAL = Pattern.compile("DECIMAL\\((\\d+),(\\d+)\\)");

    private SetOperationScales() {
    }

    /** {@code {left, right}}, rewritten where a column's scales differ; unchanged when an operand does not bind alone. */
    static String[] align(String left, String right, String with, SqlContext ctx) {
        String leftQuery = with + "SELECT * FROM (" + left + ")";
        String rightQuery = with + "SELECT * FROM (" + right + ")";
        List<String> leftTypes = ctx.duckColumnTypes(leftQuery);
        List<String> rightTypes = ctx.duckColumnTypes(rightQuery);
        if (leftTypes == null || rightTypes == null || leftTypes.size() != rightTypes.size()) {
            return new String[] {left, right};
        }
        Integer[] scales = new Integer[leftTypes.size()];
        boolean any = false;
        for (int i = 0; i < scales.length; i++) {
            Integer l = scale(leftTypes.get(i));
            Integer r = scale(rightTypes.get(i));
            if (l != null && r != null && !l.equals(r)) {
                scales[i] = Math.max(l, r);
                any = true;
            }
        }
        if (!any) {
            return new String[] {left, right};
        }
        String l = cast(left, ctx.duckColumns(leftQuery), scales);
        String r = cast(right, ctx.duckColumns(rightQuery), scales);
        return l == null || r == null ? new String[] {left, right} : new String[] {l, r};
    }

    private static Integer scale(String duckType) {
        Matcher m = duckType == null ? null : DECIMAL.matcher(duckType);
        return m != null && m.matches() ? Integer.valueOf(m.group(2)) : null;
    }

    /** The operand with the columns given a scale cast to DECIMAL(38, scale), by name; null when names repeat (DuckDB ignores case). */
    private static String cast(String operand, List<String> names, Integer[] scales) {
        if (names == null || names.size() != scales.length || new HashSet<>(names.stream().map(n -> n.toLowerCase(java.util.Locale.ROOT)).toList()).size() != names.size()) {
            return null;
        }
        List<String> items = new ArrayList<>();
        for (int i = 0; i < scales.length; i++) {
            // DESCRIBE gives DuckDB's names, already encoded: quoted as they are, not through Names.quote
            String name = '"' + names.get(i).replace("\"", "\"\"") + '"';
            String column = "\"$ALIGNED\"." + name;
            items.add(scales[i] == null ? column : "CAST(" + column + " AS DECIMAL(38," + scales[i] + ")) AS " + name);
        }
        return "SELECT " + String.join(", ", items) + " FROM (" + operand + ") AS \"$ALIGNED\"";
    }
}

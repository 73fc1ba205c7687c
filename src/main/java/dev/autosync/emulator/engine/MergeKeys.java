package dev.autosync.emulator.engine;

import dev.autosync.emulator.base.Names;
import dev.autosync.sql.tree.Expr;
import dev.autosync.sql.tree.QueryBody;
import dev.autosync.sql.tree.Relation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Whether a MERGE's source can give a target row at most one matching row, so Snowflake's 100090 ("Duplicate row
 * detected during DML action", merge page) cannot happen and {@link DmlMerge#checkDeterministic} need not evaluate the
 * source once more (for the pipeline's task on a non-empty table, as much CPU as the MERGE itself). Proven only for
 * the task's shape: a subquery keeping one row per key ({@code QUALIFY ROW_NUMBER() OVER (PARTITION BY k1, ...) = 1})
 * whose key columns ON equates, each to a bare target column of the same DuckDB type (not floating point) without a
 * collation: then every source row one target row matches has the same key. Anything else keeps the check.
 */
final class MergeKeys {
    private MergeKeys() {
    }

    /**
     * Whether the proof holds for {@code source} (parsed) joined by {@code on} to target {@code t} (aliased
     * {@code targetAlias}; {@code targetSql} and {@code sourceSql} as translated, to read the keys' DuckDB types).
     */
    static boolean uniquePerTargetRow(Session s, Relation source, Expr on, CatalogObject t, String targetAlias,
                                      String targetSql, String sourceSql) {
        List<String[]> pairs = keyPairs(source, on, targetAlias);
        if (pairs == null) {
            return false;
        }
        List<String> items = new ArrayList<>();
        String sourceAlias = ((Relation.Derived) source).alias().name();
        for (String[] pair : pairs) {
            ColumnDef col = t.columns().stream().filter(c -> c.name().equals(pair[0])).findFirst().orElse(null);
            if (col == null || col.sfType().toUpperCase(Locale.ROOT).contains(" COLLATE ")) {
                return false;
            }
            items.add(Names.quote(targetAlias) + "." + Names.quote(pair[0]));
            items.add(Names.quote(sourceAlias) + "." + Names.quote(pair[1]));
        }
        List<String[]> types = TzValues.columns(s, "SELECT " + String.join(", ", items) + " FROM " + targetSql + ", " + sourceSql);
        if (types == null || types.size() != items.size()) {
            return false;
        }
        for (int i = 0; i < types.size(); i += 2) {
            String type = types.get(i)[1].toUpperCase(Locale.ROOT);
            if (!type.equals(types.get(i + 1)[1].toUpperCase(Locale.ROOT)) || type.matches("DOUBLE|FLOAT|REAL")) {
                return false;
            }
        }
        return true;
    }

    /** {target column, source key column} for each partition key of the source's one-row-per-key QUALIFY, or null. */
    static List<String[]> keyPairs(Relation source, Expr on, String targetAlias) {
        if (!(source instanceof Relation.Derived d) || d.alias() == null || d.alias().columns() != null && !d.alias().columns().isEmpty()
                || !(d.query().body() instanceof QueryBody.Select sel) || sel.qualify() == null) {
            return null;
        }
        List<Expr> partition = null;
        for (Expr e : conjuncts(sel.qualify())) {
            partition = partition != null ? partition : oneRowPerPartition(e);
        }
        if (partition == null || partition.isEmpty()) {
            return null;
        }
        List<String[]> pairs = new ArrayList<>();
        for (Expr key : partition) {
            String output = outputName(sel, key);
            String column = output == null ? null : equatedTargetColumn(on, d.alias().name(), output, targetAlias);
            if (column == null) {
                return null;
            }
            pairs.add(new String[] {column, output});
        }
        return pairs;
    }

    /** The PARTITION BY of {@code ROW_NUMBER() OVER (PARTITION BY ...) = 1} (either side), else null. */
    private static List<Expr> oneRowPerPartition(Expr e) {
        if (!(e instanceof Expr.Binary b) || b.operator() != Expr.BinaryOperator.EQUALS) {
            return null;
        }
        Expr call = isOne(b.right()) ? b.left() : isOne(b.left()) ? b.right() : null;
        if (call instanceof Expr.FunctionCall f && f.name().size() == 1 && f.name().get(0).equalsIgnoreCase("ROW_NUMBER")
                && f.arguments().isEmpty() && f.over() != null) {
            return f.over().partitionBy();
        }
        return null;
    }

    private static boolean isOne(Expr e) {
        return e instanceof Expr.NumberLiteral n && n.text().equals("1");
    }

    /** The name under which the select list outputs the bare column {@code key}, or null. */
    private static String outputName(QueryBody.Select sel, Expr key) {
        if (!(key instanceof Expr.ColumnRef k)) {
            return null;
        }
        for (QueryBody.SelectItem item : sel.items()) {
            if (item.expr() instanceof Expr.ColumnRef c && c.parts().equals(k.parts())) {
                return item.alias() != null ? item.alias() : c.parts().get(c.parts().size() - 1);
            }
        }
        return null;
    }

    /** The target column an ON conjunct {@code target.column = source.output} (either side) names, else null. */
    private static String equatedTargetColumn(Expr on, String sourceAlias, String output, String targetAlias) {
        for (Expr e : conjuncts(on)) {
            if (e instanceof Expr.Binary b && b.operator() == Expr.BinaryOperator.EQUALS) {
                String column = sides(b.left(), b.right(), sourceAlias, output, targetAlias);
                column = column != null ? column : sides(b.right(), b.left(), sourceAlias, output, targetAlias);
                if (column != null) {
                    return column;
                }
            }
        }
        return null;
    }

    private static String sides(Expr target, Expr source, String sourceAlias, String output, String targetAlias) {
        if (target instanceof Expr.ColumnRef t && t.parts().size() == 2 && t.parts().get(0).equals(targetAlias)
                && source instanceof Expr.ColumnRef s && s.parts().equals(List.of(sourceAlias, output))) {
            return t.parts().get(1);
        }
        return null;
    }

    private static List<Expr> conjuncts(Expr e) {
        List<Expr> out = new ArrayList<>();
        if (e instanceof Expr.Binary b && b.operator() == Expr.BinaryOperator.AND) {
            out.addAll(conjuncts(b.left()));
            out.addAll(conjuncts(b.right()));
        } else {
            out.add(e);
        }
        return out;
    }
}

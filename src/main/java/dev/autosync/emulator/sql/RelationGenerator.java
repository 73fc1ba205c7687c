package dev.autosync.emulator.sql;

import dev.autosync.emulator.base.Names;
import dev.autosync.emulator.base.SnowflakeError;
import dev.autosync.sql.tree.Expr;
import dev.autosync.sql.tree.Relation;
import dev.autosync.sql.tree.Relation.Alias;
import dev.autosync.sql.tree.Relation.Modifier;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * DuckDB SQL for FROM items. Tables, views and streams, stage references and table functions are
 * resolved by the {@link SqlContext}, which answers with DuckDB SQL and a default alias; CTEs in
 * scope are read by name; joins keep their shape.
 */
final class RelationGenerator {
    private final QueryGenerator queries;
    private final ExpressionGenerator expressions;
    private final SqlContext ctx;

    RelationGenerator(QueryGenerator queries, ExpressionGenerator expressions, SqlContext ctx) {
        this.queries = queries;
        this.expressions = expressions;
        this.ctx = ctx;
        this.reshapes = new Reshapes(queries, expressions, ctx);
    }

    private final Reshapes reshapes;

    /** The names base tables have in the FROM list so far (a lateral table function numbers their rows). */
    private final List<String> baseTables = new ArrayList<>();

    /**
     * SQL for the number of the input row a lateral table function reads (its SEQ): the row's position in the
     * one base table its input names (DuckDB's rowid, from 1), as the split_to_table and strtok_split_to_table
     * pages number them; null when the input names no base table (then SEQ is derived from the value).
     */
    private String inputRow(Expr.FunctionCall call) {
        List<String> qualifiers = new ArrayList<>();
        boolean unqualified = false;
        for (Expr.FunctionCall.Argument a : call.arguments()) {
            for (dev.autosync.sql.tree.Node e : (Iterable<dev.autosync.sql.tree.Node>) a.value().walk()::iterator) {
                if (e instanceof Expr.ColumnRef c) {
                    if (c.parts().size() > 1) {
                        qualifiers.add(c.parts().get(c.parts().size() - 2));
                    } else {
                        unqualified = true;
                    }
                }
            }
        }
        String table = null;
        for (String q : qualifiers) {
            String match = baseTables.stream().filter(b -> b.equalsIgnoreCase(q)).findFirst().orElse(null);
            if (match == null || table != null && !table.equals(match)) {
                return null;
            }
            table = match;
        }
        if (table == null && unqualified && baseTables.size() == 1) {
            table = baseTables.get(0);
        }
        return table == null ? null : "CAST(" + Names.quote(table) + ".rowid + 1 AS BIGINT)";
    }

    String fromList(List<Relation> relations) {
        return ExpressionGenerator.join(relations, this::relation);
    }

    String relation(Relation r) {
        if (r instanceof Relation.Join j) {
            return join(j);
        }
        if (r instanceof Relation.Lateral l) {
            if (l.relation() instanceof Relation.TableFunction f && TableFunctions.handles(f.call().simpleName())) {
                return relation(f); // a subquery DuckDB joins laterally
            }
            return "LATERAL " + relation(l.relation());
        }
        if (r instanceof Relation.TableRef t && Reshapes.handles(t.modifiers())) {
            String source = t.name().size() == 1 && queries.isCte(t.name().get(0)) ? Names.quote(t.name().get(0))
                    : ctx.relation(Translator.checkedName(t.name())).sql();
            return aliased(reshapes.apply(source, t.modifiers()), null, t.alias());
        }
        if (r instanceof Relation.TableRef t) {
            refuse(t.modifiers());
            if (t.name().size() == 1 && queries.isCte(t.name().get(0))) {
                java.util.Set<String> tz = queries.cteTzColumns(t.name().get(0));
                if (!tz.isEmpty()) {
                    expressions.tzScope().put(t.alias() != null ? t.alias().name() : t.name().get(0), tz);
                }
                return aliased(Names.quote(t.name().get(0)), null, t.alias());
            }
            SqlContext.Relation resolved = ctx.relation(Translator.checkedName(t.name()));
            String visible = t.alias() != null ? t.alias().name() : resolved.defaultAlias() != null ? resolved.defaultAlias()
                    : t.name().get(t.name().size() - 1);
            baseTables.add(visible);
            if (!resolved.tzColumns().isEmpty()) {
                expressions.tzScope().put(visible, resolved.tzColumns());
            }
            expressions.collations().add(visible, resolved.collations());
            return aliased(resolved.sql(), resolved.defaultAlias(), t.alias());
        }
        if (r instanceof Relation.StageRef s) {
            refuse(s.modifiers());
            SqlContext.Relation resolved = ctx.stage(s.location(), s.options());
            return aliased(resolved.sql(), resolved.defaultAlias(), s.alias());
        }
        if (r instanceof Relation.TableFunction f) {
            refuse(f.modifiers());
            if (f.call().name().size() == 1 && TableFunctions.handles(f.call().simpleName())) {
                return aliased(TableFunctions.relation(f.call(), expressions, inputRow(f.call())),
                        "$" + f.call().simpleName() + "_" + f.span().start(),
                        f.alias());
            }
            SqlContext.Relation resolved = tableFunction(f);
            return aliased(resolved.sql(), resolved.defaultAlias(), f.alias());
        }
        if (r instanceof Relation.Derived d && Reshapes.handles(d.modifiers())) {
            return aliased(reshapes.apply("(" + queries.query(d.query(), false) + ")", d.modifiers()), null, d.alias());
        }
        if (r instanceof Relation.Derived d) {
            refuse(d.modifiers());
            if (d.alias() != null && d.alias().columns().isEmpty()) {
                // a subquery's TIMESTAMP_TZ columns carry their offsets out in companion columns (TimestampTz)
                java.util.Set<String> tz = new java.util.LinkedHashSet<>();
                String sql = queries.derivedQuery(d.query(), tz);
                if (!tz.isEmpty()) {
                    expressions.tzScope().put(d.alias().name(), tz);
                }
                return aliased("(" + sql + ")", null, d.alias());
            }
            return aliased("(" + queries.query(d.query(), false) + ")", null, d.alias());
        }
        if (r instanceof Relation.NestedJoin n) {
            refuse(n.modifiers());
            return aliased("(" + fromList(n.relations()) + ")", null, n.alias());
        }
        if (r instanceof Relation.ValuesTable v) {
            refuse(v.modifiers());
            Alias a = v.alias();
            return queries.valuesTable(v.values(), a != null ? a.name() : "$VALUES_" + v.span().start(),
                    a != null ? a.columns() : List.of());
        }
        throw new IllegalStateException("no DuckDB translation for " + r.getClass().getSimpleName());
    }

    private static void refuse(List<Modifier> modifiers) {
        if (!modifiers.isEmpty()) {
            throw SnowflakeError.unsupported(modifiers.get(0).keyword() + " in FROM");
        }
    }

    private SqlContext.Relation tableFunction(Relation.TableFunction f) {
        Expr.FunctionCall call = f.call();
        if (!f.tableKeyword()) {
            if (call.simpleName().equals("FLATTEN")) {
                throw SnowflakeError.unsupported("FLATTEN");
            }
            throw SnowflakeError.unsupported("table function " + String.join(".", call.name()) + " without TABLE(...)");
        }
        Map<String, String> named = new LinkedHashMap<>();
        List<String> positional = new ArrayList<>();
        for (Expr.FunctionCall.Argument a : call.arguments()) {
            String sql = expressions.expression(a.value());
            if (a.name() != null) {
                named.put(a.name(), sql);
            } else {
                positional.add(sql);
            }
        }
        return ctx.tableFunction(Translator.checkedName(call.name()), named, positional);
    }

    private String join(Relation.Join j) {
        StringBuilder sb = new StringBuilder(relation(j.left())).append(' ');
        if (j.natural()) {
            sb.append("NATURAL ");
        }
        // a table function joined laterally without a condition leaves out the input rows that give no rows, even
        // in a LEFT JOIN (strtok_split_to_table page); FLATTEN's OUTER => TRUE keeps them
        boolean lateralFunction = j.on() == null && j.using().isEmpty() && !j.natural()
                && j.right() instanceof Relation.Lateral l && l.relation() instanceof Relation.TableFunction f
                && TableFunctions.handles(f.call().simpleName());
        if (j.type() == Relation.JoinType.ASOF) {
            // a left row without a match keeps NULLs for the right side (asof-join page), as DuckDB's ASOF LEFT JOIN
            if (!j.using().isEmpty()) {
                throw SnowflakeError.unsupported("ASOF JOIN with USING");
            }
            sb.append("ASOF LEFT ");
        } else if (j.type() != Relation.JoinType.INNER && !lateralFunction) {
            sb.append(j.type()).append(' ');
        }
        sb.append("JOIN ").append(relation(j.right()));
        if (j.on() != null) {
            sb.append(" ON ").append(expressions.expression(j.on()));
        } else if (!j.using().isEmpty()) {
            sb.append(" USING (").append(ExpressionGenerator.join(j.using(), Names::quote)).append(')');
        } else if ((j.type() == Relation.JoinType.INNER || lateralFunction) && !j.natural()) {
            sb.append(" ON TRUE"); // join-lateral page: an INNER JOIN without ON pairs every row (DuckDB needs the ON)
        }
        return sb.toString();
    }

    /** The relation with its alias, or with the default alias the context gave it. */
    private static String aliased(String relation, String defaultAlias, Alias alias) {
        if (alias != null) {
            String columns = alias.columns().isEmpty() ? "" : " (" + ExpressionGenerator.join(alias.columns(), Names::quote) + ")";
            return relation + " AS " + Names.quote(alias.name()) + columns;
        }
        return defaultAlias == null ? relation : relation + " AS " + Names.quote(defaultAlias);
    }
}

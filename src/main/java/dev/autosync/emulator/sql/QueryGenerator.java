package dev.autosync.emulator.sql;

import dev.autosync.emulator.base.Names;
import dev.autosync.emulator.base.SnowflakeError;
import dev.autosync.sql.parse.TokenStream;
import dev.autosync.sql.tree.Expr;
import dev.autosync.sql.tree.GroupingElement;
import dev.autosync.sql.tree.Query;
import dev.autosync.sql.tree.Relation;
import dev.autosync.sql.tree.QueryBody;
import dev.autosync.sql.tree.QueryBody.Select;
import dev.autosync.sql.tree.QueryBody.SelectItem;
import dev.autosync.sql.tree.QueryBody.SetOperation;
import dev.autosync.sql.tree.QueryBody.SetOperator;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * DuckDB SQL for queries: CTEs, set operations (MINUS as EXCEPT), TOP as LIMIT, Snowflake's default
 * column labels for the outermost select list, and FROM items resolved through the
 * {@link SqlContext} (see {@link RelationGenerator}).
 */
final class QueryGenerator {
    private final TokenStream tokens;
    private final ExpressionGenerator expressions;
    private final RelationGenerator relations;
    private final Deque<Set<String>> ctes = new ArrayDeque<>();
    /** The translated CTE definitions in scope (outermost first), so DuckDB can bind an expression where it is written. */
    private final List<String> cteDefinitions = new ArrayList<>();
    private boolean recursiveCtes;
    private int valuesCount;

    QueryGenerator(TokenStream tokens, SqlContext ctx) {
        this.tokens = tokens;
        this.expressions = new ExpressionGenerator(this, ctx);
        this.relations = new RelationGenerator(this, expressions, ctx);
    }

    ExpressionGenerator expressions() {
        return expressions;
    }

    RelationGenerator relations() {
        return relations;
    }

    /** Whether {@code name} is a CTE in scope where the relation is read. */
    boolean isCte(String name) {
        return ctes.stream().anyMatch(scope -> scope.contains(name));
    }

    /** The query; with {@code top}, unaliased expressions of its select list get Snowflake's labels. */
    String query(Query q, boolean top) {
        StringBuilder sb = new StringBuilder();
        int definitionsBefore = cteDefinitions.size();
        boolean recursiveBefore = recursiveCtes;
        if (q.with() != null) {
            ctes.push(new HashSet<>());
            recursiveCtes |= q.with().recursive();
        }
        try {
            if (q.with() != null) {
                sb.append(q.with().recursive() ? "WITH RECURSIVE " : "WITH ");
                List<String> defs = new ArrayList<>();
                for (Query.Cte cte : q.with().ctes()) {
                    ctes.peek().add(cte.name());
                    String columns = cte.columns().isEmpty() ? "" : " (" + ExpressionGenerator.join(cte.columns(), Names::quote) + ")";
                    defs.add(Names.quote(cte.name()) + columns + " AS (" + query(cte.query(), false) + ")");
                    cteDefinitions.add(defs.get(defs.size() - 1));
                }
                sb.append(String.join(", ", defs)).append(' ');
            }
            Select whole = q.body() instanceof Select s ? s : null;
            boolean companions = top && resultColumns;
            resultColumns = false;
            sb.append(whole != null ? select(whole, top, companions) : body(q.body(), top));
            if (!q.orderBy().isEmpty() && !(whole != null && oneAggregateRow(whole))) {
                sb.append(" ORDER BY ").append(expressions.orderItems(q.orderBy()));
            }
            if (q.limit() != null && whole != null && whole.top() != null) {
                throw SnowflakeError.unsupported("TOP together with LIMIT or FETCH");
            }
            Expr limit = q.limit() != null ? q.limit() : whole != null ? whole.top() : null;
            // LIMIT / OFFSET NULL, '' or $$$$: no limit, no offset (limit page)
            if (limit != null && !unlimited(limit)) {
                sb.append(" LIMIT ").append(expressions.expression(limit));
            }
            if (q.offset() != null && !unlimited(q.offset())) {
                sb.append(" OFFSET ").append(expressions.expression(q.offset()));
            }
            return sb.toString();
        } finally {
            if (q.with() != null) {
                ctes.pop();
            }
            cteDefinitions.subList(definitionsBefore, cteDefinitions.size()).clear();
            recursiveCtes = recursiveBefore;
        }
    }

    private static final Set<String> PLAIN_AGGREGATES = Set.of("COUNT", "COUNT_IF", "SUM", "AVG", "MIN", "MAX", "ARRAY_AGG",
            "ARRAYAGG", "LISTAGG", "MEDIAN", "MODE", "ANY_VALUE", "OBJECT_AGG", "ARRAY_UNIQUE_AGG");

    /**
     * Whether a select block is aggregates only, without GROUP BY: its one row makes an ORDER BY meaningless, and
     * Snowflake accepts one naming a column the select list does not (array_agg page), where DuckDB refuses it.
     */
    private static boolean oneAggregateRow(Select s) {
        return s.groupBy() == null && s.having() == null && !s.items().isEmpty() && s.items().stream().allMatch(item ->
                item.expr() instanceof Expr.FunctionCall f && f.over() == null
                        && PLAIN_AGGREGATES.contains(f.simpleName().toUpperCase(java.util.Locale.ROOT)));
    }

    private String body(QueryBody body, boolean top) {
        if (body instanceof Select s) {
            // TOP belongs to this block only, not to the set operation around it
            String sql = select(s, top, false);
            return s.top() == null ? sql : "(" + sql + " LIMIT " + expressions.expression(s.top()) + ")";
        }
        if (body instanceof SetOperation op) {
            String left = operand(op.left(), op, false, top);
            String right = operand(op.right(), op, true, false);
            if (!op.byName()) {
                String[] aligned = SetOperationScales.align(left, right, withClause(), expressions.context());
                left = aligned[0];
                right = aligned[1];
            }
            return left + " " + op.operator() + (op.all() ? " ALL" : "") + (op.byName() ? " BY NAME" : "") + " " + right;
        }
        if (body instanceof QueryBody.Values v) {
            return "SELECT * FROM " + valuesTable(v, "$VALUES" + (++valuesCount), List.of());
        }
        return "(" + query(((QueryBody.Nested) body).query(), top) + ")";
    }

    /** The rows of an INSERT's VALUES clause, left as DuckDB's VALUES so each value is cast to its column. */
    String insertSource(Query q, List<String> columnTypes) {
        if (q.with() == null && q.body() instanceof QueryBody.Values v && q.orderBy().isEmpty() && q.limit() == null
                && q.offset() == null) {
            return "VALUES " + ExpressionGenerator.join(v.rows(), row -> {
                List<String> values = new ArrayList<>();
                for (int i = 0; i < row.size(); i++) {
                    String duck = i < columnTypes.size() ? temporalDuckType(columnTypes.get(i)) : null;
                    boolean binary = i < columnTypes.size() && columnTypes.get(i) != null
                            && columnTypes.get(i).toUpperCase(java.util.Locale.ROOT).matches("(VAR)?BINARY.*");
                    // text for a BINARY column is decoded by BINARY_INPUT_FORMAT ('48656C6C6F' is "Hello": binary-input-output page)
                    values.add(binary ? expressions.cast(row.get(i), SnowflakeTypes.of("BINARY", null, null), false)
                            : duck != null && row.get(i) instanceof Expr.StringLiteral s
                            ? Translator.literal(TemporalText.normalise(s.value(), duck)) : expressions.expression(row.get(i)));
                }
                return "(" + String.join(", ", values) + ")";
            });
        }
        return query(q, false);
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

    private String rows(QueryBody.Values v) {
        return "VALUES " + ExpressionGenerator.join(v.rows(), row -> "(" + expressions.expressions(row) + ")");
    }

    /**
     * {@code VALUES} rows as a derived table: Snowflake names its columns COLUMN1...COLUMNn unless the
     * alias names them (docs: sql-reference/constructs/values).
     */
    String valuesTable(QueryBody.Values v, String alias, List<String> aliasColumns) {
        int n = v.rows().isEmpty() ? 0 : v.rows().get(0).size();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            names.add(Names.quote(i < aliasColumns.size() ? aliasColumns.get(i) : "COLUMN" + (i + 1)));
        }
        return "(" + rows(v) + ") AS " + Names.quote(alias) + " (" + String.join(", ", names) + ")";
    }

    /** A set operation's operand, parenthesized where the tree grouped it against INTERSECT-first, left-to-right order. */
    private String operand(QueryBody operand, SetOperation parent, boolean right, boolean top) {
        String sql = body(operand, top);
        if (operand instanceof SetOperation child) {
            boolean looser = rank(child.operator()) < rank(parent.operator());
            if (looser || (right && rank(child.operator()) == rank(parent.operator()))) {
                return "(" + sql + ")";
            }
        }
        return sql;
    }

    private static int rank(SetOperator op) {
        return op == SetOperator.INTERSECT ? 1 : 0;
    }

    /** Whether the next top-level query is a result sent to the client, which carries TIMESTAMP_TZ offsets ({@link TimestampTz}). */
    private boolean resultColumns;

    void resultColumns(boolean on) {
        resultColumns = on;
    }

    private static final java.util.Set<String> AGGREGATES = java.util.Set.of("MIN", "MAX", "ANY_VALUE", "ARG_MIN", "ARG_MAX",
            "MIN_BY", "MAX_BY", "FIRST_VALUE", "LAST_VALUE", "NTH_VALUE", "LAG", "LEAD", "MODE");

    /**
     * The hidden companion columns of a result's select list: each TIMESTAMP_TZ item's offset ({@link TimestampTz}),
     * after every item so positions (ORDER BY 2) stay as written; per group an offset of the group's values.
     */
    private String companions(Select s) {
        StringBuilder sb = new StringBuilder();
        boolean grouped = s.groupBy() != null || s.having() != null;
        for (SelectItem item : s.items()) {
            if (item.expr() instanceof Expr.Star) {
                continue;
            }
            // an aggregate's offset is not its argument's; a bind parameter cannot be read twice (UNVERIFIED: both
            // then print at the session zone's offset)
            String label0 = item.alias() != null ? item.alias() : tokens.label(item.span());
            String chosen;
            try {
                chosen = item.expr().walk().anyMatch(Expr.Parameter.class::isInstance) ? null
                        : TimestampTz.aggregateOffset(expressions, item.expr());
            } catch (RuntimeException e) {
                chosen = null;
            }
            if (chosen != null) {
                // MIN / MAX of TIMESTAMP_TZ values: the offset of the chosen row
                sb.append(", ").append(chosen).append(" AS ").append(Names.quote(TimestampTz.COMPANION + label0));
                continue;
            }
            if (item.expr().walk().anyMatch(x -> x instanceof Expr.Parameter || x instanceof Expr.FunctionCall f
                    && AGGREGATES.contains(f.simpleName().toUpperCase(java.util.Locale.ROOT)))) {
                continue;
            }
            String offset;
            try {
                offset = expressions.tzOffset(item.expr());
            } catch (RuntimeException e) {
                continue;
            }
            if (offset == null) {
                continue;
            }
            String label = item.alias() != null ? item.alias() : tokens.label(item.span());
            sb.append(", ").append(grouped ? "any_value(" + offset + ")" : offset).append(" AS ")
                    .append(Names.quote(TimestampTz.COMPANION + label));
        }
        return sb.toString();
    }

    private String select(Select s, boolean top, boolean withCompanions) {
        // $1, $2 name a stage file's columns; over other relations (VALUES, subqueries, tables, RESULT_SCAN) they are
        // positions in the FROM's columns (values page), DuckDB's #1, #2
        boolean outer = expressions.positionsByNumber();
        expressions.positionsByNumber(!s.from().isEmpty() && s.from().stream().noneMatch(QueryGenerator::readsStage));
        try {
            return selectBody(s, top, withCompanions);
        } finally {
            expressions.positionsByNumber(outer);
        }
    }

    private static boolean readsStage(Relation r) {
        if (r instanceof Relation.StageRef) {
            return true;
        } else if (r instanceof Relation.Join j) {
            return readsStage(j.left()) || readsStage(j.right());
        } else if (r instanceof Relation.NestedJoin n) {
            return n.relations().stream().anyMatch(QueryGenerator::readsStage);
        } else if (r instanceof Relation.Lateral l) {
            return readsStage(l.relation());
        }
        return false;
    }

    /** The translated CTE definitions in scope as a WITH clause ("" when none), to prefix a query run on its own. */
    String withClause() {
        return cteDefinitions.isEmpty() ? "" : (recursiveCtes ? "WITH RECURSIVE " : "WITH ")
                + String.join(", ", cteDefinitions) + " ";
    }

    private String selectBody(Select s, boolean top, boolean withCompanions) {
        // the FROM first, so an expression's DuckDB type can be asked where it is written (AVG's scale, SUM over text)
        String from = s.from().isEmpty() ? null : relations.fromList(s.from());
        String with = withClause();
        String[] outerScope = expressions.typeScope(new String[] {with + "SELECT ", from == null ? "" : " FROM " + from});
        try {
            return selectBody(s, top, withCompanions, from);
        } finally {
            expressions.typeScope(outerScope);
        }
    }

    private String selectBody(Select s, boolean top, boolean withCompanions, String from) {
        StringBuilder sb = new StringBuilder("SELECT ");
        if (s.distinct()) {
            sb.append("DISTINCT ");
        }
        java.util.Map<String, Expr> outer = expressions.lateralAliases();
        java.util.Map<String, Expr> outerSelect = expressions.selectAliases();
        expressions.lateralAliases(java.util.Map.of());
        java.util.Map<String, Expr> selectAliases = new java.util.HashMap<>();
        s.items().forEach(item -> {
            if (item.alias() != null) {
                selectAliases.putIfAbsent(item.alias(), item.expr());
            }
        });
        expressions.selectAliases(selectAliases);
        if (s.from().isEmpty()) {
            // without FROM a name in the select list can only be an earlier item's alias (lateral alias)
            java.util.Map<String, Expr> aliases = new java.util.HashMap<>();
            s.items().forEach(item -> {
                if (item.alias() != null) {
                    aliases.putIfAbsent(item.alias(), item.expr());
                }
            });
            expressions.lateralAliases(aliases);
        }
        try {
            sb.append(ExpressionGenerator.join(s.items(), item -> selectItem(item, top)));
            if (withCompanions) {
                sb.append(companions(s));
            }
        } finally {
            expressions.lateralAliases(outer);
            expressions.selectAliases(outerSelect);
        }
        if (!s.into().isEmpty()) {
            throw SnowflakeError.unsupported("SELECT ... INTO");
        }
        if (from != null) {
            sb.append(" FROM ").append(from);
        }
        if (s.where() != null) {
            sb.append(" WHERE ").append(expressions.expression(s.where()));
        }
        if (s.groupBy() != null) {
            sb.append(" GROUP BY ").append(s.groupBy().all() ? "ALL"
                    : ExpressionGenerator.join(s.groupBy().elements(), this::groupingElement));
        }
        if (s.having() != null) {
            sb.append(" HAVING ").append(expressions.expression(s.having()));
        }
        if (s.qualify() != null) {
            sb.append(" QUALIFY ").append(expressions.expression(s.qualify()));
        }
        return sb.toString();
    }

    /**
     * Snowflake names an unaliased expression by its text; a column or {@code *} written bare (not in
     * parentheses) keeps its own names.
     */
    private String selectItem(SelectItem item, boolean top) {
        String sql = expressions.expression(item.expr());
        if (item.alias() != null) {
            return sql + " AS " + Names.quote(item.alias());
        }
        Expr e = item.expr();
        // a $n over a stage is the column "$n"; over other relations DuckDB's #n would name it after the column
        boolean named = (e instanceof Expr.ColumnRef || e instanceof Expr.Star
                || e instanceof Expr.PositionalRef && !expressions.positionsByNumber()) && e.span().equals(item.span());
        return top && !named ? sql + " AS " + Names.quote(tokens.label(item.span())) : sql;
    }

    private String groupingElement(GroupingElement g) {
        if (g instanceof Expr e) {
            return expressions.expression(e);
        }
        GroupingElement.GroupingSets sets = (GroupingElement.GroupingSets) g;
        String kind = switch (sets.kind()) {
            case ROLLUP -> "ROLLUP";
            case CUBE -> "CUBE";
            case GROUPING_SETS -> "GROUPING SETS";
        };
        return kind + " (" + expressions.expressions(sets.items()) + ")";
    }

    private static boolean unlimited(Expr e) {
        return e instanceof Expr.StringLiteral s && s.value().isEmpty() || e instanceof Expr.NullLiteral;
    }
}

package dev.autosync.emulator.sql;

import dev.autosync.emulator.base.Names;
import dev.autosync.emulator.base.SnowflakeError;
import dev.autosync.sql.parse.TokenStream;
import dev.autosync.sql.tree.Expr;
import dev.autosync.sql.tree.Query;
import dev.autosync.sql.tree.QueryBody;
import dev.autosync.sql.tree.QueryBody.Select;
import dev.autosync.sql.tree.QueryBody.SetOperation;
import dev.autosync.sql.tree.QueryBody.SetOperator;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
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
    private final TzCompanions tzCompanions;
    private final InsertValues insertValues;
    private final SelectClauses clauses;
    /** The CTEs in scope (innermost first): name -> its TIMESTAMP_TZ columns, which carry offset companions. */
    private final Deque<java.util.Map<String, Set<String>>> ctes = new ArrayDeque<>();
    /** The translated CTE definitions in scope (outermost first), so DuckDB can bind an expression where it is written. */
    private final List<String> cteDefinitions = new ArrayList<>();
    private boolean recursiveCtes;
    private int valuesCount;

    private final SqlContext ctx;

    QueryGenerator(TokenStream tokens, SqlContext ctx) {
        this.tokens = tokens;
        this.ctx = ctx;
        this.expressions = new ExpressionGenerator(this, ctx);
        this.relations = new RelationGenerator(this, expressions, ctx);
        this.tzCompanions = new TzCompanions(tokens, expressions);
        this.insertValues = new InsertValues(expressions);
        this.clauses = new SelectClauses(tokens, expressions);
    }

    ExpressionGenerator expressions() {
        return expressions;
    }

    RelationGenerator relations() {
        return relations;
    }

    /** Whether {@code name} is a CTE in scope where the relation is read. */
    boolean isCte(String name) {
        return ctes.stream().anyMatch(scope -> scope.containsKey(name));
    }

    /** The TIMESTAMP_TZ columns of the CTE {@code name} in scope, each followed by its offset companion ({@link TimestampTz}). */
    Set<String> cteTzColumns(String name) {
        return ctes.stream().filter(scope -> scope.containsKey(name)).findFirst().map(scope -> scope.get(name)).orElse(Set.of());
    }

    /** The query; with {@code top}, unaliased expressions of its select list get Snowflake's labels. */
    String query(Query q, boolean top) {
        StringBuilder sb = new StringBuilder();
        int definitionsBefore = cteDefinitions.size();
        boolean recursiveBefore = recursiveCtes;
        // these belong to this query's own select block, not to its CTEs'
        java.util.Set<String> collector = nestedCompanions;
        nestedCompanions = null;
        boolean insert = insertSourceTop;
        insertSourceTop = false;
        TzCompanions.SetOperands outerOperands = setOperands;
        setOperands = null;
        // read before the CTEs, whose own queries are not the result
        boolean companions = top && resultColumns;
        resultColumns = false;
        if (q.with() != null) {
            ctes.push(new java.util.HashMap<>());
            recursiveCtes |= q.with().recursive();
        }
        try {
            if (q.with() != null) {
                sb.append(q.with().recursive() ? "WITH RECURSIVE " : "WITH ");
                List<String> defs = new ArrayList<>();
                for (Query.Cte cte : q.with().ctes()) {
                    // a CTE's TIMESTAMP_TZ columns carry their offsets out as a subquery's do (not renamed, not recursive)
                    Set<String> tz = new java.util.LinkedHashSet<>();
                    ctes.peek().put(cte.name(), tz);
                    String columns = cte.columns().isEmpty() ? "" : " (" + ExpressionGenerator.join(cte.columns(), Names::quote) + ")";
                    String body = cte.columns().isEmpty() && !q.with().recursive() ? derivedQuery(cte.query(), tz)
                            : query(cte.query(), false);
                    defs.add(Names.quote(cte.name()) + columns + " AS (" + body + ")");
                    cteDefinitions.add(defs.get(defs.size() - 1));
                }
                sb.append(String.join(", ", defs)).append(' ');
            }
            Select whole = q.body() instanceof Select s ? s : null;
            if (whole != null && (collector != null || insert)) {
                sb.append(nestedSelect(whole, collector, insert, top));
            } else if (whole == null && (companions || collector != null && !positionalCompanions)
                    && TzCompanions.carriesOffsets(q.body())) {
                setOperands = tzCompanions.new SetOperands(companions ? null : collector);
                sb.append(body(q.body(), top));
            } else {
                sb.append(whole != null ? select(whole, top, companions) : body(q.body(), top));
            }
            if (!q.orderBy().isEmpty() && !(whole != null && SelectClauses.oneAggregateRow(whole))) {
                sb.append(" ORDER BY ").append(expressions.orderItems(q.orderBy()));
            }
            if (q.limit() != null && whole != null && whole.top() != null) {
                throw SnowflakeError.unsupported("TOP together with LIMIT or FETCH");
            }
            Expr limit = q.limit() != null ? q.limit() : whole != null ? whole.top() : null;
            // LIMIT / OFFSET NULL, '' or $$$$: no limit, no offset (limit page)
            if (limit != null && !SelectClauses.unlimited(limit)) {
                sb.append(" LIMIT ").append(expressions.expression(limit));
            }
            if (q.offset() != null && !SelectClauses.unlimited(q.offset())) {
                sb.append(" OFFSET ").append(expressions.expression(q.offset()));
            }
            return sb.toString();
        } finally {
            if (q.with() != null) {
                ctes.pop();
            }
            cteDefinitions.subList(definitionsBefore, cteDefinitions.size()).clear();
            recursiveCtes = recursiveBefore;
            setOperands = outerOperands;
        }
    }

    private String body(QueryBody body, boolean top) {
        if (body instanceof Select s) {
            // TOP belongs to this block only, not to the set operation around it
            nestedSelectState = setOperands == null ? null : new Object[] {null, false, setOperands};
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
        return insertSource(q, columnTypes, null, null);
    }

    /**
     * {@link #insertSource(Query, List)}; with {@code tzTargets} (positions of TIMESTAMP_TZ target columns) the source
     * also gives their offsets: VALUES rows end with one offset value per position (in {@code valuesOffsets}: true), a
     * query follows its TIMESTAMP_TZ items with companion columns named by label ({@link TimestampTz}).
     */
    String insertSource(Query q, List<String> columnTypes, List<Integer> tzTargets, boolean[] valuesOffsets) {
        if (q.with() == null && q.body() instanceof QueryBody.Values v && q.orderBy().isEmpty() && q.limit() == null
                && q.offset() == null) {
            return insertValues.rows(v, columnTypes, tzTargets, valuesOffsets);
        }
        insertSourceTop = true;
        nestedCompanions = tzTargets == null || tzTargets.isEmpty() ? null : new java.util.LinkedHashSet<>();
        String source;
        try {
            source = query(q, false);
        } finally {
            insertSourceTop = false;
            nestedCompanions = null;
        }
        return binaryDecoded(source, columnTypes);
    }

    /**
     * {@code source} with the text it selects into BINARY columns decoded (lpad page: text selected into a BINARY
     * column is decoded by BINARY_INPUT_FORMAT, HEX_ENCODE('Hi') is the bytes of 'Hi'; a BINARY stays as it is). The
     * re-selection keeps the items only: TIMESTAMP_TZ companions beside a BINARY target then fall back to the offsets
     * the values themselves carry.
     */
    private String binaryDecoded(String source, List<String> columnTypes) {
        boolean anyBinary = false;
        List<String> columns = new ArrayList<>();
        for (int i = 0; i < columnTypes.size(); i++) {
            String col = "#" + (i + 1);
            if (isBinary(columnTypes.get(i))) {
                anyBinary = true;
                col = "(CASE WHEN typeof(" + col + ") = 'BLOB' THEN " + ConversionFunctions.anyBlob(col) + " ELSE "
                        + ConversionFunctions.binaryFromText("CAST(" + col + " AS VARCHAR)", ConversionFunctions.inputFormat(ctx), false)
                        + " END)";
            }
            columns.add(col);
        }
        return anyBinary ? "SELECT " + String.join(", ", columns) + " FROM (" + source + ")" : source;
    }

    static boolean isBinary(String sfType) {
        return sfType != null && sfType.toUpperCase(java.util.Locale.ROOT).matches("(VAR)?BINARY.*");
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

    /**
     * Where the next query's select block records the labels of its TIMESTAMP_TZ items that it follows with offset
     * companion columns (a subquery in FROM, an INSERT's source); null: none.
     */
    private java.util.Set<String> nestedCompanions;

    /** Whether the next query is an INSERT's source (its stars leave the stored offset companions out). */
    private boolean insertSourceTop;

    /** A subquery in FROM: its TIMESTAMP_TZ columns (named in {@code tz}) are followed by their offsets ({@link TimestampTz}). */
    String derivedQuery(Query q, java.util.Set<String> tz) {
        return derivedQuery(q, tz, false);
    }

    /** Whether the next nested select block labels its companions by item position ({@code #0}, {@code #1}...). */
    private boolean positionalCompanions;

    /** A COPY transformation: its TIMESTAMP_TZ values are followed by their offsets, labelled by position ({@link TimestampTz}). */
    String copyQuery(Query q) {
        positionalCompanions = true;
        try {
            return derivedQuery(q, new java.util.LinkedHashSet<>(), false);
        } finally {
            positionalCompanions = false;
        }
    }

    String derivedQuery(Query q, java.util.Set<String> tz, boolean top) {
        nestedCompanions = tz;
        try {
            return query(q, top);
        } finally {
            nestedCompanions = null;
        }
    }

    private String nestedSelect(Select s, java.util.Set<String> collector, boolean insert, boolean top) {
        nestedSelectState = new Object[] {collector, insert, null};
        try {
            return select(s, top, false);
        } finally {
            nestedSelectState = null;
        }
    }

    /**
     * {collector, insert, set operands} of the select block {@link #nestedSelect} (or a result's set operation,
     * {@link #body}) is generating (read once by its selectBody).
     */
    private Object[] nestedSelectState;

    /** The operands of the result's set operation being generated carry their offsets by position (null: none). */
    private TzCompanions.SetOperands setOperands;

    /** Whether the next top-level query is a result sent to the client, which carries TIMESTAMP_TZ offsets ({@link TimestampTz}). */
    private boolean resultColumns;

    void resultColumns(boolean on) {
        resultColumns = on;
    }

    private String select(Select s, boolean top, boolean withCompanions) {
        // $1, $2 name a stage file's columns; over other relations (VALUES, subqueries, tables, RESULT_SCAN) they are
        // positions in the FROM's columns (values page), DuckDB's #1, #2
        boolean outer = expressions.positionsByNumber();
        expressions.positionsByNumber(!s.from().isEmpty() && s.from().stream().noneMatch(SelectClauses::readsStage));
        try {
            return selectBody(s, top, withCompanions);
        } finally {
            expressions.positionsByNumber(outer);
        }
    }

    /** The translated CTE definitions in scope as a WITH clause ("" when none), to prefix a query run on its own. */
    String withClause() {
        return cteDefinitions.isEmpty() ? "" : (recursiveCtes ? "WITH RECURSIVE " : "WITH ")
                + String.join(", ", cteDefinitions) + " ";
    }

    private String selectBody(Select s, boolean top, boolean withCompanions) {
        Object[] nested = nestedSelectState;
        nestedSelectState = null;
        expressions.tzScopes().push(new java.util.HashMap<>());
        expressions.collations().push();
        try {
            return selectBody(s, top, withCompanions, nested);
        } finally {
            expressions.tzScopes().pop();
            expressions.collations().pop();
        }
    }

    private String selectBody(Select s, boolean top, boolean withCompanions, Object[] nested) {
        // the FROM first, so an expression's DuckDB type can be asked where it is written (AVG's scale, SUM over text)
        String from = s.from().isEmpty() ? null : relations.fromList(s.from());
        String with = withClause();
        String[] outerScope = expressions.typeScope(new String[] {with + "SELECT ", from == null ? "" : " FROM " + from});
        try {
            return selectBody(s, top, withCompanions, from, nested);
        } finally {
            expressions.typeScope(outerScope);
        }
    }

    @SuppressWarnings("unchecked")
    private String selectBody(Select s, boolean top, boolean withCompanions, String from, Object[] nested) {
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
            boolean insert = nested != null && (Boolean) nested[1];
            expressions.starWithoutCompanions(insert);
            try {
                sb.append(ExpressionGenerator.join(s.items(), item -> clauses.item(item, top)));
            } finally {
                expressions.starWithoutCompanions(false);
            }
            if (nested != null && nested[0] != null) {
                boolean positional = positionalCompanions;
                positionalCompanions = false;
                sb.append(tzCompanions.nested(s, (java.util.Set<String>) nested[0], insert, positional));
            } else if (nested != null && nested[2] != null) {
                sb.append(((TzCompanions.SetOperands) nested[2]).next(s));
            } else if (withCompanions) {
                sb.append(tzCompanions.result(s));
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
                    : ExpressionGenerator.join(s.groupBy().elements(), clauses::groupingElement));
        }
        if (s.having() != null) {
            sb.append(" HAVING ").append(expressions.expression(s.having()));
        }
        if (s.qualify() != null) {
            sb.append(" QUALIFY ").append(expressions.expression(s.qualify()));
        }
        return sb.toString();
    }
}

package dev.autosync.sql.rules;

import dev.autosync.sql.tree.Expr;
import dev.autosync.sql.tree.Node;
import dev.autosync.sql.tree.Query;
import dev.autosync.sql.tree.QueryBody;
import dev.autosync.sql.tree.Relation;

import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * What a COPY transformation's SELECT may contain (en/user-guide/data-load-transform.md and the
 * transformation syntax of en/sql-reference/sql/copy-into-table.md): one simple SELECT from a stage,
 * without filters, joins, FLATTEN or grouping, calling only the supported functions (TRY_TO_DATE and
 * TRY_TO_TIME without a format argument) and selecting staged columns by position, METADATA$ columns
 * and sequences.
 */
final class TransformRules {
    private static final String SIMPLE_SELECT = "COPY statement only supports simple SELECT from stage statements for import";

    private final Predicate<List<String>> userFunction;

    TransformRules(Predicate<List<String>> userFunction) {
        this.userFunction = userFunction;
    }

    void check(Query q, boolean inPipe, CopyRules.Findings f) {
        if (q.with() != null) {
            f.add(Rule.TRANSFORM_SIMPLE_SELECT, simple("WITH"), q);
        }
        if (!q.orderBy().isEmpty()) {
            f.add(Rule.TRANSFORM_FILTER, filter("ORDER BY"), q);
        }
        if (q.limit() != null) {
            f.add(Rule.TRANSFORM_FILTER, filter("LIMIT (or FETCH)"), q.limit());
        }
        if (q.offset() != null) {
            f.add(Rule.TRANSFORM_FILTER, filter("OFFSET"), q.offset());
        }
        QueryBody body = q.body();
        if (body instanceof QueryBody.Select s) {
            select(s, inPipe, f);
        } else if (body instanceof QueryBody.Nested n) {
            check(n.query(), inPipe, f);
        } else if (body instanceof QueryBody.SetOperation op) {
            f.add(Rule.TRANSFORM_SIMPLE_SELECT, simple(op.operator().name()), op);
        } else {
            f.add(Rule.TRANSFORM_SIMPLE_SELECT, simple("VALUES"), body);
        }
    }

    private void select(QueryBody.Select s, boolean inPipe, CopyRules.Findings f) {
        if (s.distinct()) {
            f.add(Rule.TRANSFORM_DISTINCT, "DISTINCT in a COPY transformation: the docs say it is \"not fully supported\" "
                    + "and \"can lead to inconsistent or unexpected ON_ERROR copy option behavior\"; whether Snowflake "
                    + "rejects it is UNVERIFIED, so autosync refuses it: load every row and de-duplicate afterwards", s);
        }
        if (s.top() != null) {
            f.add(Rule.TRANSFORM_FILTER, filter("TOP"), s.top());
        }
        if (!s.into().isEmpty()) {
            f.add(Rule.TRANSFORM_SIMPLE_SELECT, simple("SELECT ... INTO"), s);
        }
        if (s.from().isEmpty()) {
            f.add(Rule.TRANSFORM_SOURCE, "a COPY transformation selects FROM a stage (@stage, @~): FROM is missing", s);
        } else if (s.from().size() > 1) {
            f.add(Rule.TRANSFORM_FLATTEN_JOIN_GROUP_BY, flattenJoinGroupBy("JOIN (a FROM list of " + s.from().size()
                    + " items)"), s);
        }
        for (Relation r : s.from()) {
            relation(r, inPipe, f);
        }
        if (s.where() != null) {
            f.add(Rule.TRANSFORM_FILTER, filter("WHERE"), s.where());
        }
        if (s.groupBy() != null) {
            f.add(Rule.TRANSFORM_FLATTEN_JOIN_GROUP_BY, flattenJoinGroupBy("GROUP BY"), s.groupBy());
        }
        if (s.having() != null) {
            f.add(Rule.TRANSFORM_FLATTEN_JOIN_GROUP_BY, flattenJoinGroupBy("HAVING"), s.having());
        }
        if (s.qualify() != null) {
            f.add(Rule.TRANSFORM_SIMPLE_SELECT, simple("QUALIFY"), s.qualify());
        }
        for (QueryBody.SelectItem item : s.items()) {
            expression(item.expr(), f);
        }
    }

    private static void relation(Relation r, boolean inPipe, CopyRules.Findings f) {
        if (r instanceof Relation.StageRef stage) {
            if (stage.location().startsWith("%")) {
                f.add(Rule.TRANSFORM_TABLE_STAGE, "a COPY transformation reads the table stage @" + stage.location()
                        + ": the docs say transformations only support selecting data from user stages and named stages "
                        + "(internal or external); whether Snowflake accepts a table stage is UNVERIFIED, so autosync "
                        + "refuses it: use a named stage", stage);
            }
        } else if (r instanceof Relation.Join j) {
            f.add(Rule.TRANSFORM_FLATTEN_JOIN_GROUP_BY, flattenJoinGroupBy(j.type() + " JOIN"), j);
        } else if (r instanceof Relation.Lateral l) {
            f.add(Rule.TRANSFORM_FLATTEN_JOIN_GROUP_BY, flattenJoinGroupBy("LATERAL"), l);
        } else if (r instanceof Relation.TableFunction tf) {
            String name = tf.call().simpleName();
            if (name.equals("FLATTEN")) {
                f.add(Rule.TRANSFORM_FLATTEN_JOIN_GROUP_BY, flattenJoinGroupBy("FLATTEN"), tf);
            } else if (!(inPipe && name.equals("DATA_SOURCE"))) {
                // DATA_SOURCE(TYPE => 'STREAMING') is a Snowpipe Streaming pipe's source (create-pipe.md).
                f.add(Rule.TRANSFORM_SIMPLE_SELECT, simple("the table function " + name), tf);
            }
        } else if (r instanceof Relation.TableRef t) {
            f.add(Rule.TRANSFORM_SIMPLE_SELECT, simple("FROM " + String.join(".", t.name()) + ", which is not a stage"), t);
        } else {
            f.add(Rule.TRANSFORM_SIMPLE_SELECT, simple("a subquery or nested FROM item"), r);
        }
    }

    private void expression(Node n, CopyRules.Findings f) {
        if (n instanceof Expr.ScalarSubquery || n instanceof Expr.Exists || n instanceof Expr.InQuery
                || n instanceof Expr.QuantifiedComparison) {
            f.add(Rule.TRANSFORM_SIMPLE_SELECT, simple("a subquery"), n);
            return;
        }
        if (n instanceof Expr.FunctionCall call) {
            call(call, f);
        } else if (n instanceof Expr.Like like) {
            if (like.operator() == Expr.LikeOperator.RLIKE) {
                f.add(Rule.TRANSFORM_FUNCTIONS, unsupported("RLIKE (REGEXP)", "REGEXP_SUBSTR(...) IS NOT NULL"), like);
            } else if (like.quantifier() != null) {
                f.add(Rule.TRANSFORM_FUNCTIONS, unsupported(like.operator() + " " + like.quantifier(), like.operator()
                        + " ... OR " + like.operator() + " ..."), like);
            }
        } else if (n instanceof Expr.Extract) {
            f.add(Rule.TRANSFORM_FUNCTIONS, unsupported("EXTRACT", null), n);
        } else if (n instanceof Expr.Position) {
            f.add(Rule.TRANSFORM_FUNCTIONS, unsupported("POSITION", null), n);
        } else if (n instanceof Expr.Collate) {
            f.add(Rule.TRANSFORM_FUNCTIONS, unsupported("COLLATE", null), n);
        } else if (n instanceof Expr.ColumnRef c) {
            column(c, f);
        } else if (n instanceof Expr.Star) {
            f.add(Rule.TRANSFORM_COLUMNS, "SELECT * in a COPY transformation: the documented form selects the staged "
                    + "files' columns by position ($1, t.$2, $1:path)", n);
        }
        for (Node child : n.children()) {
            expression(child, f);
        }
    }

    private void call(Expr.FunctionCall call, CopyRules.Findings f) {
        String name = call.simpleName().toUpperCase(Locale.ROOT);
        if (call.over() != null) {
            f.add(Rule.TRANSFORM_FLATTEN_JOIN_GROUP_BY, flattenJoinGroupBy(name + "(...) OVER (window)"), call);
            return;
        }
        if (TransformFunctions.AGGREGATES.contains(name) && call.name().size() == 1) {
            f.add(Rule.TRANSFORM_FLATTEN_JOIN_GROUP_BY, flattenJoinGroupBy("the aggregate " + name), call);
            return;
        }
        boolean qualified = call.name().size() > 1;
        if ((qualified || !TransformFunctions.supported(name)) && !userFunction.test(call.name())) {
            String hint = TransformFunctions.CLOCK.contains(name)
                    ? "METADATA$START_SCAN_TIME for the load time (in a pipe, the values " + name + " inserts \"can be a few "
                    + "hours earlier than the LOAD_TIME\": en/sql-reference/sql/create-pipe.md)"
                    : name.equals("COALESCE") ? "IFNULL or NVL" : name.equals("TRY_PARSE_JSON") ? "PARSE_JSON on checked text, "
                    + "or CHECK_JSON" : null;
            f.add(Rule.TRANSFORM_FUNCTIONS, unsupported(String.join(".", call.name()), hint), call);
            return;
        }
        int args = call.arguments().size();
        if (TransformFunctions.NO_FORMAT_ARGUMENT.contains(name) && args > 1) {
            f.add(Rule.TRANSFORM_FORMAT_ARGUMENT, name + " in a COPY transformation takes no format argument"
                    + formatShown(call) + ": \"the COPY INTO <table> command does not support the optional format argument "
                    + "for this function\". Remove it, and check the text's shape first, for example NVL2(REGEXP_SUBSTR(text, "
                    + (name.equals("TRY_TO_DATE") ? "'^[0-9]{4}-[0-9]{2}-[0-9]{2}$'), TRY_TO_DATE(text), NULL)"
                    : "'^[0-9]{2}:[0-9]{2}:[0-9]{2}$'), TRY_TO_TIME(text), NULL)"), call);
        } else if (TransformFunctions.FORMAT_ARGUMENT_UNVERIFIED.contains(name) && args > 1) {
            f.add(Rule.TRANSFORM_TIMESTAMP_FORMAT_ARGUMENT, name + " with a format argument" + formatShown(call) + " in a COPY "
                    + "transformation: the docs refuse the format argument of TRY_TO_DATE and TRY_TO_TIME and say nothing of "
                    + name + "; whether Snowflake accepts it is UNVERIFIED, so autosync refuses it: use TRY_CAST(text AS "
                    + "TIMESTAMP_...) on ISO-8601 text, or TO_TIMESTAMP_*(text, format)", call);
        }
    }

    private static String formatShown(Expr.FunctionCall call) {
        return call.arguments().get(1).value() instanceof Expr.StringLiteral s ? " ('" + s.value() + "')" : "";
    }

    private static void column(Expr.ColumnRef c, CopyRules.Findings f) {
        String last = c.parts().get(c.parts().size() - 1).toUpperCase(Locale.ROOT);
        if (TransformFunctions.METADATA.contains(last)) {
            return;
        }
        if (c.parts().size() > 1 && (last.equals("NEXTVAL"))) {
            return; // a sequence, documented under "Include sequence columns in loaded data"
        }
        String name = String.join(".", c.parts());
        f.add(Rule.TRANSFORM_COLUMNS, "invalid identifier '" + name + "': a COPY transformation selects the staged files' "
                + "columns by position ($1, t.$1, $1:element), the METADATA$ columns (" + String.join(", ",
                CopyRules.sorted(TransformFunctions.METADATA)) + ") and sequences (seq.NEXTVAL)", c);
    }

    private static String unsupported(String function, String instead) {
        return "function " + function + " is not supported in a COPY transformation: Snowflake supports a documented subset "
                + "(\"Supported functions\", such as IFNULL, NVL, NVL2, IFF, CASE, TRY_CAST, TRY_TO_DECIMAL, TRY_TO_DATE, "
                + "REGEXP_SUBSTR, PARSE_JSON), the conversion functions and scalar SQL UDFs"
                + (instead == null ? "" : "; use " + instead);
    }

    private static String filter(String keyword) {
        return keyword + " is not supported in a COPY transformation (\"Filtering the results of a FROM clause using a WHERE "
                + "clause is not supported. The ORDER BY, LIMIT, FETCH, TOP keywords in SELECT statements are also not "
                + "supported.\"): load every row, then filter in the task or a view";
    }

    private static String flattenJoinGroupBy(String construct) {
        return construct + " in a COPY transformation: \"COPY transformations do not support the FLATTEN function, or JOIN "
                + "or GROUP BY (aggregate) syntax\"";
    }

    private static String simple(String construct) {
        return SIMPLE_SELECT + " (" + construct + " is not allowed in a COPY transformation).";
    }
}

package dev.autosync.emulator.sql;

import dev.autosync.emulator.base.SnowflakeError;
import dev.autosync.sql.tree.Expr;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * FLATTEN and SPLIT_TO_TABLE as DuckDB subqueries over the JSON extension's {@code json_each} / {@code json_tree}
 * and {@code string_split}; their arguments may name columns of the relations before them (LATERAL), which DuckDB
 * joins laterally. Pages: functions/flatten, functions/split_to_table, constructs/join-lateral.
 */
final class TableFunctions {
    private static final List<String> FLATTEN_PARAMETERS = List.of("INPUT", "PATH", "OUTER", "RECURSIVE", "MODE");

    private TableFunctions() {
    }

    static boolean handles(String name) {
        return name.equals("FLATTEN") || name.equals("SPLIT_TO_TABLE") || name.equals("STRTOK_SPLIT_TO_TABLE");
    }

    /** The DuckDB subquery for the call (without alias). */
    static String relation(Expr.FunctionCall call, ExpressionGenerator expressions, String inputRow) {
        return switch (call.simpleName()) {
            case "FLATTEN" -> flatten(call, expressions, inputRow);
            case "STRTOK_SPLIT_TO_TABLE" -> strtokSplitToTable(call, expressions, inputRow);
            default -> splitToTable(call, expressions, inputRow);
        };
    }

    /**
     * FLATTEN(INPUT => v [, PATH => 'p'] [, OUTER => b] [, RECURSIVE => b] [, MODE => 'OBJECT' | 'ARRAY' | 'BOTH']):
     * one row an element, with SEQ, KEY (NULL for an array element), PATH (relative to the input, such as {@code b[0]}
     * or {@code c.d}), INDEX (NULL for an object field), VALUE and THIS (the element's container).
     */
    private static String flatten(Expr.FunctionCall call, ExpressionGenerator g, String inputRow) {
        Map<String, Expr> args = arguments(call, FLATTEN_PARAMETERS);
        Expr inputExpr = args.get("INPUT");
        if (inputExpr == null) {
            throw SnowflakeError.compilation("argument INPUT is missing for function FLATTEN");
        }
        String path = args.containsKey("PATH") ? literal(args.get("PATH"), "PATH") : "";
        boolean outer = flag(args.get("OUTER"), "OUTER");
        boolean recursive = flag(args.get("RECURSIVE"), "RECURSIVE");
        String mode = args.containsKey("MODE") ? literal(args.get("MODE"), "MODE").toUpperCase(Locale.ROOT) : "BOTH";
        if (!List.of("OBJECT", "ARRAY", "BOTH").contains(mode)) {
            throw SnowflakeError.compilation("invalid value '" + mode + "' for argument MODE of FLATTEN; expected OBJECT, ARRAY or BOTH");
        }
        String input = "CAST(" + g.expression(inputExpr) + " AS JSON)";
        String source = path.isEmpty() ? input : "json_extract(" + input + ", " + Translator.literal(jsonPath(path)) + ")";
        // SEQ numbers the input record: 1 for a constant input; UNVERIFIED for a column: a number derived from the
        // value (the page promises only a unique number, not gap-free or ordered)
        boolean constant = inputExpr.walk().noneMatch(e -> e instanceof Expr.ColumnRef || e instanceof Expr.PositionalRef);
        String seq = constant ? "CAST(1 AS BIGINT)" : inputRow != null ? inputRow
                : "CAST(hash(CAST(\"$flatten\".src AS VARCHAR)) % 1000000 + 1 AS BIGINT)";
        String inArray = "(e.fullkey LIKE '%]')";
        String pathPrefix = Translator.literal(path);
        String relPath = "regexp_replace(regexp_replace(substr(e.fullkey, 2), '\\.\"([^\"]*)\"', '[''\\1'']', 'g'), '^\\.', '')";
        String outPath = path.isEmpty() ? relPath
                : "(" + pathPrefix + " || regexp_replace(substr(e.fullkey, 2), '\\.\"([^\"]*)\"', '[''\\1'']', 'g'))";
        String elements = recursive ? "json_tree(\"$flatten\".src) e" : "json_each(\"$flatten\".src) e";
        String where = "json_type(\"$flatten\".src) IN ('ARRAY', 'OBJECT')" + (recursive ? " AND e.parent IS NOT NULL" : "")
                + switch (mode) {
                    case "OBJECT" -> " AND NOT " + inArray;
                    case "ARRAY" -> " AND " + inArray;
                    default -> "";
                };
        String container = recursive ? "json_extract(\"$flatten\".src, e.path)" : "\"$flatten\".src";
        String rows = "SELECT " + seq + " AS \"SEQ\", CASE WHEN " + inArray + " THEN NULL ELSE e.key END AS \"KEY\", "
                + outPath + " AS \"PATH\", CASE WHEN " + inArray + " THEN CAST(e.key AS BIGINT) END AS \"INDEX\", "
                + "e.value AS \"VALUE\", " + container + " AS \"THIS\" FROM (SELECT " + source + " AS src) \"$flatten\", " + elements
                + " WHERE " + where + " ORDER BY e.id"; // the elements in document order, as Snowflake lists them
        if (outer) {
            rows = "(" + rows + ") UNION ALL SELECT " + seq + ", NULL, " + pathPrefix + ", NULL, CAST(NULL AS JSON), \"$flatten\".src FROM (SELECT "
                    + source + " AS src) \"$flatten\" WHERE NOT EXISTS (SELECT 1 FROM json_each(\"$flatten\".src) x WHERE json_type(\"$flatten\".src) IN ('ARRAY', 'OBJECT'))";
        }
        return "(" + rows + ")";
    }

    /** SPLIT_TO_TABLE(string, delimiter): SEQ, INDEX (from 1) and VALUE of each part. */
    private static String splitToTable(Expr.FunctionCall call, ExpressionGenerator g, String inputRow) {
        if (call.arguments().size() != 2 || call.arguments().stream().anyMatch(a -> a.name() != null)) {
            throw SnowflakeError.compilation("invalid arguments for function SPLIT_TO_TABLE; expected (string, delimiter)");
        }
        String text = g.expression(call.arguments().get(0).value());
        String delimiter = g.expression(call.arguments().get(1).value());
        boolean constant = call.arguments().get(0).value().walk().noneMatch(e -> e instanceof Expr.ColumnRef);
        String seq = constant ? "CAST(1 AS BIGINT)" : inputRow != null ? inputRow : "CAST(hash(\"$split\".\"$text\") % 1000000 + 1 AS BIGINT)";
        // an empty delimiter leaves the string whole (split_part page semantics); DuckDB would split into characters
        String parts = "CASE WHEN \"$split\".\"$delimiters\" = '' THEN [\"$split\".\"$text\"] ELSE string_split(\"$split\".\"$text\", \"$split\".\"$delimiters\") END";
        return "(SELECT " + seq + " AS \"SEQ\", CAST(r.i AS BIGINT) AS \"INDEX\", (" + parts + ")[r.i] AS \"VALUE\" FROM (SELECT "
                + "CAST(" + text + " AS VARCHAR) AS \"$text\", CAST(" + delimiter + " AS VARCHAR) AS \"$delimiters\") \"$split\", range(1, len(" + parts
                + ") + 1) r(i) WHERE \"$split\".\"$text\" IS NOT NULL ORDER BY r.i)";
    }

    /**
     * STRTOK_SPLIT_TO_TABLE(string [, delimiters]): SEQ, INDEX (from 1) and VALUE of each token, the delimiters a set of
     * characters (default a blank); an empty or NULL string or one of only delimiters gives no rows (page).
     */
    private static String strtokSplitToTable(Expr.FunctionCall call, ExpressionGenerator g, String inputRow) {
        int n = call.arguments().size();
        if (n < 1 || n > 2 || call.arguments().stream().anyMatch(a -> a.name() != null)) {
            throw SnowflakeError.compilation("invalid arguments for function STRTOK_SPLIT_TO_TABLE; expected (string [, delimiters])");
        }
        String text = g.expression(call.arguments().get(0).value());
        String delimiters = n > 1 ? g.expression(call.arguments().get(1).value()) : "' '";
        boolean constant = call.arguments().get(0).value().walk().noneMatch(e -> e instanceof Expr.ColumnRef);
        String seq = constant ? "CAST(1 AS BIGINT)" : inputRow != null ? inputRow : "CAST(hash(\"$split\".\"$text\") % 1000000 + 1 AS BIGINT)";
        String tokens = "CAST(CAST(sf_strtok_to_array(\"$split\".\"$text\", \"$split\".\"$delimiters\") AS JSON) AS VARCHAR[])";
        return "(SELECT " + seq + " AS \"SEQ\", CAST(r.i AS BIGINT) AS \"INDEX\", (" + tokens + ")[r.i] AS \"VALUE\" FROM (SELECT "
                + "CAST(" + text + " AS VARCHAR) AS \"$text\", CAST(" + delimiters + " AS VARCHAR) AS \"$delimiters\") \"$split\", range(1, len(" + tokens
                + ") + 1) r(i) WHERE \"$split\".\"$text\" IS NOT NULL ORDER BY r.i)";
    }

    /** Named arguments by parameter name, positional ones in the parameters' order. */
    private static Map<String, Expr> arguments(Expr.FunctionCall call, List<String> parameters) {
        Map<String, Expr> out = new LinkedHashMap<>();
        int position = 0;
        for (Expr.FunctionCall.Argument a : call.arguments()) {
            String name = a.name() == null ? (position < parameters.size() ? parameters.get(position++) : null)
                    : a.name().toUpperCase(Locale.ROOT);
            if (name == null || !parameters.contains(name) || out.put(name, a.value()) != null) {
                throw SnowflakeError.compilation("invalid argument " + (a.name() == null ? "at position " + (position + 1) : a.name())
                        + " for function " + call.simpleName() + "; expected " + String.join(", ", parameters));
            }
        }
        return out;
    }

    private static String literal(Expr e, String what) {
        if (e instanceof Expr.StringLiteral s) {
            return s.value();
        }
        throw SnowflakeError.compilation("argument " + what + " of FLATTEN must be a constant string");
    }

    private static boolean flag(Expr e, String what) {
        if (e == null) {
            return false;
        }
        if (e instanceof Expr.BooleanLiteral b) {
            return b.value();
        }
        throw SnowflakeError.compilation("argument " + what + " of FLATTEN must be TRUE or FALSE");
    }

    /** A Snowflake path ({@code a.b[0]}, {@code ['x y']}) as a JSON path ({@code $.a.b[0]}). */
    static String jsonPath(String path) {
        StringBuilder out = new StringBuilder("$");
        for (String part : path.split("\\.(?![^\\[]*'\\])")) {
            if (part.isEmpty()) {
                continue;
            }
            int bracket = part.indexOf('[');
            String key = bracket < 0 ? part : part.substring(0, bracket);
            if (!key.isEmpty()) {
                out.append(".\"").append(key.replace("\"", "\\\"")).append('"');
            }
            if (bracket >= 0) {
                out.append(part.substring(bracket).replaceAll("\\['([^']*)'\\]", ".\"$1\""));
            }
        }
        return out.toString();
    }
}

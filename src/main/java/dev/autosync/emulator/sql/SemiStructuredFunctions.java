package dev.autosync.emulator.sql;

import dev.autosync.emulator.base.SnowflakeError;
import dev.autosync.sql.tree.Expr;

import java.util.Map;

/**
 * VARIANT, OBJECT and ARRAY functions over DuckDB's JSON: parsing, construction, aggregation,
 * type tests and path access ({@code GET}, {@code GET_PATH}) as JSON pointers.
 */
final class SemiStructuredFunctions {
    private SemiStructuredFunctions() {
    }

    static void register(Map<String, Functions.Translation> t) {
        Functions.register(t, c -> "(CASE WHEN trim(" + c.sql(0) + ") = '' THEN NULL ELSE CAST(" + c.sql(0) + " AS JSON) END)",
                "PARSE_JSON");
        Functions.register(t, c -> "TRY_CAST(" + c.sql(0) + " AS JSON)", "TRY_PARSE_JSON");
        Functions.register(t, c -> "(CASE WHEN " + c.sql(0) + " IS NULL OR json_valid(" + c.sql(0)
                + ") THEN NULL ELSE 'invalid JSON' END)", "CHECK_JSON");
        Functions.register(t, c -> "to_json(" + c.sql(0) + ")", "TO_VARIANT", "TO_OBJECT", "TO_ARRAY");
        Functions.register(t, c -> "CAST(" + c.sql(0) + " AS VARCHAR)", "TO_JSON");
        Functions.register(t, c -> {
            if (c.count() == 1 && c.arg(0) instanceof Expr.Star) {
                throw SnowflakeError.unsupported("OBJECT_CONSTRUCT(*)");
            }
            return "json_object(" + c.all() + ")";
        }, "OBJECT_CONSTRUCT", "OBJECT_CONSTRUCT_KEEP_NULL");
        Functions.register(t, c -> "json_array(" + c.all() + ")", "ARRAY_CONSTRUCT");
        Functions.register(t, c -> "to_json(list(" + (c.distinct() ? "DISTINCT " : "") + c.sql(0) + "))", "ARRAY_AGG",
                "ARRAYAGG");
        Functions.register(t, c -> "json_group_object(" + c.all() + ")", "OBJECT_AGG");
        Functions.register(t, c -> "json_array_length(" + c.sql(0) + ")", "ARRAY_SIZE");
        Functions.register(t, c -> "to_json(json_keys(" + c.sql(0) + "))", "OBJECT_KEYS");
        Functions.register(t, c -> "(CASE json_type(to_json(" + c.sql(0) + ")) WHEN 'OBJECT' THEN 'OBJECT' WHEN 'ARRAY' "
                + "THEN 'ARRAY' WHEN 'VARCHAR' THEN 'VARCHAR' WHEN 'BIGINT' THEN 'INTEGER' WHEN 'UBIGINT' THEN 'INTEGER' "
                + "WHEN 'DOUBLE' THEN 'DOUBLE' WHEN 'BOOLEAN' THEN 'BOOLEAN' WHEN 'NULL' THEN 'NULL_VALUE' ELSE 'DECIMAL' END)",
                "TYPEOF");
        Functions.register(t, c -> "(json_type(" + c.sql(0) + ") = 'NULL')", "IS_NULL_VALUE");
        Functions.register(t, c -> "(CASE WHEN json_type(" + c.sql(0) + ") = 'NULL' THEN NULL ELSE " + c.sql(0) + " END)",
                "STRIP_NULL_VALUE");
        Functions.register(t, c -> "(json_type(" + c.sql(0) + ") = 'OBJECT')", "IS_OBJECT");
        Functions.register(t, c -> "(json_type(" + c.sql(0) + ") = 'ARRAY')", "IS_ARRAY");
        Functions.register(t, SemiStructuredFunctions::get, "GET");
        Functions.register(t, c -> "json_extract(" + c.sql(0) + ", " + pathPointer(c) + ")", "GET_PATH");
        Functions.register(t, c -> "json_extract_string(" + c.sql(0) + ", " + pathPointer(c) + ")", "JSON_EXTRACT_PATH_TEXT");
    }

    /** GET(v, 'key') or GET(array, index). */
    private static String get(Call c) {
        c.need(2);
        String key = c.literal(1);
        if (key != null) {
            return "json_extract(" + c.sql(0) + ", " + Translator.literal("/" + pointerEscape(key)) + ")";
        }
        Integer index = c.integer(1);
        if (index != null) {
            return "json_extract(" + c.sql(0) + ", '/" + index + "')";
        }
        throw SnowflakeError.unsupported("GET with a computed key");
    }

    private static String pathPointer(Call c) {
        return Translator.literal(pathToPointer(c.requireLiteral(1, c.name())));
    }

    /** A key inside a JSON pointer ({@code ~} and {@code /} escaped). */
    static String pointerEscape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }

    /** {@code a.b[0].c} or {@code a['x y']} (GET_PATH's path argument) as a JSON pointer. */
    static String pathToPointer(String path) {
        StringBuilder sb = new StringBuilder();
        int i = 0;
        while (i < path.length()) {
            char ch = path.charAt(i);
            if (ch == '.') {
                i++;
            } else if (ch == '[') {
                int end = path.indexOf(']', i);
                String inner = path.substring(i + 1, end).trim();
                if (inner.startsWith("'") || inner.startsWith("\"")) {
                    inner = inner.substring(1, inner.length() - 1);
                }
                sb.append('/').append(pointerEscape(inner));
                i = end + 1;
            } else if (ch == '"') {
                int end = path.indexOf('"', i + 1);
                sb.append('/').append(pointerEscape(path.substring(i + 1, end)));
                i = end + 1;
            } else {
                int end = i;
                while (end < path.length() && path.charAt(end) != '.' && path.charAt(end) != '[') {
                    end++;
                }
                sb.append('/').append(pointerEscape(path.substring(i, end)));
                i = end;
            }
        }
        return sb.toString();
    }
}

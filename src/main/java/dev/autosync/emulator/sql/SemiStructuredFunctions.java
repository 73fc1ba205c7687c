package dev.autosync.emulator.sql;

import dev.autosync.emulator.base.SnowflakeError;
import dev.autosync.sql.tree.Expr;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * VARIANT, OBJECT and ARRAY functions over DuckDB's JSON: parsing, construction (OBJECT_CONSTRUCT drops
 * SQL NULL values, ARRAY_CONSTRUCT keeps them as undefined), aggregation, type tests and casts
 * (TYPEOF, IS_*, AS_*), path access ({@code GET}, {@code GET_PATH}) as JSON pointers, and the ARRAY_*
 * and OBJECT_* functions, which call the engine's Java functions ({@code sf_*}) over JSON text.
 */
final class SemiStructuredFunctions {
    /** The JSON text of the undefined marker (the engine's VariantText.UNDEFINED). */
    static final String UNDEFINED = "'\"\uE000undefined\"'";

    private SemiStructuredFunctions() {
    }

    static void register(Map<String, Functions.Translation> t) {
        Functions.register(t, c -> {
            c.need(1, 2);
            return "(CASE WHEN trim(" + StringFunctions.text(c, 0) + ") = '' THEN NULL ELSE CAST(sf_parse_json(" + StringFunctions.text(c, 0) + ", "
                    + (c.count() > 1 ? StringFunctions.text(c, 1) : "''") + ") AS JSON) END)";
        }, "PARSE_JSON");
        Functions.register(t, c -> "TRY_CAST(TRY(sf_parse_json(" + StringFunctions.text(c, 0) + ", "
                + (c.count() > 1 ? StringFunctions.text(c, 1) : "''") + ")) AS JSON)", "TRY_PARSE_JSON");
        Functions.register(t, c -> {
            c.need(1, 2);
            return json("sf_parse_url(" + StringFunctions.text(c, 0) + ", " + StringFunctions.whole(c, 1, "0") + ")");
        }, "PARSE_URL");
        // parse_ip page: the components of an IPv4 / IPv6 INET or CIDR address as an OBJECT
        Functions.register(t, c -> {
            c.need(2, 3);
            return json("sf_parse_ip(" + StringFunctions.text(c, 0) + ", " + StringFunctions.text(c, 1) + ", "
                    + StringFunctions.whole(c, 2, "0") + ")");
        }, "PARSE_IP");
        Functions.register(t, c -> "sf_check_json(CAST(" + c.sql(0) + " AS VARCHAR), typeof(" + c.sql(0) + "))", "CHECK_JSON");
        Functions.register(t, c -> variant(c, 0), "TO_VARIANT");
        Functions.register(t, c -> "to_json(" + c.sql(0) + ")", "TO_OBJECT");
        Functions.register(t, c -> "(CASE WHEN json_type(" + variant(c, 0) + ") = 'ARRAY' THEN " + variant(c, 0)
                + " ELSE json_array(" + variant(c, 0) + ") END)", "TO_ARRAY");
        Functions.register(t, c -> "sf_json_text(" + jsonText(c, 0) + ")", "TO_JSON");
        Functions.register(t, c -> objectConstruct(c, false), "OBJECT_CONSTRUCT");
        Functions.register(t, c -> objectConstruct(c, true), "OBJECT_CONSTRUCT_KEEP_NULL");
        Functions.register(t, c -> arrayConstruct(elements(c, 0)), "ARRAY_CONSTRUCT");
        Functions.register(t, c -> json("sf_array_compact(CAST(" + arrayConstruct(elements(c, 0)) + " AS VARCHAR))"),
                "ARRAY_CONSTRUCT_COMPACT");
        // array_agg page: WITHIN GROUP orders the elements (DuckDB: ORDER BY inside the aggregate)
        // and NULL values are left out (an aggregate of no values is an empty array)
        Functions.register(t, c -> "to_json(COALESCE(list(" + (c.distinct() ? "DISTINCT " : "") + c.sql(0)
                + (c.withinGroup() == null ? "" : " ORDER BY " + c.withinGroup()) + ") FILTER (WHERE " + c.sql(0)
                + " IS NOT NULL) " + StatisticalFunctions.OVER + ", []))", "ARRAY_AGG", "ARRAYAGG");
        Functions.register(t, c -> "json_group_object(" + c.all() + ")", "OBJECT_AGG");
        Functions.register(t, c -> "(CASE WHEN json_type(" + c.sql(0) + ") = 'ARRAY' THEN json_array_length(" + c.sql(0)
                + ") END)", "ARRAY_SIZE");
        Functions.register(t, c -> "to_json(list_sort(json_keys(" + c.sql(0) + ")))", "OBJECT_KEYS");
        Functions.register(t, c -> typeOf(c), "TYPEOF");
        Functions.register(t, c -> "(" + typeOf(c) + " = 'NULL_VALUE')", "IS_NULL_VALUE");
        Functions.register(t, c -> "(CASE WHEN json_type(" + c.sql(0) + ") = 'NULL' THEN NULL ELSE " + c.sql(0) + " END)",
                "STRIP_NULL_VALUE");
        isType(t, "IS_OBJECT", "'OBJECT'");
        isType(t, "IS_ARRAY", "'ARRAY'");
        isType(t, "IS_BOOLEAN", "'BOOLEAN'");
        isType(t, "IS_VARCHAR", "'VARCHAR'");
        isType(t, "IS_CHAR", "'VARCHAR'");
        isType(t, "IS_INTEGER", "'INTEGER'");
        isType(t, "IS_DECIMAL", "'INTEGER', 'DECIMAL'");
        isType(t, "IS_DOUBLE", "'INTEGER', 'DECIMAL', 'DOUBLE'");
        isType(t, "IS_REAL", "'INTEGER', 'DECIMAL', 'DOUBLE'");
        asType(t, "AS_OBJECT", "'OBJECT'", null);
        asType(t, "AS_ARRAY", "'ARRAY'", null);
        asType(t, "AS_VARCHAR", "'VARCHAR'", "VARCHAR");
        asType(t, "AS_CHAR", "'VARCHAR'", "VARCHAR");
        asType(t, "AS_BOOLEAN", "'BOOLEAN'", "BOOLEAN");
        asType(t, "AS_INTEGER", "'INTEGER'", "DECIMAL(38,0)");
        asType(t, "AS_DOUBLE", "'INTEGER', 'DECIMAL', 'DOUBLE'", "DOUBLE");
        asType(t, "AS_REAL", "'INTEGER', 'DECIMAL', 'DOUBLE'", "DOUBLE");
        Functions.register(t, SemiStructuredFunctions::asDecimal, "AS_DECIMAL", "AS_NUMBER");
        Functions.register(t, SemiStructuredFunctions::get, "GET");
        Functions.register(t, c -> "json_extract(" + c.sql(0) + ", " + pathPointer(c) + ")", "GET_PATH");
        Functions.register(t, c -> "json_extract_string(" + c.sql(0) + ", " + pathPointer(c) + ")", "JSON_EXTRACT_PATH_TEXT");
        arrays(t);
        higherOrder(t);
    }

    /**
     * FILTER, TRANSFORM and REDUCE (filter, transform, reduce pages) over DuckDB's list lambdas: the ARRAY's
     * elements as a list of VARIANTs (undefined is SQL NULL; a typed parameter, x INT -> ..., casts each element
     * first), the result written back as a VARIANT array (a NULL result element is undefined).
     */
    private static void higherOrder(Map<String, Functions.Translation> t) {
        Functions.register(t, c -> {
            c.need(2);
            return listToArray("list_filter(" + listOf(c, 0, lambdaType(c, 1)) + ", " + c.sql(1) + ")");
        }, "FILTER");
        Functions.register(t, c -> {
            c.need(2);
            return listToArray("list_transform(" + listOf(c, 0, lambdaType(c, 1)) + ", " + c.sql(1) + ")");
        }, "TRANSFORM");
        Functions.register(t, c -> {
            c.need(3);
            return "list_reduce(" + listOf(c, 0, null) + ", " + c.sql(2) + ", " + c.sql(1) + ")";
        }, "REDUCE");
    }

    private static dev.autosync.sql.tree.TypeName lambdaType(Call c, int i) {
        if (!(c.arg(i) instanceof Expr.Lambda l)) {
            throw SnowflakeError.compilation("argument " + (i + 1) + " of " + c.name() + " must be a lambda expression");
        }
        return l.type();
    }

    /** Argument {@code i}, an ARRAY, as a DuckDB list of its elements (JSON; SQL NULL for undefined), cast to {@code type}. */
    private static String listOf(Call c, int i, dev.autosync.sql.tree.TypeName type) {
        String list = "list_transform(CAST(CAST(CAST(" + variant(c, i) + " AS VARCHAR) AS JSON) AS JSON[]), \"$e\" -> "
                + "CASE WHEN CAST(\"$e\" AS VARCHAR) = " + UNDEFINED + " THEN NULL ELSE \"$e\" END)";
        if (type == null) {
            return list;
        }
        String duck = SnowflakeTypes.of(type).duck();
        return "list_transform(" + list + ", \"$e\" -> TRY_CAST(json_extract_string(\"$e\", '$') AS " + duck + "))";
    }

    /** A DuckDB list as a VARIANT array, its NULL elements undefined. */
    private static String listToArray(String list) {
        return "CAST('[' || array_to_string(list_transform(" + list + ", \"$r\" -> COALESCE(CAST(" + variant("\"$r\"", false)
                + " AS VARCHAR), " + UNDEFINED + ")), ',') || ']' AS JSON)";
    }

    private static void arrays(Map<String, Functions.Translation> t) {
        Functions.register(t, c -> json("sf_array_append(" + jsonText(c, 0) + ", " + element(c, 1) + ")"), "ARRAY_APPEND");
        Functions.register(t, c -> json("sf_array_prepend(" + jsonText(c, 0) + ", " + element(c, 1) + ")"), "ARRAY_PREPEND");
        Functions.register(t, c -> json("sf_array_insert(" + jsonText(c, 0) + ", " + StringFunctions.whole(c, 1, null) + ", "
                + element(c, 2) + ")"), "ARRAY_INSERT");
        Functions.register(t, c -> json("sf_array_cat(" + jsonText(c, 0) + ", " + jsonText(c, 1) + ")"), "ARRAY_CAT");
        Functions.register(t, c -> json("sf_array_compact(" + jsonText(c, 0) + ")"), "ARRAY_COMPACT");
        Functions.register(t, c -> "sf_array_contains(" + element(c, 0) + ", " + jsonText(c, 1) + ")", "ARRAY_CONTAINS");
        Functions.register(t, c -> "sf_array_position(" + element(c, 0) + ", " + jsonText(c, 1) + ")", "ARRAY_POSITION");
        Functions.register(t, c -> json("sf_array_slice(" + jsonText(c, 0) + ", " + StringFunctions.whole(c, 1, null) + ", "
                + StringFunctions.whole(c, 2, null) + ")"), "ARRAY_SLICE");
        Functions.register(t, c -> "sf_array_to_string(" + jsonText(c, 0) + ", " + StringFunctions.text(c, 1) + ")",
                "ARRAY_TO_STRING");
        Functions.register(t, c -> json("sf_array_distinct(" + jsonText(c, 0) + ")"), "ARRAY_DISTINCT");
        Functions.register(t, c -> json("sf_array_remove(" + jsonText(c, 0) + ", " + element(c, 1) + ")"), "ARRAY_REMOVE");
        Functions.register(t, c -> json("sf_array_remove_at(" + jsonText(c, 0) + ", " + StringFunctions.whole(c, 1, null) + ")"),
                "ARRAY_REMOVE_AT");
        Functions.register(t, c -> json("sf_array_reverse(" + jsonText(c, 0) + ")"), "ARRAY_REVERSE");
        Functions.register(t, c -> {
            // array_repeat page: count copies of the element as a VARIANT; a count of 0 or less is [], a NULL count NULL
            c.need(2, 2);
            String n = StringFunctions.whole(c, 1, null);
            String e = element(c, 0);
            return "(CASE WHEN " + n + " IS NULL THEN NULL WHEN " + n + " <= 0 THEN CAST('[]' AS JSON) ELSE "
                    + json("'[' || repeat(" + e + " || ',', " + n + " - 1) || " + e + " || ']'") + " END)";
        }, "ARRAY_REPEAT");
        Functions.register(t, c -> {
            c.need(1, 3);
            String ascending = c.count() > 1 ? "CAST(" + c.sql(1) + " AS BOOLEAN)" : "true";
            String nullsFirst = c.count() > 2 ? "CAST(" + c.sql(2) + " AS BOOLEAN)" : "NOT " + ascending;
            return json("sf_array_sort(" + jsonText(c, 0) + ", " + ascending + ", " + nullsFirst + ")");
        }, "ARRAY_SORT");
        Functions.register(t, c -> json("sf_array_max(" + jsonText(c, 0) + ")"), "ARRAY_MAX");
        Functions.register(t, c -> json("sf_array_min(" + jsonText(c, 0) + ")"), "ARRAY_MIN");
        Functions.register(t, c -> {
            c.need(1, Integer.MAX_VALUE);
            List<String> texts = new ArrayList<>();
            StringBuilder anyNull = new StringBuilder();
            for (int i = 0; i < c.count(); i++) {
                texts.add(jsonText(c, i));
                anyNull.append(i == 0 ? "" : " OR ").append(c.sql(i)).append(" IS NULL");
            }
            return "(CASE WHEN " + anyNull + " THEN NULL ELSE " + json("sf_arrays_zip('[' || concat_ws(',', "
                    + String.join(", ", texts) + ") || ']')") + " END)";
        }, "ARRAYS_ZIP");
        Functions.register(t, c -> json("sf_array_flatten(" + jsonText(c, 0) + ")"), "ARRAY_FLATTEN");
        Functions.register(t, c -> json("sf_array_except(" + jsonText(c, 0) + ", " + jsonText(c, 1) + ")"), "ARRAY_EXCEPT");
        Functions.register(t, c -> json("sf_array_intersection(" + jsonText(c, 0) + ", " + jsonText(c, 1) + ")"),
                "ARRAY_INTERSECTION");
        Functions.register(t, c -> json("sf_arrays_to_object(" + jsonText(c, 0) + ", " + jsonText(c, 1) + ")"),
                "ARRAYS_TO_OBJECT");
        Functions.register(t, c -> json("sf_get_ignore_case(" + jsonText(c, 0) + ", " + StringFunctions.text(c, 1) + ")"),
                "GET_IGNORE_CASE");
        Functions.register(t, c -> "sf_arrays_overlap(" + jsonText(c, 0) + ", " + jsonText(c, 1) + ")", "ARRAYS_OVERLAP");
        Functions.register(t, c -> {
            c.need(2, 3);
            return "to_json(range(" + StringFunctions.whole(c, 0, null) + ", " + StringFunctions.whole(c, 1, null) + ", "
                    + StringFunctions.whole(c, 2, "1") + "))";
        }, "ARRAY_GENERATE_RANGE");
        Functions.register(t, c -> {
            c.need(2, Integer.MAX_VALUE);
            String o = jsonText(c, 0);
            for (int i = 1; i < c.count(); i++) {
                o = "sf_object_delete(" + o + ", " + StringFunctions.text(c, i) + ")";
            }
            return json(o);
        }, "OBJECT_DELETE");
        Functions.register(t, c -> {
            c.need(3, 4);
            return json("sf_object_insert(" + jsonText(c, 0) + ", " + StringFunctions.text(c, 1) + ", " + element(c, 2) + ", "
                    + (c.count() > 3 ? c.sql(3) : "FALSE") + ")");
        }, "OBJECT_INSERT");
        Functions.register(t, c -> {
            c.need(2, Integer.MAX_VALUE);
            String keys;
            if (c.count() == 2 && c.literal(1) == null) {
                keys = "CAST(to_json(" + c.sql(1) + ") AS VARCHAR)";
            } else {
                List<String> k = new ArrayList<>();
                for (int i = 1; i < c.count(); i++) {
                    k.add(StringFunctions.text(c, i));
                }
                keys = "CAST(to_json([" + String.join(", ", k) + "]) AS VARCHAR)";
            }
            return json("sf_object_pick(" + jsonText(c, 0) + ", " + keys + ")");
        }, "OBJECT_PICK");
    }

    private static void isType(Map<String, Functions.Translation> t, String name, String types) {
        Functions.register(t, c -> "(" + typeOf(c) + " IN (" + types + "))", name);
    }

    /** AS_*: the value when the VARIANT holds that type, else NULL. */
    private static void asType(Map<String, Functions.Translation> t, String name, String types, String duckType) {
        Functions.register(t, c -> {
            String value = duckType == null ? c.sql(0) : "TRY_CAST(json_extract_string(" + c.sql(0) + ", '$') AS " + duckType + ")";
            return "(CASE WHEN " + typeOf(c) + " IN (" + types + ") THEN " + value + " END)";
        }, name);
    }

    private static String asDecimal(Call c) {
        Integer p = c.count() > 1 ? c.integer(1) : Integer.valueOf(38);
        Integer s = c.count() > 2 ? c.integer(2) : Integer.valueOf(0);
        if (p == null || s == null) {
            throw SnowflakeError.unsupported(c.name() + " with a precision or scale that is not an integer literal");
        }
        String type = SnowflakeTypes.of("NUMBER", p, s).duck();
        return "(CASE WHEN " + typeOf(c) + " IN ('INTEGER', 'DECIMAL') THEN CAST(json_extract_string(" + c.sql(0) + ", '$') AS "
                + type + ") END)";
    }

    private static String typeOf(Call c) {
        String stored = "sf_typeof(CAST(" + variant(c, 0) + " AS VARCHAR))";
        Expr operand = castToVariant(c.arg(0));
        if (operand == null || operand.walk().anyMatch(Expr.Parameter.class::isInstance)) {
            return stored;
        }
        // typeof page: TYPEOF(time::VARIANT) is TIMESTAMP_NTZ, but DuckDB's JSON holds a date or time as text, so the
        // type is read off the value before its cast. UNVERIFIED: a date or time stored in a VARIANT column reads VARCHAR,
        // and so does TIMESTAMP_LTZ / TIMESTAMP_TZ (one DuckDB type for both)
        String o = c.generator().expression(operand);
        return "(CASE WHEN " + o + " IS NULL THEN " + stored + " WHEN typeof(" + o + ") IN ('TIMESTAMP', 'TIMESTAMP_NS', "
                + "'TIMESTAMP_MS', 'TIMESTAMP_S') THEN 'TIMESTAMP_NTZ' WHEN typeof(" + o + ") IN ('DATE', 'TIME') THEN typeof("
                + o + ") ELSE " + stored + " END)";
    }

    /** The operand of {@code x::VARIANT}, {@code CAST(x AS VARIANT)} or {@code TO_VARIANT(x)}, else null. */
    private static Expr castToVariant(Expr e) {
        if (e instanceof Expr.Cast cast && "VARIANT".equalsIgnoreCase(cast.type().name())) {
            return cast.operand();
        }
        if (e instanceof Expr.FunctionCall f && "TO_VARIANT".equalsIgnoreCase(f.simpleName()) && f.arguments().size() == 1) {
            return f.arguments().get(0).value();
        }
        return null;
    }

    /** A function returning JSON text, as a DuckDB JSON value. */
    private static String json(String textSql) {
        return "CAST(" + textSql + " AS JSON)";
    }

    /** Argument {@code i} as JSON text (an ARRAY or OBJECT argument). */
    private static String jsonText(Call c, int i) {
        return "CAST(to_json(" + c.sql(i) + ") AS VARCHAR)";
    }

    /** Argument {@code i} as an element's JSON text: SQL NULL is undefined. */
    private static String element(Call c, int i) {
        return "COALESCE(CAST(" + variant(c, i) + " AS VARCHAR), " + UNDEFINED + ")";
    }

    /** Argument {@code i} as a VARIANT (see {@link #variant(String, boolean)}). */
    static String variant(Call c, int i) {
        return variant(c.sql(i), c.arg(i).walk().anyMatch(Expr.Parameter.class::isInstance));
    }

    /**
     * A value as a VARIANT, through DuckDB's to_json. UNVERIFIED where it differs: Snowflake keeps a DOUBLE's
     * type inside a VARIANT (printed 1.500000000000000e+00, TYPEOF DOUBLE); DuckDB's JSON keeps only the
     * number, so TYPEOF reads 1.5 as DECIMAL.
     */
    static String variant(String sql, boolean bound) {
        // a timestamp inside a VARIANT is its text with milliseconds (array_min, get pages:
        // "1999-01-01 00:00:00.000", "2022-03-07 14:00:00.000 -0800"); DuckDB's to_json drops them
        // a VARIANT stays as written: DuckDB's to_json would rewrite its numbers (1.912000000000000e+02 as 191.2)
        return "(CASE WHEN typeof(" + sql + ") = 'JSON' THEN CAST(CAST(" + sql + " AS VARCHAR) AS JSON) "
                + "WHEN typeof(" + sql + ") IN ('TIMESTAMP', 'TIMESTAMP WITH TIME ZONE', 'TIMESTAMP_NS', 'TIMESTAMP_MS', "
                + "'TIMESTAMP_S') THEN to_json(sf_variant_timestamp(CAST(" + sql + " AS VARCHAR))) "
                // a DOUBLE keeps its type inside a VARIANT, written 3.000000000000000e+00 (array_construct_compact page)
                + "WHEN typeof(" + sql + ") IN ('DOUBLE', 'FLOAT') THEN CAST(sf_double_json(TRY_CAST(" + sql + " AS DOUBLE)) AS JSON) "
                // a NUMBER inside a VARIANT is written without trailing zeros (transform page: 500.00 reads 500)
                + "WHEN typeof(" + sql + ") LIKE 'DECIMAL%' THEN CAST(regexp_replace(regexp_replace(CAST(" + sql
                + " AS VARCHAR), '(\\.[0-9]*[1-9])0+$', '\\1'), '\\.0+$', '') AS JSON) "
                + "ELSE to_json(" + sql + ") END)";
    }

    private static List<String> elements(Call c, int from) {
        List<String> out = new ArrayList<>();
        for (int i = from; i < c.count(); i++) {
            out.add(variant(c, i));
        }
        return out;
    }

    /** ARRAY_CONSTRUCT / {@code [...]}: SQL NULL elements are undefined. */
    static String arrayConstruct(List<String> variants) {
        if (variants.isEmpty()) {
            return "CAST('[]' AS JSON)";
        }
        // built as text: DuckDB's json_array would rewrite a DOUBLE's 3.000000000000000e+00 as 3.0
        List<String> items = new ArrayList<>();
        for (String v : variants) {
            items.add("COALESCE(CAST(" + v + " AS VARCHAR), " + UNDEFINED + ")");
        }
        return "CAST('[' || concat_ws(',', " + String.join(", ", items) + ") || ']' AS JSON)";
    }

    /**
     * OBJECT_CONSTRUCT / {@code {...}}: key-value pairs whose key is NULL are left out, and so are SQL NULL
     * values unless {@code keepNull} (then they are JSON null).
     */
    static String objectConstruct(List<String> keys, List<String> variants, boolean keepNull) {
        if (keys.isEmpty()) {
            return "CAST('{}' AS JSON)";
        }
        List<String> entries = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            String v = keepNull ? "COALESCE(" + variants.get(i) + ", CAST('null' AS JSON))" : variants.get(i);
            entries.add("{'k': CAST(" + keys.get(i) + " AS VARCHAR), 'v': " + v + "}");
        }
        return "to_json(map_from_entries(list_filter([" + String.join(", ", entries)
                + "], e -> e.k IS NOT NULL AND e.v IS NOT NULL)))";
    }

    private static String objectConstruct(Call c, boolean keepNull) {
        if (c.count() == 1 && c.arg(0) instanceof Expr.Star) {
            return objectOfRow(c.sql(0), keepNull);
        }
        if (c.count() % 2 != 0) {
            throw SnowflakeError.compilation("invalid number of arguments (" + c.count() + ") for function " + c.name()
                    + "; expected an even number");
        }
        List<String> keys = new ArrayList<>();
        List<String> values = new ArrayList<>();
        for (int i = 0; i < c.count(); i += 2) {
            keys.add(c.sql(i));
            values.add(variant(c, i + 1));
        }
        return objectConstruct(keys, values, keepNull);
    }

    /** OBJECT_CONSTRUCT(*) and {@code {*}}: the row's columns (a star's SQL, with its ILIKE / EXCLUDE) as an object. */
    static String objectOfRow(String starSql, boolean keepNull) {
        return json("sf_object_of_row(CAST(" + rowJson(starSql) + " AS VARCHAR), " + keepNull + ")");
    }

    /** The columns a star ({@code *}, {@code t.*}, with ILIKE or EXCLUDE) selects, as one JSON object of the row. */
    static String rowJson(String starSql) {
        java.util.regex.Matcher ilike = java.util.regex.Pattern.compile("\\* ILIKE ('(?:[^']|'')*')").matcher(starSql);
        if (ilike.matches()) {
            // inside COLUMNS a star takes no ILIKE: a lambda selects the names instead
            starSql = "c -> c ILIKE " + ilike.group(1);
        }
        return "to_json(struct_pack(*COLUMNS(" + starSql + ")))";
    }

    /** GET(v, 'key') or GET(array, index), also with a computed key or index. */
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
        return "json_extract(" + c.sql(0) + ", " + computedPointer(c.sql(1)) + ")";
    }

    /** A JSON pointer from a computed key (a string) or index (a number). */
    static String computedPointer(String sql) {
        return "(CASE WHEN typeof(" + sql + ") IN ('VARCHAR', 'JSON') THEN '/' || replace(replace(json_extract_string(to_json("
                + sql + "), '$'), '~', '~0'), '/', '~1') ELSE '/' || CAST(CAST(" + sql + " AS BIGINT) AS VARCHAR) END)";
    }

    private static String pathPointer(Call c) {
        return Translator.literal(pathToPointer(c.requireLiteral(1, c.name())));
    }

    /** A key inside a JSON pointer ({@code ~} and {@code /} escaped). */
    static String pointerEscape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }

    /** {@code a.b[0].c}, {@code a:b} or {@code a['x y']} (GET_PATH's path argument) as a JSON pointer. */
    static String pathToPointer(String path) {
        StringBuilder sb = new StringBuilder();
        int i = 0;
        while (i < path.length()) {
            char ch = path.charAt(i);
            if (ch == '.' || ch == ':') {
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
                while (end < path.length() && path.charAt(end) != '.' && path.charAt(end) != '[' && path.charAt(end) != ':') {
                    end++;
                }
                sb.append('/').append(pointerEscape(path.substring(i, end)));
                i = end;
            }
        }
        return sb.toString();
    }
}

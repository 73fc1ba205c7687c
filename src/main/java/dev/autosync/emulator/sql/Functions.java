package dev.autosync.emulator.sql;

import dev.autosync.emulator.base.SnowflakeError;
import dev.autosync.sql.Token;
import dev.autosync.sql.TokenType;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Snowflake functions in DuckDB terms. Functions DuckDB has under the same name and meaning pass
 * through; those that differ are rewritten; Snowflake-only functions without a translation are
 * refused by name. A function neither engine knows fails in DuckDB and is reported as Snowflake's
 * "Unknown function".
 */
final class Functions {
    private static final Set<String> DATE_PART_FUNCTIONS = Set.of("DATEADD", "TIMESTAMPADD", "DATEDIFF", "TIMESTAMPDIFF",
            "DATE_TRUNC", "DATE_PART");
    private static final Set<String> UNSUPPORTED = Set.of("FLATTEN", "RESULT_SCAN", "GENERATOR",
            "UNIFORM", "NORMAL", "ZIPF", "ST_MAKEPOINT", "TO_GEOGRAPHY", "PARSE_XML", "XMLGET", "CHECK_XML", "STRTOK_TO_ARRAY",
            "ARRAY_INTERSECTION", "OBJECT_DELETE", "OBJECT_INSERT", "OBJECT_PICK", "TRANSFORM", "FILTER", "REDUCE");

    private final Translator tr;
    private final SqlContext ctx;

    Functions(Translator tr, SqlContext ctx) {
        this.tr = tr;
        this.ctx = ctx;
    }

    /** Called with the cursor after {@code NAME(}; consumes the arguments and the closing parenthesis. */
    String call(String name) {
        Cursor c = tr.cursor();
        switch (name) {
            case "CAST", "TRY_CAST": {
                String x = tr.expression(Set.of("AS"), false);
                c.expect("AS");
                SnowflakeTypes type = SnowflakeTypes.parse(c);
                c.expect(TokenType.RIGHT_PAREN);
                return tr.cast(x, type, name.equals("TRY_CAST"));
            }
            case "EXTRACT": {
                String part = datePart(c.next());
                c.expect("FROM");
                String x = tr.expression(Set.of(), false);
                c.expect(TokenType.RIGHT_PAREN);
                return "date_part('" + part + "', " + x + ")";
            }
            case "POSITION": {
                String a = tr.expression(Set.of("IN"), true);
                if (c.accept("IN")) {
                    String b = tr.expression(Set.of(), false);
                    c.expect(TokenType.RIGHT_PAREN);
                    return "position(" + a + " IN " + b + ")";
                }
                c.expect(TokenType.COMMA);
                String b = tr.expression(Set.of(), true);
                c.expect(TokenType.RIGHT_PAREN);
                return "instr(" + b + ", " + a + ")";
            }
            default:
                break;
        }
        if (DATE_PART_FUNCTIONS.contains(name)) {
            Token partToken = c.next();
            String part = partToken.is(TokenType.STRING) ? datePart(partToken.value()) : datePart(partToken);
            List<String> rest = arguments(c, true);
            return datePartFunction(name, part, rest);
        }
        if (UNSUPPORTED.contains(name)) {
            throw SnowflakeError.unsupported("function " + name);
        }
        boolean distinct = false;
        if (c.isWord("DISTINCT")) {
            c.next();
            distinct = true;
        }
        List<String> literals = new ArrayList<>();
        List<String> args = arguments(c, false, literals);
        if (name.contains("$")) {
            return ctx.systemFunction(name, args, literals);
        }
        String translated = translate(name, args, literals);
        if (distinct) {
            int open = translated.indexOf('(');
            return translated.substring(0, open + 1) + "DISTINCT " + translated.substring(open + 1);
        }
        return translated;
    }

    private List<String> arguments(Cursor c, boolean afterComma) {
        return arguments(c, afterComma, new ArrayList<>());
    }

    private List<String> arguments(Cursor c, boolean afterComma, List<String> literals) {
        List<String> args = new ArrayList<>();
        if (afterComma) {
            if (c.peek().is(TokenType.RIGHT_PAREN)) {
                c.next();
                return args;
            }
            c.expect(TokenType.COMMA);
        }
        if (!c.peek().is(TokenType.RIGHT_PAREN)) {
            do {
                if (c.peek().is(TokenType.WORD) && c.peek(1).isOperator("=>")) {
                    throw SnowflakeError.unsupported("named arguments (=>) outside TABLE(...)");
                }
                Token first = c.peek();
                int start = c.position();
                args.add(tr.expression(Set.of(), true));
                literals.add(c.position() == start + 1 && first.is(TokenType.STRING) ? first.value() : null);
            } while (c.accept(TokenType.COMMA));
        }
        c.expect(TokenType.RIGHT_PAREN);
        return args;
    }

    private String translate(String name, List<String> a, List<String> literals) {
        switch (name) {
            case "IFF":
                need(name, a, 3);
                return "(CASE WHEN " + a.get(0) + " THEN " + a.get(1) + " ELSE " + a.get(2) + " END)";
            case "NVL", "IFNULL":
                need(name, a, 2);
                return "COALESCE(" + a.get(0) + ", " + a.get(1) + ")";
            case "NVL2":
                need(name, a, 3);
                return "(CASE WHEN " + a.get(0) + " IS NOT NULL THEN " + a.get(1) + " ELSE " + a.get(2) + " END)";
            case "ZEROIFNULL":
                return "COALESCE(" + a.get(0) + ", 0)";
            case "NULLIFZERO":
                return "NULLIF(" + a.get(0) + ", 0)";
            case "DIV0":
                need(name, a, 2);
                return "(CASE WHEN " + a.get(1) + " = 0 THEN 0 ELSE " + a.get(0) + " / " + a.get(1) + " END)";
            case "DIV0NULL":
                need(name, a, 2);
                return "(CASE WHEN " + a.get(1) + " = 0 OR " + a.get(1) + " IS NULL THEN 0 ELSE " + a.get(0) + " / " + a.get(1) + " END)";
            case "EQUAL_NULL":
                need(name, a, 2);
                return "(" + a.get(0) + " IS NOT DISTINCT FROM " + a.get(1) + ")";
            case "TRY_TO_DECIMAL", "TRY_TO_NUMBER", "TRY_TO_NUMERIC", "TO_DECIMAL", "TO_NUMBER", "TO_NUMERIC":
                return number(name, a, literals);
            case "TO_DOUBLE", "TRY_TO_DOUBLE":
                return tr.cast(a.get(0), SnowflakeTypes.of("DOUBLE", null, null), name.startsWith("TRY"));
            case "TO_BOOLEAN", "TRY_TO_BOOLEAN":
                return bool(a.get(0), name.startsWith("TRY"));
            case "TO_DATE", "TRY_TO_DATE", "DATE":
                return temporal("DATE", a, literals, name.startsWith("TRY"));
            case "TO_TIMESTAMP", "TO_TIMESTAMP_NTZ", "TRY_TO_TIMESTAMP", "TRY_TO_TIMESTAMP_NTZ":
                return temporal("TIMESTAMP_NTZ", a, literals, name.startsWith("TRY"));
            case "TO_TIMESTAMP_LTZ", "TRY_TO_TIMESTAMP_LTZ":
                return temporal("TIMESTAMP_LTZ", a, literals, name.startsWith("TRY"));
            case "TO_TIMESTAMP_TZ", "TRY_TO_TIMESTAMP_TZ":
                return temporal("TIMESTAMP_TZ", a, literals, name.startsWith("TRY"));
            case "TO_TIME", "TRY_TO_TIME":
                return tr.cast(a.get(0), SnowflakeTypes.of("TIME", null, null), name.startsWith("TRY"));
            case "TO_VARCHAR", "TO_CHAR":
                if (a.size() == 1) {
                    return tr.cast(a.get(0), SnowflakeTypes.of("VARCHAR", null, null), false);
                }
                return "strftime(" + a.get(0) + ", " + Translator.literal(DateFormats.toStrptime(literal(name, literals, 1))) + ")";
            case "PARSE_JSON":
                return "(CASE WHEN trim(" + a.get(0) + ") = '' THEN NULL ELSE CAST(" + a.get(0) + " AS JSON) END)";
            case "TRY_PARSE_JSON":
                return "TRY_CAST(" + a.get(0) + " AS JSON)";
            case "CHECK_JSON":
                return "(CASE WHEN " + a.get(0) + " IS NULL OR json_valid(" + a.get(0) + ") THEN NULL ELSE 'invalid JSON' END)";
            case "TO_VARIANT", "TO_OBJECT", "TO_ARRAY":
                return "to_json(" + a.get(0) + ")";
            case "TO_JSON":
                return "CAST(" + a.get(0) + " AS VARCHAR)";
            case "OBJECT_CONSTRUCT", "OBJECT_CONSTRUCT_KEEP_NULL":
                if (a.size() == 1 && a.get(0).equals("*")) {
                    throw SnowflakeError.unsupported("OBJECT_CONSTRUCT(*)");
                }
                return "json_object(" + String.join(", ", a) + ")";
            case "ARRAY_CONSTRUCT":
                return "json_array(" + String.join(", ", a) + ")";
            case "ARRAY_AGG", "ARRAYAGG":
                return "to_json(list(" + a.get(0) + "))";
            case "OBJECT_AGG":
                return "json_group_object(" + String.join(", ", a) + ")";
            case "ARRAY_SIZE":
                return "json_array_length(" + a.get(0) + ")";
            case "OBJECT_KEYS":
                return "to_json(json_keys(" + a.get(0) + "))";
            case "TYPEOF":
                return "(CASE json_type(to_json(" + a.get(0) + ")) WHEN 'OBJECT' THEN 'OBJECT' WHEN 'ARRAY' THEN 'ARRAY' "
                        + "WHEN 'VARCHAR' THEN 'VARCHAR' WHEN 'BIGINT' THEN 'INTEGER' WHEN 'UBIGINT' THEN 'INTEGER' "
                        + "WHEN 'DOUBLE' THEN 'DOUBLE' WHEN 'BOOLEAN' THEN 'BOOLEAN' WHEN 'NULL' THEN 'NULL_VALUE' ELSE 'DECIMAL' END)";
            case "IS_NULL_VALUE":
                return "(json_type(" + a.get(0) + ") = 'NULL')";
            case "STRIP_NULL_VALUE":
                return "(CASE WHEN json_type(" + a.get(0) + ") = 'NULL' THEN NULL ELSE " + a.get(0) + " END)";
            case "IS_OBJECT":
                return "(json_type(" + a.get(0) + ") = 'OBJECT')";
            case "IS_ARRAY":
                return "(json_type(" + a.get(0) + ") = 'ARRAY')";
            case "GET":
                return get(a, literals);
            case "GET_PATH", "JSON_EXTRACT_PATH_TEXT":
                String pointer = pathToPointer(literal(name, literals, 1));
                return (name.equals("GET_PATH") ? "json_extract(" : "json_extract_string(") + a.get(0) + ", "
                        + Translator.literal(pointer) + ")";
            case "SEQ1", "SEQ2", "SEQ4", "SEQ8":
                return "(row_number() OVER () - 1)";
            case "TO_BINARY", "TRY_TO_BINARY": {
                String fmt = a.size() > 1 ? literal(name, literals, 1).toUpperCase(Locale.ROOT) : "HEX";
                return switch (fmt) {
                    case "HEX" -> (name.startsWith("TRY") ? "TRY(unhex(" : "(unhex(") + a.get(0) + "))";
                    case "BASE64" -> "from_base64(" + a.get(0) + ")";
                    case "UTF-8", "UTF8" -> "encode(" + a.get(0) + ")";
                    default -> throw SnowflakeError.compilation("invalid binary format '" + fmt + "'");
                };
            }
            case "UUID_STRING":
                return "CAST(uuid() AS VARCHAR)";
            case "LEN", "LENGTH", "CHAR_LENGTH", "CHARACTER_LENGTH":
                return "length(" + a.get(0) + ")";
            case "STARTSWITH":
                return "starts_with(" + String.join(", ", a) + ")";
            case "ENDSWITH":
                return "ends_with(" + String.join(", ", a) + ")";
            case "CHARINDEX":
                return "instr(" + a.get(1) + ", " + a.get(0) + ")";
            case "REGEXP_REPLACE":
                if (a.size() != 3 && a.size() != 2) {
                    throw SnowflakeError.unsupported("REGEXP_REPLACE with position, occurrence or parameters");
                }
                return "regexp_replace(" + a.get(0) + ", " + a.get(1) + ", " + (a.size() == 3 ? a.get(2) : "''") + ", 'g')";
            case "REGEXP_LIKE":
                return "regexp_full_match(" + a.get(0) + ", " + a.get(1) + ")";
            case "REGEXP_SUBSTR":
                return "NULLIF(regexp_extract(" + a.get(0) + ", " + a.get(1) + "), '')";
            case "SHA2":
                if (a.size() > 1 && !a.get(1).equals("256")) {
                    throw SnowflakeError.unsupported("SHA2 with " + a.get(1) + " bits");
                }
                return "sha256(" + a.get(0) + ")";
            case "LISTAGG":
                return "string_agg(" + a.get(0) + ", " + (a.size() > 1 ? a.get(1) : "''") + ")";
            case "CURRENT_TIMESTAMP", "SYSDATE", "GETDATE", "LOCALTIMESTAMP", "SYSTIMESTAMP":
                return "CURRENT_TIMESTAMP";
            case "CURRENT_DATE":
                return "CURRENT_DATE";
            case "CURRENT_TIME", "LOCALTIME":
                return "CAST(CURRENT_TIMESTAMP AS TIME)";
            case "CURRENT_DATABASE", "CURRENT_SCHEMA", "CURRENT_WAREHOUSE", "CURRENT_ROLE", "CURRENT_USER",
                    "CURRENT_SESSION", "CURRENT_ACCOUNT", "CURRENT_REGION", "CURRENT_VERSION", "LAST_QUERY_ID",
                    "CURRENT_CLIENT": {
                String v = ctx.sessionValue(name);
                return v == null ? "CAST(NULL AS VARCHAR)" : Translator.literal(v);
            }
            case "CONVERT_TIMEZONE":
                if (a.size() == 2) {
                    return "timezone(" + a.get(0) + ", " + a.get(1) + ")";
                }
                throw SnowflakeError.unsupported("CONVERT_TIMEZONE with three arguments");
            default:
                return name.toLowerCase(Locale.ROOT) + "(" + String.join(", ", a) + ")";
        }
    }

    private static void need(String name, List<String> a, int n) {
        if (a.size() != n) {
            throw SnowflakeError.compilation("invalid number of arguments (" + a.size() + ") for function " + name
                    + "; expected " + n);
        }
    }

    private static String literal(String name, List<String> literals, int index) {
        if (index >= literals.size() || literals.get(index) == null) {
            throw SnowflakeError.unsupported(name + " with a non-literal format or path argument");
        }
        return literals.get(index);
    }

    /** TO_/TRY_TO_DECIMAL(expr [, format] [, precision [, scale]]). */
    private String number(String name, List<String> a, List<String> literals) {
        int i = 1;
        if (a.size() > 1 && literals.get(1) != null) {
            throw SnowflakeError.unsupported(name + " with a format argument");
        }
        int p = a.size() > i ? Integer.parseInt(a.get(i)) : 38;
        int s = a.size() > i + 1 ? Integer.parseInt(a.get(i + 1)) : 0;
        return tr.cast(a.get(0), SnowflakeTypes.of("NUMBER", p, s), name.startsWith("TRY"));
    }

    private String bool(String x, boolean tryCast) {
        String v = "lower(trim(" + tr.cast(x, SnowflakeTypes.of("VARCHAR", null, null), false) + "))";
        String fail = tryCast ? "NULL" : "error('Boolean value ''' || " + x + " || ''' is not recognized')";
        return "(CASE WHEN " + x + " IS NULL THEN NULL WHEN " + v + " IN ('true', 't', 'yes', 'y', 'on', '1') THEN TRUE WHEN "
                + v + " IN ('false', 'f', 'no', 'n', 'off', '0') THEN FALSE ELSE " + fail + " END)";
    }

    private String temporal(String type, List<String> a, List<String> literals, boolean tryCast) {
        SnowflakeTypes t = SnowflakeTypes.of(type, null, null);
        if (a.size() == 1) {
            return tr.cast(a.get(0), t, tryCast);
        }
        String fmt = DateFormats.toStrptime(literal("TO_" + type, literals, 1));
        String text = tr.cast(a.get(0), SnowflakeTypes.of("VARCHAR", null, null), false);
        return "CAST(" + (tryCast ? "try_strptime(" : "strptime(") + text + ", " + Translator.literal(fmt) + ") AS " + t.duck() + ")";
    }

    private String get(List<String> a, List<String> literals) {
        need("GET", a, 2);
        if (literals.get(1) != null) {
            return "json_extract(" + a.get(0) + ", " + Translator.literal("/" + literals.get(1).replace("~", "~0").replace("/", "~1")) + ")";
        }
        if (a.get(1).matches("[0-9]+")) {
            return "json_extract(" + a.get(0) + ", '/" + a.get(1) + "')";
        }
        throw SnowflakeError.unsupported("GET with a computed key");
    }

    /** {@code a.b[0].c} or {@code a['x y']} as a JSON pointer. */
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
                sb.append('/').append(inner.replace("~", "~0").replace("/", "~1"));
                i = end + 1;
            } else if (ch == '"') {
                int end = path.indexOf('"', i + 1);
                sb.append('/').append(path.substring(i + 1, end).replace("~", "~0").replace("/", "~1"));
                i = end + 1;
            } else {
                int end = i;
                while (end < path.length() && path.charAt(end) != '.' && path.charAt(end) != '[') {
                    end++;
                }
                sb.append('/').append(path.substring(i, end).replace("~", "~0").replace("/", "~1"));
                i = end;
            }
        }
        return sb.toString();
    }

    private static final Map<String, String> PARTS = Map.ofEntries(
            Map.entry("YEAR", "year"), Map.entry("YEARS", "year"), Map.entry("Y", "year"), Map.entry("YY", "year"),
            Map.entry("YYY", "year"), Map.entry("YYYY", "year"), Map.entry("YR", "year"), Map.entry("YRS", "year"),
            Map.entry("MONTH", "month"), Map.entry("MONTHS", "month"), Map.entry("MM", "month"), Map.entry("MON", "month"),
            Map.entry("MONS", "month"), Map.entry("QUARTER", "quarter"), Map.entry("Q", "quarter"),
            Map.entry("WEEK", "week"), Map.entry("W", "week"), Map.entry("WK", "week"), Map.entry("WEEKS", "week"),
            Map.entry("DAY", "day"), Map.entry("DAYS", "day"), Map.entry("D", "day"), Map.entry("DD", "day"),
            Map.entry("HOUR", "hour"), Map.entry("HOURS", "hour"), Map.entry("H", "hour"), Map.entry("HH", "hour"),
            Map.entry("HR", "hour"), Map.entry("HRS", "hour"),
            Map.entry("MINUTE", "minute"), Map.entry("MINUTES", "minute"), Map.entry("MI", "minute"), Map.entry("MIN", "minute"),
            Map.entry("MINS", "minute"), Map.entry("M", "minute"),
            Map.entry("SECOND", "second"), Map.entry("SECONDS", "second"), Map.entry("S", "second"), Map.entry("SEC", "second"),
            Map.entry("SECS", "second"), Map.entry("MILLISECOND", "millisecond"), Map.entry("MS", "millisecond"),
            Map.entry("MILLISECONDS", "millisecond"), Map.entry("MICROSECOND", "microsecond"), Map.entry("US", "microsecond"),
            Map.entry("MICROSECONDS", "microsecond"), Map.entry("DAYOFWEEK", "dayofweek"), Map.entry("DOW", "dayofweek"),
            Map.entry("DAYOFYEAR", "dayofyear"), Map.entry("DOY", "dayofyear"), Map.entry("EPOCH_SECOND", "epoch"));

    private static String datePart(Token t) {
        if (!(t.is(TokenType.WORD) || t.is(TokenType.STRING))) {
            throw SnowflakeError.compilation("invalid date or time part '" + t.text() + "'");
        }
        return datePart(t.is(TokenType.WORD) ? t.text() : t.value());
    }

    private static String datePart(String part) {
        String p = PARTS.get(part.toUpperCase(Locale.ROOT));
        if (p == null) {
            throw SnowflakeError.compilation("invalid date or time part '" + part + "'");
        }
        return p;
    }

    private static String datePartFunction(String name, String part, List<String> a) {
        switch (name) {
            case "DATEADD", "TIMESTAMPADD": {
                need(name, a, 2);
                String n = "CAST(" + a.get(0) + " AS BIGINT)";
                String unit = part.toUpperCase(Locale.ROOT);
                if (unit.equals("QUARTER")) {
                    n = "3 * " + n;
                    unit = "MONTH";
                }
                return "(" + a.get(1) + " + " + n + " * INTERVAL 1 " + unit + ")";
            }
            case "DATEDIFF", "TIMESTAMPDIFF":
                need(name, a, 2);
                return "date_diff('" + part + "', " + a.get(0) + ", " + a.get(1) + ")";
            case "DATE_TRUNC":
                need(name, a, 1);
                return "date_trunc('" + part + "', " + a.get(0) + ")";
            default:
                need(name, a, 1);
                return "date_part('" + part + "', " + a.get(0) + ")";
        }
    }
}

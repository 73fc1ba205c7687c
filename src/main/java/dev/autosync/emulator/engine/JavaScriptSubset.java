package dev.autosync.emulator.engine;

import dev.autosync.emulator.base.SnowflakeError;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The part of a JavaScript stored procedure body the emulator runs ("Writing stored procedures in
 * JavaScript"): statements {@code snowflake.execute({sqlText: '<sql>'})} (optionally assigned to a
 * variable), {@code var|let|const x = <constant>}, and {@code return <constant or variable>}. There is
 * no JavaScript engine here: any other statement is refused by name when the procedure is called.
 */
final class JavaScriptSubset {
    private static final String STRING = "'(?:[^'\\\\]|\\\\.)*'|\"(?:[^\"\\\\]|\\\\.)*\"";
    private static final Pattern EXECUTE = Pattern.compile(
            "(?:(?:var|let|const)\\s+\\w+\\s*=\\s*)?snowflake\\.execute\\(\\s*\\{\\s*sqlText\\s*:\\s*(" + STRING + ")\\s*}\\s*\\)",
            Pattern.DOTALL);
    private static final Pattern ASSIGN = Pattern.compile("(?:var|let|const)\\s+(\\w+)\\s*=\\s*(.+)", Pattern.DOTALL);
    private static final Pattern RETURN = Pattern.compile("return\\s*(.*)", Pattern.DOTALL);

    private JavaScriptSubset() {
    }

    static Object run(String body, Session session, StatementRunner runner) {
        Map<String, Object> vars = new HashMap<>();
        for (String statement : statements(body)) {
            Matcher m;
            if ((m = EXECUTE.matcher(statement)).matches()) {
                runner.run(session, unquote(m.group(1)), List.of());
            } else if ((m = RETURN.matcher(statement)).matches()) {
                return value(m.group(1).strip(), vars);
            } else if ((m = ASSIGN.matcher(statement)).matches()) {
                vars.put(m.group(1), value(m.group(2).strip(), vars));
            } else {
                throw unsupported(statement);
            }
        }
        return null;
    }

    private static Object value(String expr, Map<String, Object> vars) {
        if (expr.isEmpty() || expr.equals("null") || expr.equals("undefined")) {
            return null;
        }
        if (expr.matches(STRING)) {
            return unquote(expr);
        }
        if (expr.matches("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?")) {
            return Double.parseDouble(expr);
        }
        if (expr.equals("true") || expr.equals("false")) {
            return Boolean.parseBoolean(expr);
        }
        if (vars.containsKey(expr)) {
            return vars.get(expr);
        }
        throw unsupported(expr);
    }

    private static SnowflakeError unsupported(String what) {
        String shown = what.length() > 60 ? what.substring(0, 60) + "..." : what;
        return SnowflakeError.unsupported("JavaScript in stored procedures beyond snowflake.execute({sqlText: ...}), var x = <constant>"
                + " and return <constant> (here: " + shown.replace('\n', ' ') + ")");
    }

    private static String unquote(String literal) {
        String inner = literal.substring(1, literal.length() - 1);
        return inner.replaceAll("\\\\(.)", "$1");
    }

    /** The body split at semicolons outside strings, without empty statements and comments. */
    private static List<String> statements(String body) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        char quote = 0;
        for (int i = 0; i < body.length(); i++) {
            char ch = body.charAt(i);
            if (quote != 0) {
                cur.append(ch);
                if (ch == '\\' && i + 1 < body.length()) {
                    cur.append(body.charAt(++i));
                } else if (ch == quote) {
                    quote = 0;
                }
            } else if (ch == '\'' || ch == '"') {
                quote = ch;
                cur.append(ch);
            } else if (ch == '/' && i + 1 < body.length() && body.charAt(i + 1) == '/') {
                while (i < body.length() && body.charAt(i) != '\n') {
                    i++;
                }
            } else if (ch == ';') {
                add(out, cur);
            } else {
                cur.append(ch);
            }
        }
        add(out, cur);
        return out;
    }

    private static void add(List<String> out, StringBuilder cur) {
        String s = cur.toString().strip();
        if (!s.isEmpty()) {
            out.add(s);
        }
        cur.setLength(0);
    }
}

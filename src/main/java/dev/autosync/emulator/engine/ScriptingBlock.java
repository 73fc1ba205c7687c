package dev.autosync.emulator.engine;

import dev.autosync.emulator.base.SnowflakeError;
import dev.autosync.emulator.sql.Cursor;
import dev.autosync.emulator.sql.Translator;
import dev.autosync.sql.Token;
import dev.autosync.sql.TokenType;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A Snowflake Scripting procedure body ("Snowflake Scripting developer guide": blocks, variables,
 * exceptions), in the subset the emulator runs: {@code [DECLARE name type [DEFAULT | := expr]; ...]
 * BEGIN ... [EXCEPTION WHEN OTHER THEN ...] END}, with SQL statements (variables bound as
 * {@code :name}), {@code name := expr}, {@code LET name [type] := expr}, nested blocks, {@code RETURN expr},
 * {@code RAISE} (re-raise in a handler) and NULL. SQLCODE, SQLERRM and SQLSTATE are set in a handler.
 * IF, CASE, loops, cursors and named exceptions are refused by name.
 */
final class ScriptingBlock {
    private static final Set<String> UNSUPPORTED = Set.of("IF", "FOR", "WHILE", "LOOP", "REPEAT", "CASE", "OPEN", "FETCH",
            "CLOSE", "BREAK", "CONTINUE", "AWAIT", "CANCEL");

    private final Session session;
    private final StatementRunner runner;
    private final Map<String, Object> vars = new LinkedHashMap<>();

    /** The value RETURN gives, carried out of nested blocks. */
    private static final class Returned extends RuntimeException {
        final Object value;

        Returned(Object value) {
            super(null, null, false, false);
            this.value = value;
        }
    }

    ScriptingBlock(Session session, StatementRunner runner, Map<String, Object> arguments) {
        this.session = session;
        this.runner = runner;
        this.vars.putAll(arguments);
    }

    /** Runs the body; returns what RETURN gave (null without RETURN). */
    Object run(String body) {
        List<Token> tokens = tokens(body);
        try {
            int end = block(body, tokens, 0, null);
            if (end < tokens.size() && !tokens.get(end).is(TokenType.SEMICOLON)) {
                throw SnowflakeError.compilation("unexpected '" + tokens.get(end).text() + "' after the procedure's END");
            }
        } catch (Returned r) {
            return r.value;
        }
        return null;
    }

    private static List<Token> tokens(String body) {
        Cursor c = new Cursor(body);
        List<Token> out = new ArrayList<>();
        while (!c.peek().is(TokenType.END)) {
            out.add(c.next());
        }
        out.add(c.peek());
        return out;
    }

    /** Runs the block starting at {@code i} (DECLARE or BEGIN); returns the index after its END. */
    private int block(String body, List<Token> t, int i, SnowflakeError current) {
        if (t.get(i).isWord("DECLARE")) {
            i++;
            while (!t.get(i).isWord("BEGIN")) {
                int end = statementEnd(t, i);
                declare(body, t, i, end);
                i = end + 1;
            }
        }
        if (!t.get(i).isWord("BEGIN")) {
            throw SnowflakeError.compilation("a Snowflake Scripting block starts with DECLARE or BEGIN");
        }
        i++;
        List<int[]> statements = new ArrayList<>();
        while (!t.get(i).isWord("END") && !t.get(i).isWord("EXCEPTION")) {
            int end = statementEnd(t, i);
            statements.add(new int[] {i, end});
            i = end + 1;
        }
        List<int[]> handler = null;
        if (t.get(i).isWord("EXCEPTION")) {
            i++;
            if (!(t.get(i).isWord("WHEN") && t.get(i + 1).isWordIn("OTHER", "OTHERS") && t.get(i + 2).isWord("THEN"))) {
                throw SnowflakeError.unsupported("exception handlers other than WHEN OTHER THEN in Snowflake Scripting");
            }
            i += 3;
            handler = new ArrayList<>();
            while (!t.get(i).isWord("END")) {
                if (t.get(i).isWord("WHEN")) {
                    throw SnowflakeError.unsupported("more than one exception handler in Snowflake Scripting");
                }
                int end = statementEnd(t, i);
                handler.add(new int[] {i, end});
                i = end + 1;
            }
        }
        i++; // END
        try {
            for (int[] s : statements) {
                statement(body, t, s[0], s[1], current);
            }
        } catch (SnowflakeError e) {
            if (handler == null) {
                throw e;
            }
            Object code = vars.get("SQLCODE");
            Object errm = vars.get("SQLERRM");
            Object state = vars.get("SQLSTATE");
            vars.put("SQLCODE", Long.parseLong(e.code()));
            vars.put("SQLERRM", e.getMessage());
            vars.put("SQLSTATE", e.sqlState());
            try {
                for (int[] s : handler) {
                    statement(body, t, s[0], s[1], e);
                }
            } finally {
                vars.put("SQLCODE", code);
                vars.put("SQLERRM", errm);
                vars.put("SQLSTATE", state);
            }
        }
        return i;
    }

    /** The index of the semicolon ending the statement at {@code i} (blocks inside it included). */
    private static int statementEnd(List<Token> t, int i) {
        int depth = 0;
        for (int j = i; j < t.size(); j++) {
            Token k = t.get(j);
            if (isBlockStart(t, j) || k.isWord("CASE")) {
                depth++;
            } else if (k.isWord("END") && !(j + 1 < t.size() && t.get(j + 1).isWordIn("IF", "FOR", "LOOP", "WHILE", "REPEAT", "CASE"))) {
                depth--;
            } else if (k.is(TokenType.SEMICOLON) && depth <= 0) {
                return j;
            }
            if (depth < 0) {
                throw SnowflakeError.compilation("missing ';' before END in Snowflake Scripting");
            }
        }
        throw SnowflakeError.compilation("missing END in Snowflake Scripting");
    }

    /** BEGIN opening a block (not BEGIN [TRANSACTION | WORK | NAME] ending in ';'), or DECLARE. */
    private static boolean isBlockStart(List<Token> t, int j) {
        Token k = t.get(j);
        if (k.isWord("DECLARE")) {
            return true;
        }
        if (!k.isWord("BEGIN")) {
            return false;
        }
        Token next = j + 1 < t.size() ? t.get(j + 1) : null;
        return next != null && !next.is(TokenType.SEMICOLON) && !next.isWordIn("TRANSACTION", "WORK", "NAME");
    }

    private void declare(String body, List<Token> t, int from, int end) {
        String name = t.get(from).identifierName().toUpperCase(Locale.ROOT);
        int value = -1;
        for (int j = from + 1; j < end; j++) {
            if (t.get(j).isWord("DEFAULT")) {
                value = j + 1;
                break;
            }
            if (assignAt(t, j) > 0) {
                value = assignAt(t, j);
                break;
            }
            if (t.get(j).isWordIn("CURSOR", "RESULTSET", "EXCEPTION")) {
                throw SnowflakeError.unsupported(t.get(j).upper() + " declarations in Snowflake Scripting");
            }
        }
        vars.put(name, value < 0 ? null : evaluate(text(body, t, value, end)));
    }

    /** Index after {@code :=} when it starts at {@code j}, else -1. */
    private static int assignAt(List<Token> t, int j) {
        Token k = t.get(j);
        if (k.isOperator(":=")) {
            return j + 1;
        }
        if (k.isOperator(":") && j + 1 < t.size() && t.get(j + 1).isOperator("=")) {
            return j + 2;
        }
        return -1;
    }

    private void statement(String body, List<Token> t, int from, int end, SnowflakeError current) {
        if (from == end) {
            return;
        }
        Token first = t.get(from);
        if (isBlockStart(t, from)) {
            block(body, t, from, current);
            return;
        }
        String word = first.upper();
        if (word.equals("RETURN")) {
            throw new Returned(from + 1 == end ? null : evaluate(text(body, t, from + 1, end)));
        }
        if (word.equals("NULL") && from + 1 == end) {
            return;
        }
        if (word.equals("RAISE")) {
            if (from + 1 != end || current == null) {
                throw SnowflakeError.unsupported("RAISE of a named exception in Snowflake Scripting");
            }
            throw current;
        }
        if (word.equals("LET")) {
            int j = from + 2;
            while (j < end && assignAt(t, j) < 0 && !t.get(j).isWord("DEFAULT")) {
                j++;
            }
            int value = t.get(j).isWord("DEFAULT") ? j + 1 : assignAt(t, j);
            if (value < 0) {
                throw SnowflakeError.unsupported("LET without a value in Snowflake Scripting");
            }
            vars.put(t.get(from + 1).identifierName().toUpperCase(Locale.ROOT), evaluate(text(body, t, value, end)));
            return;
        }
        if (from + 1 < end && first.isIdentifier() && assignAt(t, from + 1) > 0) {
            vars.put(first.identifierName().toUpperCase(Locale.ROOT), evaluate(text(body, t, assignAt(t, from + 1), end)));
            return;
        }
        if (UNSUPPORTED.contains(word)) {
            throw SnowflakeError.unsupported(word + " in Snowflake Scripting");
        }
        runner.run(session, bind(text(body, t, from, end), false), List.of());
    }

    private Object evaluate(String expression) {
        Result r = runner.run(session, "SELECT " + bind(expression, true), List.of());
        return r.rows().isEmpty() ? null : r.rows().get(0)[0];
    }

    /** The text with each {@code :var} (and, in an expression, each bare variable name) replaced by its value. */
    private String bind(String text, boolean expression) {
        Cursor c = new Cursor(text);
        StringBuilder out = new StringBuilder();
        int copied = 0;
        while (!c.peek().is(TokenType.END)) {
            Token k = c.next();
            String name = null;
            int start = k.offset();
            int stop = k.offset() + k.text().length();
            if (k.isOperator(":") && c.peek().isIdentifier() && vars.containsKey(c.peek().identifierName().toUpperCase(Locale.ROOT))) {
                Token v = c.next();
                name = v.identifierName().toUpperCase(Locale.ROOT);
                stop = v.offset() + v.text().length();
            } else if (expression && k.is(TokenType.WORD) && vars.containsKey(k.upper())) {
                name = k.upper();
            }
            if (name != null) {
                out.append(text, copied, start).append(literal(vars.get(name)));
                copied = stop;
            }
        }
        return out.append(text.substring(copied)).toString();
    }

    private static String literal(Object v) {
        if (v == null) {
            return "NULL";
        }
        if (v instanceof Number || v instanceof Boolean) {
            return String.valueOf(v);
        }
        return Translator.literal(String.valueOf(v));
    }

    private static String text(String body, List<Token> t, int from, int end) {
        Token last = t.get(end - 1);
        return body.substring(t.get(from).offset(), last.offset() + last.text().length());
    }
}

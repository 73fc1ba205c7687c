package dev.autosync.emulator.engine;

import dev.autosync.emulator.base.SnowflakeError;
import dev.autosync.emulator.sql.Cursor;
import dev.autosync.emulator.sql.Translator;
import dev.autosync.sql.SqlLexer;
import dev.autosync.sql.Token;
import dev.autosync.sql.TokenType;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Session variables (docs: sql-reference/session-variables, sql/set, sql/unset, sql/show-variables):
 * {@code SET v = expr}, {@code SET (a, b) = (x, y)} (every right side evaluated before any is assigned),
 * {@code UNSET v}, {@code UNSET (a, b)}, {@code SHOW VARIABLES}; read back as {@code $v} (the translator)
 * and in object names through {@code IDENTIFIER($v)} / {@code TABLE($v)} (see {@link #identifiers}).
 */
final class SessionVariables {
    private static final Set<String> NUMERIC = Set.of("TINYINT", "SMALLINT", "INTEGER", "BIGINT", "HUGEINT", "UTINYINT",
            "USMALLINT", "UINTEGER", "UBIGINT");

    private SessionVariables() {
    }

    static Result set(StatementContext st) throws SQLException {
        Cursor c = st.cursor();
        c.expect("SET");
        List<String> names = new ArrayList<>();
        boolean list = c.peek().is(TokenType.LEFT_PAREN);
        if (list) {
            c.next();
            do {
                names.add(c.next().identifierName());
            } while (c.accept(TokenType.COMMA));
            c.expect(TokenType.RIGHT_PAREN);
        } else {
            names.add(c.next().identifierName());
        }
        c.expectOperator("=");
        List<String> values = new ArrayList<>();
        Translator tr = st.translator();
        if (list) {
            c.expect(TokenType.LEFT_PAREN);
            do {
                values.add(tr.expression(Set.of(), true));
            } while (c.accept(TokenType.COMMA));
            c.expect(TokenType.RIGHT_PAREN);
        } else {
            values.add(tr.expression(Set.of(), true));
        }
        if (!c.atEnd()) {
            throw c.unexpected();
        }
        if (values.size() != names.size()) {
            throw SnowflakeError.compilation("Assignment of " + values.size() + " values to " + names.size() + " variables");
        }
        Session s = st.session();
        long now = System.currentTimeMillis();
        try (Statement q = s.conn().createStatement(); ResultSet rs = q.executeQuery("SELECT " + String.join(", ", values))) {
            rs.next();
            ResultSetMetaData md = rs.getMetaData();
            List<Session.Variable> assigned = new ArrayList<>();
            for (int i = 0; i < names.size(); i++) {
                Session.Variable old = s.variables().get(names.get(i));
                assigned.add(variable(names.get(i), rs.getString(i + 1), md.getColumnTypeName(i + 1),
                        old == null ? now : old.createdOn(), now));
            }
            assigned.forEach(v -> s.variables().put(v.name(), v));
        }
        return Result.status(StatementKind.ALTER_SESSION, "Statement executed successfully.");
    }

    static Result unset(StatementContext st) {
        Cursor c = st.cursor();
        c.expect("UNSET");
        boolean list = c.peek().is(TokenType.LEFT_PAREN);
        if (list) {
            c.next();
        }
        do {
            st.session().variables().remove(c.next().identifierName());
        } while (list && c.accept(TokenType.COMMA));
        if (list) {
            c.expect(TokenType.RIGHT_PAREN);
        }
        if (!c.atEnd()) {
            throw c.unexpected();
        }
        return Result.status(StatementKind.ALTER_SESSION, "Statement executed successfully.");
    }

    /** SHOW VARIABLES [LIKE ...]: one row a variable, ordered by name (UNVERIFIED: the page shows no order). */
    static Result show(Session s, Predicate<String> like) {
        List<ResultColumn> cols = List.of(ResultColumn.number("session_id"), new ResultColumn("created_on", SfType.TIMESTAMP_LTZ),
                new ResultColumn("updated_on", SfType.TIMESTAMP_LTZ), ResultColumn.text("name"), ResultColumn.text("value"),
                ResultColumn.text("type"), ResultColumn.text("comment"));
        List<Object[]> rows = new ArrayList<>();
        s.variables().values().stream().filter(v -> like.test(v.name())).sorted(Comparator.comparing(Session.Variable::name))
                .forEach(v -> rows.add(new Object[] {Math.abs((long) s.id().hashCode()), new java.sql.Timestamp(v.createdOn()),
                        new java.sql.Timestamp(v.updatedOn()), v.name(), v.text(), v.type(), ""}));
        return new Result(StatementKind.SHOW, cols, rows);
    }

    /** A variable from the value DuckDB computed: a literal of the same type, and the Snowflake type name SHOW VARIABLES prints. */
    static Session.Variable variable(String name, String text, String duckType, long created, long updated) {
        String type = duckType.toUpperCase(Locale.ROOT);
        String sql;
        String sfType;
        if (text == null) {
            sql = "NULL";
            sfType = "NULL";
        } else if (NUMERIC.contains(type) || type.startsWith("DECIMAL")) {
            sql = "(" + text + ")";
            sfType = "fixed";
        } else if (type.equals("DOUBLE") || type.equals("FLOAT")) {
            sql = "CAST('" + text + "' AS DOUBLE)";
            sfType = "real";
        } else if (type.equals("BOOLEAN")) {
            sql = text.equalsIgnoreCase("true") ? "TRUE" : "FALSE";
            sfType = "boolean";
        } else if (type.equals("VARCHAR")) {
            sql = Translator.literal(text);
            sfType = "text";
        } else {
            sql = "CAST(" + Translator.literal(text) + " AS " + duckType + ")";
            sfType = type.toLowerCase(Locale.ROOT);
        }
        return new Session.Variable(name, sql, text, sfType, created, updated);
    }

    /**
     * The statement with {@code IDENTIFIER('name')}, {@code IDENTIFIER($v)} and, in FROM, {@code TABLE($v)} replaced by
     * the object name they hold (identifier-literal page): the name is then read like any written name, so every
     * statement accepts it where a name goes.
     */
    static String identifiers(String sql, Map<String, Session.Variable> variables) {
        String upper = sql.toUpperCase(Locale.ROOT);
        if (!upper.contains("IDENTIFIER") && !upper.contains("TABLE")) {
            return sql;
        }
        List<Token> tokens = SqlLexer.significant(sql);
        StringBuilder out = new StringBuilder();
        int copied = 0;
        for (int i = 0; i + 3 < tokens.size(); i++) {
            Token t = tokens.get(i);
            boolean identifier = t.isWord("IDENTIFIER");
            boolean table = t.isWord("TABLE") && i > 0 && (tokens.get(i - 1).isWordIn("FROM", "JOIN")
                    || tokens.get(i - 1).is(TokenType.COMMA));
            if (!(identifier || table) || !tokens.get(i + 1).is(TokenType.LEFT_PAREN)) {
                continue;
            }
            Token arg = tokens.get(i + 2);
            String name;
            int close;
            if (identifier && arg.is(TokenType.STRING)) {
                name = arg.value();
                close = i + 3;
            } else if (arg.text().equals("$") && i + 4 < tokens.size() && tokens.get(i + 3).is(TokenType.WORD)) {
                String var = tokens.get(i + 3).identifierName();
                Session.Variable v = variables.get(var);
                if (v == null) {
                    throw new SnowflakeError("002211", "02000", "SQL compilation error: error line " + t.line() + " at position "
                            + (t.column() - 1) + "\nSession variable '$" + var + "' does not exist");
                }
                name = v.text();
                close = i + 4;
            } else {
                continue;
            }
            if (close >= tokens.size() || !tokens.get(close).is(TokenType.RIGHT_PAREN) || name == null) {
                continue;
            }
            out.append(sql, copied, t.offset()).append(name);
            copied = tokens.get(close).offset() + 1;
            i = close;
        }
        return copied == 0 ? sql : out.append(sql.substring(copied)).toString();
    }
}

package dev.autosync.emulator.engine;

import dev.autosync.emulator.base.Names;
import dev.autosync.emulator.base.SnowflakeError;
import dev.autosync.emulator.sql.Cursor;
import dev.autosync.emulator.sql.SnowflakeTypes;
import dev.autosync.emulator.sql.Translator;
import dev.autosync.sql.Token;
import dev.autosync.sql.TokenType;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * SQL user-defined functions (create-function and identifier-literal pages): {@code CREATE [OR REPLACE] FUNCTION
 * f(a TYPE, ...) RETURNS TYPE [LANGUAGE SQL] AS '<expression>'} becomes a DuckDB macro in the function's schema,
 * its body translated as a Snowflake expression (or a scalar query) over the arguments and cast to the declared
 * type; a call resolves like a table name (the session's database and schema for an unqualified one). Table
 * functions (RETURNS TABLE) and other languages are refused by name. One function per name (UNVERIFIED:
 * Snowflake overloads by argument types).
 */
final class UserFunctions {
    /** "DuckDB schema\0encoded name" of each macro made here; read from DuckDB once, then kept current. */
    private final Set<String> known = ConcurrentHashMap.newKeySet();
    private volatile boolean loaded;

    /** Whether the statement at the cursor is CREATE [OR REPLACE] [SECURE] [TEMPORARY] FUNCTION. */
    static boolean isCreate(Cursor c) {
        return CreateHeader.isCreateOf(c, "FUNCTION");
    }

    Result create(StatementContext st) throws SQLException {
        Cursor c = st.cursor();
        CreateHeader h = CreateHeader.parse(c);
        ObjectRef ref = st.name("CREATE FUNCTION");
        List<String> parameters = new ArrayList<>();
        c.expect(TokenType.LEFT_PAREN);
        if (!c.accept(TokenType.RIGHT_PAREN)) {
            do {
                parameters.add(c.next().identifierName());
                SnowflakeTypes.parse(c);
                if (c.accept("DEFAULT")) {
                    throw SnowflakeError.unsupported("function arguments with DEFAULT");
                }
            } while (c.accept(TokenType.COMMA));
            c.expect(TokenType.RIGHT_PAREN);
        }
        c.expect("RETURNS");
        if (c.isWord("TABLE")) {
            throw SnowflakeError.unsupported("CREATE FUNCTION ... RETURNS TABLE");
        }
        SnowflakeTypes type = SnowflakeTypes.parse(c);
        while (!c.isWord("AS") && !c.atEnd()) {
            if (c.accept("LANGUAGE")) {
                String language = c.next().upper();
                if (!language.equals("SQL")) {
                    throw SnowflakeError.unsupported("functions in LANGUAGE " + language);
                }
            } else {
                c.next(); // NOT NULL, STRICT, IMMUTABLE, MEMOIZABLE, COMMENT = '...': kept nowhere
            }
        }
        c.expect("AS");
        Token body = c.expect(TokenType.STRING);
        if (!c.atEnd()) {
            throw c.unexpected();
        }
        Translator tr = st.translator(new Cursor(body.value().strip()));
        String sql = tr.cursor().isWord("SELECT") || tr.cursor().isWord("WITH") ? "(" + tr.query(false) + ")"
                : tr.expression(Set.of(), true);
        if (!tr.cursor().atEnd()) {
            throw tr.cursor().unexpected();
        }
        Session s = st.session();
        String macro = Names.qualified(ref.db(), ref.schema(), ref.name());
        List<String> quoted = parameters.stream().map(Names::quote).toList();
        boolean exists = find(s.conn(), ref) != null;
        if (exists && h.ifNotExists()) {
            return Result.ddl("Function " + ref.name() + " successfully created.");
        }
        if (exists && !h.orReplace()) {
            throw new SnowflakeError("002002", "42710", "SQL compilation error:\nObject '" + Names.display(ref.name())
                    + "' already exists.");
        }
        try (Statement stmt = s.conn().createStatement()) {
            stmt.execute("CREATE OR REPLACE MACRO " + macro + "(" + String.join(", ", quoted) + ") AS CAST((" + sql
                    + ") AS " + type.duck() + ")");
        }
        known.add(key(ref));
        return Result.ddl("Function " + ref.name() + " successfully created.");
    }

    /** The DuckDB name of the SQL UDF {@code ref}, or null when there is none. */
    String find(Connection conn, ObjectRef ref) {
        if (!loaded) {
            load(conn);
        }
        return known.contains(key(ref)) ? Names.qualified(ref.db(), ref.schema(), ref.name()) : null;
    }

    private synchronized void load(Connection conn) {
        if (loaded) {
            return;
        }
        try (Statement s = conn.createStatement();
             ResultSet rs = s.executeQuery("SELECT schema_name, function_name FROM duckdb_functions() "
                     + "WHERE function_type = 'macro' AND NOT internal")) {
            while (rs.next()) {
                known.add(rs.getString(1) + "\0" + rs.getString(2));
            }
        } catch (SQLException e) {
            return; // looked up again next time
        }
        loaded = true;
    }

    private static String key(ObjectRef ref) {
        String schema = Names.schema(ref.db(), ref.schema());
        return schema.substring(1, schema.length() - 1) + "\0" + Names.encode(ref.name());
    }
}

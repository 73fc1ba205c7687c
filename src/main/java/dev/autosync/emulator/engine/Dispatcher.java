package dev.autosync.emulator.engine;

import dev.autosync.emulator.base.Names;
import dev.autosync.emulator.base.SnowflakeError;
import dev.autosync.emulator.sql.Cursor;
import dev.autosync.sql.Token;
import dev.autosync.sql.TokenType;

import java.sql.PreparedStatement;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs one statement: opens it (cursor, names, translation), hands it by its first word to the
 * command that implements it, turns DuckDB's errors into Snowflake's, and drops the statement's
 * temporary relations when it ends.
 */
final class Dispatcher {
    private final Translation translation;
    private final Queries queries;
    private final Ddl ddl;
    private final DropCommand drop;
    private final UseCommand use;
    private final Show show;
    private final Describe describe;
    private final StageCommands stageCommands;
    private final CopyCommand copy;
    private final Scripting scripting;
    private final TaskDdl tasks;
    private final Privileges privileges;
    private final Procedures procedures;

    Dispatcher(Translation translation, Queries queries, Ddl ddl, DropCommand drop, UseCommand use, Show show, Describe describe,
               StageCommands stageCommands, CopyCommand copy, Scripting scripting, TaskDdl tasks, Privileges privileges,
               Procedures procedures) {
        this.procedures = procedures;
        this.privileges = privileges;
        this.translation = translation;
        this.queries = queries;
        this.ddl = ddl;
        this.drop = drop;
        this.use = use;
        this.show = show;
        this.describe = describe;
        this.stageCommands = stageCommands;
        this.copy = copy;
        this.scripting = scripting;
        this.tasks = tasks;
    }

    /** Runs {@code sql}; statements it runs in turn (a scripting block's) go through {@code nested}. */
    Result run(Session session, String sql, List<Object> binds, StatementRunner nested) {
        try (RunningStatement st = RunningStatement.open(translation, session, sql, binds)) {
            return dispatch(st, nested);
        } catch (SQLException e) {
            throw ErrorMapper.map(e);
        }
    }

    private Result dispatch(RunningStatement st, StatementRunner nested) throws SQLException {
        Cursor c = st.cursor();
        Token first = c.peek();
        if (first.is(TokenType.LEFT_PAREN)) {
            return queries.select(st);
        }
        if (!first.is(TokenType.WORD)) {
            throw c.unexpected();
        }
        if (!first.isWord("SELECT") && !first.isWord("WITH") && !first.isWord("VALUES")) {
            // anything but a query may change what the session's kept query plans assumed (PreparedQueries)
            st.session().preparedQueries().clear();
        }
        switch (first.upper()) {
            case "SELECT", "WITH", "VALUES":
                return queries.select(st);
            case "INSERT", "UPDATE", "DELETE", "MERGE", "TRUNCATE":
                return queries.dml(st);
            case "CREATE":
                if (c.peek(1).isWord("ROLE") || c.peek(1).isWord("OR") && c.peek(3).isWord("ROLE")) {
                    return privileges.createRole(st);
                }
                if (Procedures.isCreate(c)) {
                    return procedures.create(st);
                }
                if (UserFunctions.isCreate(c)) {
                    return translation.userFunctions().create(st);
                }
                return ddl.create(st);
            case "ALTER":
                return ddl.alter(st);
            case "DROP":
                return drop.run(st);
            case "COMMENT":
                return ddl.commentOn(st);
            case "USE":
                return use.run(st);
            case "SHOW":
                if (c.peek(1).isWord("GRANTS")) {
                    return privileges.showGrants(st);
                }
                return show.run(st);
            case "DESC", "DESCRIBE":
                return describe.run(st);
            case "PUT", "GET", "LIST", "LS", "REMOVE", "RM":
                return stageCommands.run(st);
            case "COPY":
                return copy.run(st);
            case "BEGIN", "START", "COMMIT", "ROLLBACK", "DECLARE":
                return scripting.run(st, nested);
            case "EXECUTE":
                if (c.peek(1).isWord("TASK")) {
                    return tasks.execute(st);
                }
                return scripting.run(st, nested);
            case "GRANT", "REVOKE":
                return privileges.grant(st);
            case "CALL":
                return procedures.call(st, nested);
            case "UNDROP":
                throw SnowflakeError.unsupported("UNDROP");
            case "SET":
                return SessionVariables.set(st);
            case "UNSET":
                return SessionVariables.unset(st);
            default:
                throw c.unexpected();
        }
    }

    private static final java.util.Set<String> VERBS = java.util.Set.of("SELECT", "WITH", "VALUES", "INSERT", "UPDATE", "DELETE",
            "MERGE", "TRUNCATE", "CREATE", "ALTER", "DROP", "COMMENT", "USE", "SHOW", "DESC", "DESCRIBE", "PUT", "GET", "LIST",
            "LS", "REMOVE", "RM", "COPY", "BEGIN", "START", "COMMIT", "ROLLBACK", "DECLARE", "EXECUTE", "GRANT", "REVOKE",
            "CALL", "UNDROP", "SET", "UNSET");

    /** A syntax error (001003) when {@code sql} does not start as any statement does, before anything runs. */
    static void requireKnownStatement(String sql) {
        dev.autosync.emulator.sql.Cursor c = new dev.autosync.emulator.sql.Cursor(sql);
        Token first = c.peek();
        if (first.is(TokenType.LEFT_PAREN) || first.is(TokenType.WORD) && VERBS.contains(first.upper())) {
            return;
        }
        throw c.unexpected();
    }

    /** The columns a query would return, from DuckDB's prepared-statement metadata, without running it. */
    Result describeQuery(Session session, String sql) {
        try (RunningStatement st = RunningStatement.open(translation, session, sql, List.of())) {
            String duck = st.translator().resultQuery();
            try (PreparedStatement ps = session.conn().prepareStatement(duck)) {
                ResultSetMetaData md = ps.getMetaData();
                List<ResultColumn> cols = new ArrayList<>();
                for (int i = 1; md != null && i <= md.getColumnCount(); i++) {
                    cols.add(new ResultColumn(Names.decode(md.getColumnLabel(i)), SfType.fromDuck(md.getColumnTypeName(i))));
                }
                return ResultTables.foldOffsets(StatementKind.SELECT, cols, new ArrayList<>(), session.parameter("TIMEZONE"));
            }
        } catch (SQLException e) {
            throw ErrorMapper.map(e);
        }
    }
}

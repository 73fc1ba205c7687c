package dev.autosync.emulator.engine;

import dev.autosync.emulator.base.SnowflakeError;

import dev.autosync.emulator.sql.Cursor;
import dev.autosync.emulator.sql.Splitter;
import dev.autosync.sql.Token;
import dev.autosync.sql.TokenType;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Transactions (BEGIN, COMMIT, ROLLBACK) and the part of Snowflake Scripting a task body needs:
 * {@code BEGIN <statements>; ... END} blocks with transactions inside and RETURN, and
 * EXECUTE IMMEDIATE. Other scripting constructs (DECLARE, LET, IF, loops, EXCEPTION) are refused
 * by name. A block that fails rolls back the transaction it opened.
 */
final class Scripting {
    private static final Set<String> UNSUPPORTED = Set.of("LET", "IF", "FOR", "WHILE", "LOOP", "REPEAT", "CASE", "DECLARE",
            "RAISE", "CALL", "OPEN", "FETCH", "CLOSE", "BREAK", "CONTINUE");

    private final StatementExecutor x;

    Scripting(StatementExecutor x) {
        this.x = x;
    }

    Result run() throws SQLException {
        Cursor c = x.c;
        String first = c.next().upper();
        switch (first) {
            case "COMMIT" -> {
                c.accept("WORK");
                commit();
                return Result.status(StatementKind.TCL, "Statement executed successfully.");
            }
            case "ROLLBACK" -> {
                c.accept("WORK");
                rollback();
                return Result.status(StatementKind.TCL, "Statement executed successfully.");
            }
            case "START" -> {
                c.expect("TRANSACTION");
                begin();
                return Result.status(StatementKind.TCL, "Statement executed successfully.");
            }
            case "DECLARE" -> throw SnowflakeError.unsupported("DECLARE sections in Snowflake Scripting");
            case "EXECUTE" -> {
                c.expect("IMMEDIATE");
                Token text = c.next();
                if (!text.is(TokenType.STRING)) {
                    throw SnowflakeError.unsupported("EXECUTE IMMEDIATE of anything but a string literal");
                }
                if (!c.atEnd()) {
                    throw SnowflakeError.unsupported("EXECUTE IMMEDIATE ... USING");
                }
                return runText(text.value());
            }
            default -> {
                Token next = c.peek();
                if (c.atEnd() || next.isWord("TRANSACTION") || next.isWord("WORK") || next.isWord("NAME")) {
                    begin();
                    return Result.status(StatementKind.TCL, "Statement executed successfully.");
                }
                return block(x.sql);
            }
        }
    }

    private Result runText(String text) {
        String t = text.strip();
        String upper = t.toUpperCase(Locale.ROOT);
        if (upper.startsWith("DECLARE")) {
            throw SnowflakeError.unsupported("DECLARE sections in Snowflake Scripting");
        }
        List<String> statements = Splitter.split(t);
        Result last = Result.status(StatementKind.SELECT, "Statement executed successfully.");
        for (String st : statements) {
            last = x.engine.executeOne(x.session, st, List.of());
        }
        return last;
    }

    void begin() throws SQLException {
        Session s = x.session;
        if (s.inExplicitTransaction()) {
            return;
        }
        x.engine.holdForTransaction(s);
        s.conn().setAutoCommit(false);
        s.explicitTransaction(true);
    }

    void commit() throws SQLException {
        Session s = x.session;
        if (!s.inExplicitTransaction()) {
            return;
        }
        try {
            x.engine.commitStreamOffsets(s);
            s.conn().commit();
        } catch (SQLException | RuntimeException e) {
            rollback();
            throw e;
        }
        end(s);
    }

    void rollback() throws SQLException {
        Session s = x.session;
        if (!s.inExplicitTransaction()) {
            return;
        }
        try {
            s.conn().rollback();
        } finally {
            s.pendingStreamOffsets().clear();
            end(s);
        }
    }

    private void end(Session s) throws SQLException {
        s.conn().setAutoCommit(true);
        s.explicitTransaction(false);
        x.engine.releaseTransaction(s);
    }

    /** {@code BEGIN stmt; ... END}: runs the statements in order; RETURN ends the block with a value. */
    private Result block(String text) throws SQLException {
        String body = text.strip();
        if (body.endsWith(";")) {
            body = body.substring(0, body.length() - 1).strip();
        }
        if (!body.toUpperCase(Locale.ROOT).startsWith("BEGIN") || !body.toUpperCase(Locale.ROOT).endsWith("END")) {
            throw x.c.unexpected();
        }
        body = body.substring(5, body.length() - 3);
        boolean openedHere = false;
        Object returned = null;
        try {
            for (String st : Splitter.split(body)) {
                Cursor c = new Cursor(st);
                String word = c.peek().upper();
                if (word.equals("RETURN")) {
                    c.next();
                    Result r = x.engine.executeOne(x.session, "SELECT " + c.rest(), List.of());
                    returned = r.rows().isEmpty() ? null : r.rows().get(0)[0];
                    break;
                }
                if (word.equals("EXCEPTION")) {
                    throw SnowflakeError.unsupported("EXCEPTION handlers in Snowflake Scripting");
                }
                if (UNSUPPORTED.contains(word)) {
                    throw SnowflakeError.unsupported(word + " in Snowflake Scripting");
                }
                if (word.equals("NULL")) {
                    continue;
                }
                boolean wasOpen = x.session.inExplicitTransaction();
                x.engine.executeOne(x.session, st, List.of());
                if (!wasOpen && x.session.inExplicitTransaction()) {
                    openedHere = true;
                } else if (!x.session.inExplicitTransaction()) {
                    openedHere = false;
                }
            }
        } catch (RuntimeException e) {
            if (openedHere && x.session.inExplicitTransaction()) {
                rollback();
            }
            throw e;
        }
        List<Object[]> rows = new ArrayList<>();
        rows.add(new Object[] {returned == null ? null : String.valueOf(returned)});
        return new Result(StatementKind.SELECT, List.of(ResultColumn.text("anonymous block")), rows);
    }
}

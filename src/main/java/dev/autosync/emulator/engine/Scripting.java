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

    private final Transactions transactions;

    Scripting(Transactions transactions) {
        this.transactions = transactions;
    }

    /** Runs the statement at the cursor; the statements of a block or EXECUTE IMMEDIATE go through {@code runner}. */
    Result run(StatementContext st, StatementRunner runner) throws SQLException {
        Cursor c = st.cursor();
        Session session = st.session();
        String first = c.next().upper();
        switch (first) {
            case "COMMIT" -> {
                c.accept("WORK");
                transactions.commit(session);
                return Result.status(StatementKind.TCL, "Statement executed successfully.");
            }
            case "ROLLBACK" -> {
                c.accept("WORK");
                transactions.rollback(session);
                return Result.status(StatementKind.TCL, "Statement executed successfully.");
            }
            case "START" -> {
                c.expect("TRANSACTION");
                transactions.begin(session);
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
                return runText(session, runner, text.value());
            }
            default -> {
                Token next = c.peek();
                if (c.atEnd() || next.isWord("TRANSACTION") || next.isWord("WORK") || next.isWord("NAME")) {
                    transactions.begin(session);
                    return Result.status(StatementKind.TCL, "Statement executed successfully.");
                }
                return block(st, runner);
            }
        }
    }

    private static Result runText(Session session, StatementRunner runner, String text) {
        String t = text.strip();
        String upper = t.toUpperCase(Locale.ROOT);
        if (upper.startsWith("DECLARE")) {
            throw SnowflakeError.unsupported("DECLARE sections in Snowflake Scripting");
        }
        List<String> statements = Splitter.split(t);
        Result last = Result.status(StatementKind.SELECT, "Statement executed successfully.");
        for (String st : statements) {
            last = runner.run(session, st, List.of());
        }
        return last;
    }

    /** {@code BEGIN stmt; ... END}: runs the statements in order; RETURN ends the block with a value. */
    private Result block(StatementContext statement, StatementRunner runner) throws SQLException {
        Session session = statement.session();
        String body = statement.text().strip();
        if (body.endsWith(";")) {
            body = body.substring(0, body.length() - 1).strip();
        }
        if (!body.toUpperCase(Locale.ROOT).startsWith("BEGIN") || !body.toUpperCase(Locale.ROOT).endsWith("END")) {
            throw statement.cursor().unexpected();
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
                    Result r = runner.run(session, "SELECT " + c.rest(), List.of());
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
                boolean wasOpen = session.inExplicitTransaction();
                runner.run(session, st, List.of());
                if (!wasOpen && session.inExplicitTransaction()) {
                    openedHere = true;
                } else if (!session.inExplicitTransaction()) {
                    openedHere = false;
                }
            }
        } catch (RuntimeException e) {
            if (openedHere && session.inExplicitTransaction()) {
                transactions.rollback(session);
            }
            throw e;
        }
        List<Object[]> rows = new ArrayList<>();
        rows.add(new Object[] {returned == null ? null : String.valueOf(returned)});
        return new Result(StatementKind.SELECT, List.of(ResultColumn.text("anonymous block")), rows);
    }
}

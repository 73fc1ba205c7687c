package dev.autosync.emulator.engine;

import dev.autosync.emulator.sql.Cursor;
import dev.autosync.emulator.sql.SqlContext;
import dev.autosync.emulator.sql.Translator;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * What a command sees of the statement it runs: the session, the text, its binds and a cursor
 * over its tokens; name resolution and translation; and what the statement collects on the way
 * (temporary relations, dropped when it ends, and the streams it reads).
 */
interface StatementContext {
    Session session();

    String text();

    List<Object> binds();

    Cursor cursor();

    NameResolver names();

    default ObjectRef resolve(List<String> parts, String operation) {
        return names().resolve(parts, operation);
    }

    /** Reads a name at the cursor and resolves it. */
    default ObjectRef name(String operation) {
        return resolve(translator().nameParts(), operation);
    }

    /** A translator reading at the statement's cursor. */
    default Translator translator() {
        return translator(cursor());
    }

    Translator translator(Cursor cursor);

    /** A translator for a view's body: names resolve in the view's schema, staged files are refused. */
    Translator viewTranslator(ObjectRef view);

    /** A translator for a COPY transformation: its stage reference reads what {@code stage} returns. */
    Translator copyTranslator(BiFunction<String, Map<String, String>, SqlContext.Relation> stage);

    /** Streams the statement reads: stream id to the change number its delta ends at. */
    Map<Long, Long> streamsRead();

    /** A temporary relation to drop when the statement ends. */
    void temporary(String relation);

    /** Runs translated SQL with the statement's binds and reads its rows. */
    Result query(StatementKind kind, String duckSql) throws SQLException;

    /** Runs translated SQL with the statement's binds; returns the update count. */
    long update(String duckSql) throws SQLException;
}

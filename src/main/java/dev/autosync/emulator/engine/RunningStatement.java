package dev.autosync.emulator.engine;

import dev.autosync.emulator.base.SnowflakeError;
import dev.autosync.emulator.sql.Cursor;
import dev.autosync.emulator.sql.SqlContext;
import dev.autosync.emulator.sql.Translator;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/** One statement while it runs; closing it drops the temporary relations it created. */
final class RunningStatement implements StatementContext, AutoCloseable {
    private final Translation translation;
    private final Session session;
    private final String text;
    private final List<Object> binds;
    private final Cursor cursor;
    private final NameResolver names;
    private final List<String> temporary = new ArrayList<>();
    private final Map<Long, Long> streamsRead = new HashMap<>();

    private RunningStatement(Translation translation, Session session, String text, List<Object> binds, NameResolver names) {
        this.translation = translation;
        this.session = session;
        this.text = text;
        this.binds = binds == null ? List.of() : binds;
        this.cursor = new Cursor(SessionVariables.identifiers(text, session.variables()));
        this.names = names;
    }

    static RunningStatement open(Translation translation, Session session, String text, List<Object> binds) {
        return new RunningStatement(translation, session, text, binds, new NameResolver(session));
    }

    /** A stored statement (a pipe's COPY): unqualified names resolve in the schema of the object that keeps it. */
    static RunningStatement openWithin(Translation translation, Session session, String text, ObjectRef owner) {
        return new RunningStatement(translation, session, text, List.of(), new NameResolver(session).within(owner.db(),
                owner.schema()));
    }

    @Override
    public Session session() {
        return session;
    }

    @Override
    public String text() {
        return text;
    }

    @Override
    public List<Object> binds() {
        return binds;
    }

    @Override
    public Cursor cursor() {
        return cursor;
    }

    @Override
    public NameResolver names() {
        return names;
    }

    @Override
    public Translator translator(Cursor c) {
        return new Translator(c, translation.context(this, names, false, null));
    }

    @Override
    public Translator viewTranslator(ObjectRef view) {
        return new Translator(cursor, translation.context(this, names.within(view.db(), view.schema()), true, null));
    }

    @Override
    public Translator copyTranslator(BiFunction<String, Map<String, String>, SqlContext.Relation> stage) {
        return new Translator(cursor, translation.context(this, names, false, stage));
    }

    @Override
    public Map<Long, Long> streamsRead() {
        return streamsRead;
    }

    @Override
    public void temporary(String relation) {
        temporary.add(relation);
    }

    @Override
    public Result query(StatementKind kind, String duckSql) throws SQLException {
        PreparedStatement kept = session.preparedQueries().take(duckSql);
        PreparedStatement ps = kept != null ? kept : session.conn().prepareStatement(duckSql);
        try {
            bind(ps);
            // DuckDB materialises the result in its own memory; what the head does not read stays there
            Result r = ResultTables.read(kind, ps, ps.executeQuery(), session.parameter("TIMEZONE"),
                    session.connectionUse());
            if (r.rest() == null) {
                // read whole: the statement can run the same query again
                session.preparedQueries().keep(duckSql, ps);
            } else if (deterministic(duckSql)) {
                r.rest().total(count(duckSql));
            }
            return r;
        } catch (SQLException | RuntimeException e) {
            ps.close();
            throw e;
        }
    }

    /**
     * A large result's row count, so the wire can name its chunks (Snowflake's first answer lists them with
     * their row counts) and send the first before reading the rest. Counted under the engine lock, like the
     * query itself: no other statement changes the data between the two. -1 if DuckDB cannot count it.
     */
    private long count(String duckSql) {
        try (PreparedStatement ps = session.conn().prepareStatement("SELECT count(*) FROM (" + duckSql + "\n)")) {
            bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : -1;
            }
        } catch (SQLException e) {
            return -1;
        }
    }

    /**
     * Whether running the query again gives as many rows: not with random numbers or sampling (then the
     * result is read whole before it is sent). UNVERIFIED beyond DuckDB's random(), uniform sampling and
     * the emulator's random-based functions, which all name "random" or "sample".
     */
    static boolean deterministic(String duckSql) {
        String s = duckSql.toLowerCase(java.util.Locale.ROOT);
        return !s.contains("random") && !s.contains("sample") && !s.contains("uniform") && !s.contains("randstr")
                && !s.contains("normal") && !s.contains("zipf");
    }

    @Override
    public long update(String duckSql) throws SQLException {
        // a statement that changes things: kept query plans may no longer hold
        session.preparedQueries().clear();
        try (PreparedStatement ps = session.conn().prepareStatement(duckSql)) {
            bind(ps);
            ps.execute();
            return Math.max(0, ps.getUpdateCount());
        }
    }

    private void bind(PreparedStatement ps) throws SQLException {
        int params = ps.getParameterMetaData().getParameterCount();
        if (params > binds.size()) {
            throw new SnowflakeError("002049", "42601", "SQL compilation error: Bind variable ? not set.");
        }
        for (int i = 0; i < params; i++) {
            ps.setObject(i + 1, binds.get(i));
        }
    }

    /** Drops the temporary relations the statement created. */
    @Override
    public void close() {
        for (String t : temporary) {
            try {
                session.exec("DROP TABLE IF EXISTS " + t);
            } catch (SQLException e) {
                // a temporary table dies with the connection anyway
            }
        }
        temporary.clear();
    }
}

package dev.autosync.emulator.engine;

import dev.autosync.emulator.base.SnowflakeError;

import dev.autosync.emulator.sql.Splitter;
import org.duckdb.DuckDBConnection;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The local Snowflake: a DuckDB database file plus stage folders under one data folder, a catalog
 * of Snowflake objects, and the background services that load pipes and run tasks. Every statement
 * runs under the engine lock, in the session's DuckDB connection.
 */
public final class Engine implements AutoCloseable {
    public static final String DATABASE_FILE = "emulator.duckdb";
    private static final String LOCK_FILE = "emulator.lock";

    private final Path dataDir;
    private final DuckDBConnection root;
    private final FileChannel lockChannel;
    private final FileLock fileLock;
    private final EngineLock lock;
    private final Catalog catalog;
    private QueryLog queryLog;
    private final Stages stages;
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final AtomicLong queryCounter = new AtomicLong();
    private final String queryPrefix = String.format("01b%05x", (int) (Math.random() * 0xfffff));
    private final Services services;
    private final Consumer<String> log;
    private volatile boolean closed;

    public Engine(Path dataDir, Consumer<String> log) throws IOException, SQLException {
        this.dataDir = dataDir.toAbsolutePath().normalize();
        this.log = log;
        Files.createDirectories(this.dataDir);
        Path lockPath = this.dataDir.resolve(LOCK_FILE);
        this.lockChannel = FileChannel.open(lockPath, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.READ);
        FileLock fl;
        try {
            fl = lockChannel.tryLock();
        } catch (OverlappingFileLockException e) {
            fl = null;
        }
        if (fl == null) {
            String holder = Files.readString(lockPath, StandardCharsets.UTF_8).trim();
            lockChannel.close();
            throw new IllegalStateException("The emulator data folder " + this.dataDir + " is in use by another emulator"
                    + (holder.isEmpty() ? "" : " (" + holder + ")") + ". Stop it, or point this one at another folder "
                    + "with -Dautosync.emulator.dataDir.");
        }
        this.fileLock = fl;
        lockChannel.truncate(0);
        lockChannel.write(java.nio.ByteBuffer.wrap(("pid " + ProcessHandle.current().pid()).getBytes(StandardCharsets.UTF_8)));
        try {
            this.root = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:" + this.dataDir.resolve(DATABASE_FILE));
            try (Statement s = root.createStatement()) {
                s.execute("SET TimeZone = 'UTC'");
            }
            ExactDivision.register(root);
            this.queryLog = new QueryLog(this.dataDir);
            this.catalog = new Catalog(root);
        } catch (SQLException e) {
            release();
            throw e;
        }
        this.lock = new EngineLock(120_000);
        this.stages = new Stages(this.dataDir);
        this.services = new Services(this, root);
    }

    public Path dataDir() {
        return dataDir;
    }

    public Catalog catalog() {
        return catalog;
    }

    public Stages stages() {
        return stages;
    }

    Services services() {
        return services;
    }

    void log(String message) {
        log.accept(message);
    }

    /** Starts the background services (auto-ingest, scheduled tasks). */
    public void startServices() {
        services.start();
    }

    public Session openSession(String user, String database, String schema, String warehouse, String role) throws SQLException {
        Connection c = root.duplicate();
        try (Statement s = c.createStatement()) {
            s.execute("SET TimeZone = 'UTC'");
        }
        Session s = new Session(UUID.randomUUID().toString(), user == null ? "AUTOSYNC" : user.toUpperCase(), c);
        s.database(normaliseLoginName(database));
        s.schema(normaliseLoginName(schema == null && database != null ? "PUBLIC" : schema));
        s.warehouse(normaliseLoginName(warehouse));
        if (role != null) {
            s.role(normaliseLoginName(role));
        }
        sessions.put(s.id(), s);
        return s;
    }

    /** Login parameters are names as a user types them: unquoted means upper case. */
    private static String normaliseLoginName(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        if (name.length() > 1 && name.startsWith("\"") && name.endsWith("\"")) {
            return name.substring(1, name.length() - 1).replace("\"\"", "\"");
        }
        return name.toUpperCase();
    }

    public Session session(String id) {
        Session s = sessions.get(id);
        if (s != null) {
            s.touch();
        }
        return s;
    }

    public void closeSession(Session s) {
        if (sessions.remove(s.id()) == null) {
            return;
        }
        if (s.inExplicitTransaction()) {
            try {
                s.conn().rollback();
                s.conn().setAutoCommit(true);
            } catch (SQLException e) {
                // closing anyway
            }
            s.explicitTransaction(false);
        }
        lock.releaseAll(s);
        s.close();
    }

    public String newQueryId() {
        long n = queryCounter.incrementAndGet();
        return queryPrefix + String.format("-0000-%04x-0000-%012x", (int) (n >>> 48) & 0xffff, n & 0xffffffffffffL);
    }

    /**
     * Runs a request: one statement, or several when {@code expectedCount} allows (0 means any number),
     * as Snowflake's MULTI_STATEMENT_COUNT does.
     */
    /** A statement's result and the query id it ran as. */
    public record Executed(String queryId, Result result) {
    }

    public List<Executed> execute(Session session, String sqlText, List<Object> binds, int expectedCount) {
        List<String> statements = Splitter.split(sqlText);
        if (statements.isEmpty()) {
            throw new SnowflakeError("000900", "42601", "SQL compilation error:\nEmpty SQL statement.");
        }
        if (expectedCount > 0 && statements.size() != expectedCount) {
            throw new SnowflakeError("000008", "0A000", "Actual statement count " + statements.size()
                    + " did not match the desired statement count " + expectedCount + ".");
        }
        List<Executed> results = new ArrayList<>();
        for (String st : statements) {
            String id = newQueryId();
            Result r;
            try {
                r = executeOne(session, st, statements.size() == 1 ? binds : List.of());
            } catch (SnowflakeError e) {
                queryLog.record(id, session.user(), st, e.code());
                throw e;
            }
            queryLog.record(id, session.user(), st, null);
            session.lastQueryId(id);
            session.remember(id, r);
            results.add(new Executed(id, r));
        }
        return results;
    }

    /** Runs one statement under the engine lock. */
    public Result executeOne(Session session, String sql, List<Object> binds) {
        if (closed) {
            throw new SnowflakeError("390114", "08001", "The local emulator is shutting down.");
        }
        lock.acquire(session);
        try {
            return new StatementExecutor(this, session, sql, binds).run();
        } finally {
            lock.release(session);
        }
    }

    /** Keeps a result for RESULT_SCAN and child-result fetches. */
    public void remember(Session s, String queryId, Result r) {
        s.remember(queryId, r);
    }

    /**
     * describeOnly: the result's columns without running the statement (PreparedStatement
     * metadata, and the first step of an array-bound batch).
     */
    public Result describe(Session session, String sql) {
        List<String> statements = Splitter.split(sql);
        String st = statements.isEmpty() ? "" : statements.get(0);
        String first = new dev.autosync.emulator.sql.Cursor(st).peek().upper();
        switch (first) {
            case "INSERT":
                return Result.count(StatementKind.INSERT, "number of rows inserted", 0);
            case "UPDATE":
                return Result.count(StatementKind.UPDATE, "number of rows updated", 0);
            case "DELETE":
                return Result.count(StatementKind.DELETE, "number of rows deleted", 0);
            case "MERGE":
                return Result.count(StatementKind.MERGE, "number of rows inserted", 0);
            case "SELECT", "WITH":
                lock.acquire(session);
                try {
                    return new StatementExecutor(this, session, st, List.of()).describeQuery();
                } finally {
                    lock.release(session);
                }
            default:
                return new Result(StatementKind.DDL, List.of(), new ArrayList<>());
        }
    }

    /** A statement run once per row of array binds, all in one transaction; the update counts add up. */
    public Result executeBatch(Session s, String sql, List<List<Object>> rows) {
        boolean own = !s.inExplicitTransaction();
        if (own) {
            executeOne(s, "BEGIN", List.of());
        }
        long total = 0;
        Result last = null;
        try {
            for (List<Object> row : rows) {
                last = executeOne(s, sql, row);
                Object n = last.rows().isEmpty() || last.rows().get(0).length == 0 ? null : last.rows().get(0)[0];
                total += n instanceof Number num ? num.longValue() : 0;
            }
            if (own) {
                executeOne(s, "COMMIT", List.of());
            }
        } catch (RuntimeException e) {
            if (own) {
                executeOne(s, "ROLLBACK", List.of());
            }
            throw e;
        }
        if (last == null) {
            return Result.count(StatementKind.INSERT, "number of rows inserted", 0);
        }
        return Result.count(last.kind(), last.columns().get(0).name(), total);
    }

    /** Runs {@code work} while holding the engine lock for an internal session (pipes, tasks). */
    <T> T locked(Session session, SqlWork<T> work) throws SQLException {
        lock.acquire(session);
        try {
            return work.run();
        } finally {
            lock.release(session);
        }
    }

    /** BEGIN: the session keeps the lock until its transaction ends. */
    void holdForTransaction(Session s) {
        lock.acquire(s);
    }

    /** COMMIT or ROLLBACK: gives back the transaction's hold. */
    void releaseTransaction(Session s) {
        lock.release(s);
    }

    /** Executes DuckDB statements on the session's connection. */
    static void exec(Session s, String... sql) throws SQLException {
        try (Statement st = s.conn().createStatement()) {
            for (String q : sql) {
                st.execute(q);
            }
        }
    }

    /**
     * Runs {@code work} atomically: inside the session's explicit transaction when there is one,
     * else in a transaction of its own that commits when {@code work} returns.
     */
    <T> T atomic(Session s, SqlWork<T> work) throws SQLException {
        if (s.inExplicitTransaction()) {
            return work.run();
        }
        Connection c = s.conn();
        c.setAutoCommit(false);
        try {
            T r = work.run();
            commitStreamOffsets(s);
            c.commit();
            return r;
        } catch (SQLException | RuntimeException e) {
            try {
                c.rollback();
            } catch (SQLException ignored) {
                // the original failure matters
            }
            s.pendingStreamOffsets().clear();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }

    /** Moves the offsets of the streams the transaction consumed; runs inside it, just before commit. */
    void commitStreamOffsets(Session s) throws SQLException {
        if (s.pendingStreamOffsets().isEmpty()) {
            return;
        }
        services.streams().advance(s, s.pendingStreamOffsets());
        s.pendingStreamOffsets().clear();
    }

    @FunctionalInterface
    interface SqlWork<T> {
        T run() throws SQLException;
    }

    Session internalSession(String name) throws SQLException {
        return openSession(name, null, null, null, "SYSADMIN");
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        services.stop();
        for (Session s : new ArrayList<>(sessions.values())) {
            closeSession(s);
        }
        try {
            root.close();
        } catch (SQLException e) {
            log("closing DuckDB: " + e.getMessage());
        }
        if (queryLog != null) {
            queryLog.close();
        }
        release();
    }

    private void release() {
        try {
            fileLock.release();
            lockChannel.close();
        } catch (IOException | RuntimeException e) {
            // the process is ending or the lock is already gone
        }
    }
}

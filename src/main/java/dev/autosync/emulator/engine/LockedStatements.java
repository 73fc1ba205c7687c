package dev.autosync.emulator.engine;

import dev.autosync.emulator.base.SnowflakeError;

import java.util.List;

/**
 * Runs statements one at a time under the engine lock (re-entrant for the session that holds it,
 * so a scripting block's statements run inside it), and refuses new ones once the engine closes.
 */
final class LockedStatements implements StatementRunner {
    /** The error code of a statement refused because the engine is closing. */
    static final String SHUTTING_DOWN = "390114";
    private final EngineLock lock;
    private final Dispatcher dispatcher;
    private volatile boolean closed;

    LockedStatements(EngineLock lock, Dispatcher dispatcher) {
        this.lock = lock;
        this.dispatcher = dispatcher;
    }

    @Override
    public Result run(Session session, String sql, List<Object> binds) {
        if (closed) {
            throw new SnowflakeError(SHUTTING_DOWN, "08001", "The local emulator is shutting down.");
        }
        Cancellation cancel = Cancellation.current();
        if (cancel != null) {
            cancel.check();
        }
        lock.acquire(session);
        // after the engine lock (never the other way round): the wire may be reading one of the session's results
        session.connectionUse().lock();
        Session before = cancel == null ? null : cancel.running(session);
        try {
            return dispatcher.run(session, sql, binds, this);
        } catch (RuntimeException e) {
            // a statement DuckDB stopped on the request's cancel or timeout ends with that error, not DuckDB's "Interrupted"
            if (cancel != null && cancel.fired()) {
                throw cancel.error();
            }
            throw e;
        } finally {
            if (cancel != null) {
                cancel.running(before);
            }
            session.connectionUse().unlock();
            lock.release(session);
        }
    }

    /** A query's columns without running it (under the lock: translation reads the catalog). */
    Result describeQuery(Session session, String sql) {
        lock.acquire(session);
        session.connectionUse().lock();
        try {
            return dispatcher.describeQuery(session, sql);
        } finally {
            session.connectionUse().unlock();
            lock.release(session);
        }
    }

    void close() {
        closed = true;
    }
}

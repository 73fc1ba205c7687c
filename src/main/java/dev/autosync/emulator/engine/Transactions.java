package dev.autosync.emulator.engine;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * The engine lock and transactions on it. Work runs under the lock; a statement's writes commit
 * atomically (in the session's explicit transaction when one is open); BEGIN keeps the lock for
 * the session until COMMIT or ROLLBACK. Stream offsets the transaction consumed move just before
 * it commits.
 */
final class Transactions {
    private final EngineLock lock;
    private final Streams streams;

    Transactions(EngineLock lock, Streams streams) {
        this.lock = lock;
        this.streams = streams;
    }

    /** Runs {@code work} while holding the engine lock for {@code session} (background work). */
    <T> T locked(Session session, SqlWork<T> work) throws SQLException {
        lock.acquire(session);
        try {
            return work.run();
        } finally {
            lock.release(session);
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

    /** {@link #atomic} for work without a result. */
    void atomically(Session s, SqlStep step) throws SQLException {
        atomic(s, () -> {
            step.run();
            return null;
        });
    }

    /** Background work (pipes, tasks): under the engine lock, atomically. */
    void lockedAtomically(Session s, SqlStep step) throws SQLException {
        locked(s, () -> {
            atomically(s, step);
            return null;
        });
    }

    /** BEGIN: the session keeps the lock until its transaction ends. */
    void begin(Session s) throws SQLException {
        if (s.inExplicitTransaction()) {
            return;
        }
        lock.acquire(s);
        s.conn().setAutoCommit(false);
        s.explicitTransaction(true);
    }

    /** COMMIT, and what Snowflake does to an open transaction before DDL; nothing when none is open. */
    void commit(Session s) throws SQLException {
        if (!s.inExplicitTransaction()) {
            return;
        }
        try {
            commitStreamOffsets(s);
            s.conn().commit();
        } catch (SQLException | RuntimeException e) {
            rollback(s);
            throw e;
        }
        end(s);
    }

    void rollback(Session s) throws SQLException {
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
        lock.release(s);
    }

    /** Moves the offsets of the streams the transaction consumed; runs inside it, just before commit. */
    private void commitStreamOffsets(Session s) throws SQLException {
        if (s.pendingStreamOffsets().isEmpty()) {
            return;
        }
        streams.advance(s, s.pendingStreamOffsets());
        s.pendingStreamOffsets().clear();
    }
}

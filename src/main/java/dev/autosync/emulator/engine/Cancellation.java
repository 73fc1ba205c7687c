package dev.autosync.emulator.engine;

import dev.autosync.emulator.base.SnowflakeError;
import org.duckdb.DuckDBConnection;

import java.sql.SQLException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The cancel state of one query request. It ends by the client's cancel (the driver's abort-request,
 * sent on Statement.cancel() and when the driver's own query timeout fires: "SQL execution canceled",
 * 000604) or by the statement timeout (STATEMENT_TIMEOUT_IN_SECONDS, "Parameters" page: 000630).
 * Waits (the engine lock, SYSTEM$WAIT) end early on it, and a statement running in DuckDB is
 * interrupted (DuckDBConnection.interrupt), so the request answers with the error at once.
 * The request's thread finds it through {@link #current()}.
 */
public final class Cancellation implements AutoCloseable {
    private static final ThreadLocal<Cancellation> CURRENT = new ThreadLocal<>();
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "autosync-emulator-statement-timeouts");
        t.setDaemon(true);
        return t;
    });

    private final String requestId;
    private final long timeoutSeconds;
    private final ScheduledFuture<?> timer;
    private final Runnable onClose;
    private volatile boolean timedOut;
    private volatile boolean canceled;
    /** The session whose DuckDB connection runs this request's statement right now, or null. */
    private volatile Session running;

    private Cancellation(String requestId, long timeoutSeconds, Runnable onClose) {
        this.requestId = requestId;
        this.onClose = onClose;
        this.timeoutSeconds = timeoutSeconds;
        this.timer = timeoutSeconds > 0 ? TIMER.schedule(this::timeout, timeoutSeconds, TimeUnit.SECONDS) : null;
    }

    /** A request with a statement timeout ({@code timeoutSeconds} 0: none), bound to the calling thread until closed. */
    static Cancellation start(String requestId, long timeoutSeconds, Runnable onClose) {
        Cancellation c = new Cancellation(requestId, timeoutSeconds, onClose);
        CURRENT.set(c);
        return c;
    }

    /** The calling thread's request, or null (background work: pipes, tasks). */
    static Cancellation current() {
        return CURRENT.get();
    }

    String requestId() {
        return requestId;
    }

    /** The client's cancel (abort-request). */
    public void cancel() {
        canceled = true;
        fire();
    }

    private void timeout() {
        timedOut = true;
        fire();
    }

    private void fire() {
        synchronized (this) {
            notifyAll();
        }
        Session s = running;
        if (s != null) {
            interrupt(s);
        }
    }

    /**
     * DuckDBConnection.interrupt() stops the statement running on a connection. The JDBC driver keeps it
     * package-private and callable only under the connection's lock, as its public face Statement.cancel()
     * does; that needs the very statement object an engine command created, so the same two steps are
     * taken here by reflection. Without them a cancel still ends every wait.
     */
    private static void interrupt(Session s) {
        if (INTERRUPT == null || CONN_LOCK == null) {
            return;
        }
        try {
            DuckDBConnection conn = s.conn().unwrap(DuckDBConnection.class);
            java.util.concurrent.locks.Lock lock = (java.util.concurrent.locks.Lock) CONN_LOCK.get(conn);
            lock.lock();
            try {
                INTERRUPT.invoke(conn);
            } finally {
                lock.unlock();
            }
        } catch (SQLException | ReflectiveOperationException | RuntimeException ignored) {
            // the statement or the session has ended meanwhile
        }
    }

    private static final java.lang.reflect.Method INTERRUPT = accessible(() -> DuckDBConnection.class.getDeclaredMethod("interrupt"));
    private static final java.lang.reflect.Field CONN_LOCK = accessible(() -> DuckDBConnection.class.getDeclaredField("connRefLock"));

    private interface Lookup<T extends java.lang.reflect.AccessibleObject> {
        T find() throws ReflectiveOperationException;
    }

    private static <T extends java.lang.reflect.AccessibleObject> T accessible(Lookup<T> lookup) {
        try {
            T member = lookup.find();
            member.setAccessible(true);
            return member;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    boolean fired() {
        return canceled || timedOut;
    }

    /** The error the request ends with once fired: a timeout names its limit, as Snowflake's 000630 does. */
    SnowflakeError error() {
        if (timedOut && !canceled) {
            return new SnowflakeError("000630", "57014", "Statement reached its statement or warehouse timeout of "
                    + timeoutSeconds + " second(s) and was canceled.");
        }
        return new SnowflakeError("000604", "57014", "SQL execution canceled");
    }

    /** Throws the request's error once it has been canceled or has timed out. */
    void check() {
        if (fired()) {
            throw error();
        }
    }

    /** Marks the statement running in {@code s}'s DuckDB connection (null: none); returns the previous one. */
    Session running(Session s) {
        Session prev = running;
        running = s;
        return prev;
    }

    /** Waits {@code millis}, ending early (with the request's error) when it is canceled or times out. */
    void sleep(long millis) {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        synchronized (this) {
            long left;
            while (!fired() && (left = end - System.nanoTime()) > 0) {
                try {
                    TimeUnit.NANOSECONDS.timedWait(this, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    canceled = true;
                }
            }
        }
        check();
    }

    /** Sleeps on the calling thread's request when there is one, else plainly. */
    static void sleepCurrent(long millis) {
        Cancellation c = current();
        if (c != null) {
            c.sleep(millis);
            return;
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SnowflakeError("000604", "57014", "SQL execution canceled");
        }
    }

    @Override
    public void close() {
        if (timer != null) {
            timer.cancel(false);
        }
        if (CURRENT.get() == this) {
            CURRENT.remove();
        }
        onClose.run();
    }
}

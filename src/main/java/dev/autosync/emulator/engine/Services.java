package dev.autosync.emulator.engine;

import dev.autosync.emulator.base.SnowflakeError;

import dev.autosync.emulator.sql.Translator;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * The emulator's background work (pipe loading, task scheduling) and its SYSTEM$ functions. The
 * loop runs on a daemon thread while the emulator is up; {@link #wake} makes it run at once after
 * a statement queued work (ALTER PIPE REFRESH, EXECUTE TASK).
 */
final class Services {
    private static final long TICK_MILLIS = 500;

    private final Engine engine;
    private final History history;
    private final Streams streams;
    private final Pipes pipes;
    private final Tasks tasks;
    private final Object signal = new Object();
    private volatile Thread thread;
    private volatile boolean running;
    private boolean woken;

    Services(Engine engine, Connection conn) throws SQLException {
        this.engine = engine;
        this.history = new History(conn, engine.catalog());
        this.streams = new Streams(conn, engine.catalog());
        this.pipes = new Pipes(engine, conn);
        this.tasks = new Tasks(engine, conn);
    }

    History history() {
        return history;
    }

    Streams streams() {
        return streams;
    }

    Pipes pipes() {
        return pipes;
    }

    Tasks tasks() {
        return tasks;
    }

    synchronized void start() {
        if (thread != null) {
            return;
        }
        running = true;
        thread = new Thread(this::loop, "autosync-emulator-services");
        thread.setDaemon(true);
        thread.start();
    }

    void stop() {
        running = false;
        Thread t = thread;
        if (t != null) {
            wake();
            try {
                t.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    void wake() {
        synchronized (signal) {
            woken = true;
            signal.notifyAll();
        }
    }

    private void loop() {
        while (running) {
            try {
                pipes.tick();
                tasks.tick();
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    engine.log("background work failed: " + e.getMessage());
                }
            }
            synchronized (signal) {
                if (!woken && running) {
                    try {
                        signal.wait(TICK_MILLIS);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                woken = false;
            }
        }
    }

    /** A SYSTEM$ function call as SQL; its arguments must be string literals naming objects. */
    String systemFunction(StatementExecutor x, String name, List<String> args, List<String> literals) {
        String first = literals.isEmpty() ? null : literals.get(0);
        switch (name) {
            case "SYSTEM$PIPE_STATUS":
                return pipes.statusSql(x, requireName(name, first));
            case "SYSTEM$STREAM_HAS_DATA": {
                ObjectRef ref = x.resolve(History.parseName(requireName(name, first)), name);
                CatalogObject stream = engine.catalog().require(CatalogKind.STREAM, ref);
                return streams.hasDataSql(x.session, stream);
            }
            case "SYSTEM$STREAM_GET_TABLE_TIMESTAMP": {
                ObjectRef ref = x.resolve(History.parseName(requireName(name, first)), name);
                CatalogObject stream = engine.catalog().require(CatalogKind.STREAM, ref);
                return "(SELECT offset_csn FROM " + Catalog.SYS + ".stream_state WHERE stream_id = " + stream.id() + ")";
            }
            case "SYSTEM$PIPE_FORCE_RESUME":
                try {
                    return pipes.forceResume(x, requireName(name, first));
                } catch (SQLException e) {
                    throw ErrorMapper.map(e);
                }
            case "SYSTEM$GET_AWS_SNS_IAM_POLICY":
                return Translator.literal("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"1\",\"Effect\":\"Allow\","
                        + "\"Principal\":{\"AWS\":\"arn:aws:iam::000000000000:user/autosync-local-emulator\"},"
                        + "\"Action\":[\"sns:Subscribe\"],\"Resource\":[\"" + requireName(name, first) + "\"]}]}");
            case "SYSTEM$GET_PREDECESSOR_RETURN_VALUE":
                return "CAST(NULL AS VARCHAR)";
            default:
                throw SnowflakeError.unsupported("function " + name);
        }
    }

    private static String requireName(String function, String literal) {
        if (literal == null) {
            throw SnowflakeError.compilation(function + " takes the object's name as a string literal, such as 'DB.SCHEMA.NAME'");
        }
        return literal;
    }
}

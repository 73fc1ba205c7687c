package dev.autosync.emulator.wire;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import dev.autosync.emulator.engine.Engine;
import dev.autosync.emulator.engine.Session;

import java.io.IOException;

import static dev.autosync.emulator.wire.Envelopes.JSON;
import static dev.autosync.emulator.wire.Envelopes.error;
import static dev.autosync.emulator.wire.Envelopes.ok;
import static dev.autosync.emulator.wire.Envelopes.readBody;
import static dev.autosync.emulator.wire.Envelopes.send;

/**
 * Snowflake's HTTP protocol as snowflake-jdbc speaks it: login, query-request (results as JSON,
 * errors as Snowflake envelopes, always HTTP 200), multi-statement children, heartbeat, token
 * renewal, session close and telemetry. Listens on the loopback interface only.
 */
public final class WireServer implements AutoCloseable {
    private final Engine engine;
    private final LoopbackHttp server;
    private final LoginHandler logins;
    private final QueryHandler queries;
    private final ResultChunks chunks;
    private final java.util.concurrent.atomic.AtomicLong telemetryRecords = new java.util.concurrent.atomic.AtomicLong();

    /** Starts listening on 127.0.0.1:{@code port} (0 picks a free port), accepting the logins {@code policy} allows. */
    public WireServer(Engine engine, int port, LoginPolicy policy) throws IOException {
        this(engine, port, policy, ResultChunks.FIRST_CHUNK_ROWS, ResultChunks.MAX_CHUNK_ROWS);
    }

    /** With other result chunk sizes (rows of the first further chunk, and of the largest). */
    WireServer(Engine engine, int port, LoginPolicy policy, int firstChunkRows, int maxChunkRows) throws IOException {
        this.engine = engine;
        this.logins = new LoginHandler(engine, policy);
        this.chunks = new ResultChunks(this::port, firstChunkRows, maxChunkRows);
        this.queries = new QueryHandler(engine, chunks);
        // each client connection is served on a thread of its own, without a hand-off per request (LoopbackHttp)
        this.server = new LoopbackHttp(port, this::handle);
    }

    public int port() {
        return server.port();
    }

    private void handle(HttpExchange ex) throws IOException {
        try {
            String path = ex.getRequestURI().getPath();
            if (path.equals("/session/v1/login-request")) {
                logins.handle(ex, Envelopes.query(ex.getRequestURI()));
            } else if (path.equals("/queries/v1/query-request")) {
                queries.handle(ex, session(ex));
            } else if (path.equals("/queries/v1/abort-request")) {
                queries.abort(ex, session(ex));
            } else if (path.startsWith(ResultChunks.PATH)) {
                chunks.serve(ex, path.substring(ResultChunks.PATH.length()));
            } else if (path.startsWith("/queries/") && path.endsWith("/result")) {
                queries.childResult(ex, path.substring("/queries/".length(), path.length() - "/result".length()));
            } else if (path.startsWith("/monitoring/queries/")) {
                monitoring(ex, path.substring("/monitoring/queries/".length()));
            } else if (path.equals("/session") && "true".equals(Envelopes.query(ex.getRequestURI()).get("delete"))) {
                Session s = session(ex);
                if (s != null) {
                    chunks.forget(s.id());
                    engine.closeSession(s);
                }
                send(ex, ok(null));
            } else if (path.equals("/telemetry/send")) {
                // the driver's metrics (on unless the connection sets CLIENT_TELEMETRY_ENABLED=false): counted, not kept
                telemetryRecords.addAndGet(readBody(ex).path("logs").size());
                send(ex, ok(null));
            } else if (path.equals("/session/heartbeat")) {
                readBody(ex);
                send(ex, ok(null));
            } else if (path.equals("/session/token-request")) {
                renewToken(ex);
            } else {
                readBody(ex);
                send(ex, error("390400", "08001", "The local emulator does not serve " + path, null));
            }
        } catch (RuntimeException | IOException e) {
            try {
                send(ex, error("000603", "XX000", "SQL execution internal error: " + e, null));
            } catch (IOException ignored) {
                // the client has gone
            }
        } finally {
            ex.close();
        }
    }

    /** The session named by the request's {@code Authorization: Snowflake Token="..."} header, if it is open. */
    private Session session(HttpExchange ex) {
        String auth = ex.getRequestHeaders().getFirst("Authorization");
        if (auth == null) {
            return null;
        }
        int start = auth.indexOf("Token=\"");
        if (start < 0) {
            return null;
        }
        String token = auth.substring(start + 7, auth.indexOf('"', start + 7));
        return engine.session(token);
    }

    /** A session's tokens do not expire here: renewal hands back the same ones. */
    private void renewToken(HttpExchange ex) throws IOException {
        readBody(ex);
        Session s = session(ex);
        if (s == null) {
            send(ex, error("390112", "08001", "Your session has expired. Please login again.", null));
            return;
        }
        ObjectNode data = JSON.createObjectNode();
        data.put("sessionToken", s.id()).put("validityInSecondsST", 3600).put("masterToken", s.id())
                .put("validityInSecondsMT", 14400);
        send(ex, ok(data));
    }

    /**
     * The monitoring endpoint: an asynchronous query's state (RUNNING, SUCCESS, FAILED_WITH_ERROR with its
     * error); any other query had finished before its answer was sent, so SUCCESS.
     */
    private void monitoring(HttpExchange ex, String id) throws IOException {
        readBody(ex);
        ObjectNode data = JSON.createObjectNode();
        Engine.QueryState state = engine.queryState(id);
        ObjectNode q = data.putArray("queries").addObject().put("id", id).put("status", state == null ? "SUCCESS" : state.status());
        if (state != null && state.errorCode() != null) {
            q.put("errorCode", Integer.parseInt(state.errorCode())).put("errorMessage", state.errorMessage());
        }
        send(ex, ok(data));
    }

    /** Result chunks kept for fetching (tests check that abandoned results are freed). */
    ResultChunks chunks() {
        return chunks;
    }

    /** Telemetry records clients have posted (tests: telemetry is on by default, off when a connection asks). */
    long telemetryRecords() {
        return telemetryRecords.get();
    }

    @Override
    public void close() {
        server.close();
    }
}

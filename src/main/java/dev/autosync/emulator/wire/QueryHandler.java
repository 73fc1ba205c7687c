package dev.autosync.emulator.wire;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import dev.autosync.emulator.base.SnowflakeError;
import dev.autosync.emulator.engine.Cancellation;
import dev.autosync.emulator.engine.Engine;
import dev.autosync.emulator.engine.Result;
import dev.autosync.emulator.engine.ResultColumn;
import dev.autosync.emulator.engine.Session;
import dev.autosync.emulator.engine.StatementKind;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.autosync.emulator.wire.Envelopes.error;
import static dev.autosync.emulator.wire.Envelopes.readBody;
import static dev.autosync.emulator.wire.Envelopes.send;
import static dev.autosync.emulator.wire.Envelopes.sendBytes;
import static dev.autosync.emulator.wire.ResultEnvelopes.sendArrowResult;
import static dev.autosync.emulator.wire.ResultEnvelopes.sendResult;
import static dev.autosync.emulator.wire.ResultEnvelopes.writeEnvelope;
import static dev.autosync.emulator.wire.ResultEnvelopes.writeResult;

/**
 * query-request: describe-only (prepared statement metadata), array binds (a batch), or one or
 * several statements (MULTI_STATEMENT_COUNT); a multi-statement request answers with its children's
 * ids, whose results the driver fetches next. Errors answer as Snowflake's error envelopes.
 */
final class QueryHandler {
    private final Engine engine;
    private final Map<String, byte[]> childResults = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, byte[]> eldest) {
            return size() > 1000;
        }
    });

    private final ResultChunks chunks;

    QueryHandler(Engine engine, ResultChunks chunks) {
        this.engine = engine;
        this.chunks = chunks;
    }

    /** A query-request from session {@code s} (null when its token is unknown or expired). */
    void handle(HttpExchange ex, Session s) throws IOException {
        JsonNode body = readBody(ex);
        if (s == null) {
            send(ex, error("390112", "08001", "Your session has expired. Please login again.", engine.newQueryId()));
            return;
        }
        String sql = body.path("sqlText").asText("");
        String requestId = Envelopes.query(ex.getRequestURI()).get("requestId");
        try (Cancellation cancel = engine.startRequest(s, requestId, timeoutSeconds(s, body))) {
            if (body.path("describeOnly").asBoolean(false)) {
                Result r = engine.describe(s, sql);
                sendResult(ex, s, engine.newQueryId(), r, true);
                return;
            }
            JsonNode bindings = body.get("bindings");
            if (bindings != null && !bindings.isNull() && isArrayBinding(bindings)) {
                Result r = engine.executeBatch(s, sql, arrayRows(bindings));
                String queryId = engine.newQueryId();
                s.lastQueryId(queryId);
                respond(ex, s, body, queryId, r);
                return;
            }
            List<Object> binds = binds(bindings);
            JsonNode count = body.path("parameters").get("MULTI_STATEMENT_COUNT");
            int expected = count == null || count.isNull() ? 1 : count.asInt();
            if (body.path("asyncExec").asBoolean(false)) {
                String id = engine.executeAsync(s, sql, binds, expected, requestId, timeoutSeconds(s, body));
                send(ex, asyncAccepted(id));
                return;
            }
            List<Engine.Executed> results = engine.execute(s, sql, binds, expected);
            if (results.size() == 1 && (count == null || count.isNull() || expected == 1)) {
                respond(ex, s, body, results.get(0).queryId(), results.get(0).result());
                return;
            }
            sendMulti(ex, s, engine.newQueryId(), results);
        } catch (SnowflakeError e) {
            send(ex, error(e.code(), e.sqlState(), e.getMessage(), engine.newQueryId()));
        }
    }

    /**
     * STATEMENT_TIMEOUT_IN_SECONDS: the request's own (the driver sends its query timeout so when
     * IMPLICIT_SERVER_SIDE_QUERY_TIMEOUT is on), else the session's ("Parameters": 0 means no limit).
     */
    private static long timeoutSeconds(Session s, JsonNode body) {
        JsonNode own = body.path("parameters").get("STATEMENT_TIMEOUT_IN_SECONDS");
        String value = own != null && !own.isNull() ? own.asText() : s.parameterValue("STATEMENT_TIMEOUT_IN_SECONDS");
        try {
            return value == null ? 0 : Math.max(0, Long.parseLong(value.trim()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /**
     * The answer to an asynchronous query: its id and code 333334, "in progress"; the driver then polls
     * the monitoring endpoint and reads the rows with RESULT_SCAN (UNVERIFIED: the fields besides queryId).
     */
    private static JsonNode asyncAccepted(String queryId) {
        com.fasterxml.jackson.databind.node.ObjectNode env = Envelopes.ok(null);
        env.putObject("data").put("queryId", queryId).put("getResultUrl", "/queries/" + queryId + "/result")
                .put("queryAbortsAfterSecs", 300).putNull("progressDesc");
        env.put("code", "333334");
        env.put("message", "Asynchronous execution in progress. Use provided query id to perform query monitoring and management.");
        return env;
    }

    /** abort-request: the driver cancels a running request by its requestId (Statement.cancel, its query timeout). */
    void abort(HttpExchange ex, Session s) throws IOException {
        JsonNode body = readBody(ex);
        if (s == null) {
            send(ex, error("390112", "08001", "Your session has expired. Please login again.", null));
            return;
        }
        engine.abort(s, body.path("requestId").asText(""));
        send(ex, Envelopes.ok(null));
    }

    private void respond(HttpExchange ex, Session s, JsonNode body, String queryId, Result r) throws IOException {
        if (arrow(s, body, r)) {
            sendArrowResult(ex, s, queryId, r, chunks);
        } else if ("JDBC".equals(s.clientApp()) && r.transfer() == null) {
            // snowflake-jdbc fetches JSON chunks too; other clients get every row inline
            ResultEnvelopes.sendChunkedResult(ex, s, queryId, r, chunks, ResultChunks.Format.JSON);
        } else {
            sendResult(ex, s, queryId, r, false);
        }
    }

    /**
     * snowflake-jdbc decodes Arrow with Arrow's memory module, which on Java 16+ fails unless the JVM opens
     * java.nio (--add-opens=java.base/java.nio=ALL-UNNAMED), and once failed the driver stays broken for
     * the JVM's life. The emulator usually serves a driver in its own JVM (Maven's, a test's), so it sends
     * ARROW by default only when this JVM opens java.nio; a session or statement can ask for either format.
     */
    static final boolean ARROW_BY_DEFAULT = java.nio.Buffer.class.getModule().isOpen("java.nio", QueryHandler.class.getModule());

    /**
     * ARROW (Snowflake's default for snowflake-jdbc) unless the statement or the session asks for JSON
     * with JDBC_QUERY_RESULT_FORMAT (the driver itself asks for JSON when it cannot load Arrow), or this
     * JVM could not decode it (see {@link #ARROW_BY_DEFAULT}); other clients (the Node.js driver) and
     * file-transfer answers get JSON.
     */
    private static boolean arrow(Session s, JsonNode body, Result r) {
        if (!"JDBC".equals(s.clientApp()) || r.transfer() != null) {
            return false;
        }
        String asked = body.path("parameters").path("JDBC_QUERY_RESULT_FORMAT").asText("");
        String format = asked.isEmpty() ? s.jdbcResultFormat() : asked;
        return format == null ? ARROW_BY_DEFAULT : format.equalsIgnoreCase("ARROW");
    }

    private static boolean isArrayBinding(JsonNode bindings) {
        Iterator<JsonNode> it = bindings.elements();
        return it.hasNext() && it.next().path("value").isArray();
    }

    private static List<Object> binds(JsonNode bindings) {
        List<Object> out = new ArrayList<>();
        if (bindings == null || bindings.isNull()) {
            return out;
        }
        for (int i = 1; bindings.has(String.valueOf(i)); i++) {
            JsonNode b = bindings.get(String.valueOf(i));
            out.add(WireValues.bind(b.path("type").asText(), b.get("value")));
        }
        return out;
    }

    private static List<List<Object>> arrayRows(JsonNode bindings) {
        List<List<Object>> rows = new ArrayList<>();
        int n = 0;
        for (int i = 1; bindings.has(String.valueOf(i)); i++) {
            n = Math.max(n, bindings.get(String.valueOf(i)).path("value").size());
        }
        for (int r = 0; r < n; r++) {
            List<Object> row = new ArrayList<>();
            for (int i = 1; bindings.has(String.valueOf(i)); i++) {
                JsonNode b = bindings.get(String.valueOf(i));
                row.add(WireValues.bind(b.path("type").asText(), b.path("value").get(r)));
            }
            rows.add(row);
        }
        return rows;
    }

    private void sendMulti(HttpExchange ex, Session s, String parentId, List<Engine.Executed> results) throws IOException {
        List<String> ids = new ArrayList<>();
        List<String> types = new ArrayList<>();
        for (Engine.Executed e : results) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            writeResult(out, s, e.queryId(), e.result(), false);
            childResults.put(e.queryId(), out.toByteArray());
            ids.add(e.queryId());
            types.add(String.valueOf(e.result().kind().typeId()));
        }
        Result parent = Result.status(StatementKind.SELECT, "Multiple statements executed successfully.");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = ResultEnvelopes.FACTORY.createGenerator(out)) {
            writeEnvelope(g, s, parentId, new Result(StatementKind.SELECT,
                    List.of(ResultColumn.text("multiple statement execution")), parent.rows()), false, () -> {
                g.writeStringField("resultIds", String.join(",", ids));
                g.writeStringField("resultTypes", String.join(",", types));
            });
        }
        sendBytes(ex, out.toByteArray());
    }

    /** A multi-statement child's result, kept since its parent ran. */
    void childResult(HttpExchange ex, String id) throws IOException {
        readBody(ex);
        byte[] r = childResults.get(id);
        if (r == null) {
            send(ex, error("000709", "02000", "Statement " + id + " not found", id));
            return;
        }
        sendBytes(ex, r);
    }
}

package dev.autosync.emulator.wire;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.autosync.emulator.engine.Engine;
import dev.autosync.emulator.engine.Result;
import dev.autosync.emulator.engine.ResultColumn;
import dev.autosync.emulator.engine.Session;
import dev.autosync.emulator.engine.SfType;
import dev.autosync.emulator.base.SnowflakeError;
import dev.autosync.emulator.engine.StatementKind;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPInputStream;

/**
 * Snowflake's HTTP protocol as snowflake-jdbc speaks it: login, query-request (results as JSON,
 * errors as Snowflake envelopes, always HTTP 200), multi-statement children, heartbeat, session
 * close and telemetry. Listens on the loopback interface only.
 */
public final class WireServer implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonFactory FACTORY = JSON.getFactory();

    private final Engine engine;
    private final HttpServer server;
    private final ExecutorService executor;
    private final LoginPolicy policy;
    private final Map<String, byte[]> childResults = java.util.Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, byte[]> eldest) {
            return size() > 1000;
        }
    });

    static {
        // Without it every response waits for Nagle and delayed ACKs: about 40 ms per query.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    /** Starts listening on 127.0.0.1:{@code port} (0 picks a free port); null credentials accept any login. */
    public WireServer(Engine engine, int port, LoginPolicy policy) throws IOException {
        this.engine = engine;
        this.policy = policy;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 128);
        AtomicInteger n = new AtomicInteger();
        this.executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "autosync-emulator-http-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange ex) throws IOException {
        try {
            String path = ex.getRequestURI().getPath();
            Map<String, String> query = query(ex.getRequestURI());
            if (path.equals("/session/v1/login-request")) {
                login(ex, query);
            } else if (path.equals("/queries/v1/query-request")) {
                queryRequest(ex);
            } else if (path.startsWith("/queries/") && path.endsWith("/result")) {
                childResult(ex, path.substring("/queries/".length(), path.length() - "/result".length()));
            } else if (path.startsWith("/monitoring/queries/")) {
                monitoring(ex, path.substring("/monitoring/queries/".length()));
            } else if (path.equals("/session") && "true".equals(query.get("delete"))) {
                Session s = session(ex);
                if (s != null) {
                    engine.closeSession(s);
                }
                send(ex, ok(null));
            } else if (path.equals("/session/heartbeat") || path.equals("/telemetry/send")) {
                readBody(ex);
                send(ex, ok(null));
            } else if (path.equals("/session/token-request")) {
                readBody(ex);
                Session s = session(ex);
                if (s == null) {
                    send(ex, error("390112", "08001", "Your session has expired. Please login again.", null));
                } else {
                    ObjectNode data = JSON.createObjectNode();
                    data.put("sessionToken", s.id()).put("validityInSecondsST", 3600).put("masterToken", s.id())
                            .put("validityInSecondsMT", 14400);
                    send(ex, ok(data));
                }
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

    private static Map<String, String> query(URI uri) {
        Map<String, String> out = new HashMap<>();
        String q = uri.getRawQuery();
        if (q == null) {
            return out;
        }
        for (String pair : q.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    private static JsonNode readBody(HttpExchange ex) throws IOException {
        InputStream in = ex.getRequestBody();
        String enc = ex.getRequestHeaders().getFirst("Content-Encoding");
        if (enc != null && enc.toLowerCase().contains("gzip")) {
            in = new GZIPInputStream(in);
        }
        byte[] body = in.readAllBytes();
        if (body.length == 0) {
            return JSON.createObjectNode();
        }
        return JSON.readTree(body);
    }

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

    // ---------------------------------------------------------------- login

    private void login(HttpExchange ex, Map<String, String> q) throws IOException {
        JsonNode data = readBody(ex).path("data");
        String login = data.path("LOGIN_NAME").asText(null);
        {
            if (!policy.accepts(data)) {
                ObjectNode env = JSON.createObjectNode();
                env.putObject("data").put("nextAction", "RETRY_LOGIN").put("authnMethod", "USERNAME_PASSWORD");
                env.put("code", "390100").put("message", "Incorrect username or password was specified.")
                        .put("success", false).putNull("headers");
                send(ex, env);
                return;
            }
        }
        Session s;
        try {
            s = engine.openSession(login, q.get("databaseName"), q.get("schemaName"), q.get("warehouse"), q.get("roleName"));
        } catch (SQLException e) {
            send(ex, error("390189", "08001", "The local emulator could not open a session: " + e.getMessage(), null));
            return;
        }
        ObjectNode d = JSON.createObjectNode();
        d.put("token", s.id()).put("masterToken", s.id()).put("validityInSeconds", 3600).put("masterValidityInSeconds", 14400)
                .put("displayUserName", s.user()).put("serverVersion", "9.99.0 (autosync local emulator)").put("firstLogin", false)
                .putNull("remMeToken").put("remMeValidityInSeconds", 0).put("healthCheckInterval", 45).putNull("newClientForUpgrade")
                .put("sessionId", Math.abs((long) s.id().hashCode()));
        var params = d.putArray("parameters");
        params.addObject().put("name", "AUTOCOMMIT").put("value", true);
        params.addObject().put("name", "CLIENT_SESSION_KEEP_ALIVE").put("value", false);
        params.addObject().put("name", "CLIENT_TELEMETRY_ENABLED").put("value", false);
        params.addObject().put("name", "TIMEZONE").put("value", "UTC");
        // Snowflake's account defaults, sent at login as Snowflake does; the driver formats getString() with them
        params.addObject().put("name", "TIMESTAMP_OUTPUT_FORMAT").put("value", "YYYY-MM-DD HH24:MI:SS.FF3 TZHTZM");
        params.addObject().put("name", "TIMESTAMP_NTZ_OUTPUT_FORMAT").put("value", "YYYY-MM-DD HH24:MI:SS.FF3");
        params.addObject().put("name", "TIMESTAMP_LTZ_OUTPUT_FORMAT").put("value", "");
        params.addObject().put("name", "TIMESTAMP_TZ_OUTPUT_FORMAT").put("value", "");
        params.addObject().put("name", "DATE_OUTPUT_FORMAT").put("value", "YYYY-MM-DD");
        params.addObject().put("name", "TIME_OUTPUT_FORMAT").put("value", "HH24:MI:SS");
        params.addObject().put("name", "CLIENT_STAGE_ARRAY_BINDING_THRESHOLD").put("value", 0);
        params.addObject().put("name", "CLIENT_RESULT_CHUNK_SIZE").put("value", 160);
        params.addObject().put("name", "QUERY_RESULT_FORMAT").put("value", "JSON");
        ObjectNode info = d.putObject("sessionInfo");
        info.put("databaseName", s.database()).put("schemaName", s.schema()).put("warehouseName", s.warehouse())
                .put("roleName", s.role());
        send(ex, ok(d));
    }

    // ---------------------------------------------------------------- queries

    private void queryRequest(HttpExchange ex) throws IOException {
        JsonNode body = readBody(ex);
        Session s = session(ex);
        String queryId = engine.newQueryId();
        if (s == null) {
            send(ex, error("390112", "08001", "Your session has expired. Please login again.", queryId));
            return;
        }
        String sql = body.path("sqlText").asText("");
        try {
            if (body.path("describeOnly").asBoolean(false)) {
                Result r = engine.describe(s, sql);
                sendResult(ex, s, queryId, r, true);
                return;
            }
            JsonNode bindings = body.get("bindings");
            if (bindings != null && !bindings.isNull() && isArrayBinding(bindings)) {
                Result r = engine.executeBatch(s, sql, arrayRows(bindings));
                s.lastQueryId(queryId);
                sendResult(ex, s, queryId, r, false);
                return;
            }
            List<Object> binds = binds(bindings);
            JsonNode count = body.path("parameters").get("MULTI_STATEMENT_COUNT");
            int expected = count == null || count.isNull() ? 1 : count.asInt();
            List<Engine.Executed> results = engine.execute(s, sql, binds, expected);
            if (results.size() == 1 && (count == null || count.isNull() || expected == 1)) {
                sendResult(ex, s, results.get(0).queryId(), results.get(0).result(), false);
                return;
            }
            sendMulti(ex, s, queryId, results);
        } catch (SnowflakeError e) {
            send(ex, error(e.code(), e.sqlState(), e.getMessage(), queryId));
        }
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
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            writeEnvelope(g, s, parentId, new Result(StatementKind.SELECT,
                    List.of(ResultColumn.text("multiple statement execution")), parent.rows()), false, () -> {
                g.writeStringField("resultIds", String.join(",", ids));
                g.writeStringField("resultTypes", String.join(",", types));
            });
        }
        sendBytes(ex, out.toByteArray());
    }

    private void childResult(HttpExchange ex, String id) throws IOException {
        readBody(ex);
        byte[] r = childResults.get(id);
        if (r == null) {
            send(ex, error("000709", "02000", "Statement " + id + " not found", id));
            return;
        }
        sendBytes(ex, r);
    }

    private void monitoring(HttpExchange ex, String id) throws IOException {
        readBody(ex);
        ObjectNode data = JSON.createObjectNode();
        data.putArray("queries").addObject().put("id", id).put("status", "SUCCESS");
        send(ex, ok(data));
    }

    // ---------------------------------------------------------------- envelopes

    private void sendResult(HttpExchange ex, Session s, String queryId, Result r, boolean describeOnly) throws IOException {
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(200, 0);
        try (OutputStream out = ex.getResponseBody()) {
            writeResult(out, s, queryId, r, describeOnly);
        }
    }

    private interface Extra {
        void write() throws IOException;
    }

    private void writeResult(OutputStream out, Session s, String queryId, Result r, boolean describeOnly) throws IOException {
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            writeEnvelope(g, s, queryId, r, describeOnly, () -> {
            });
        }
    }

    private void writeEnvelope(JsonGenerator g, Session s, String queryId, Result r, boolean describeOnly, Extra extra)
            throws IOException {
        g.writeStartObject();
        g.writeObjectFieldStart("data");
        if (r.transfer() != null) {
            for (Iterator<Map.Entry<String, JsonNode>> it = r.transfer().fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                g.writeFieldName(e.getKey());
                JSON.writeTree(g, e.getValue());
            }
        }
        g.writeArrayFieldStart("parameters");
        g.writeEndArray();
        g.writeArrayFieldStart("rowtype");
        for (ResultColumn c : r.columns()) {
            writeRowType(g, c);
        }
        g.writeEndArray();
        g.writeArrayFieldStart("rowset");
        int rows = 0;
        if (!describeOnly) {
            for (Object[] row : r.rows()) {
                g.writeStartArray();
                for (int i = 0; i < r.columns().size(); i++) {
                    String v = WireValues.format(i < row.length ? row[i] : null, r.columns().get(i).type());
                    if (v == null) {
                        g.writeNull();
                    } else {
                        g.writeString(v);
                    }
                }
                g.writeEndArray();
                rows++;
            }
        }
        g.writeEndArray();
        g.writeNumberField("total", rows);
        g.writeNumberField("returned", rows);
        g.writeStringField("queryId", queryId);
        g.writeNullField("databaseProvider");
        g.writeStringField("finalDatabaseName", s.database());
        g.writeStringField("finalSchemaName", s.schema());
        g.writeStringField("finalWarehouseName", s.warehouse());
        g.writeStringField("finalRoleName", s.role());
        g.writeNumberField("numberOfBinds", 0);
        boolean dml = r.kind() == StatementKind.INSERT || r.kind() == StatementKind.UPDATE || r.kind() == StatementKind.DELETE
                || r.kind() == StatementKind.MERGE;
        g.writeBooleanField("arrayBindSupported", dml);
        g.writeNumberField("statementTypeId", r.kind().typeId());
        g.writeNumberField("version", 1);
        g.writeNumberField("sendResultTime", System.currentTimeMillis());
        g.writeStringField("queryResultFormat", "json");
        extra.write();
        g.writeEndObject();
        g.writeNullField("code");
        g.writeNullField("message");
        g.writeBooleanField("success", true);
        g.writeEndObject();
    }

    private static void writeRowType(JsonGenerator g, ResultColumn c) throws IOException {
        SfType t = c.type();
        g.writeStartObject();
        g.writeStringField("name", c.name());
        g.writeStringField("database", "");
        g.writeStringField("schema", "");
        g.writeStringField("table", "");
        g.writeBooleanField("nullable", true);
        g.writeStringField("type", t.wireName());
        if (t.length() != null) {
            g.writeNumberField("byteLength", (long) t.length() * 4);
            g.writeNumberField("length", t.length());
        } else {
            g.writeNullField("byteLength");
            g.writeNullField("length");
        }
        if (t.scale() != null) {
            g.writeNumberField("scale", t.scale());
        } else {
            g.writeNullField("scale");
        }
        if (t.precision() != null) {
            g.writeNumberField("precision", t.precision());
        } else if (t.wireName().startsWith("timestamp") || t.wireName().equals("time")) {
            g.writeNumberField("precision", 0);
        } else {
            g.writeNullField("precision");
        }
        g.writeNullField("collation");
        g.writeEndObject();
    }

    private static ObjectNode ok(JsonNode data) {
        ObjectNode env = JSON.createObjectNode();
        if (data == null) {
            env.putNull("data");
        } else {
            env.set("data", data);
        }
        env.putNull("code");
        env.putNull("message");
        env.put("success", true);
        return env;
    }

    private static ObjectNode error(String code, String sqlState, String message, String queryId) {
        ObjectNode env = JSON.createObjectNode();
        ObjectNode d = env.putObject("data");
        d.put("internalError", false).put("errorCode", code).put("age", 0).put("sqlState", sqlState).put("queryId", queryId)
                .put("line", -1).put("pos", -1).put("type", "COMPILATION");
        env.put("code", code);
        env.put("message", message);
        env.put("success", false);
        env.putNull("headers");
        return env;
    }

    private static void send(HttpExchange ex, JsonNode body) throws IOException {
        sendBytes(ex, JSON.writeValueAsBytes(body));
    }

    private static void sendBytes(HttpExchange ex, byte[] bytes) throws IOException {
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}

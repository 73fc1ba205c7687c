package dev.autosync.emulator.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * Snowflake's HTTP conventions as the driver expects them: request bodies (possibly gzipped)
 * and query parameters in; JSON envelopes out, always with HTTP 200, success or an error code.
 */
final class Envelopes {
    /**
     * Writing a tree into a response's generator must not flush it: each flush is a write to the socket (a
     * packet of its own, with TCP_NODELAY), and a small answer goes out in one.
     */
    static final ObjectMapper JSON = new ObjectMapper()
            .disable(com.fasterxml.jackson.databind.SerializationFeature.FLUSH_AFTER_WRITE_VALUE);

    private Envelopes() {
    }

    static Map<String, String> query(URI uri) {
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

    static JsonNode readBody(HttpExchange ex) throws IOException {
        InputStream in = ex.getRequestBody();
        String enc = ex.getRequestHeaders().getFirst("Content-Encoding");
        if (enc != null && enc.toLowerCase().contains("gzip")) {
            in = new GZIPInputStream(in);
        }
        // parsed from the stream, in Jackson's recycled buffers (readAllBytes' copies were the largest allocation
        // per request left); Jackson closes the stream, which ends a GZIPInputStream's Inflater now, not at GC
        JsonNode body = JSON.readTree(in);
        return body == null || body.isMissingNode() ? JSON.createObjectNode() : body;
    }

    static ObjectNode ok(JsonNode data) {
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

    static ObjectNode error(String code, String sqlState, String message, String queryId) {
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

    static void send(HttpExchange ex, JsonNode body) throws IOException {
        sendBytes(ex, JSON.writeValueAsBytes(body));
    }

    static void sendBytes(HttpExchange ex, byte[] bytes) throws IOException {
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }
}

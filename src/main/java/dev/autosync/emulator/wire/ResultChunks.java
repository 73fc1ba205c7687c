package dev.autosync.emulator.wire;

import com.fasterxml.jackson.core.JsonGenerator;
import com.sun.net.httpserver.HttpExchange;
import dev.autosync.emulator.engine.Result;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.IntSupplier;

/**
 * ARROW results split into chunks as Snowflake splits them: the first chunk inline (base64 in
 * {@code rowsetBase64}), the rest listed in {@code chunks} with a URL each, which the driver fetches
 * (several at a time) while the caller reads. A chunk is encoded when it is fetched, from the
 * result's rows, so the server encodes chunk n+1 while the driver decodes chunk n; each URL is
 * served once. Results whose chunks are never fetched are forgotten after {@link #KEPT_RESULTS}
 * newer ones.
 */
final class ResultChunks {
    /** Rows in the inline first chunk: small and medium results need no further request. */
    static final int FIRST_CHUNK_ROWS = 10_000;
    /** Rows in each further chunk. */
    static final int CHUNK_ROWS = 100_000;
    static final int KEPT_RESULTS = 16;
    static final String PATH = "/autosync-result-chunks/";

    private record Pending(Result result, int from, int to) {
    }

    private final IntSupplier port;
    private final Map<String, Map<Integer, Pending>> pending = new LinkedHashMap<>(32, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Map<Integer, Pending>> eldest) {
            return size() > KEPT_RESULTS;
        }
    };

    ResultChunks(IntSupplier port) {
        this.port = port;
    }

    /** Writes {@code rowsetBase64} and {@code chunks} for {@code r}; answers the result's row count. */
    long write(JsonGenerator g, Result r) throws IOException {
        int total = r.rows().size();
        int first = Math.min(total, FIRST_CHUNK_ROWS);
        // an empty result has no chunk at all (the driver would read a batch of no rows as one row)
        g.writeStringField("rowsetBase64", total == 0 ? ""
                : Base64.getEncoder().encodeToString(ArrowChunks.encode(r.columns(), r.rows(), 0, first)));
        if (first < total) {
            String token = UUID.randomUUID().toString();
            Map<Integer, Pending> chunks = new LinkedHashMap<>();
            g.writeArrayFieldStart("chunks");
            int n = 0;
            for (int from = first; from < total; from += CHUNK_ROWS) {
                int to = Math.min(total, from + CHUNK_ROWS);
                chunks.put(n, new Pending(r, from, to));
                g.writeStartObject();
                g.writeStringField("url", "http://127.0.0.1:" + port.getAsInt() + PATH + token + "/" + n);
                g.writeNumberField("rowCount", to - from);
                // the driver reserves memory by these sizes: an estimate of the decoded vectors
                long estimate = Math.min(Integer.MAX_VALUE, (long) (to - from) * Math.max(1, r.columns().size()) * 24L);
                g.writeNumberField("uncompressedSize", estimate);
                g.writeNumberField("compressedSize", estimate);
                g.writeEndObject();
                n++;
            }
            g.writeEndArray();
            synchronized (pending) {
                pending.put(token, chunks);
            }
        }
        return total;
    }

    /** Serves chunk {@code path} (the part after {@link #PATH}: token/index), once. */
    void serve(HttpExchange ex, String path) throws IOException {
        int slash = path.indexOf('/');
        Pending p = null;
        if (slash > 0) {
            synchronized (pending) {
                Map<Integer, Pending> chunks = pending.get(path.substring(0, slash));
                if (chunks != null) {
                    try {
                        p = chunks.remove(Integer.parseInt(path.substring(slash + 1)));
                    } catch (NumberFormatException e) {
                        p = null;
                    }
                    if (chunks.isEmpty()) {
                        pending.remove(path.substring(0, slash));
                    }
                }
            }
        }
        if (p == null) {
            ex.sendResponseHeaders(404, -1);
            return;
        }
        byte[] bytes = ArrowChunks.encode(p.result().columns(), p.result().rows(), p.from(), p.to());
        ex.getResponseHeaders().set("Content-Type", "application/octet-stream");
        ex.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }
}

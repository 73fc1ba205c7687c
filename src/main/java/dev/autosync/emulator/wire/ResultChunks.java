package dev.autosync.emulator.wire;

import com.fasterxml.jackson.core.JsonGenerator;
import com.sun.net.httpserver.HttpExchange;
import dev.autosync.emulator.engine.Result;
import dev.autosync.emulator.engine.RowSource;

import java.io.IOException;
import java.io.OutputStream;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.IntSupplier;

/**
 * ARROW results split into chunks as Snowflake splits them: the first chunk small and inline (base64
 * in {@code rowsetBase64}), the rest listed in {@code chunks} with a URL each, growing in size, which
 * the driver fetches (several at a time) while the caller reads. Snowflake's first answer names every
 * chunk with its row count, so a large result is read to its end first: straight from DuckDB's result
 * into Arrow chunks ({@link ArrowColumns}), a compact copy instead of Java objects per value. Each URL
 * is served once and its bytes dropped; a result the client abandons is dropped when its session
 * closes, or after {@link #KEPT_RESULTS} newer ones.
 */
final class ResultChunks {
    /** Rows in the first further chunk; each next one doubles, up to {@link #MAX_CHUNK_ROWS}. */
    static final int FIRST_CHUNK_ROWS = 20_000;
    static final int MAX_CHUNK_ROWS = 160_000;
    static final int KEPT_RESULTS = 16;
    static final String PATH = "/autosync-result-chunks/";

    /** A result's chunks not fetched yet, by index, and the session that ran it. */
    private record Pending(String session, Map<Integer, byte[]> chunks) {
    }

    /** A result read for sending: its inline first chunk and the further chunks' sizes. */
    record Spooled(String firstBase64, long total, List<int[]> chunkRowsAndBytes, String token) {
    }

    private final IntSupplier port;
    private final int firstChunkRows;
    private final int maxChunkRows;
    private final Map<String, Pending> pending = new LinkedHashMap<>(32, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Pending> eldest) {
            return size() > KEPT_RESULTS;
        }
    };

    ResultChunks(IntSupplier port) {
        this(port, FIRST_CHUNK_ROWS, MAX_CHUNK_ROWS);
    }

    /** With other chunk sizes (tests: many chunks from a result of moderate size). */
    ResultChunks(IntSupplier port, int firstChunkRows, int maxChunkRows) {
        this.port = port;
        this.firstChunkRows = firstChunkRows;
        this.maxChunkRows = maxChunkRows;
    }

    /**
     * Reads {@code r} to its end: its head as the inline chunk, the rows still in DuckDB as further
     * chunks kept for the driver to fetch. Closes what DuckDB holds of the result, also on failure.
     */
    Spooled spool(Result r, String session) throws SQLException {
        try (r) {
            List<Object[]> head = r.head();
            // an empty result has no chunk at all (the driver would read a batch of no rows as one row)
            String first = head.isEmpty() ? "" : Base64.getEncoder().encodeToString(
                    ArrowChunks.encode(r.columns(), head, 0, head.size()));
            long total = head.size();
            RowSource rest = r.rest();
            if (rest == null) {
                return new Spooled(first, total, List.of(), null);
            }
            Map<Integer, byte[]> chunks = new LinkedHashMap<>();
            List<int[]> sizes = new ArrayList<>();
            int rows = firstChunkRows;
            for (ArrowColumns.Chunk c = ArrowColumns.chunk(r.columns(), rest, rows); c != null;
                 c = ArrowColumns.chunk(r.columns(), rest, rows)) {
                chunks.put(chunks.size(), c.bytes());
                sizes.add(new int[] {c.rows(), c.bytes().length});
                total += c.rows();
                rows = Math.min(maxChunkRows, rows * 2);
            }
            if (chunks.isEmpty()) {
                return new Spooled(first, total, List.of(), null);
            }
            String token = UUID.randomUUID().toString();
            synchronized (pending) {
                pending.put(token, new Pending(session, chunks));
            }
            return new Spooled(first, total, sizes, token);
        }
    }

    /** Writes {@code rowsetBase64} and {@code chunks} of a spooled result; answers its row count. */
    long write(JsonGenerator g, Spooled s) throws IOException {
        g.writeStringField("rowsetBase64", s.firstBase64());
        if (!s.chunkRowsAndBytes().isEmpty()) {
            g.writeArrayFieldStart("chunks");
            for (int n = 0; n < s.chunkRowsAndBytes().size(); n++) {
                int[] size = s.chunkRowsAndBytes().get(n);
                g.writeStartObject();
                g.writeStringField("url", "http://127.0.0.1:" + port.getAsInt() + PATH + s.token() + "/" + n);
                g.writeNumberField("rowCount", size[0]);
                // the driver reserves memory by these sizes; chunks are not compressed
                g.writeNumberField("uncompressedSize", size[1]);
                g.writeNumberField("compressedSize", size[1]);
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        return s.total();
    }

    /** Drops the chunks of the results {@code session} ran (it closed: nobody can fetch them). */
    void forget(String session) {
        synchronized (pending) {
            pending.values().removeIf(p -> p.session().equals(session));
        }
    }

    /** Bytes of chunks kept for fetching, over all results. */
    long pendingBytes() {
        synchronized (pending) {
            long n = 0;
            for (Pending p : pending.values()) {
                for (byte[] b : p.chunks().values()) {
                    n += b.length;
                }
            }
            return n;
        }
    }

    /** Serves chunk {@code path} (the part after {@link #PATH}: token/index), once. */
    void serve(HttpExchange ex, String path) throws IOException {
        int slash = path.indexOf('/');
        byte[] bytes = null;
        if (slash > 0) {
            synchronized (pending) {
                Pending p = pending.get(path.substring(0, slash));
                if (p != null) {
                    try {
                        bytes = p.chunks().remove(Integer.parseInt(path.substring(slash + 1)));
                    } catch (NumberFormatException e) {
                        bytes = null;
                    }
                    if (p.chunks().isEmpty()) {
                        pending.remove(path.substring(0, slash));
                    }
                }
            }
        }
        if (bytes == null) {
            ex.sendResponseHeaders(404, -1);
            return;
        }
        ex.getResponseHeaders().set("Content-Type", "application/octet-stream");
        ex.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** For tests: how many results have chunks waiting. */
    int pendingResults() {
        synchronized (pending) {
            return pending.size();
        }
    }
}

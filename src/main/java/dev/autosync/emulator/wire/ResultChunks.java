package dev.autosync.emulator.wire;

import com.fasterxml.jackson.core.JsonGenerator;
import com.sun.net.httpserver.HttpExchange;
import dev.autosync.emulator.engine.Result;
import dev.autosync.emulator.engine.ResultColumn;
import dev.autosync.emulator.engine.RowSource;

import java.io.IOException;
import java.io.OutputStream;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.IntSupplier;

/**
 * ARROW results split into chunks as Snowflake splits them: the first chunk small and inline (base64
 * in {@code rowsetBase64}), the rest listed in {@code chunks} with a URL each, growing in size, which
 * the driver fetches (several at a time) while the caller reads. Snowflake's first answer names every
 * chunk with its row count. When the engine counted a large result ({@link RowSource#total()}), that
 * answer goes out at once and each chunk is cut from DuckDB's result when the driver asks for it
 * (in order: asking for chunk n cuts those before it), so the server cuts chunk n+1 while the driver
 * decodes chunk n and holds no more than the chunks asked for. Otherwise the result is read to its end
 * first, into chunks kept until fetched. Chunks go straight from DuckDB into Arrow ({@link ArrowColumns}).
 * Each URL is served once; a result the client abandons is dropped (and DuckDB's result freed) when its
 * session closes, or after {@link #KEPT_RESULTS} newer ones.
 */
final class ResultChunks {
    /** Rows in the first further chunk; each next one doubles, up to {@link #MAX_CHUNK_ROWS}. */
    static final int FIRST_CHUNK_ROWS = 20_000;
    static final int MAX_CHUNK_ROWS = 160_000;
    static final int KEPT_RESULTS = 16;
    static final String PATH = "/autosync-result-chunks/";

    /** A result's chunks not fetched yet, and the session that ran it. */
    private record Pending(String session, Chunks chunks) {
    }

    /** Where a result's further chunks come from. */
    private interface Chunks extends AutoCloseable {
        /** Chunk {@code index}'s bytes, once; null when there is none (or it was served). */
        byte[] take(int index) throws SQLException;

        /** Whether every chunk has been taken. */
        boolean done();

        /** Bytes held for chunks not taken yet. */
        long held();

        @Override
        void close();
    }

    /** A result read to its end: every chunk's bytes, kept until fetched. */
    private static final class Spooled implements Chunks {
        private final Map<Integer, byte[]> chunks;

        Spooled(Map<Integer, byte[]> chunks) {
            this.chunks = chunks;
        }

        @Override
        public synchronized byte[] take(int index) {
            return chunks.remove(index);
        }

        @Override
        public synchronized boolean done() {
            return chunks.isEmpty();
        }

        @Override
        public synchronized long held() {
            long n = 0;
            for (byte[] b : chunks.values()) {
                n += b.length;
            }
            return n;
        }

        @Override
        public synchronized void close() {
            chunks.clear();
        }
    }

    /** A counted result: chunks cut from DuckDB's result in order as they are asked for. */
    private static final class Lazy implements Chunks {
        private final List<ResultColumn> columns;
        private final RowSource source;
        private final int[] rows;
        private final Map<Integer, byte[]> cut = new HashMap<>();
        private int next;
        private int taken;

        Lazy(List<ResultColumn> columns, RowSource source, int[] rows) {
            this.columns = columns;
            this.source = source;
            this.rows = rows;
        }

        @Override
        public synchronized byte[] take(int index) throws SQLException {
            if (index < 0 || index >= rows.length) {
                return null;
            }
            while (next <= index && !source.isClosed()) {
                ArrowColumns.Chunk c = ArrowColumns.chunk(columns, source, rows[next]);
                if (c == null || c.rows() != rows[next] || next == rows.length - 1 && source.next()) {
                    source.close();
                    throw new SQLException("the result changed after it was counted (chunk " + next + ": "
                            + (c == null ? 0 : c.rows()) + " rows, " + rows[next] + " announced)");
                }
                cut.put(next++, c.bytes());
            }
            byte[] b = cut.remove(index);
            if (b != null) {
                taken++;
            }
            return b;
        }

        @Override
        public synchronized boolean done() {
            return taken == rows.length;
        }

        @Override
        public synchronized long held() {
            long n = 0;
            for (byte[] b : cut.values()) {
                n += b.length;
            }
            return n;
        }

        @Override
        public synchronized void close() {
            cut.clear();
            source.close();
        }
    }

    /** A result ready to answer: its inline first chunk, its row count, and the further chunks' rows and sizes. */
    record Answer(String firstBase64, long total, List<long[]> chunkRowsAndBytes, String token) {
    }

    private final IntSupplier port;
    private final int firstChunkRows;
    private final int maxChunkRows;
    private final Map<String, Pending> pending = new LinkedHashMap<>(32, 0.75f, false);

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
     * The answer for {@code r}: its head as the inline chunk; the rows still in DuckDB as further chunks,
     * cut when fetched if the result was counted, else read now. DuckDB's result is closed once read,
     * also on failure, or kept (counted results) until the last chunk is fetched or the result dropped.
     */
    Answer prepare(Result r, String session) throws SQLException {
        RowSource rest = r.rest();
        try {
            List<Object[]> head = r.head();
            // an empty result has no chunk at all (the driver would read a batch of no rows as one row)
            String first = head.isEmpty() ? "" : Base64.getEncoder().encodeToString(
                    ArrowChunks.encode(r.columns(), head, 0, head.size()));
            if (rest == null) {
                return new Answer(first, head.size(), List.of(), null);
            }
            if (rest.total() > head.size()) {
                return lazy(r, rest, first, session);
            }
            Map<Integer, byte[]> chunks = new LinkedHashMap<>();
            List<long[]> sizes = new ArrayList<>();
            long total = head.size();
            int rows = firstChunkRows;
            for (ArrowColumns.Chunk c = ArrowColumns.chunk(r.columns(), rest, rows); c != null;
                 c = ArrowColumns.chunk(r.columns(), rest, rows)) {
                chunks.put(chunks.size(), c.bytes());
                sizes.add(new long[] {c.rows(), c.bytes().length});
                total += c.rows();
                rows = Math.min(maxChunkRows, rows * 2);
            }
            rest.close();
            if (chunks.isEmpty()) {
                return new Answer(first, total, List.of(), null);
            }
            return new Answer(first, total, sizes, keep(session, new Spooled(chunks)));
        } catch (SQLException | RuntimeException e) {
            r.close();
            throw e;
        }
    }

    /** Names the chunks of a counted result; they are cut as they are fetched. */
    private Answer lazy(Result r, RowSource rest, String first, String session) {
        long left = rest.total() - r.head().size();
        List<Integer> rows = new ArrayList<>();
        for (int n = firstChunkRows; left > 0; n = Math.min(maxChunkRows, n * 2)) {
            rows.add((int) Math.min(n, left));
            left -= rows.get(rows.size() - 1);
        }
        List<long[]> sizes = new ArrayList<>();
        for (int n : rows) {
            // not encoded yet: the driver reserves memory by this size, an estimate of the decoded vectors
            sizes.add(new long[] {n, (long) n * Math.max(1, r.columns().size()) * 24L});
        }
        int[] counts = rows.stream().mapToInt(Integer::intValue).toArray();
        return new Answer(first, rest.total(), sizes, keep(session, new Lazy(r.columns(), rest, counts)));
    }

    /** Keeps a result's chunks for fetching under a new token; drops the oldest beyond {@link #KEPT_RESULTS}. */
    private String keep(String session, Chunks chunks) {
        String token = UUID.randomUUID().toString();
        List<Chunks> dropped = new ArrayList<>();
        synchronized (pending) {
            pending.put(token, new Pending(session, chunks));
            for (Iterator<Pending> it = pending.values().iterator(); pending.size() > KEPT_RESULTS && it.hasNext(); ) {
                dropped.add(it.next().chunks());
                it.remove();
            }
        }
        dropped.forEach(Chunks::close);
        return token;
    }

    /** Writes {@code rowsetBase64} and {@code chunks} of an answer; answers its row count. */
    long write(JsonGenerator g, Answer s) throws IOException {
        g.writeStringField("rowsetBase64", s.firstBase64());
        if (!s.chunkRowsAndBytes().isEmpty()) {
            g.writeArrayFieldStart("chunks");
            for (int n = 0; n < s.chunkRowsAndBytes().size(); n++) {
                long[] size = s.chunkRowsAndBytes().get(n);
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
        List<Chunks> dropped = new ArrayList<>();
        synchronized (pending) {
            for (Iterator<Pending> it = pending.values().iterator(); it.hasNext(); ) {
                Pending p = it.next();
                if (p.session().equals(session)) {
                    dropped.add(p.chunks());
                    it.remove();
                }
            }
        }
        dropped.forEach(Chunks::close);
    }

    /** Bytes of chunks cut and kept for fetching, over all results. */
    long pendingBytes() {
        List<Chunks> all;
        synchronized (pending) {
            all = new ArrayList<>();
            pending.values().forEach(p -> all.add(p.chunks()));
        }
        return all.stream().mapToLong(Chunks::held).sum();
    }

    /** Serves chunk {@code path} (the part after {@link #PATH}: token/index), once. */
    void serve(HttpExchange ex, String path) throws IOException {
        int slash = path.indexOf('/');
        String token = slash > 0 ? path.substring(0, slash) : "";
        Pending p;
        synchronized (pending) {
            p = pending.get(token);
        }
        byte[] bytes = null;
        if (p != null) {
            try {
                bytes = p.chunks().take(Integer.parseInt(path.substring(slash + 1)));
            } catch (NumberFormatException e) {
                bytes = null;
            } catch (SQLException e) {
                forgetResult(token);
                byte[] message = ("reading the result failed: " + e.getMessage()).getBytes(java.nio.charset.StandardCharsets.UTF_8);
                ex.sendResponseHeaders(500, message.length);
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(message);
                }
                return;
            }
            if (p.chunks().done()) {
                forgetResult(token);
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

    private void forgetResult(String token) {
        Pending p;
        synchronized (pending) {
            p = pending.remove(token);
        }
        if (p != null) {
            p.chunks().close();
        }
    }

    /** For tests: how many results have chunks waiting. */
    int pendingResults() {
        synchronized (pending) {
            return pending.size();
        }
    }
}

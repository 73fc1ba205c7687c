package dev.autosync.emulator.wire;

import com.fasterxml.jackson.core.JsonGenerator;
import com.sun.net.httpserver.HttpExchange;
import dev.autosync.emulator.engine.Result;
import dev.autosync.emulator.engine.ResultColumn;
import dev.autosync.emulator.engine.RowSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.IntSupplier;

/**
 * Results split into chunks as Snowflake splits them: the first chunk small and inline (ARROW: base64
 * in {@code rowsetBase64}; JSON: {@code rowset}), the rest listed in {@code chunks} with a URL, row count
 * and sizes each, growing in size, which the driver's chunk downloader fetches (several at a time) while
 * the caller reads. The inline chunk holds about {@link #INLINE_BYTES} of encoded rows, so a result of
 * 10,000 wide rows already comes in several chunks, as it does from Snowflake (snowflake-jdbc's
 * ResultSetLatestIT relies on that: its chunk metrics, downloader errors and interrupt); the other rows
 * the engine read with the head go in chunks of about {@link #HEAD_CHUNK_BYTES}. Snowflake's first answer names every
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
    /**
     * Encoded bytes of rows sent inline with the answer, and in each further chunk cut from the rows already
     * read (UNVERIFIED: Snowflake's exact figures are not documented; its inline chunk is small and its chunks
     * grow). JSON chunks cut from DuckDB's result stop at {@link #JSON_CHUNK_BYTES}.
     */
    static final int INLINE_BYTES = 128 * 1024;
    static final int HEAD_CHUNK_BYTES = 1024 * 1024;
    static final int JSON_CHUNK_BYTES = 16 * 1024 * 1024;
    /** Results of up to this many rows go inline whole, unmeasured. */
    static final int SMALL_RESULT_ROWS = 64;
    static final String PATH = "/autosync-result-chunks/";

    /** A result's chunks not fetched yet, and the session that ran it. */
    private record Pending(String session, ChunkSource chunks) {
    }

    /** The format of a result's rows: ARROW record batches or JSON rows. */
    enum Format {
        ARROW, JSON
    }

    /**
     * A result ready to answer: its inline first chunk (ARROW: base64, as ASCII bytes; JSON: the rows), its row
     * count, and the further chunks' rows and sizes.
     */
    record Answer(Format format, byte[] firstBase64, List<Object[]> inlineRows, List<ResultColumn> columns, long total,
                  List<long[]> chunkRowsAndBytes, String token) {
    }

    private final IntSupplier port;
    private final int firstChunkRows;
    private final int maxChunkRows;
    private final Map<String, Pending> pending = new LinkedHashMap<>(32, 0.75f, false);
    private final java.util.concurrent.atomic.AtomicLong served = new java.util.concurrent.atomic.AtomicLong();

    ResultChunks(IntSupplier port) {
        this(port, FIRST_CHUNK_ROWS, MAX_CHUNK_ROWS);
    }

    /** With other chunk sizes (tests: many chunks from a result of moderate size). */
    ResultChunks(IntSupplier port, int firstChunkRows, int maxChunkRows) {
        this.port = port;
        this.firstChunkRows = firstChunkRows;
        this.maxChunkRows = maxChunkRows;
    }

    /** The answer for {@code r} as ARROW (see {@link #prepare(Result, String, Format)}). */
    Answer prepare(Result r, String session) throws SQLException {
        return prepare(r, session, Format.ARROW);
    }

    /**
     * The answer for {@code r}: the first rows of its head (about {@link #INLINE_BYTES}) as the inline chunk,
     * the other rows of the head as chunks of about {@link #HEAD_CHUNK_BYTES}; the rows still in DuckDB as further
     * chunks: ARROW ones cut when fetched if the result was counted, else read now (JSON ones are always written
     * now, to files). DuckDB's result is closed once read, also on failure, or kept (counted ARROW results) until
     * the last chunk is fetched or the result dropped.
     */
    Answer prepare(Result r, String session, Format format) throws SQLException {
        RowSource rest = r.rest();
        try {
            List<Object[]> head = r.head();
            List<ResultColumn> cols = r.columns();
            long perRow = bytesPerRow(format, cols, head);
            int inline = (int) Math.min(head.size(), Math.max(1, INLINE_BYTES / perRow));
            // an empty result has no chunk at all (the driver would read a batch of no rows as one row)
            byte[] first = format == Format.JSON || head.isEmpty() ? new byte[0] : Base64.getEncoder().encode(
                    ArrowChunks.encode(cols, head, 0, inline));
            List<Object[]> inlineRows = format == Format.JSON ? head.subList(0, inline) : List.of();
            Map<Integer, byte[]> headChunks = new LinkedHashMap<>();
            List<long[]> sizes = new ArrayList<>();
            int step = (int) Math.max(1, HEAD_CHUNK_BYTES / perRow);
            for (int from = inline; from < head.size(); from += step) {
                int to = Math.min(head.size(), from + step);
                byte[] b = format == Format.JSON ? jsonRows(cols, head, from, to) : ArrowChunks.encode(cols, head, from, to);
                headChunks.put(headChunks.size(), b);
                sizes.add(new long[] {to - from, b.length});
            }
            if (rest == null) {
                return new Answer(format, first, inlineRows, cols, head.size(), sizes,
                        headChunks.isEmpty() ? null : keep(session, new ChunkSource.Prefixed(headChunks, null)));
            }
            if (format == Format.JSON) {
                return spillJson(r, rest, first, inlineRows, headChunks, sizes, session);
            }
            if (rest.total() > head.size()) {
                return lazy(r, rest, first, headChunks, sizes, session);
            }
            Map<Integer, byte[]> chunks = new LinkedHashMap<>();
            long total = head.size();
            int rows = firstChunkRows;
            // the session's DuckDB connection, one thread at a time (a client may run its next statement already)
            rest.connectionLock().lock();
            try (ChunkCutter cutter = ChunkCutter.of(cols, rest)) {
                for (ArrowColumns.Chunk c = cutter.next(rows); c != null; c = cutter.next(rows)) {
                    chunks.put(chunks.size(), c.bytes());
                    sizes.add(new long[] {c.rows(), c.bytes().length});
                    total += c.rows();
                    rows = Math.min(maxChunkRows, rows * 2);
                }
            } finally {
                rest.connectionLock().unlock();
            }
            if (sizes.isEmpty()) {
                return new Answer(format, first, inlineRows, cols, total, List.of(), null);
            }
            return new Answer(format, first, inlineRows, cols, total, sizes, keep(session,
                    new ChunkSource.Prefixed(headChunks, new ChunkSource.Spooled(chunks))));
        } catch (SQLException | RuntimeException e) {
            r.close();
            throw e;
        }
    }

    /** Encoded bytes per row, estimated from the head's first rows (at least 1). */
    private static long bytesPerRow(Format format, List<ResultColumn> cols, List<Object[]> head) {
        if (head.size() <= SMALL_RESULT_ROWS) {
            // most results: inline whole, without encoding a sample first (1 byte a row keeps them inline)
            return 1;
        }
        int sample = Math.min(head.size(), 256);
        int bytes = format == Format.JSON ? jsonRows(cols, head, 0, sample).length : ArrowChunks.encode(cols, head, 0, sample).length;
        return Math.max(1, bytes / sample);
    }

    /** Rows {@code from}..{@code to} as a JSON chunk: {@code ["a",null],["b","c"]}, no enclosing brackets. */
    static byte[] jsonRows(List<ResultColumn> cols, List<Object[]> rows, int from, int to) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = ResultEnvelopes.FACTORY.createGenerator(out)) {
            g.setRootValueSeparator(null);
            for (int i = from; i < to; i++) {
                if (i > from) {
                    g.writeRaw(',');
                }
                ResultEnvelopes.writeJsonRow(g, cols, rows.get(i));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The rows still in DuckDB as JSON chunks written to files now, growing from {@link #firstChunkRows} rows. */
    private Answer spillJson(Result r, RowSource rest, byte[] first, List<Object[]> inlineRows, Map<Integer, byte[]> headChunks,
                             List<long[]> sizes, String session) throws SQLException {
        ChunkSource.Spilled spilled = new ChunkSource.Spilled();
        List<ResultColumn> cols = r.columns();
        long total = r.head().size();
        // the rows as Java values: from DuckDB's Arrow export when it can, else read row by row
        // the session's DuckDB connection, one thread at a time (a client may run its next statement already)
        rest.connectionLock().lock();
        ArrowExport export = null;
        try {
            export = ArrowExport.supports(cols, rest) ? new ArrowExport(cols, rest) : null;
            int target = firstChunkRows;
            int index = 0;
            List<Object[]> rows = new ArrayList<>();
            long bytes = 0;
            Object[] row = nextRow(export, rest, cols.size());
            while (row != null) {
                rows.add(row);
                bytes += estimate(row);
                row = nextRow(export, rest, cols.size());
                if (rows.size() >= target || bytes >= JSON_CHUNK_BYTES || row == null && !rows.isEmpty()) {
                    byte[] b = jsonRows(cols, rows, 0, rows.size());
                    spilled.add(index++, b);
                    sizes.add(new long[] {rows.size(), b.length});
                    total += rows.size();
                    rows.clear();
                    bytes = 0;
                    target = Math.min(maxChunkRows, target * 2);
                }
            }
        } catch (IOException e) {
            spilled.close();
            throw new SQLException("writing the result's chunks failed: " + e.getMessage(), e);
        } catch (SQLException | RuntimeException e) {
            spilled.close();
            throw e;
        } finally {
            if (export != null) {
                export.close();
            }
            rest.close();
            rest.connectionLock().unlock();
        }
        return new Answer(Format.JSON, first, inlineRows, cols, total, sizes,
                sizes.isEmpty() ? null : keep(session, new ChunkSource.Prefixed(headChunks, spilled)));
    }

    /** The next row of the rest of a result as Java values (from the export when there is one); null at the end. */
    private static Object[] nextRow(ArrowExport export, RowSource rest, int columns) throws SQLException {
        if (export != null) {
            return export.nextValues();
        }
        if (!rest.next()) {
            return null;
        }
        Object[] row = new Object[columns];
        for (int i = 0; i < columns; i++) {
            row[i] = rest.value(i);
        }
        return row;
    }

    /** A rough size of a row (its values' text), to bound a JSON chunk's bytes while it is cut. */
    private static long estimate(Object[] row) {
        long n = 2;
        for (Object v : row) {
            n += v == null ? 5 : v instanceof byte[] b ? 2L * b.length + 3 : String.valueOf(v).length() + 3;
        }
        return n;
    }

    /** Names the chunks of a counted result; they are cut as they are fetched. */
    private Answer lazy(Result r, RowSource rest, byte[] first, Map<Integer, byte[]> headChunks, List<long[]> sizes,
                        String session) {
        long left = rest.total() - r.head().size();
        List<Integer> rows = new ArrayList<>();
        for (int n = firstChunkRows; left > 0; n = Math.min(maxChunkRows, n * 2)) {
            rows.add((int) Math.min(n, left));
            left -= rows.get(rows.size() - 1);
        }
        for (int n : rows) {
            // not encoded yet: the driver reserves memory by this size, an estimate of the decoded vectors
            sizes.add(new long[] {n, (long) n * Math.max(1, r.columns().size()) * 24L});
        }
        int[] counts = rows.stream().mapToInt(Integer::intValue).toArray();
        return new Answer(Format.ARROW, first, List.of(), r.columns(), rest.total(), sizes,
                keep(session, new ChunkSource.Prefixed(headChunks, new ChunkSource.Lazy(ChunkCutter.of(r.columns(), rest), counts,
                        rest.connectionLock()))));
    }

    /** Keeps a result's chunks for fetching under a new token; drops the oldest beyond {@link #KEPT_RESULTS}. */
    private String keep(String session, ChunkSource chunks) {
        String token = UUID.randomUUID().toString();
        List<ChunkSource> dropped = new ArrayList<>();
        synchronized (pending) {
            pending.put(token, new Pending(session, chunks));
            for (Iterator<Pending> it = pending.values().iterator(); pending.size() > KEPT_RESULTS && it.hasNext(); ) {
                dropped.add(it.next().chunks());
                it.remove();
            }
        }
        dropped.forEach(ChunkSource::close);
        return token;
    }

    /** Writes {@code rowsetBase64} (ARROW) or {@code rowset} (JSON) and {@code chunks} of an answer; answers its row count. */
    long write(JsonGenerator g, Answer s) throws IOException {
        if (s.format() == Format.JSON) {
            g.writeArrayFieldStart("rowset");
            for (Object[] row : s.inlineRows()) {
                ResultEnvelopes.writeJsonRow(g, s.columns(), row);
            }
            g.writeEndArray();
        } else {
            // base64 needs no JSON escaping: its bytes go out as they are, without a String and Jackson's escape scan
            // (what writeStringField of the same text writes, byte for byte; the generator writes UTF-8 to a stream)
            g.writeFieldName("rowsetBase64");
            g.writeRawUTF8String(s.firstBase64(), 0, s.firstBase64().length);
        }
        if (!s.chunkRowsAndBytes().isEmpty()) {
            g.writeArrayFieldStart("chunks");
            for (int n = 0; n < s.chunkRowsAndBytes().size(); n++) {
                long[] size = s.chunkRowsAndBytes().get(n);
                g.writeStartObject();
                g.writeStringField("url", "http://127.0.0.1:" + port.getAsInt() + PATH + s.token() + "/" + n);
                g.writeNumberField("rowCount", size[0]);
                // the driver reserves memory by these sizes (a JSON chunk's must be exact); chunks are not compressed
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
        List<ChunkSource> dropped = new ArrayList<>();
        synchronized (pending) {
            for (Iterator<Pending> it = pending.values().iterator(); it.hasNext(); ) {
                Pending p = it.next();
                if (p.session().equals(session)) {
                    dropped.add(p.chunks());
                    it.remove();
                }
            }
        }
        dropped.forEach(ChunkSource::close);
    }

    /** Bytes of chunks cut and kept for fetching, over all results. */
    long pendingBytes() {
        List<ChunkSource> all;
        synchronized (pending) {
            all = new ArrayList<>();
            pending.values().forEach(p -> all.add(p.chunks()));
        }
        return all.stream().mapToLong(ChunkSource::held).sum();
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
        served.incrementAndGet();
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

    /** For tests: how many chunks have been served. */
    long servedChunks() {
        return served.get();
    }

    /** For tests: how many results have chunks waiting. */
    int pendingResults() {
        synchronized (pending) {
            return pending.size();
        }
    }
}

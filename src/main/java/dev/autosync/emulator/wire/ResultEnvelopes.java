package dev.autosync.emulator.wire;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import dev.autosync.emulator.engine.ObjectRef;
import dev.autosync.emulator.engine.Result;
import dev.autosync.emulator.base.SnowflakeError;
import dev.autosync.emulator.engine.ResultColumn;
import dev.autosync.emulator.engine.RowSource;
import dev.autosync.emulator.engine.Session;
import dev.autosync.emulator.engine.SfType;
import dev.autosync.emulator.engine.StatementKind;

import java.io.IOException;
import java.io.OutputStream;
import java.sql.SQLException;
import java.util.Iterator;
import java.util.Map;

/**
 * A statement's result in Snowflake's JSON result format (rowtype, rowset, the session's final
 * database and schema, statement type), streamed as it is written.
 */
final class ResultEnvelopes {
    static final JsonFactory FACTORY = Envelopes.JSON.getFactory();

    private ResultEnvelopes() {
    }

    static void sendResult(HttpExchange ex, Session s, String queryId, Result r, boolean describeOnly) throws IOException {
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(200, 0);
        try (OutputStream out = ex.getResponseBody()) {
            writeResult(out, s, queryId, r, describeOnly);
        }
    }

    /** Fields a multi-statement parent adds to the envelope. */
    interface Extra {
        void write() throws IOException;
    }

    static void writeResult(OutputStream out, Session s, String queryId, Result r, boolean describeOnly) throws IOException {
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            writeEnvelope(g, s, queryId, r, describeOnly, () -> {
            });
        }
    }

    static void writeEnvelope(JsonGenerator g, Session s, String queryId, Result r, boolean describeOnly, Extra extra)
            throws IOException {
        writeEnvelope(g, s, queryId, r, describeOnly, extra, null);
    }

    /** Writes a chunked result's rows ({@code rowsetBase64} or {@code rowset}, and {@code chunks}); answers the row count. */
    interface ArrowRows {
        long write(JsonGenerator g) throws IOException;
    }

    /** A result as ARROW: the first chunk inline in {@code rowsetBase64}, the others as {@code chunks} the driver fetches. */
    static void sendArrowResult(HttpExchange ex, Session s, String queryId, Result r, ResultChunks chunks) throws IOException {
        sendChunkedResult(ex, s, queryId, r, chunks, ResultChunks.Format.ARROW);
    }

    /**
     * A result in chunks: the first inline ({@code rowsetBase64} for ARROW, {@code rowset} for JSON), the others as
     * {@code chunks} the driver fetches.
     */
    static void sendChunkedResult(HttpExchange ex, Session s, String queryId, Result r, ResultChunks chunks,
                                  ResultChunks.Format format) throws IOException {
        ResultChunks.Answer answer;
        try {
            answer = chunks.prepare(r, s.id(), format);
        } catch (SQLException e) {
            throw new SnowflakeError("000603", "XX000", "SQL execution internal error: reading the result failed: " + e.getMessage());
        }
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(200, 0);
        try (OutputStream out = ex.getResponseBody(); JsonGenerator g = FACTORY.createGenerator(out)) {
            writeEnvelope(g, s, queryId, r, false, () -> {
            }, gen -> chunks.write(gen, answer), format);
        }
    }

    /** The rows as JSON, written as they are read: the head, then what is still in DuckDB, which is closed after. */
    private static long writeJsonRowset(JsonGenerator g, Result r, boolean describeOnly) throws IOException {
        g.writeArrayFieldStart("rowset");
        long rows = 0;
        try (r) {
            if (!describeOnly) {
                for (Object[] row : r.head()) {
                    writeJsonRow(g, r.columns(), row);
                    rows++;
                }
                RowSource rest = r.rest();
                if (rest != null) {
                    Object[] row = new Object[r.columns().size()];
                    while (rest.next()) {
                        for (int i = 0; i < row.length; i++) {
                            row[i] = rest.value(i);
                        }
                        writeJsonRow(g, r.columns(), row);
                        rows++;
                    }
                }
            }
        } catch (SQLException e) {
            // the answer is under way: it can only break off (the driver reports the broken response)
            throw new IOException("reading the result failed: " + e.getMessage(), e);
        }
        g.writeEndArray();
        return rows;
    }

    static void writeJsonRow(JsonGenerator g, java.util.List<ResultColumn> columns, Object[] row) throws IOException {
        g.writeStartArray();
        for (int i = 0; i < columns.size(); i++) {
            String v = WireValues.format(i < row.length ? row[i] : null, columns.get(i).type());
            if (v == null) {
                g.writeNull();
            } else {
                g.writeString(v);
            }
        }
        g.writeEndArray();
    }

    static void writeEnvelope(JsonGenerator g, Session s, String queryId, Result r, boolean describeOnly, Extra extra,
                              ArrowRows arrow) throws IOException {
        writeEnvelope(g, s, queryId, r, describeOnly, extra, arrow, ResultChunks.Format.ARROW);
    }

    /** The envelope; {@code chunked} writes the rows (and chunks) in {@code format} when not null. */
    static void writeEnvelope(JsonGenerator g, Session s, String queryId, Result r, boolean describeOnly, Extra extra,
                              ArrowRows chunked, ResultChunks.Format format) throws IOException {
        ArrowRows arrow = chunked;
        g.writeStartObject();
        g.writeObjectFieldStart("data");
        if (r.transfer() != null) {
            for (Iterator<Map.Entry<String, JsonNode>> it = r.transfer().fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                g.writeFieldName(e.getKey());
                Envelopes.JSON.writeTree(g, e.getValue());
            }
        }
        g.writeArrayFieldStart("parameters");
        // the session's output formats with every result, as Snowflake sends its parameters: the driver formats with them.
        // TIMEZONE goes with them: a result that names formats but no zone is printed in the JVM's zone by the driver
        g.writeStartObject();
        g.writeStringField("name", "TIMEZONE");
        g.writeStringField("value", s.parameter("TIMEZONE"));
        g.writeEndObject();
        if (arrow != null) {
            // a result's parameters replace the session's in the driver, and it needs this one to fetch chunks
            g.writeStartObject();
            g.writeStringField("name", "CLIENT_RESULT_CHUNK_SIZE");
            g.writeNumberField("value", 160);
            g.writeEndObject();
        }
        for (Map.Entry<String, String> p : s.outputFormats().entrySet()) {
            g.writeStartObject();
            g.writeStringField("name", p.getKey());
            g.writeStringField("value", p.getValue());
            g.writeEndObject();
        }
        // and the other parameters the session set (AUTOCOMMIT always), so driver-side settings follow ALTER SESSION
        for (Map.Entry<String, String> p : s.echoedParameters().entrySet()) {
            g.writeStartObject();
            g.writeStringField("name", p.getKey());
            g.writeFieldName("value");
            Envelopes.JSON.writeTree(g, WireValues.parameterValue(p.getValue()));
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("rowtype");
        for (ResultColumn c : r.columns()) {
            writeRowType(g, c);
        }
        g.writeEndArray();
        long rows = arrow != null && !describeOnly ? arrow.write(g) : writeJsonRowset(g, r, describeOnly);
        g.writeNumberField("total", rows);
        g.writeNumberField("returned", rows);
        g.writeStringField("queryId", queryId);
        g.writeNullField("databaseProvider");
        g.writeStringField("finalDatabaseName", s.database());
        g.writeStringField("finalSchemaName", s.schema());
        g.writeStringField("finalWarehouseName", s.warehouse());
        g.writeStringField("finalRoleName", s.role());
        if (r.transfer() == null || !r.transfer().has("numberOfBinds")) {
            g.writeNumberField("numberOfBinds", 0);
        }
        // array binds for INSERT only: the driver reports an array-bound batch's counts as 1 per row or one total, so a
        // batched UPDATE/DELETE/MERGE runs row by row to give each row its own count (UNVERIFIED: Snowflake's choice)
        g.writeBooleanField("arrayBindSupported", r.kind() == StatementKind.INSERT);
        g.writeNumberField("statementTypeId", r.kind().typeId());
        g.writeNumberField("version", 1);
        g.writeNumberField("sendResultTime", System.currentTimeMillis());
        g.writeStringField("queryResultFormat", arrow != null && !describeOnly && format == ResultChunks.Format.ARROW ? "arrow" : "json");
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
        ObjectRef origin = c.origin();
        g.writeStringField("database", origin == null || origin.db() == null ? "" : origin.db());
        g.writeStringField("schema", origin == null || origin.schema() == null ? "" : origin.schema());
        g.writeStringField("table", origin == null ? "" : origin.name());
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
}

package dev.autosync.emulator.wire;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.autosync.emulator.engine.Result;
import dev.autosync.emulator.engine.ResultColumn;
import dev.autosync.emulator.engine.SfType;
import dev.autosync.emulator.engine.StatementKind;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The inline first chunk of an ARROW answer ({@code rowsetBase64}, the result format of
 * sql-reference/parameters, JDBC_QUERY_RESULT_FORMAT): written as raw base64 bytes, it is the very JSON
 * {@code writeStringField} of the base64 text writes, and decodes to the chunk's Arrow stream.
 */
class InlineRowsetTest {
    private static byte[] answer(ResultChunks chunks, Result r) throws Exception {
        ResultChunks.Answer a = chunks.prepare(r, "session", ResultChunks.Format.ARROW);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = ResultEnvelopes.FACTORY.createGenerator(out)) {
            g.writeStartObject();
            chunks.write(g, a);
            g.writeEndObject();
        }
        return out.toByteArray();
    }

    private static byte[] asText(String base64) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = ResultEnvelopes.FACTORY.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("rowsetBase64", base64);
            g.writeEndObject();
        }
        return out.toByteArray();
    }

    @Test
    void theInlineChunkIsTheBase64TextOfTheArrowStream() throws Exception {
        ResultChunks chunks = new ResultChunks(() -> 1);
        List<ResultColumn> one = List.of(new ResultColumn("1", SfType.INTEGER, null));
        List<ResultColumn> several = List.of(new ResultColumn("N", SfType.fixed(10, 2), null), ResultColumn.text("T"),
                new ResultColumn("D", SfType.DATE, null));
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            rows.add(new Object[] {new BigDecimal(i + ".25"), "text é/+= \"" + i, LocalDate.of(2024, 1, 1).plusDays(i)});
        }
        for (Object[] c : new Object[][] {{one, List.<Object[]>of(new Object[] {1})}, {several, rows}}) {
            @SuppressWarnings("unchecked")
            List<ResultColumn> cols = (List<ResultColumn>) c[0];
            @SuppressWarnings("unchecked")
            List<Object[]> data = (List<Object[]>) c[1];
            byte[] arrow = ArrowChunks.encode(cols, data, 0, data.size());
            byte[] json = answer(chunks, new Result(StatementKind.SELECT, cols, data));
            assertArrayEquals(asText(Base64.getEncoder().encodeToString(arrow)), json);
            JsonNode parsed = Envelopes.JSON.readTree(json);
            assertArrayEquals(arrow, Base64.getDecoder().decode(parsed.path("rowsetBase64").asText()));
        }
    }

    @Test
    void anEmptyResultHasAnEmptyInlineChunk() throws Exception {
        ResultChunks chunks = new ResultChunks(() -> 1);
        byte[] json = answer(chunks, new Result(StatementKind.SELECT, List.of(ResultColumn.text("T")), List.of()));
        assertArrayEquals(asText(""), json);
        assertEquals("", Envelopes.JSON.readTree(json).path("rowsetBase64").asText("missing"));
    }
}

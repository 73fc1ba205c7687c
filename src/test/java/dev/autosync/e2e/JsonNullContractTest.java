package dev.autosync.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autosync.emulator.EmulatorFixture;
import dev.autosync.pipeline.EntitySpec;
import dev.autosync.pipeline.FieldSpec;
import dev.autosync.pipeline.FieldType;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * JSON null is not SQL NULL (Snowflake's "Semi-structured data types" page, and IS_NULL_VALUE's page):
 * {@code $1:details} of {@code {"details": null}} is a VARIANT null, stored as such in a VARIANT column.
 * The contract model (what e2e's landing-rows expects) and the warehouse (what it finds) must agree.
 */
class JsonNullContractTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final FieldSpec DETAILS = new FieldSpec("DETAILS", List.of("details"), FieldType.parse("VARIANT"), true,
            null, "free-form details");
    private static final FieldSpec ID = new FieldSpec("EVENT_ID", List.of("id"), FieldType.VARCHAR, true, null, "event id");

    @Test
    void aVariantFieldHoldingJsonNullLandsAsJsonNullNotSqlNull() throws Exception {
        JsonNode withNull = JSON.readTree("{\"id\": \"e1\", \"details\": null}");
        JsonNode missing = JSON.readTree("{\"id\": \"e2\"}");
        Object landed = FieldValues.landing(DETAILS, withNull);
        assertTrue(landed instanceof JsonNode n && n.isNull(), "JSON null stays a VARIANT null: " + landed);
        assertEquals("null", FieldValues.canonical(landed));
        assertNull(FieldValues.landing(DETAILS, missing), "a missing key is SQL NULL");
        assertNull(FieldValues.text(withNull, List.of("details")), "$1:details::VARCHAR of JSON null is SQL NULL");
    }

    @Test
    void aRequiredVariantFieldHoldingJsonNullIsNotMissing() throws Exception {
        // the task's CASE tests S.DETAILS IS NULL, which a VARIANT null is not
        EntitySpec e = new EntitySpec("events", "events", "events", List.of(ID, DETAILS), List.of("EVENT_ID"), "EVENT_ID",
                "EVENT_ID", List.of(), null);
        ContractModel model = new ContractModel(e);
        model.land(JSON.readTree("{\"id\": \"e1\", \"details\": null}"));
        model.land(JSON.readTree("{\"id\": \"e2\"}"));
        assertEquals(1, model.rejects().size());
        assertEquals("missing details", model.rejects().get(0).reason());
        assertEquals("null", FieldValues.canonical(model.normalised().get(List.of("e1")).get("DETAILS")));
    }

    @Test
    void theWarehouseReadsBackWhatTheModelExpects() throws Exception {
        try (EmulatorFixture fx = new EmulatorFixture(); Connection c = fx.connect(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE JSONNULL");
            s.execute("CREATE TABLE landing (EVENT_ID VARCHAR, DETAILS VARIANT)");
            String[] sent = {"{\"id\": \"e1\", \"details\": null}", "{\"id\": \"e2\"}",
                "{\"id\": \"e3\", \"details\": {\"b\": 1, \"a\": [null]}}"};
            for (String event : sent) {
                // as the rendered COPY does: $1:path of the parsed record, uncast, into the VARIANT column
                s.execute("INSERT INTO landing SELECT j:id::VARCHAR, j:details FROM (SELECT PARSE_JSON('" + event + "') AS j)");
            }
            Map<String, FieldType> types = new LinkedHashMap<>();
            types.put("EVENT_ID", FieldType.VARCHAR);
            types.put("DETAILS", DETAILS.type());
            List<Map<String, Object>> rows = TableReader.read(c, "SELECT * FROM landing ORDER BY EVENT_ID", types);
            for (int i = 0; i < sent.length; i++) {
                Object expected = FieldValues.landing(DETAILS, JSON.readTree(sent[i]));
                assertEquals(FieldValues.canonical(expected), FieldValues.canonical(rows.get(i).get("DETAILS")), sent[i]);
            }
        }
    }
}

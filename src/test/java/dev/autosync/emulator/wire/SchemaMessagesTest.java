package dev.autosync.emulator.wire;

import dev.autosync.emulator.engine.ResultColumn;
import dev.autosync.emulator.engine.SfType;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Kept Arrow schema messages ({@link SchemaMessages}): a chunk sent with a kept schema is byte for byte the chunk
 * built anew, for every type the ARROW result format carries (sql-reference/parameters, JDBC_QUERY_RESULT_FORMAT;
 * sql-reference/intro-summary-data-types), and the same columns laid out otherwise (another integer width, a
 * decimal) get a schema of their own. ArrowResultsTest reads these chunks through snowflake-jdbc.
 */
class SchemaMessagesTest {
    private static final List<ResultColumn> EVERY_TYPE = List.of(
            column("N", SfType.INTEGER), column("SCALED", SfType.fixed(10, 2)), column("R", SfType.REAL),
            column("T", SfType.TEXT), column("B", SfType.BOOLEAN), column("D", SfType.DATE), column("TM", SfType.TIME),
            column("TM3", new SfType("time", null, 3, null)), column("NTZ", SfType.TIMESTAMP_NTZ),
            column("NTZ3", new SfType("timestamp_ntz", null, 3, null)), column("LTZ", SfType.TIMESTAMP_LTZ),
            column("TZ", SfType.TIMESTAMP_TZ), column("TZ3", new SfType("timestamp_tz", null, 3, null)),
            column("V", SfType.VARIANT), column("BIN", SfType.BINARY));

    private static ResultColumn column(String name, SfType type) {
        return new ResultColumn(name, type, null);
    }

    private static List<Object[]> rows(Object[]... rows) {
        return Arrays.asList(rows);
    }

    /** The chunk, built twice (the second time from the kept schema), after checking it starts with the schema built anew. */
    private static byte[] encodeTwice(List<ResultColumn> columns, List<Object[]> rows) {
        byte[] first = ArrowChunks.encode(columns, rows, 0, rows.size());
        byte[] second = ArrowChunks.encode(columns, rows, 0, rows.size());
        assertArrayEquals(first, second);
        List<ArrowIpc.Vector> vectors = new ArrayList<>();
        for (int c = 0; c < columns.size(); c++) {
            List<Object[]> values = new ArrayList<>();
            for (Object[] r : rows) {
                values.add(new Object[] {r[c]});
            }
            vectors.add(ArrowChunks.encodeColumn(columns.get(c), values));
        }
        byte[] fresh = ArrowChunks.schemaMessage(columns, vectors);
        assertArrayEquals(fresh, Arrays.copyOf(second, fresh.length), "the chunk starts with the schema built anew");
        return second;
    }

    private static boolean contains(byte[] bytes, String ascii) {
        byte[] needle = ascii.getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i + needle.length <= bytes.length; i++) {
            if (Arrays.equals(bytes, i, i + needle.length, needle, 0, needle.length)) {
                return true;
            }
        }
        return false;
    }

    @Test
    void aChunkWithAKeptSchemaIsTheChunkBuiltAnewForEveryType() {
        Object[] values = {1L, new BigDecimal("12.34"), 1.5d, "text", true, LocalDate.of(2024, 2, 29), LocalTime.of(12, 34, 56, 789_000_000),
            LocalTime.of(1, 2, 3), LocalDateTime.of(2024, 1, 2, 3, 4, 5, 6), LocalDateTime.of(2024, 1, 2, 3, 4, 5),
            LocalDateTime.of(2024, 1, 2, 3, 4, 5), OffsetDateTime.of(2024, 1, 2, 3, 4, 5, 0, ZoneOffset.ofHours(-8)),
            OffsetDateTime.of(2024, 1, 2, 3, 4, 5, 0, ZoneOffset.ofHours(2)), "{\"a\":1}", new byte[] {1, 2}};
        Object[] nulls = new Object[values.length];
        byte[] chunk = encodeTwice(EVERY_TYPE, rows(values, nulls));
        assertTrue(contains(chunk, "TIMESTAMP_TZ") && contains(chunk, "BINARY"));
    }

    @Test
    void theSameColumnLaidOutOtherwiseGetsASchemaOfItsOwn() {
        List<ResultColumn> n = List.of(column("N", SfType.INTEGER));
        byte[] narrow = encodeTwice(n, rows(new Object[] {1L}));
        byte[] wider = encodeTwice(n, rows(new Object[] {1000L}));
        byte[] decimal = encodeTwice(n, rows(new Object[] {new BigInteger("1180591620717411303424")}));
        assertTrue(contains(narrow, "SB1") && !contains(narrow, "SB2"));
        assertTrue(contains(wider, "SB2") && !contains(wider, "SB1"));
        assertTrue(contains(decimal, "SB16"));
        assertArrayEquals(narrow, encodeTwice(n, rows(new Object[] {1L})), "the first layout's schema again");
    }

    @Test
    void anotherNameOrTypeGetsASchemaOfItsOwn() {
        byte[] a = encodeTwice(List.of(column("A", SfType.TEXT)), rows(new Object[] {"x"}));
        byte[] b = encodeTwice(List.of(column("B", SfType.TEXT)), rows(new Object[] {"x"}));
        byte[] variant = encodeTwice(List.of(column("A", SfType.VARIANT)), rows(new Object[] {"x"}));
        assertFalse(Arrays.equals(a, b));
        assertTrue(contains(variant, "VARIANT") && !contains(a, "VARIANT"));
        byte[] tz9 = encodeTwice(List.of(column("A", SfType.TIMESTAMP_TZ)), rows(new Object[] {OffsetDateTime.of(2024, 1, 2, 3, 4, 5, 0, ZoneOffset.UTC)}));
        assertTrue(contains(tz9, "fraction"), "TIMESTAMP_TZ(9) has epoch, fraction and timezone");
        byte[] tz3 = encodeTwice(List.of(column("A", new SfType("timestamp_tz", null, 3, null))),
                rows(new Object[] {OffsetDateTime.of(2024, 1, 2, 3, 4, 5, 0, ZoneOffset.UTC)}));
        assertFalse(contains(tz3, "fraction"), "TIMESTAMP_TZ(3) has epoch and timezone");
    }

    @Test
    void theKeptSchemasAreBounded() {
        for (int i = 0; i < SchemaMessages.MAX_KEPT + 10; i++) {
            encodeTwice(List.of(column("C" + i, SfType.INTEGER)), rows(new Object[] {1L}));
        }
        assertTrue(SchemaMessages.size() <= SchemaMessages.MAX_KEPT, "kept: " + SchemaMessages.size());
        // once the cache started over, a layout it dropped is built anew, the same
        assertTrue(contains(encodeTwice(List.of(column("C0", SfType.INTEGER)), rows(new Object[] {1L})), "C0"));
    }
}

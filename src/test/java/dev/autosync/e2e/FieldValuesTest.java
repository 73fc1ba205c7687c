package dev.autosync.e2e;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autosync.pipeline.FieldType;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class FieldValuesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void textFollowsVariantToVarcharRules() throws Exception {
        var r = JSON.readTree("{\"a\": \"x\", \"n\": 87.50, \"b\": true, \"z\": null, \"o\": {\"Deep\": 1}}");
        assertEquals("x", FieldValues.text(r, List.of("a")));
        assertEquals("87.5", FieldValues.text(r, List.of("n")));
        assertEquals("true", FieldValues.text(r, List.of("b")));
        assertNull(FieldValues.text(r, List.of("z")), "JSON null is SQL NULL");
        assertNull(FieldValues.text(r, List.of("missing")));
        assertEquals("1", FieldValues.text(r, List.of("o", "Deep")));
        assertNull(FieldValues.text(r, List.of("o", "deep")), "keys are case-sensitive");
        assertNull(FieldValues.text(r, List.of("a", "x")), "a path through a scalar is NULL");
    }

    @Test
    void decimalsRoundHalfAwayFromZeroAndOverflowToNull() {
        assertEquals(new BigDecimal("95.56"), FieldValues.toDecimal("95.555", 7, 2));
        assertEquals(new BigDecimal("-95.56"), FieldValues.toDecimal("-95.555", 7, 2));
        assertEquals(new BigDecimal("99999.99"), FieldValues.toDecimal("99999.99", 7, 2));
        assertNull(FieldValues.toDecimal("100000", 7, 2));
        assertNull(FieldValues.toDecimal("99999.995", 7, 2), "rounding up past the precision overflows");
        assertNull(FieldValues.toDecimal("12,5", 7, 2));
        assertNull(FieldValues.toDecimal("", 7, 2));
        assertEquals(new BigDecimal("150.00"), FieldValues.toDecimal("1.5e2", 7, 2));
    }

    @Test
    void datesAndTimestampsAreStrict() {
        assertEquals(LocalDate.of(2026, 9, 1), FieldValues.convert(FieldType.parse("DATE"), "2026-09-01"));
        assertNull(FieldValues.convert(FieldType.parse("DATE"), "2026-02-30"));
        assertNull(FieldValues.convert(FieldType.parse("DATE"), "09/01/2026"));
        assertNull(FieldValues.convert(FieldType.parse("DATE"), "2026-9-4"), "YYYY-MM-DD only: the pipe's REGEXP_SUBSTR gate wants two-digit months and days");
        assertNull(FieldValues.convert(FieldType.parse("DATE"), " 2026-09-04"), "nothing around the date");
        FieldType tz = FieldType.parse("TIMESTAMP_TZ");
        assertEquals(Instant.parse("2026-09-01T08:00:00Z"), FieldValues.convert(tz, "2026-09-01T10:00:00+02:00"));
        assertEquals(Instant.parse("2026-09-01T08:00:00.250Z"), FieldValues.convert(tz, "2026-09-01T08:00:00.25Z"));
        assertNull(FieldValues.convert(tz, "2026-09-01T08:00Z"), "seconds are required");
        assertNull(FieldValues.convert(tz, "not a time"));
    }

    @Test
    void canonicalNumbersIgnoreTrailingZeros() {
        assertEquals("87.5", FieldValues.canonical(new BigDecimal("87.50")));
        assertEquals("0", FieldValues.canonical(new BigDecimal("0.00")));
        assertEquals("100", FieldValues.canonical(new BigDecimal("100.00")));
    }
}

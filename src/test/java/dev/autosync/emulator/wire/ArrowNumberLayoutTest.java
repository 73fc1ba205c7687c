package dev.autosync.emulator.wire;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The integer layout of a NUMBER chunk: the narrowest of Int8/16/32/64 holding the chunk's unscaled values,
 * with or without a scale (ArrowChunks.fixed), as Snowflake sends it: snowflake-jdbc's ResultSetJsonVsArrowIT
 * (testScaledTinyInt, testScaledSmallInt, testScaledInt) reads a NUMBER(3,2) of -1.28..1.27 from Snowflake as
 * one byte per value (getBytes, getByte). A 64-bit layout for scaled values would print faster in the driver
 * (BigDecimal.toPlainString instead of String.format) but break those getters. ArrowResultsTest reads every
 * width through the driver. Types: sql-reference/data-types-numeric.
 */
class ArrowNumberLayoutTest {
    private static String layout(int scale, long min, long max) {
        return ArrowChunks.fixed(new boolean[2], new long[] {min, max}, scale, min, max).physicalType;
    }

    @Test
    void wholeNumbersTakeTheNarrowestWidthHoldingTheChunk() {
        assertEquals("SB1", layout(0, Byte.MIN_VALUE, Byte.MAX_VALUE));
        assertEquals("SB2", layout(0, Byte.MIN_VALUE - 1, 0));
        assertEquals("SB2", layout(0, 0, Byte.MAX_VALUE + 1));
        assertEquals("SB2", layout(0, Short.MIN_VALUE, Short.MAX_VALUE));
        assertEquals("SB4", layout(0, Short.MIN_VALUE - 1, 0));
        assertEquals("SB4", layout(0, Integer.MIN_VALUE, Integer.MAX_VALUE));
        assertEquals("SB8", layout(0, 0, Integer.MAX_VALUE + 1L));
        assertEquals("SB8", layout(0, Long.MIN_VALUE, Long.MAX_VALUE));
    }

    @Test
    void scaledNumbersTooTakeTheNarrowestWidth() {
        assertEquals("SB1", layout(2, -128, 127));
        assertEquals("SB2", layout(3, Short.MIN_VALUE, Short.MAX_VALUE));
        assertEquals("SB4", layout(2, Integer.MIN_VALUE, Integer.MAX_VALUE));
        assertEquals("SB8", layout(9, Integer.MIN_VALUE - 1L, 0));
        assertEquals("SB8", layout(37, Long.MIN_VALUE, Long.MAX_VALUE));
    }
}

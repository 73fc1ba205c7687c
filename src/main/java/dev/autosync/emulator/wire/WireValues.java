package dev.autosync.emulator.wire;

import com.fasterxml.jackson.databind.JsonNode;
import dev.autosync.emulator.engine.SfType;
import dev.autosync.emulator.base.SnowflakeError;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;

/**
 * Values on the wire, both ways: result values as the strings snowflake-jdbc parses (epoch days,
 * epoch seconds with nanoseconds, "1"/"0" for booleans), and bind values as Java objects.
 */
final class WireValues {
    private WireValues() {
    }

    static String format(Object v, SfType t) {
        if (v == null) {
            return null;
        }
        switch (t.wireName()) {
            case "fixed":
                if (v instanceof BigDecimal b) {
                    return b.toPlainString();
                }
                if (v instanceof Double d) {
                    return BigDecimal.valueOf(d).toPlainString();
                }
                return v.toString();
            case "real":
                return v instanceof Double d ? real(d) : v.toString();
            case "boolean":
                return v instanceof Boolean b ? (b ? "1" : "0") : v.toString();
            case "date":
                return v instanceof LocalDate d ? String.valueOf(d.toEpochDay()) : v.toString();
            case "time":
                if (v instanceof LocalTime lt) {
                    return lt.toSecondOfDay() + "." + String.format("%09d", lt.getNano());
                }
                return v.toString();
            case "timestamp_ntz":
                if (v instanceof LocalDateTime ldt) {
                    return epoch(ldt.toInstant(ZoneOffset.UTC));
                }
                if (v instanceof OffsetDateTime odt) {
                    return epoch(odt.toInstant());
                }
                return v.toString();
            case "timestamp_tz":
                // "seconds.nanoseconds index": the offset travels as Snowflake's time zone index, minutes east of UTC + 1440
                if (v instanceof OffsetDateTime odt) {
                    return epoch(odt.toInstant()) + " " + (odt.getOffset().getTotalSeconds() / 60 + 1440);
                }
                if (v instanceof LocalDateTime ldt) {
                    return epoch(ldt.toInstant(ZoneOffset.UTC)) + " 1440";
                }
                return v instanceof Instant i ? epoch(i) + " 1440" : v.toString();
            case "timestamp_ltz":
                if (v instanceof OffsetDateTime odt) {
                    return epoch(odt.toInstant());
                }
                if (v instanceof LocalDateTime ldt) {
                    return epoch(ldt.toInstant(ZoneOffset.UTC));
                }
                if (v instanceof Instant i) {
                    return epoch(i);
                }
                return v.toString();
            case "binary":
                return v instanceof byte[] b ? HexFormat.of().withUpperCase().formatHex(b) : v.toString();
            default:
                if (v instanceof OffsetDateTime odt) {
                    return odt.toString();
                }
                return v.toString();
        }
    }

    /**
     * A FLOAT as Snowflake's JSON results carry it (and its pages print it): at most 10 significant digits,
     * trailing zeros dropped, C's %g layout (exponent form below 1e-4 and from 1e10: 1e+20, 1.5e-05), and
     * inf / -inf / NaN. snowflake-jdbc's ResultSetJsonVsArrowIT.testDoublePrecision reads -86.6426540296895 back
     * as -86.64265403 and 1.7976931348623157E308 as Infinity (rounded to 1.797693135e+308).
     */
    static String real(double d) {
        if (Double.isNaN(d)) {
            return "NaN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "inf" : "-inf";
        }
        if (d == 0) {
            return "0";
        }
        BigDecimal b = new BigDecimal(d).round(new java.math.MathContext(10, java.math.RoundingMode.HALF_EVEN));
        int exponent = b.precision() - b.scale() - 1;
        if (exponent < -4 || exponent >= 10) {
            String mantissa = b.movePointLeft(exponent).stripTrailingZeros().toPlainString();
            return mantissa + "e" + (exponent < 0 ? "-" : "+") + String.format("%02d", Math.abs(exponent));
        }
        return b.stripTrailingZeros().toPlainString();
    }

    private static String epoch(Instant i) {
        return BigDecimal.valueOf(i.getEpochSecond()).add(BigDecimal.valueOf(i.getNano(), 9)).setScale(9).toPlainString();
    }

    /** A bind value ({"type": "FIXED", "value": "10"}) as the Java object DuckDB takes. */
    static Object bind(String type, JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        String v = value.asText();
        try {
            switch (type) {
                case "FIXED":
                    return v.contains(".") || v.contains("e") || v.contains("E") ? new BigDecimal(v) : toIntegral(v);
                case "REAL":
                    return Double.parseDouble(v);
                case "BOOLEAN":
                    return v.equals("1") || v.equalsIgnoreCase("true");
                case "DATE":
                    return Instant.ofEpochMilli(Long.parseLong(v)).atOffset(ZoneOffset.UTC).toLocalDate();
                case "TIME": {
                    long nanos = Long.parseLong(v);
                    return LocalTime.ofNanoOfDay(nanos);
                }
                case "TIMESTAMP_NTZ": {
                    BigInteger n = new BigInteger(v);
                    return LocalDateTime.ofEpochSecond(n.divide(BigInteger.valueOf(1_000_000_000L)).longValue(),
                            n.mod(BigInteger.valueOf(1_000_000_000L)).intValue(), ZoneOffset.UTC);
                }
                case "TIMESTAMP_LTZ", "TIMESTAMP_TZ": {
                    String[] parts = v.trim().split("\\s+");
                    BigInteger n = new BigInteger(parts[0]);
                    // a TIMESTAMP_TZ bind is "nanoseconds index" (index: minutes east of UTC + 1440): it keeps its offset
                    ZoneOffset offset = parts.length > 1 ? ZoneOffset.ofTotalSeconds((Integer.parseInt(parts[1]) - 1440) * 60)
                            : ZoneOffset.UTC;
                    return Instant.ofEpochSecond(n.divide(BigInteger.valueOf(1_000_000_000L)).longValue(),
                            n.mod(BigInteger.valueOf(1_000_000_000L)).longValue()).atOffset(offset);
                }
                case "BINARY":
                    return HexFormat.of().parseHex(v);
                default:
                    return v;
            }
        } catch (RuntimeException e) {
            throw new SnowflakeError("002049", "42601", "SQL compilation error: bind value '" + v + "' is not a valid " + type);
        }
    }

    private static Object toIntegral(String v) {
        BigInteger b = new BigInteger(v);
        return b.bitLength() < 63 ? (Object) b.longValue() : new BigDecimal(b);
    }

    /** A session parameter's value as Snowflake sends it: a JSON boolean, number or string. */
    static com.fasterxml.jackson.databind.JsonNode parameterValue(String v) {
        com.fasterxml.jackson.databind.node.JsonNodeFactory f = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance;
        if (v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false")) {
            return f.booleanNode(Boolean.parseBoolean(v.toLowerCase(java.util.Locale.ROOT)));
        }
        if (v.matches("-?\\d{1,18}")) {
            return f.numberNode(Long.parseLong(v));
        }
        return f.textNode(v);
    }

    /** Puts a session parameter's value into {@code entry} as Snowflake sends it. */
    static void parameter(com.fasterxml.jackson.databind.node.ObjectNode entry, String v) {
        entry.set("value", parameterValue(v));
    }
}

package dev.autosync.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import dev.autosync.pipeline.FieldSpec;
import dev.autosync.pipeline.FieldType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What the rendered COPY makes of one field of one JSON record, computed in plain Java: the
 * {@code $1:path::VARCHAR} text and the typed landing value ({@code TRY_TO_DECIMAL},
 * {@code TRY_TO_DATE}, {@code TRY_CAST}). Values are canonical Java objects: String, BigDecimal,
 * LocalDate, Instant (TIMESTAMP_TZ/LTZ), LocalDateTime (TIMESTAMP_NTZ), Boolean, JsonNode.
 */
public final class FieldValues {
    private static final Pattern NUMBER = Pattern.compile("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?");
    /** ISO-8601 with seconds, optional fraction and an offset (Z, +hh:mm), as Snowflake's AUTO format reads it. */
    private static final DateTimeFormatter TIMESTAMP_TZ = dateTime().appendOffset("+HH:MM", "Z").toFormatter(Locale.ROOT)
            .withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter TIMESTAMP_NTZ = dateTime().toFormatter(Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);
    /**
     * The pipe's date gate, {@code REGEXP_SUBSTR(text, '^[0-9]{4}-[0-9]{2}-[0-9]{2}$')}: exactly YYYY-MM-DD,
     * nothing around it; {@code TRY_TO_DATE(text)} then refuses impossible dates (2026-02-30).
     */
    private static final Pattern DATE_SHAPE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd", Locale.ROOT)
            .withResolverStyle(ResolverStyle.STRICT);

    private FieldValues() {
    }

    /** Date, 'T' or a space, time with seconds and an optional fraction of up to nine digits. */
    private static java.time.format.DateTimeFormatterBuilder dateTime() {
        return new java.time.format.DateTimeFormatterBuilder().appendPattern("uuuu-MM-dd['T'][' ']HH:mm:ss").optionalStart()
                .appendFraction(java.time.temporal.ChronoField.NANO_OF_SECOND, 1, 9, true).optionalEnd();
    }

    /** The node at a path of object keys (case-sensitive, as Snowflake's path access), or null. */
    public static JsonNode at(JsonNode record, List<String> path) {
        JsonNode n = record;
        for (String key : path) {
            if (n == null || !n.isObject()) {
                return null;
            }
            n = n.get(key);
        }
        return n == null || n.isNull() ? null : n;
    }

    /** {@code value::VARCHAR} of a VARIANT: strings without quotes, JSON null as SQL NULL. */
    public static String text(JsonNode record, List<String> path) {
        JsonNode n = at(record, path);
        if (n == null) {
            return null;
        }
        if (n.isTextual()) {
            return n.textValue();
        }
        if (n.isNumber()) {
            return n.decimalValue().stripTrailingZeros().toPlainString();
        }
        return n.isBoolean() ? Boolean.toString(n.booleanValue()) : n.toString();
    }

    /**
     * The VARIANT at a path, as {@code $1:path} gives it: a JSON null there is a VARIANT null (a NullNode, which
     * is not SQL NULL: IS NULL is false, IS_NULL_VALUE true); a missing key, or a path through a scalar or a
     * null, is SQL NULL (Java null).
     */
    public static JsonNode variant(JsonNode record, List<String> path) {
        JsonNode n = record;
        for (String key : path) {
            if (n == null || !n.isObject()) {
                return null;
            }
            n = n.get(key);
        }
        return n;
    }

    /** The landing column's value: the field's text (or default) converted to its type; null when it does not convert. */
    public static Object landing(FieldSpec field, JsonNode record) {
        if (field.type().kind() == FieldType.Kind.VARIANT) {
            return variant(record, field.path());
        }
        String text = text(record, field.path());
        if (text == null) {
            text = field.defaultValue();
        }
        return text == null ? null : convert(field.type(), text);
    }

    /** TRY_ conversion of text to a field type, null when Snowflake's TRY_ function gives NULL. */
    public static Object convert(FieldType type, String text) {
        return switch (type.kind()) {
            case VARCHAR -> text;
            case NUMBER -> toDecimal(text, type.precision(), type.scale());
            case DATE -> toDate(text);
            case TIMESTAMP_TZ, TIMESTAMP_LTZ -> toInstant(text);
            case TIMESTAMP_NTZ -> toLocalDateTime(text);
            case BOOLEAN -> toBoolean(text);
            case VARIANT -> throw new IllegalArgumentException("VARIANT has no text conversion");
        };
    }

    /** TRY_TO_DECIMAL(text, p, s): rounded half away from zero at s; NULL when it does not fit p. */
    public static BigDecimal toDecimal(String text, int precision, int scale) {
        String t = text.strip();
        if (!NUMBER.matcher(t).matches()) {
            return null;
        }
        BigDecimal v = new BigDecimal(t).setScale(scale, RoundingMode.HALF_UP);
        return v.precision() - v.scale() > precision - scale && v.signum() != 0 ? null : v;
    }

    /** A value as comparable text: numbers without trailing zeros, instants in UTC, JSON with sorted keys. */
    public static String canonical(Object v) {
        if (v == null) {
            return null;
        }
        if (v instanceof BigDecimal d) {
            return d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString();
        }
        if (v instanceof JsonNode n) {
            // Snowflake keeps an OBJECT's keys sorted, whatever order the event wrote them in
            return canonicalJson(n);
        }
        return v.toString();
    }

    /** JSON as comparable text: keys sorted, numbers by value (87.50 and 87.5 are the same number). */
    public static String canonicalJson(JsonNode n) {
        if (n == null) {
            return null;
        }
        if (n.isNumber()) {
            return canonical(n.decimalValue());
        }
        if (n.isObject()) {
            java.util.TreeMap<String, String> fields = new java.util.TreeMap<>();
            n.fields().forEachRemaining(f -> fields.put(f.getKey(), canonicalJson(f.getValue())));
            return fields.toString();
        }
        if (n.isArray()) {
            java.util.List<String> items = new java.util.ArrayList<>();
            n.forEach(x -> items.add(canonicalJson(x)));
            return items.toString();
        }
        return n.toString();
    }

    static LocalDate toDate(String text) {
        if (!DATE_SHAPE.matcher(text).matches()) {
            return null;
        }
        try {
            return LocalDate.parse(text, DATE);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static Instant toInstant(String text) {
        try {
            return OffsetDateTime.parse(text.strip(), TIMESTAMP_TZ).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static LocalDateTime toLocalDateTime(String text) {
        try {
            return LocalDateTime.parse(text.strip(), TIMESTAMP_NTZ);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static Boolean toBoolean(String text) {
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "true", "t", "yes", "y", "on", "1" -> true;
            case "false", "f", "no", "n", "off", "0" -> false;
            default -> null;
        };
    }
}

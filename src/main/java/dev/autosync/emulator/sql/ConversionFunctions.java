package dev.autosync.emulator.sql;

import dev.autosync.emulator.base.SnowflakeError;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** TO_* and TRY_TO_* conversions: numbers, booleans, dates and timestamps (with a format), text, binary. */
final class ConversionFunctions {
    private static final SnowflakeTypes VARCHAR = SnowflakeTypes.of("VARCHAR", null, null);

    private ConversionFunctions() {
    }

    static void register(Map<String, Functions.Translation> t) {
        Functions.register(t, ConversionFunctions::number, "TRY_TO_DECIMAL", "TRY_TO_NUMBER", "TRY_TO_NUMERIC", "TO_DECIMAL",
                "TO_NUMBER", "TO_NUMERIC");
        Functions.register(t, c -> c.cast(0, SnowflakeTypes.of("DOUBLE", null, null), isTry(c)), "TO_DOUBLE", "TRY_TO_DOUBLE");
        Functions.register(t, ConversionFunctions::bool, "TO_BOOLEAN", "TRY_TO_BOOLEAN");
        Functions.register(t, c -> temporal("DATE", c), "TO_DATE", "TRY_TO_DATE", "DATE");
        Functions.register(t, c -> temporal("TIMESTAMP_NTZ", c), "TO_TIMESTAMP", "TO_TIMESTAMP_NTZ", "TRY_TO_TIMESTAMP",
                "TRY_TO_TIMESTAMP_NTZ");
        Functions.register(t, c -> temporal("TIMESTAMP_LTZ", c), "TO_TIMESTAMP_LTZ", "TRY_TO_TIMESTAMP_LTZ");
        Functions.register(t, c -> temporal("TIMESTAMP_TZ", c), "TO_TIMESTAMP_TZ", "TRY_TO_TIMESTAMP_TZ");
        Functions.register(t, c -> temporal("TIME", c), "TO_TIME", "TRY_TO_TIME", "TIME");
        Functions.register(t, ConversionFunctions::text, "TO_VARCHAR", "TO_CHAR");
        Functions.register(t, ConversionFunctions::binary, "TO_BINARY", "TRY_TO_BINARY");
    }

    private static boolean isTry(Call c) {
        return c.name().startsWith("TRY");
    }

    /** TO_/TRY_TO_DECIMAL(expr [, format] [, precision [, scale]]). */
    private static String number(Call c) {
        String format = c.literal(1);
        int at = format == null ? 1 : 2;
        Integer p = c.count() > at ? c.integer(at) : Integer.valueOf(38);
        Integer s = c.count() > at + 1 ? c.integer(at + 1) : Integer.valueOf(0);
        if (p == null || s == null) {
            throw SnowflakeError.unsupported(c.name() + " with a precision or scale that is not an integer literal");
        }
        SnowflakeTypes type = SnowflakeTypes.of("NUMBER", p, s);
        if (format == null) {
            return c.cast(0, type, isTry(c));
        }
        // the format reads the text into plain decimal text (the engine's sf_number_text), which the cast rounds
        String text = "sf_number_text(" + c.cast(0, VARCHAR, false) + ", " + c.sql(1) + ", " + isTry(c) + ")";
        return Casts.directCast(text, type, isTry(c));
    }

    private static String bool(Call c) {
        String x = c.sql(0);
        String v = "lower(trim(" + c.cast(0, VARCHAR, false) + "))";
        String fail = isTry(c) ? "NULL" : "error('Boolean value ''' || " + x + " || ''' is not recognized')";
        String text = "(CASE WHEN " + x + " IS NULL THEN NULL WHEN " + v + " IN ('true', 't', 'yes', 'y', 'on', '1') THEN TRUE WHEN "
                + v + " IN ('false', 'f', 'no', 'n', 'off', '0') THEN FALSE ELSE " + fail + " END)";
        if (c.arg(0) instanceof dev.autosync.sql.tree.Expr.StringLiteral || c.arg(0).walk().anyMatch(
                dev.autosync.sql.tree.Expr.Parameter.class::isInstance)) {
            return text;
        }
        // a number is FALSE when 0, else TRUE; NaN and infinity are errors (to_boolean page)
        String number = "(CASE WHEN isnan(CAST(" + x + " AS DOUBLE)) OR isinf(CAST(" + x + " AS DOUBLE)) THEN "
                + (isTry(c) ? "NULL" : "error('[sf:100037:22018] Boolean value ''' || " + x + " || ''' is not recognized')")
                + " ELSE CAST(" + x + " AS DOUBLE) <> 0 END)";
        return "(CASE WHEN typeof(" + x + ") IN " + NUMERIC_TYPES + " OR typeof(" + x + ") LIKE 'DECIMAL%' THEN " + number
                + " WHEN typeof(" + x + ") = 'BOOLEAN' THEN TRY_CAST(" + x + " AS BOOLEAN) ELSE " + text + " END)";
    }

    static final String NUMERIC_TYPES = "('TINYINT', 'SMALLINT', 'INTEGER', 'BIGINT', 'HUGEINT', 'UTINYINT', 'USMALLINT',"
            + " 'UINTEGER', 'UBIGINT', 'DOUBLE', 'FLOAT')";

    /**
     * TO_DATE / TO_TIME / TO_TIMESTAMP_*: a number is seconds since the epoch (with a scale, 10^-scale seconds:
     * to_timestamp page), a string of digits is seconds to nanoseconds by its size, a string with a spaced offset is read
     * with it; a format reads the text with it.
     */
    private static String temporal(String type, Call c) {
        SnowflakeTypes t = SnowflakeTypes.of(type, null, null);
        String duck = t.duck();
        if (c.count() == 2 && c.arg(1) instanceof dev.autosync.sql.tree.Expr.NumberLiteral n && n.text().matches("[0-9]")) {
            return epoch(c.sql(0), Integer.parseInt(n.text()), duck, isTry(c));
        }
        // AUTO as the format is the same as no format (to_date page)
        boolean auto = c.count() == 2 && "AUTO".equalsIgnoreCase(c.literal(1));
        if (c.count() == 1 || auto) {
            if ((duck.equals("DATE") || duck.equals("TIME")) && c.arg(0) instanceof dev.autosync.sql.tree.Expr.NumberLiteral) {
                // an integer is seconds since the epoch (functions-date-time page: TO_DATE and TO_TIME support integers)
                return epoch(c.sql(0), 0, duck, isTry(c));
            }
            if (c.arg(0) instanceof dev.autosync.sql.tree.Expr.StringLiteral || c.arg(0) instanceof dev.autosync.sql.tree.Expr.NumberLiteral
                    && !duck.equals("TIMESTAMP") && !duck.equals("TIMESTAMPTZ")) {
                return c.cast(0, t, isTry(c));
            }
            String x = c.sql(0);
            return "(CASE WHEN typeof(" + x + ") = 'VARCHAR' THEN " + TemporalText.normaliseSql("CAST(" + x + " AS VARCHAR)", duck, isTry(c))
                    + " WHEN typeof(" + x + ") IN " + NUMERIC_TYPES + " OR typeof(" + x + ") LIKE 'DECIMAL%' THEN "
                    + epoch(x, 0, duck, isTry(c)) + " ELSE " + c.cast(0, t, isTry(c)) + " END)";
        }
        String fmt = DateFormats.toStrptime(c.requireLiteral(1, "TO_" + type));
        String text = c.cast(0, VARCHAR, false);
        if (!fmt.contains("%Y") && !fmt.contains("%y")) {
            // a format without a year reads the year 1970 (date-time-examples page: TO_DATE('11:20:30', 'hh:mi:ss') is
            // 1970-01-01), where strptime would take 1900
            text = "('1970 ' || " + text + ")";
            fmt = "%Y " + fmt;
        }
        return "CAST(" + (isTry(c) ? "try_strptime(" : "strptime(") + text + ", " + Translator.literal(fmt) + ") AS "
                + t.duck() + ")";
    }

    /** A number of 10^-scale seconds since the epoch as a value of the DuckDB type {@code duck} (UTC wall clock). */
    static String epoch(String x, int scale, String duck, boolean tryCast) {
        if (scale > 6 && duck.equals("TIMESTAMP")) {
            // a TIMESTAMP_NTZ(9) keeps the nanoseconds of a scale 7-9 number (to_timestamp page)
            String nanos = "CAST(CAST(CAST(" + x + " AS VARCHAR) AS DECIMAL(38, 0)) * " + "1" + "0".repeat(9 - scale) + " AS BIGINT)";
            return (tryCast ? "TRY_CAST(" : "CAST(") + "make_timestamp_ns(" + nanos + ") AS TIMESTAMP_NS)";
        }
        String micros = "CAST(round(CAST(CAST(" + x + " AS VARCHAR) AS DECIMAL(38, 9)) * " + java.math.BigDecimal.TEN.pow(6 - scale + 9)
                .movePointLeft(9).toPlainString() + ") AS BIGINT)";
        String ts = "make_timestamp(" + micros + ")";
        return duck.equals("TIMESTAMPTZ") ? "timezone('UTC', " + ts + ")" : (tryCast ? "TRY_CAST(" : "CAST(") + ts + " AS " + duck + ")";
    }

    /**
     * The CASE branches for a VARIANT cast to a timestamp (to_timestamp page, usage notes): a number is seconds since the
     * epoch taken as an instant, so a TIMESTAMP_NTZ gets the session zone's wall clock (PARSE_JSON(0)::TIMESTAMP_NTZ is
     * 1969-12-31 16:00:00 in Los Angeles, where 0::TIMESTAMP_NTZ is 1970-01-01 00:00:00); a string is read as text is.
     */
    static String variantTimestamp(String sql, String duck, boolean tryCast) {
        String text = "CAST(" + sql + " AS VARCHAR)";
        String value = "json_extract_string(" + text + ", '$')";
        String instant = epoch(value, 0, "TIMESTAMPTZ", tryCast);
        return " WHEN typeof(" + sql + ") = 'JSON' AND json_type(" + text + ") IN ('UBIGINT', 'BIGINT', 'DOUBLE') THEN "
                + (duck.equals("TIMESTAMPTZ") ? instant : (tryCast ? "TRY_CAST(" : "CAST(") + instant + " AS " + duck + ")")
                + " WHEN typeof(" + sql + ") = 'JSON' AND json_type(" + text + ") = 'VARCHAR' THEN "
                + TemporalText.normaliseSql(value, duck, tryCast);
    }

    /** A numeric format model: digits, separators, sign, currency, hex, TM, FM and quoted literals only. */
    private static final java.util.regex.Pattern NUMERIC_FORMAT = java.util.regex.Pattern.compile(
            "(?i)(\"[^\"]*\"|FM|TM9|TME|TM|MI|E{2,7}|[90.DG,$SXB])+");

    private static String text(Call c) {
        String x = c.sql(0);
        if (c.count() == 1) {
            if (c.arg(0).walk().anyMatch(dev.autosync.sql.tree.Expr.Parameter.class::isInstance)) {
                return c.cast(0, VARCHAR, false);
            }
            // a FLOAT reads with at most 9 decimals (the engine's NumberFormats.doubleText)
            return "(CASE WHEN typeof(" + x + ") IN ('DOUBLE', 'FLOAT') THEN sf_double_text(CAST(" + x + " AS VARCHAR)) ELSE "
                    + c.generator().binaryAware(c.arg(0), x, VARCHAR, false) + " END)";
        }
        String format = c.requireLiteral(1, c.name());
        if (isBinaryFormat(format)) {
            return binaryToText(anyBlob(x), format);
        }
        if (NUMERIC_FORMAT.matcher(format).matches()) {
            return "sf_number_format(CAST(" + x + " AS VARCHAR), " + c.sql(1) + ")";
        }
        String pattern = DateFormats.toStrftime(c.requireLiteral(1, c.name()));
        if (pattern.indexOf(DateFormats.OFFSET_COLON) >= 0 || pattern.indexOf(DateFormats.OFFSET_PLAIN) >= 0
                || pattern.indexOf(DateFormats.OFFSET_HOURS) >= 0) {
            return zonedText(c, pattern);
        }
        String offset = c.generator().tzOffset(c.arg(0));
        // a TIMESTAMP_TZ is written by its own wall clock (UNVERIFIED with TZH:TZM in the format: the session zone's then)
        String value = offset == null ? c.sql(0) : TimestampTz.wall(c.sql(0), offset);
        String duck = offset == null ? c.generator().duckType(c.arg(0)) : null;
        if (duck != null && duck.startsWith("TIME") && !duck.startsWith("TIMESTAMP")) {
            // a TIME is written on the clock of a day (to_char page: TO_VARCHAR(time, 'HH12:MI AM')); strftime takes no TIME
            value = duck.equals("TIME_NS") ? "CAST('1970-01-01 ' || CAST(" + value + " AS VARCHAR) AS TIMESTAMP_NS)"
                    : "(DATE '1970-01-01' + CAST(" + value + " AS TIME))";
        }
        return "strftime(" + value + ", " + Translator.literal(pattern) + ")";
    }

    /**
     * TO_CHAR of a timestamp with TZH:TZM, TZHTZM or TZH (to_char page, date and time formats): the offset is the
     * value's own for a TIMESTAMP_TZ, the session zone's at that instant for a TIMESTAMP_LTZ; a value without a time zone
     * writes the UTC indicator Z (data-types-datetime page: "If the output format contains a time zone, the UTC
     * indicator (Z) is displayed"; UNVERIFIED for TO_CHAR).
     */
    private static String zonedText(Call c, String pattern) {
        String x = c.sql(0);
        String offset = c.generator().tzOffset(c.arg(0));
        String value = x;
        String minutes = null;
        if (offset != null) {
            value = TimestampTz.wall(x, offset);
            minutes = "CAST(" + offset + " AS BIGINT)";
        } else if ("TIMESTAMP WITH TIME ZONE".equals(c.generator().duckType(c.arg(0)))) {
            minutes = "sf_offset_at(" + x + ", " + DateFunctions.zone(c) + ")";
        }
        List<String> parts = new java.util.ArrayList<>();
        StringBuilder segment = new StringBuilder();
        for (char ch : pattern.toCharArray()) {
            if (ch != DateFormats.OFFSET_COLON && ch != DateFormats.OFFSET_PLAIN && ch != DateFormats.OFFSET_HOURS) {
                segment.append(ch);
                continue;
            }
            if (segment.length() > 0) {
                parts.add("strftime(" + value + ", " + Translator.literal(segment.toString()) + ")");
                segment.setLength(0);
            }
            if (minutes == null) {
                parts.add("'Z'");
                continue;
            }
            String sign = "(CASE WHEN " + minutes + " < 0 THEN '-' ELSE '+' END)";
            String hours = "lpad(CAST(abs(" + minutes + ") // 60 AS VARCHAR), 2, '0')";
            String mins = "lpad(CAST(abs(" + minutes + ") % 60 AS VARCHAR), 2, '0')";
            parts.add(sign + " || " + hours + (ch == DateFormats.OFFSET_HOURS ? "" : (ch == DateFormats.OFFSET_COLON ? " || ':' || " : " || ")
                    + mins));
        }
        if (segment.length() > 0) {
            parts.add("strftime(" + value + ", " + Translator.literal(segment.toString()) + ")");
        }
        return "(" + String.join(" || ", parts) + ")";
    }

    /**
     * TO_BINARY / TRY_TO_BINARY(text [, format]): the format defaults to the session's BINARY_INPUT_FORMAT (HEX unless
     * set); TRY_TO_BINARY with a format other than HEX, BASE64 or UTF-8 is NULL (to_binary, try_to_binary pages).
     */
    private static String binary(Call c) {
        c.need(1, 2);
        String fmt = c.count() > 1 ? c.requireLiteral(1, c.name()) : inputFormat(c.context());
        if (c.arg(0) instanceof dev.autosync.sql.tree.Expr.StringLiteral) {
            return binaryFromText(c.sql(0), fmt, isTry(c));
        }
        String x = c.sql(0);
        // a BINARY stays as it is; text is decoded in the format
        return "(CASE WHEN typeof(" + x + ") = 'BLOB' THEN CAST(CAST(" + x + " AS VARCHAR) AS BLOB) ELSE "
                + binaryFromText(c.cast(0, VARCHAR, false), fmt, isTry(c)) + " END)";
    }

    /** The session's BINARY_INPUT_FORMAT (binary-input-output page: HEX by default). */
    static String inputFormat(SqlContext ctx) {
        String f = ctx == null ? null : ctx.parameter("BINARY_INPUT_FORMAT");
        return f == null ? "HEX" : f;
    }

    /** The session's BINARY_OUTPUT_FORMAT (HEX or BASE64; HEX by default). */
    static String outputFormat(SqlContext ctx) {
        String f = ctx == null ? null : ctx.parameter("BINARY_OUTPUT_FORMAT");
        return f == null ? "HEX" : f;
    }

    /**
     * SQL reading the text {@code text} as BINARY in {@code format} (binary-input-output page): HEX is case-insensitive
     * and must be pairs of hex digits (else 100115 "The following string is not a legal hex-encoded value"), BASE64
     * ignores whitespace, UTF-8 takes the text's bytes. With {@code tryCast}, text that does not decode is NULL.
     */
    static String binaryFromText(String text, String format, boolean tryCast) {
        String f = format.toUpperCase(Locale.ROOT);
        switch (f) {
            case "HEX":
                return "unhex(sf_hex_checked(" + text + ", " + tryCast + "))";
            case "BASE64": {
                String decoded = "unhex(sf_base64_decode_hex(regexp_replace(" + text + ", '\\s+', '', 'g'), '+/='))";
                return tryCast ? "TRY(" + decoded + ")" : decoded;
            }
            case "UTF-8", "UTF8":
                return "encode(" + text + ")";
            default:
                if (tryCast) {
                    return "CAST(NULL AS BLOB)";
                }
                throw SnowflakeError.compilation("invalid binary format '" + format + "'; expected HEX, BASE64 or UTF-8");
        }
    }

    /** SQL writing the BINARY {@code blob} as text in {@code format}: HEX (upper case), BASE64 or UTF-8 (binary-input-output page). */
    static String binaryToText(String blob, String format) {
        return switch (format.toUpperCase(Locale.ROOT)) {
            case "HEX" -> "hex(" + blob + ")";
            case "BASE64" -> "to_base64(" + blob + ")";
            case "UTF-8", "UTF8" -> "decode(" + blob + ")";
            default -> throw SnowflakeError.compilation("invalid binary format '" + format + "'; expected HEX, BASE64 or UTF-8");
        };
    }

    /**
     * {@code sql} as a BLOB whatever its type, for CASE branches chosen by typeof: DuckDB's BLOB to VARCHAR cast writes
     * bytes as {@code \xHH} escapes, which the cast back to BLOB reads, so a BINARY keeps its bytes.
     */
    static String anyBlob(String sql) {
        return "CAST(CAST(" + sql + " AS VARCHAR) AS BLOB)";
    }

    /** Upper-case hex of {@code sql} when it is a BINARY (see {@link #anyBlob}). */
    static String anyBlobHex(String sql) {
        return "hex(" + anyBlob(sql) + ")";
    }

    /** Whether a format names a binary encoding (TO_VARCHAR(binary, 'HEX' | 'BASE64' | 'UTF-8')). */
    static boolean isBinaryFormat(String format) {
        return format != null && java.util.Set.of("HEX", "BASE64", "UTF-8", "UTF8").contains(format.toUpperCase(Locale.ROOT));
    }
}

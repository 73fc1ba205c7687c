package dev.autosync.emulator.engine;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.duckdb.DuckDBColumnType;
import org.duckdb.DuckDBConnection;
import org.duckdb.DuckDBFunctions;
import org.duckdb.DuckDBReadableVector;
import org.duckdb.DuckDBWritableVector;

/**
 * Snowflake functions DuckDB cannot express, registered as DuckDB scalar functions named
 * {@code sf_*} that the translator calls with every argument given (it fills in the defaults).
 * A NULL argument gives NULL. Semantics live in plain Java ({@link TextFunctions},
 * {@link VariantText}); a failure is raised as {@link #error}, which the error mapper turns into the
 * Snowflake error it names.
 */
final class JavaFunctions {
    private static final DuckDBColumnType S = DuckDBColumnType.VARCHAR;
    private static final DuckDBColumnType L = DuckDBColumnType.BIGINT;
    private static final DuckDBColumnType B = DuckDBColumnType.BOOLEAN;
    private static final DuckDBColumnType D = DuckDBColumnType.DATE;
    private static final DuckDBColumnType TS = DuckDBColumnType.TIMESTAMP;
    private static final DuckDBColumnType TZ = DuckDBColumnType.TIMESTAMP_WITH_TIME_ZONE;
    /** The prefix of an error raised in a function: {@code [sf:CODE:SQLSTATE] message}. */
    static final String ERROR_PREFIX = "[sf:";

    private JavaFunctions() {
    }

    static void register(DuckDBConnection c) throws SQLException {
        fn(c, "sf_regexp_substr", S, List.of(S, S, L, L, S), a -> guard(() -> RegexpFunctions.regexpSubstr(str(a[0]), str(a[1]),
                lng(a[2]), lng(a[3]), str(a[4]), null)));
        fn(c, "sf_regexp_substr", S, List.of(S, S, L, L, S, L), a -> guard(() -> RegexpFunctions.regexpSubstr(str(a[0]),
                str(a[1]), lng(a[2]), lng(a[3]), str(a[4]), lng(a[5]))));
        fn(c, "sf_regexp_substr_all", S, List.of(S, S, L, L, S), a -> guard(() -> jsonArray(RegexpFunctions.regexpSubstrAll(
                str(a[0]), str(a[1]), lng(a[2]), lng(a[3]), str(a[4]), null))));
        fn(c, "sf_regexp_substr_all", S, List.of(S, S, L, L, S, L), a -> guard(() -> jsonArray(RegexpFunctions.regexpSubstrAll(
                str(a[0]), str(a[1]), lng(a[2]), lng(a[3]), str(a[4]), lng(a[5])))));
        fn(c, "sf_sha2", S, List.of(S, L), a -> guard(() -> TextFunctions.sha2(str(a[0]), lng(a[1]))));
        fn(c, "sf_arrays_to_object", S, List.of(S, S), a -> guard(() -> ObjectFunctions.arraysToObject(str(a[0]), str(a[1]))));
        fn(c, "sf_get_ignore_case", S, List.of(S, S), a -> guard(() -> ObjectFunctions.getIgnoreCase(str(a[0]), str(a[1]))));
        fn(c, "sf_regexp_instr", L, List.of(S, S, L, L, L, S), a -> guard(() -> RegexpFunctions.regexpInstr(str(a[0]), str(a[1]),
                lng(a[2]), lng(a[3]), lng(a[4]), str(a[5]), null)));
        fn(c, "sf_regexp_instr", L, List.of(S, S, L, L, L, S, L), a -> guard(() -> RegexpFunctions.regexpInstr(str(a[0]),
                str(a[1]), lng(a[2]), lng(a[3]), lng(a[4]), str(a[5]), lng(a[6]))));
        fn(c, "sf_regexp_count", L, List.of(S, S, L, S), a -> guard(() -> RegexpFunctions.regexpCount(str(a[0]), str(a[1]),
                lng(a[2]), str(a[3]))));
        fn(c, "sf_regexp_replace", S, List.of(S, S, S, L, L, S), a -> guard(() -> RegexpFunctions.regexpReplace(str(a[0]),
                str(a[1]), str(a[2]), lng(a[3]), lng(a[4]), str(a[5]))));
        fn(c, "sf_regexp_like", B, List.of(S, S, S), a -> guard(() -> RegexpFunctions.regexpLike(str(a[0]), str(a[1]), str(a[2]))));
        fn(c, "sf_strtok", S, List.of(S, S, L), a -> TextFunctions.strtok(str(a[0]), str(a[1]), lng(a[2])));
        fn(c, "sf_strtok_to_array", S, List.of(S, S), a -> jsonArray(TextFunctions.tokens(str(a[0]), str(a[1]))));
        fn(c, "sf_split", S, List.of(S, S), a -> jsonArray(TextFunctions.split(str(a[0]), str(a[1]))));
        fn(c, "sf_split_part", S, List.of(S, S, L), a -> TextFunctions.splitPart(str(a[0]), str(a[1]), lng(a[2])));
        fn(c, "sf_initcap", S, List.of(S), a -> TextFunctions.initcap(str(a[0]), null));
        fn(c, "sf_initcap", S, List.of(S, S), a -> TextFunctions.initcap(str(a[0]), str(a[1])));
        fn(c, "sf_soundex", S, List.of(S), a -> TextFunctions.soundex(str(a[0])));
        fn(c, "sf_base64_encode", S, List.of(S, L, S), a -> TextFunctions.base64Encode(TextFunctions.utf8(str(a[0])), lng(a[1]),
                str(a[2])));
        fn(c, "sf_base64_decode_string", S, List.of(S, S), a -> guard(() -> TextFunctions.utf8Text(TextFunctions.base64Decode(
                str(a[0]), str(a[1])))));
        // BINARY values cross the UDF boundary as hex text (DuckDB's Java UDFs take no BLOB): BASE64_ENCODE of a BINARY
        // encodes its bytes, BASE64_DECODE_BINARY with an alphabet answers the bytes (base64_encode / base64_decode_binary pages)
        fn(c, "sf_base64_encode_hex", S, List.of(S, L, S), a -> TextFunctions.base64Encode(java.util.HexFormat.of().parseHex(str(a[0])),
                lng(a[1]), str(a[2])));
        fn(c, "sf_base64_decode_hex", S, List.of(S, S), a -> guard(() -> java.util.HexFormat.of().withUpperCase().formatHex(
                TextFunctions.base64Decode(str(a[0]), str(a[1])))));
        // BINARY bitwise operations and SNAPPY compression, bytes as hex (BinaryFunctions)
        fn(c, "sf_bitwise_bin", S, List.of(S, S, S, S), a -> guard(() -> BinaryFunctions.bitwise(str(a[0]), str(a[1]), str(a[2]),
                str(a[3]))));
        fn(c, "sf_bitnot_bin", S, List.of(S), a -> BinaryFunctions.bitnot(str(a[0])));
        fn(c, "sf_bitshift_bin", S, List.of(S, L), a -> BinaryFunctions.shift(str(a[0]), lng(a[1])));
        fn(c, "sf_compress", S, List.of(S, S), a -> guard(() -> BinaryFunctions.compress(str(a[0]), str(a[1]))));
        fn(c, "sf_decompress", S, List.of(S, S), a -> guard(() -> BinaryFunctions.decompress(str(a[0]), str(a[1]))));
        fn(c, "sf_binary_position", L, List.of(S, S, L), a -> BinaryFunctions.position(str(a[0]), str(a[1]), lng(a[2])));
        fn(c, "sf_soundex_p123", S, List.of(S), a -> TextFunctions.soundexP123(str(a[0])));
        fn(c, "sf_uuid_v5", S, List.of(S, S), a -> guard(() -> NamedUuid.of(str(a[0]), str(a[1]))));
        fn(c, "sf_case", S, List.of(S, S, S), a -> {
            java.util.Locale locale = java.util.Locale.forLanguageTag(str(a[2]));
            return str(a[1]).equals("lower") ? str(a[0]).toLowerCase(locale) : str(a[0]).toUpperCase(locale);
        });
        // hex text checked before DuckDB's unhex: pairs of hex digits, else Snowflake's 100115 (or NULL for TRY_ forms)
        fn(c, "sf_hex_checked", S, List.of(S, B), a -> {
            String s = str(a[0]);
            if (s.length() % 2 == 0 && s.chars().allMatch(ch -> Character.digit(ch, 16) >= 0)) {
                return s;
            }
            if ((Boolean) a[1]) {
                return null;
            }
            throw error("100115", "22000", "The following string is not a legal hex-encoded value: '" + s + "'");
        });
        // a FLOAT's exact binary value as decimal text, for casts to NUMBER(p,s) that round it as Snowflake does (to_double
        // page: TO_DOUBLE(1.1)::NUMBER(38, 18) is 1.100000000000000089); NaN and infinity are not numbers
        fn(c, "sf_double_exact", S, List.of(DuckDBColumnType.DOUBLE), a -> {
            double d = (Double) a[0];
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw error("100038", "22018", "Numeric value '" + (Double.isNaN(d) ? "NaN" : d > 0 ? "inf" : "-inf") + "' is not recognized");
            }
            return new java.math.BigDecimal(d).toPlainString();
        });
        fn(c, "sf_json_text", S, List.of(S), a -> VariantText.compact(str(a[0])));
        fn(c, "sf_number_format", S, List.of(S, S), a -> guard(() -> NumberFormats.format(new java.math.BigDecimal(str(a[0])),
                str(a[1]))));
        fn(c, "sf_double_text", S, List.of(S), a -> NumberFormats.doubleText(Double.parseDouble(str(a[0]))));
        fn(c, "sf_number_text", S, List.of(S, S, B), a -> {
            String n = TextFunctions.numberWithFormat(str(a[0]), str(a[1]));
            if (n == null && !(Boolean) a[2]) {
                throw str(a[1]).toUpperCase(java.util.Locale.ROOT).contains("X")
                        ? error("100140", "22007", "Can't parse '" + a[0] + "' as number with format '" + a[1] + "'")
                        : error("100038", "22018", "Numeric value '" + a[0] + "' is not recognized");
            }
            return n;
        });
        fn(c, "sf_double_json", S, List.of(DuckDBColumnType.DOUBLE), a -> JsonParsing.doubleJson((Double) a[0]));
        fn(c, "sf_typeof", S, List.of(S), a -> guard(() -> ObjectFunctions.typeOf(str(a[0]))));
        fn(c, "sf_parse_json", S, List.of(S, S), a -> {
            try {
                return JsonParsing.parseJson(str(a[0]), str(a[1]));
            } catch (IllegalArgumentException e) {
                throw error("100069", "22P02", "Error parsing JSON: " + e.getMessage());
            }
        });
        fn(c, "sf_variant_timestamp", S, List.of(S), a -> JsonParsing.timestampText(str(a[0])));
        fn(c, "sf_parse_url", S, List.of(S, L), a -> UrlFunctions.parseUrl(str(a[0]), lng(a[1])));
        fn(c, "sf_parse_ip", S, List.of(S, S, L), a -> IpAddresses.parse(str(a[0]), str(a[1]), lng(a[2])));
        fn(c, "sf_check_json", S, List.of(S, S), a -> JsonParsing.checkJson(str(a[0]), str(a[1])));
        fn(c, "sf_array_append", S, List.of(S, S), a -> guard(() -> ArrayFunctions.arrayAppend(str(a[0]), str(a[1]))));
        fn(c, "sf_array_prepend", S, List.of(S, S), a -> guard(() -> ArrayFunctions.arrayPrepend(str(a[0]), str(a[1]))));
        fn(c, "sf_array_insert", S, List.of(S, L, S), a -> guard(() -> ArrayFunctions.arrayInsert(str(a[0]), lng(a[1]),
                str(a[2]))));
        fn(c, "sf_array_cat", S, List.of(S, S), a -> guard(() -> ArrayFunctions.arrayCat(str(a[0]), str(a[1]))));
        fn(c, "sf_array_compact", S, List.of(S), a -> guard(() -> ArrayFunctions.arrayCompact(str(a[0]))));
        fn(c, "sf_array_contains", B, List.of(S, S), a -> guard(() -> ArrayFunctions.arrayContains(str(a[0]), str(a[1]))));
        fn(c, "sf_array_position", L, List.of(S, S), a -> guard(() -> ArrayFunctions.arrayPosition(str(a[0]), str(a[1]))));
        fn(c, "sf_array_slice", S, List.of(S, L, L), a -> guard(() -> ArrayFunctions.arraySlice(str(a[0]), lng(a[1]),
                lng(a[2]))));
        fn(c, "sf_array_to_string", S, List.of(S, S), a -> guard(() -> ArrayFunctions.arrayToString(str(a[0]), str(a[1]))));
        fn(c, "sf_array_distinct", S, List.of(S), a -> guard(() -> ArrayFunctions.arrayDistinct(str(a[0]))));
        fn(c, "sf_array_remove", S, List.of(S, S), a -> guard(() -> ArrayFunctions.arrayRemove(str(a[0]), str(a[1]))));
        fn(c, "sf_array_remove_at", S, List.of(S, L), a -> guard(() -> ArrayFunctions.arrayRemoveAt(str(a[0]), lng(a[1]))));
        fn(c, "sf_array_reverse", S, List.of(S), a -> guard(() -> ArrayFunctions.arrayReverse(str(a[0]))));
        fn(c, "sf_array_flatten", S, List.of(S), a -> guard(() -> ArrayFunctions.arrayFlatten(str(a[0]))));
        fn(c, "sf_array_except", S, List.of(S, S), a -> guard(() -> ArrayFunctions.arrayExcept(str(a[0]), str(a[1]))));
        fn(c, "sf_array_intersection", S, List.of(S, S), a -> guard(() -> ArrayFunctions.arrayIntersection(str(a[0]),
                str(a[1]))));
        fn(c, "sf_arrays_overlap", B, List.of(S, S), a -> guard(() -> ArrayFunctions.arraysOverlap(str(a[0]), str(a[1]))));
        fn(c, "sf_object_delete", S, List.of(S, S), a -> guard(() -> ObjectFunctions.objectDelete(str(a[0]), str(a[1]))));
        fn(c, "sf_object_insert", S, List.of(S, S, S, B), a -> guard(() -> ObjectFunctions.objectInsert(str(a[0]), str(a[1]),
                str(a[2]), (Boolean) a[3])));
        fn(c, "sf_object_pick", S, List.of(S, S), a -> guard(() -> ObjectFunctions.objectPick(str(a[0]), str(a[1]))));
        fn(c, "sf_array_sort", S, List.of(S, B, B), a -> guard(() -> ArrayFunctions.arraySort(str(a[0]), (Boolean) a[1],
                (Boolean) a[2])));
        fn(c, "sf_array_max", S, List.of(S), a -> guard(() -> ArrayFunctions.arrayExtreme(str(a[0]), true)));
        fn(c, "sf_array_min", S, List.of(S), a -> guard(() -> ArrayFunctions.arrayExtreme(str(a[0]), false)));
        fn(c, "sf_arrays_zip", S, List.of(S), a -> guard(() -> ArrayFunctions.arraysZip(str(a[0]))));
        registerDates(c);
        fn(c, "sf_object_of_row", S, List.of(S, B), a -> ObjectFunctions.objectOfRow(str(a[0]), (Boolean) a[1]));
    }

    /**
     * Date functions that keep their input's type: one overload a type (DATE, TIMESTAMP, TIMESTAMPTZ), so DuckDB picks
     * it when it binds the call; the last argument is the session's TIMEZONE, where a TIMESTAMP_LTZ is computed.
     */
    private static void registerDates(DuckDBConnection c) throws SQLException {
        for (DuckDBColumnType t : List.of(D, TS, TZ)) {
            fn(c, "sf_dateadd", t, List.of(S, L, t, S), a -> guard(() -> onLocal(a[2], a[3],
                    x -> DateTimeFunctions.add(str(a[0]), lng(a[1]), x))));
            fn(c, "sf_date_trunc", t, List.of(S, t, L, S), a -> guard(() -> onLocal(a[1], a[3],
                    x -> DateTimeFunctions.trunc(str(a[0]), x, lng(a[2])))));
            fn(c, "sf_time_slice", t, List.of(t, L, S, S, S), a -> guard(() -> onLocal(a[0], a[4],
                    x -> DateTimeFunctions.slice(x, lng(a[1]), str(a[2]), str(a[3])))));
        }
        // TIMESTAMP_TZ offsets (the translator's TimestampTz): a zone's offset at an instant (text offsets are read in SQL)
        fn(c, "sf_offset_at", L, List.of(TZ, S), a -> guard(() -> DateTimeFunctions.offsetAt((java.time.OffsetDateTime) a[0],
                str(a[1]))));
        fn(c, "sf_temporal_text", S, List.of(S), a -> dev.autosync.emulator.sql.TemporalText.autoDate(str(a[0])));
        fn(c, "sf_week_part", L, List.of(S, D, L, L), a -> guard(() -> DateTimeFunctions.weekPart(str(a[0]),
                (java.time.LocalDate) a[1], lng(a[2]), lng(a[3]))));
    }

    /** Applies {@code f} to a DATE, TIMESTAMP or (in {@code zone}) TIMESTAMPTZ value, giving a value of the same type. */
    private static Object onLocal(Object value, Object zone, java.util.function.UnaryOperator<java.time.LocalDateTime> f) {
        if (value instanceof java.time.LocalDate d) {
            return f.apply(d.atStartOfDay()).toLocalDate();
        }
        if (value instanceof java.time.OffsetDateTime o) {
            java.time.ZoneId z = java.time.ZoneId.of(str(zone));
            return f.apply(o.atZoneSameInstant(z).toLocalDateTime()).atZone(z).toOffsetDateTime();
        }
        return f.apply((java.time.LocalDateTime) value);
    }

    private static String str(Object o) {
        return (String) o;
    }

    private static long lng(Object o) {
        return (Long) o;
    }

    /** A JSON array of strings, as DuckDB JSON text. */
    private static String jsonArray(List<String> items) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < items.size(); i++) {
            sb.append(i == 0 ? "\"" : ",\"");
            com.fasterxml.jackson.core.io.JsonStringEncoder.getInstance().quoteAsString(items.get(i), sb);
            sb.append('"');
        }
        return sb.append(']').toString();
    }

    /** Runs a function, turning its IllegalArgumentException into Snowflake's 100048 "invalid argument". */
    private static Object guard(java.util.function.Supplier<Object> f) {
        try {
            return f.get();
        } catch (IllegalArgumentException e) {
            throw error("100048", "22023", e.getMessage());
        }
    }

    /** An error the mapper reports as Snowflake's {@code code} ({@code sqlState}) with this message. */
    static RuntimeException error(String code, String sqlState, String message) {
        return new IllegalStateException(ERROR_PREFIX + code + ":" + sqlState + "] " + message);
    }

    private static void fn(DuckDBConnection c, String name, DuckDBColumnType returns, List<DuckDBColumnType> params,
            Function<Object[], Object> f) throws SQLException {
        DuckDBFunctions.scalarFunction().withName(name).withParameters(params.toArray(new DuckDBColumnType[0]))
                .withReturnType(returns).withVectorizedFunction((in, out) -> {
                    int n = params.size();
                    List<DuckDBReadableVector> vs = new ArrayList<>(n);
                    for (int i = 0; i < n; i++) {
                        vs.add(in.vector(i));
                    }
                    Object[] args = new Object[n];
                    for (long row = 0; row < in.rowCount(); row++) {
                        boolean anyNull = false;
                        for (int i = 0; i < n && !anyNull; i++) {
                            DuckDBReadableVector v = vs.get(i);
                            if (v.isNull(row)) {
                                anyNull = true;
                            } else {
                                args[i] = switch (params.get(i)) {
                                    case BIGINT -> v.getLong(row);
                                    case BOOLEAN -> v.getBoolean(row);
                                    case DOUBLE -> v.getDouble(row);
                                    case DATE -> v.getLocalDate(row);
                                    case TIMESTAMP -> v.getLocalDateTime(row);
                                    case TIMESTAMP_WITH_TIME_ZONE -> v.getOffsetDateTime(row);
                                    default -> v.getString(row);
                                };
                            }
                        }
                        Object r = anyNull ? null : f.apply(args);
                        write(out, row, returns, r);
                    }
                }).register(c);
    }

    private static void write(DuckDBWritableVector out, long row, DuckDBColumnType type, Object r) {
        if (r == null) {
            out.setNull(row);
        } else if (type == DuckDBColumnType.BIGINT) {
            out.setLong(row, (Long) r);
        } else if (type == DuckDBColumnType.BOOLEAN) {
            out.setBoolean(row, (Boolean) r);
        } else if (type == D) {
            out.setDate(row, (java.time.LocalDate) r);
        } else if (type == TS) {
            out.setTimestamp(row, (java.time.LocalDateTime) r);
        } else if (type == TZ) {
            out.setOffsetDateTime(row, (java.time.OffsetDateTime) r);
        } else {
            out.setString(row, (String) r);
        }
    }
}

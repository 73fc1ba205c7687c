package dev.autosync.sql.rules;

import java.util.Set;

/**
 * The functions a COPY transformation may call: the list under "Supported functions" of
 * en/user-guide/data-load-transform.md, and the conversion functions of
 * en/sql-reference/functions-conversion.md, which the same page's "Convert data types during a load"
 * says are all supported. Operators (arithmetic, comparison, AND / OR / NOT, IS NULL, BETWEEN) are not
 * functions and are not restricted.
 */
final class TransformFunctions {
    /** "Supported functions", each name and its documented synonyms. */
    static final Set<String> LISTED = Set.of("ARRAY_CONSTRUCT", "ARRAY_SIZE", "ASCII", "CEIL", "CHECK_JSON", "CHECK_XML",
            "CHR", "CHAR", "CONCAT", "CONVERT_TIMEZONE", "ENDSWITH", "EQUAL_NULL", "FLOOR", "GET", "GET_PATH",
            "HEX_DECODE_STRING", "HEX_ENCODE", "IFF", "IFNULL", "ILIKE", "IS_ARRAY", "IS_BOOLEAN", "IS_DECIMAL",
            "IS_INTEGER", "IS_NULL_VALUE", "IS_OBJECT", "IS_TIME", "IS_TIMESTAMP_LTZ", "IS_TIMESTAMP_NTZ", "IS_TIMESTAMP_TZ",
            "LENGTH", "LEN", "LIKE", "LPAD", "LTRIM", "MD5", "MD5_HEX", "NULLIF", "NVL", "NVL2", "OBJECT_CONSTRUCT",
            "PARSE_IP", "PARSE_JSON", "PARSE_URL", "PARSE_XML", "RANDOM", "REGEXP_REPLACE", "REGEXP_SUBSTR", "REPLACE",
            "REVERSE", "RPAD", "RTRIM", "SPLIT", "SPLIT_PART", "STARTSWITH", "SUBSTR", "SUBSTRING", "TO_ARRAY",
            "TO_BINARY", "TO_BOOLEAN", "TO_CHAR", "TO_VARCHAR", "TO_DATE", "DATE", "TO_DECFLOAT", "TO_DECIMAL",
            "TO_NUMBER", "TO_NUMERIC", "TO_DOUBLE", "TO_OBJECT", "TO_TIME", "TIME", "TO_TIMESTAMP", "TO_TIMESTAMP_LTZ",
            "TO_TIMESTAMP_NTZ", "TO_TIMESTAMP_TZ", "TO_VARIANT", "TRIM", "TRY_CAST", "CAST", "TRY_HEX_DECODE_STRING",
            "TRY_TO_BINARY", "TRY_TO_BOOLEAN", "TRY_TO_DATE", "TRY_TO_DECFLOAT", "TRY_TO_DECIMAL", "TRY_TO_NUMBER",
            "TRY_TO_NUMERIC", "TRY_TO_DOUBLE", "TRY_TO_TIME", "UNICODE", "UUID_STRING", "XMLGET");

    /** Conversion functions not already listed ("All conversion functions are supported"). */
    static final Set<String> CONVERSION = Set.of("TRY_TO_TIMESTAMP", "TRY_TO_TIMESTAMP_LTZ", "TRY_TO_TIMESTAMP_NTZ",
            "TRY_TO_TIMESTAMP_TZ", "TO_GEOGRAPHY", "TRY_TO_GEOGRAPHY", "ST_GEOGFROMGEOHASH", "ST_GEOGPOINTFROMGEOHASH",
            "ST_GEOGRAPHYFROMWKB", "ST_GEOGRAPHYFROMWKT", "TO_GEOMETRY", "TRY_TO_GEOMETRY", "ST_GEOMETRYFROMWKB",
            "ST_GEOMETRYFROMWKT");

    /** Take no format argument in a COPY: "the COPY INTO <table> command does not support the optional format argument". */
    static final Set<String> NO_FORMAT_ARGUMENT = Set.of("TRY_TO_DATE", "TRY_TO_TIME");

    /** The same question left open by the docs (UNVERIFIED): refused with a format argument, like TRY_TO_DATE. */
    static final Set<String> FORMAT_ARGUMENT_UNVERIFIED = Set.of("TRY_TO_TIMESTAMP", "TRY_TO_TIMESTAMP_LTZ",
            "TRY_TO_TIMESTAMP_NTZ", "TRY_TO_TIMESTAMP_TZ");

    /** In a pipe their values "can be a few hours earlier than the LOAD_TIME" (en/sql-reference/sql/create-pipe.md, copy_statement note). */
    static final Set<String> CLOCK = Set.of("CURRENT_DATE", "CURRENT_TIME", "CURRENT_TIMESTAMP", "GETDATE", "LOCALTIME",
            "LOCALTIMESTAMP", "SYSDATE", "SYSTIMESTAMP");

    /** Aggregate functions: "GROUP BY (aggregate) syntax" is not supported. */
    static final Set<String> AGGREGATES = Set.of("COUNT", "COUNT_IF", "SUM", "AVG", "MIN", "MAX", "MEDIAN", "MODE",
            "ANY_VALUE", "ARRAY_AGG", "ARRAY_UNIQUE_AGG", "OBJECT_AGG", "LISTAGG", "STDDEV", "STDDEV_POP", "STDDEV_SAMP",
            "VARIANCE", "VAR_POP", "VAR_SAMP", "BOOLAND_AGG", "BOOLOR_AGG", "APPROX_COUNT_DISTINCT", "HLL", "MIN_BY", "MAX_BY");

    /** METADATA$ columns of staged files (en/user-guide/querying-metadata.md). */
    static final Set<String> METADATA = Set.of("METADATA$FILENAME", "METADATA$FILE_ROW_NUMBER", "METADATA$FILE_CONTENT_KEY",
            "METADATA$FILE_LAST_MODIFIED", "METADATA$START_SCAN_TIME");

    private TransformFunctions() {
    }

    static boolean supported(String name) {
        return LISTED.contains(name) || CONVERSION.contains(name);
    }
}

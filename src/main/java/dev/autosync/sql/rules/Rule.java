package dev.autosync.sql.rules;

/**
 * A rule Snowflake holds a COPY INTO a table or a pipe to, with the documentation page that states it
 * ({@code page} under docs.snowflake.com, {@code section} the heading). {@code verified} is false where
 * the docs leave open whether Snowflake rejects the construct: autosync then refuses it to keep the
 * user safe, and its message says the rule is unverified.
 */
public enum Rule {
    TRANSFORM_FUNCTIONS("copy-transform-functions", Pages.TRANSFORM, "Supported functions", true,
            "a COPY transformation calls only the documented functions, conversion functions and scalar SQL UDFs"),
    TRANSFORM_FORMAT_ARGUMENT("copy-transform-format-argument", Pages.TRANSFORM, "Supported functions (TRY_TO_DATE, TRY_TO_TIME)",
            true, "TRY_TO_DATE and TRY_TO_TIME take no format argument in a COPY"),
    TRANSFORM_TIMESTAMP_FORMAT_ARGUMENT("copy-transform-timestamp-format-argument", Pages.TRANSFORM,
            "Supported functions; Convert data types during a load", false,
            "TRY_TO_TIMESTAMP* with a format argument in a COPY (unverified: refused like TRY_TO_DATE's)"),
    TRANSFORM_FILTER("copy-transform-filter", Pages.TRANSFORM, "Filter results", true,
            "no WHERE, ORDER BY, LIMIT, FETCH, TOP (or OFFSET) in a COPY transformation"),
    TRANSFORM_FLATTEN_JOIN_GROUP_BY("copy-transform-flatten-join-group-by", Pages.TRANSFORM, "Supported functions", true,
            "no FLATTEN, JOIN, GROUP BY or aggregate (window) syntax in a COPY transformation"),
    TRANSFORM_SIMPLE_SELECT("copy-transform-simple-select", Pages.COPY, "Syntax (data load with transformation)", true,
            "a COPY transformation is one simple SELECT from a stage: no WITH, set operators, subqueries, HAVING or QUALIFY"),
    TRANSFORM_DISTINCT("copy-transform-distinct", Pages.TRANSFORM, "Filter results", false,
            "no DISTINCT in a COPY transformation (documented as not fully supported; unverified whether rejected)"),
    TRANSFORM_SOURCE("copy-transform-source", Pages.COPY, "Transformation parameters", true,
            "a COPY transformation reads a user stage or a named stage, not an external location"),
    TRANSFORM_TABLE_STAGE("copy-transform-table-stage", Pages.COPY, "Transformation parameters", false,
            "a COPY transformation from a table stage (@%t) (unverified: the docs name only user and named stages)"),
    TRANSFORM_COLUMNS("copy-transform-columns", Pages.COPY, "Transformation parameters", true,
            "a COPY transformation selects $n / alias.$n[:path], METADATA$ columns and sequences"),
    TRANSFORM_MATCH_BY_COLUMN_NAME("copy-transform-match-by-column-name", Pages.TRANSFORM, "MATCH_BY_COLUMN_NAME copy option",
            true, "MATCH_BY_COLUMN_NAME cannot be combined with a COPY transformation"),
    TRANSFORM_VALIDATION_MODE("copy-transform-validation-mode", Pages.TRANSFORM, "VALIDATION_MODE parameter", true,
            "VALIDATION_MODE cannot be combined with a COPY transformation"),
    MATCH_BY_COLUMN_NAME_VALIDATION_MODE("copy-match-by-column-name-validation-mode", Pages.COPY, "MATCH_BY_COLUMN_NAME", true,
            "MATCH_BY_COLUMN_NAME cannot be combined with VALIDATION_MODE"),
    INCLUDE_METADATA("copy-include-metadata", Pages.COPY, "INCLUDE_METADATA", true,
            "INCLUDE_METADATA only with MATCH_BY_COLUMN_NAME, mapping columns to the five METADATA$ fields"),
    COLUMN_LIST("copy-column-list", Pages.COPY, "( col_name [ , col_name ... ] )", true,
            "a column appears once in COPY's column list"),
    FILES_LIMIT("copy-files-limit", Pages.COPY, "FILES", true, "FILES names at most 1000 files"),
    COLUMN_COUNT("copy-column-count", Pages.COPY, "Transformation parameters", true,
            "the SELECT list matches the column list, item for item"),
    COPY_OPTION_VALUES("copy-option-values", Pages.COPY, "Copy options (copyOptions)", true,
            "ON_ERROR is CONTINUE, SKIP_FILE, SKIP_FILE_n, 'SKIP_FILE_n%' or ABORT_STATEMENT; SIZE_LIMIT > 0"),
    MATCH_BY_COLUMN_NAME_FORMAT("copy-match-by-column-name-format", Pages.COPY, "MATCH_BY_COLUMN_NAME", true,
            "MATCH_BY_COLUMN_NAME only for JSON, Avro, ORC, Parquet and CSV"),
    FILE_FORMAT_OPTIONS("copy-file-format-options", Pages.COPY, "Format type options (formatTypeOptions)", true,
            "no SKIP_HEADER with PARSE_HEADER = TRUE; delimiters of at most 20 characters, neither a substring of the other"),
    FORMAT_NAME_AND_TYPE("copy-format-name-and-type", Pages.COPY, "FILE_FORMAT", false,
            "FORMAT_NAME and TYPE together (documented as mutually exclusive; unverified whether rejected)"),
    LOAD_MODE_ADD_FILES_COPY("copy-load-mode-add-files-copy", Pages.COPY, "Usage notes (LOAD_MODE)", true,
            "LOAD_MODE = ADD_FILES_COPY without transformation, MATCH_BY_COLUMN_NAME = CASE_SENSITIVE, ON_ERROR ABORT_STATEMENT or SKIP_FILE"),
    PIPE_COPY_OPTIONS("pipe-copy-options", Pages.PIPE, "Usage notes", true,
            "a pipe's COPY has no FILES, ON_ERROR = ABORT_STATEMENT, SIZE_LIMIT, PURGE, FORCE, RETURN_FAILED_ONLY or VALIDATION_MODE"),
    PIPE_INTEGRATION_REQUIRED("pipe-integration-required", Pages.PIPE, "INTEGRATION", true,
            "AUTO_INGEST = TRUE on a GCS or Azure stage needs INTEGRATION"),
    PIPE_INTEGRATION_UPPERCASE("pipe-integration-uppercase", Pages.PIPE, "INTEGRATION", true,
            "the INTEGRATION name is typed in all uppercase"),
    PIPE_SNS_AND_INTEGRATION("pipe-sns-and-integration", Pages.PIPE, "AWS_SNS_TOPIC", true,
            "not both AWS_SNS_TOPIC and INTEGRATION"),
    PIPE_NOTIFICATION_SCOPE("pipe-notification-scope", Pages.PIPE, "AWS_SNS_TOPIC, INTEGRATION", false,
            "INTEGRATION only with auto-ingest on an external stage, AWS_SNS_TOPIC only with auto-ingest on S3 (unverified)"),
    PIPE_USER_STAGE("pipe-user-stage", Pages.PIPE, "AUTO_INGEST", true,
            "a pipe loads from named or table stages (internal) or external stages, not from a user stage (@~)"),
    PIPE_EXTERNAL_LOCATION("pipe-external-location", Pages.PIPE, "AUTO_INGEST", false,
            "a pipe's COPY from an external location URL instead of a stage (unverified: the docs name stages only)"),
    PIPE_PROPERTIES("pipe-properties", Pages.PIPE, "Syntax", true,
            "CREATE PIPE takes AUTO_INGEST, ERROR_INTEGRATION, AWS_SNS_TOPIC, INTEGRATION, COMMENT (and PIPE_EXECUTION_PAUSED with OR ALTER)"),
    PIPE_REPLACE_OR_IF_NOT_EXISTS("pipe-replace-or-if-not-exists", Pages.PIPE, "Usage notes", true,
            "OR REPLACE and IF NOT EXISTS are mutually exclusive");

    private final String id;
    private final String page;
    private final String section;
    private final boolean verified;
    private final String summary;

    Rule(String id, String page, String section, boolean verified, String summary) {
        this.id = id;
        this.page = page;
        this.section = section;
        this.verified = verified;
        this.summary = summary;
    }

    /** A stable name for messages and the README. */
    public String id() {
        return id;
    }

    /** The documentation page, as its path under docs.snowflake.com ({@code en/...md} in the docs mirror). */
    public String page() {
        return page;
    }

    public String section() {
        return section;
    }

    public boolean verified() {
        return verified;
    }

    /** One line: what the rule requires. */
    public String summary() {
        return summary;
    }

    /** Where the rule is written: {@code page, "section"}. */
    public String source() {
        return page + ", \"" + section + "\"";
    }

    /** The pages the rules come from. */
    static final class Pages {
        static final String TRANSFORM = "en/user-guide/data-load-transform.md";
        static final String COPY = "en/sql-reference/sql/copy-into-table.md";
        static final String PIPE = "en/sql-reference/sql/create-pipe.md";

        private Pages() {
        }
    }
}

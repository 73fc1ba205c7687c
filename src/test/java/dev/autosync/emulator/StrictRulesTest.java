package dev.autosync.emulator;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.sql.Connection;
import java.sql.SQLException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The emulator refuses, through the real snowflake-jdbc driver, what Snowflake's documentation says a
 * COPY INTO a table and a pipe may not contain (the rules of dev.autosync.sql.rules), and accepts the
 * valid shape of each. Pages: en/user-guide/data-load-transform.md, en/sql-reference/sql/copy-into-table.md,
 * en/sql-reference/sql/create-pipe.md.
 */
class StrictRulesTest {
    private static EmulatorFixture fx;
    private static Connection c;

    @BeforeAll
    static void start() throws Exception {
        fx = new EmulatorFixture();
        c = fx.connect();
        exec("CREATE DATABASE R", "CREATE SCHEMA R.S", "CREATE FILE FORMAT JF TYPE = JSON",
                "CREATE TABLE T (A VARCHAR, B VARCHAR)", "CREATE TABLE V (V VARIANT)",
                "CREATE STAGE ST FILE_FORMAT = (FORMAT_NAME = 'JF')",
                "CREATE STORAGE INTEGRATION GI TYPE = EXTERNAL_STAGE STORAGE_PROVIDER = 'GCS' ENABLED = TRUE "
                        + "STORAGE_ALLOWED_LOCATIONS = ('gcs://bkt/')",
                "CREATE NOTIFICATION INTEGRATION NI ENABLED = TRUE TYPE = QUEUE NOTIFICATION_PROVIDER = GCP_PUBSUB "
                        + "GCP_PUBSUB_SUBSCRIPTION_NAME = 'projects/p-1/subscriptions/s'",
                "CREATE STAGE GST URL = 'gcs://bkt/events/' STORAGE_INTEGRATION = GI FILE_FORMAT = (FORMAT_NAME = 'JF')");
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    private static void exec(String... sql) throws SQLException {
        EmulatorFixture.execute(c, sql);
    }

    @ParameterizedTest(name = "[{0}] {1}")
    @CsvSource(delimiter = '|', value = {
        // data-load-transform.md "Supported functions": TRY_TO_DATE without its format argument
        "copy-transform-format-argument|COPY INTO T FROM (SELECT TRY_TO_DATE($1:d::VARCHAR, 'YYYY-MM-DD'), $1:b FROM @ST)"
                + "|TRY_TO_DATE in a COPY transformation takes no format argument ('YYYY-MM-DD')",
        "copy-transform-functions|COPY INTO T FROM (SELECT COALESCE($1:a, 'x'), $1:b FROM @ST)"
                + "|function COALESCE is not supported in a COPY transformation",
        "copy-transform-functions|COPY INTO T FROM (SELECT CURRENT_TIMESTAMP, $1:b FROM @ST)"
                + "|function CURRENT_TIMESTAMP is not supported in a COPY transformation",
        // data-load-transform.md "Filter results"
        "copy-transform-filter|COPY INTO T FROM (SELECT $1:a, $1:b FROM @ST WHERE $1:a IS NOT NULL)"
                + "|WHERE is not supported in a COPY transformation",
        "copy-transform-filter|COPY INTO T FROM (SELECT $1:a, $1:b FROM @ST LIMIT 5)|LIMIT (or FETCH) is not supported",
        "copy-transform-flatten-join-group-by|COPY INTO T FROM (SELECT f.value, 1 FROM @ST s, TABLE(FLATTEN(input => s.$1)) f)"
                + "|COPY transformations do not support the FLATTEN function, or JOIN or GROUP BY (aggregate) syntax",
        "copy-transform-flatten-join-group-by|COPY INTO T FROM (SELECT $1:a, COUNT(*) FROM @ST GROUP BY $1:a)"
                + "|GROUP BY (aggregate) syntax",
        "copy-transform-simple-select|COPY INTO T FROM (SELECT A, B FROM T)"
                + "|COPY statement only supports simple SELECT from stage statements for import",
        "copy-transform-distinct|COPY INTO T FROM (SELECT DISTINCT $1:a, $1:b FROM @ST)|UNVERIFIED",
        // data-load-transform.md "MATCH_BY_COLUMN_NAME copy option": Snowflake's own text
        "copy-transform-match-by-column-name|COPY INTO T FROM (SELECT $1:a, $1:b FROM @ST) MATCH_BY_COLUMN_NAME = CASE_INSENSITIVE"
                + "|match_by_column_name is not supported with copy transform",
        "copy-transform-validation-mode|COPY INTO T FROM (SELECT $1:a, $1:b FROM @ST) VALIDATION_MODE = RETURN_ERRORS"
                + "|VALIDATION_MODE does not support COPY statements that transform data during a load",
        "copy-include-metadata|COPY INTO T FROM @ST INCLUDE_METADATA = (A = METADATA$FILENAME)"
                + "|INCLUDE_METADATA can only be used with the MATCH_BY_COLUMN_NAME copy option",
        "copy-column-list|COPY INTO T (A, A) FROM (SELECT $1:a, $1:b FROM @ST)|column 'A' is repeated",
        "copy-column-count|COPY INTO T (A, B) FROM (SELECT $1:a FROM @ST)|Insert value list does not match column list expecting 2 but got 1",
        "copy-option-values|COPY INTO V FROM @ST ON_ERROR = SKIP_EVERYTHING|invalid value [SKIP_EVERYTHING] for parameter 'ON_ERROR'",
        "copy-file-format-options|COPY INTO V FROM @ST FILE_FORMAT = (TYPE = CSV PARSE_HEADER = TRUE SKIP_HEADER = 1)"
                + "|the SKIP_HEADER option is not supported with PARSE_HEADER = TRUE",
        "pipe-properties|CREATE PIPE P10 PIPE_EXECUTION_PAUSED = TRUE AS COPY INTO V FROM @ST"
                + "|invalid property 'PIPE_EXECUTION_PAUSED' for CREATE PIPE",
        // create-pipe.md usage notes and INTEGRATION
        "pipe-copy-options|CREATE PIPE P1 AS COPY INTO V FROM @ST PURGE = TRUE|copy option PURGE = TRUE is not supported in a pipe",
        "pipe-copy-options|CREATE PIPE P2 AS COPY INTO V FROM @ST SIZE_LIMIT = 100|copy option SIZE_LIMIT = 100 is not supported",
        "pipe-copy-options|CREATE PIPE P3 AS COPY INTO V FROM @ST RETURN_FAILED_ONLY = TRUE|RETURN_FAILED_ONLY",
        "pipe-copy-options|CREATE PIPE P4 AS COPY INTO V FROM @ST ON_ERROR = ABORT_STATEMENT|ON_ERROR = ABORT_STATEMENT is not supported",
        "pipe-integration-required|CREATE PIPE P5 AUTO_INGEST = TRUE AS COPY INTO V FROM @GST"
                + "|Integration is required for AUTO_INGEST = TRUE on a GCS stage",
        "pipe-integration-uppercase|CREATE PIPE P6 AUTO_INGEST = TRUE INTEGRATION = 'ni' AS COPY INTO V FROM @GST"
                + "|the integration name must be typed in all uppercase ('NI')",
        "pipe-user-stage|CREATE PIPE P9 AS COPY INTO V FROM @~/x/|a pipe cannot load from the user stage @~/x/",
        "pipe-notification-scope|CREATE PIPE P7 INTEGRATION = 'NI' AS COPY INTO V FROM @GST|UNVERIFIED",
    })
    void refusedWithTheRulesMessage(String rule, String sql, String message) {
        SQLException e = assertThrows(SQLException.class, () -> exec(sql), rule);
        assertTrue(e.getMessage().startsWith("SQL compilation error:"), e.getMessage());
        assertTrue(e.getMessage().contains(message), rule + ": " + e.getMessage());
        assertEquals(2000, e.getErrorCode(), e.getMessage());
    }

    @ParameterizedTest(name = "[{0}] {1}")
    @CsvSource(delimiter = '|', value = {
        "copy-transform-format-argument|COPY INTO T FROM (SELECT NVL2(REGEXP_SUBSTR($1:d::VARCHAR, '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'), "
                + "TRY_TO_DATE($1:d::VARCHAR), NULL), METADATA$FILENAME FROM @ST)",
        "copy-transform-functions|COPY INTO T FROM (SELECT IFNULL($1:a::VARCHAR, 'x'), TRY_CAST($1:t::VARCHAR AS TIMESTAMP_NTZ) FROM @ST)",
        "copy-include-metadata|COPY INTO T FROM @ST MATCH_BY_COLUMN_NAME = CASE_INSENSITIVE INCLUDE_METADATA = (B = METADATA$FILENAME)",
        "pipe-copy-options|CREATE PIPE OK1 AS COPY INTO V FROM @ST ON_ERROR = CONTINUE PATTERN = '.*[.]json'",
        "pipe-integration-required|CREATE PIPE OK2 AUTO_INGEST = TRUE INTEGRATION = 'NI' AS COPY INTO V FROM (SELECT $1 FROM @GST/x/)",
    })
    void theValidShapeIsAccepted(String rule, String sql) throws SQLException {
        exec(sql);
    }
}

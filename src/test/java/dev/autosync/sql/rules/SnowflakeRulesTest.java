package dev.autosync.sql.rules;

import dev.autosync.sql.parse.SqlParser;
import dev.autosync.sql.tree.CreatePipe;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each rule of {@link Rule} on the parsed statement: the documented valid shape passes, the refused one
 * breaks exactly that rule. Pages: en/user-guide/data-load-transform.md ("Supported functions",
 * "Filter results", "VALIDATION_MODE parameter", "MATCH_BY_COLUMN_NAME copy option"),
 * en/sql-reference/sql/copy-into-table.md (transformation parameters, copy options) and
 * en/sql-reference/sql/create-pipe.md (usage notes, INTEGRATION, AWS_SNS_TOPIC).
 */
class SnowflakeRulesTest {
    private static final Map<String, StageKind> STAGES = Map.of("INT_STAGE", StageKind.INTERNAL, "S3_STAGE", StageKind.S3,
            "GCS_STAGE", StageKind.GCS, "AZ_STAGE", StageKind.AZURE);
    private static final String T = "COPY INTO T (A, B) FROM (SELECT %s FROM @INT_STAGE/x/)";

    private static List<Violation> copy(String sql) {
        return CopyRules.builtInOnly().check(SqlParser.of(sql).copyInto(), false);
    }

    private static List<Violation> pipe(String sql) {
        CreatePipe p = SqlParser.of(sql).createPipe();
        return new PipeRules(CopyRules.builtInOnly()).check(p, loc -> STAGES.getOrDefault(loc.split("/")[0], StageKind.UNKNOWN));
    }

    private static void assertRule(String rule, List<Violation> found, String sql) {
        if (rule.equals("OK")) {
            assertEquals(List.of(), found, sql);
        } else {
            assertTrue(found.stream().anyMatch(v -> v.rule() == Rule.valueOf(rule)), sql + " -> " + found);
            found.forEach(v -> assertTrue(v.message().startsWith("SQL compilation error: "), v.message()));
        }
    }

    @ParameterizedTest(name = "transformation [{0}]: {1}")
    @CsvSource(delimiter = '|', value = {
        // "Supported functions" (data-load-transform.md), their argument restrictions, conversion functions
        "OK|$1:a::VARCHAR, TRY_TO_DECIMAL($1:b::VARCHAR, 9, 2)",
        "OK|NVL2(REGEXP_SUBSTR($1:d::VARCHAR, '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'), TRY_TO_DATE($1:d::VARCHAR), NULL), METADATA$FILENAME",
        "OK|IFF($1:a IS NULL, 'x', 'y'), CASE WHEN $1:b::VARCHAR LIKE 'a%' THEN 1 ELSE 0 END",
        "OK|TRY_CAST($1:t::VARCHAR AS TIMESTAMP_TZ), TO_TIMESTAMP_NTZ($1:t::VARCHAR, 'YYYY-MM-DD HH24:MI:SS')",
        "OK|TRY_TO_TIMESTAMP($1:t::VARCHAR), seq1.NEXTVAL",
        "OK|t.$1, SPLIT($1:ip, '.')",
        "TRANSFORM_FORMAT_ARGUMENT|TRY_TO_DATE($1:d::VARCHAR, 'YYYY-MM-DD'), $2",
        "TRANSFORM_FORMAT_ARGUMENT|$1, try_to_time($1:t::VARCHAR, 'HH24:MI')",
        "TRANSFORM_TIMESTAMP_FORMAT_ARGUMENT|$1, TRY_TO_TIMESTAMP_TZ($1:t::VARCHAR, 'YYYY-MM-DD\"T\"HH24:MI:SSTZH:TZM')",
        "TRANSFORM_FUNCTIONS|COALESCE($1:a, 'x'), $2",
        "TRANSFORM_FUNCTIONS|UPPER($1:a::VARCHAR), $2",
        "TRANSFORM_FUNCTIONS|CURRENT_TIMESTAMP(), $2",
        "TRANSFORM_FUNCTIONS|$1:a::VARCHAR RLIKE 'x', $2",
        "TRANSFORM_FUNCTIONS|TRY_PARSE_JSON($1:a), $2",
        "TRANSFORM_FUNCTIONS|MY_DB.S.MY_UDF($1), $2",
        "TRANSFORM_FLATTEN_JOIN_GROUP_BY|COUNT($1), $2",
        "TRANSFORM_FLATTEN_JOIN_GROUP_BY|ROW_NUMBER() OVER (ORDER BY $1), $2",
        "TRANSFORM_SIMPLE_SELECT|(SELECT 1), $2",
        "TRANSFORM_COLUMNS|A, $2",
        "TRANSFORM_COLUMNS|METADATA$FILE_SIZE, $2",
        "TRANSFORM_DISTINCT|DISTINCT $1, $2",
    })
    void transformationFunctionsAndColumns(String rule, String items) {
        String sql = String.format(T, items);
        assertRule(rule, copy(sql), sql);
    }

    @ParameterizedTest(name = "COPY [{0}]: {1}")
    @CsvSource(delimiter = '|', value = {
        "OK|COPY INTO T FROM @INT_STAGE/x/ FILE_FORMAT = (TYPE = JSON) ON_ERROR = 'SKIP_FILE_10%'",
        "OK|COPY INTO T FROM @INT_STAGE MATCH_BY_COLUMN_NAME = CASE_INSENSITIVE INCLUDE_METADATA = (F = METADATA$FILENAME)",
        "OK|COPY INTO T FROM (SELECT $1 FROM @INT_STAGE) MATCH_BY_COLUMN_NAME = NONE",
        "OK|COPY INTO T FROM @INT_STAGE VALIDATION_MODE = RETURN_ERRORS",
        "TRANSFORM_FILTER|COPY INTO T FROM (SELECT $1 FROM @INT_STAGE WHERE $1:a = 1)",
        "TRANSFORM_FILTER|COPY INTO T FROM (SELECT $1 FROM @INT_STAGE ORDER BY 1)",
        "TRANSFORM_FILTER|COPY INTO T FROM (SELECT $1 FROM @INT_STAGE LIMIT 10)",
        "TRANSFORM_FILTER|COPY INTO T FROM (SELECT $1 FROM @INT_STAGE FETCH FIRST 10 ROWS ONLY)",
        "TRANSFORM_FILTER|COPY INTO T FROM (SELECT TOP 10 $1 FROM @INT_STAGE)",
        "TRANSFORM_FLATTEN_JOIN_GROUP_BY|COPY INTO T FROM (SELECT f.value FROM @INT_STAGE s, TABLE(FLATTEN(input => s.$1)) f)",
        "TRANSFORM_FLATTEN_JOIN_GROUP_BY|COPY INTO T FROM (SELECT s.$1 FROM @INT_STAGE s JOIN OTHER o ON o.ID = s.$1:id)",
        "TRANSFORM_FLATTEN_JOIN_GROUP_BY|COPY INTO T FROM (SELECT $1:a FROM @INT_STAGE GROUP BY $1:a)",
        "TRANSFORM_SIMPLE_SELECT|COPY INTO T FROM (SELECT $1 FROM @INT_STAGE UNION ALL SELECT $1 FROM @S3_STAGE)",
        "TRANSFORM_SIMPLE_SELECT|COPY INTO T FROM (SELECT A FROM OTHER_TABLE)",
        "TRANSFORM_SIMPLE_SELECT|COPY INTO T FROM (WITH X AS (SELECT 1) SELECT $1 FROM @INT_STAGE)",
        "TRANSFORM_TABLE_STAGE|COPY INTO T FROM (SELECT $1 FROM @%T)",
        "TRANSFORM_MATCH_BY_COLUMN_NAME|COPY INTO T FROM (SELECT $1 FROM @INT_STAGE) MATCH_BY_COLUMN_NAME = CASE_SENSITIVE",
        "TRANSFORM_VALIDATION_MODE|COPY INTO T FROM (SELECT $1 FROM @INT_STAGE) VALIDATION_MODE = RETURN_ERRORS",
        "MATCH_BY_COLUMN_NAME_VALIDATION_MODE|COPY INTO T FROM @INT_STAGE MATCH_BY_COLUMN_NAME = CASE_INSENSITIVE VALIDATION_MODE = RETURN_10_ROWS",
        "INCLUDE_METADATA|COPY INTO T FROM @INT_STAGE INCLUDE_METADATA = (F = METADATA$FILENAME)",
        "INCLUDE_METADATA|COPY INTO T FROM @INT_STAGE MATCH_BY_COLUMN_NAME = CASE_INSENSITIVE INCLUDE_METADATA = (F = METADATA$SIZE)",
        "COLUMN_LIST|COPY INTO T (A, B, A) FROM (SELECT $1, $2, $3 FROM @INT_STAGE)",
        "COLUMN_COUNT|COPY INTO T (A, B) FROM (SELECT $1 FROM @INT_STAGE)",
        "COPY_OPTION_VALUES|COPY INTO T FROM @INT_STAGE ON_ERROR = SKIP_ALL",
        "COPY_OPTION_VALUES|COPY INTO T FROM @INT_STAGE SIZE_LIMIT = 0",
        "OK|COPY INTO T FROM @INT_STAGE ON_ERROR = SKIP_FILE_3 SIZE_LIMIT = 25000000",
        "MATCH_BY_COLUMN_NAME_FORMAT|COPY INTO T FROM @INT_STAGE FILE_FORMAT = (TYPE = XML) MATCH_BY_COLUMN_NAME = CASE_SENSITIVE",
        "OK|COPY INTO T FROM @INT_STAGE FILE_FORMAT = (TYPE = PARQUET) MATCH_BY_COLUMN_NAME = CASE_SENSITIVE",
        "FILE_FORMAT_OPTIONS|COPY INTO T FROM @INT_STAGE FILE_FORMAT = (TYPE = CSV PARSE_HEADER = TRUE SKIP_HEADER = 1)",
        "FILE_FORMAT_OPTIONS|COPY INTO T FROM @INT_STAGE FILE_FORMAT = (TYPE = CSV FIELD_DELIMITER = 'aa' RECORD_DELIMITER = 'aabb')",
        "OK|COPY INTO T FROM @INT_STAGE FILE_FORMAT = (TYPE = CSV FIELD_DELIMITER = ';' SKIP_HEADER = 1)",
        "FORMAT_NAME_AND_TYPE|COPY INTO T FROM @INT_STAGE FILE_FORMAT = (FORMAT_NAME = 'F' TYPE = JSON)",
        "LOAD_MODE_ADD_FILES_COPY|COPY INTO T FROM @INT_STAGE FILE_FORMAT = (TYPE = PARQUET USE_VECTORIZED_SCANNER = TRUE) LOAD_MODE = ADD_FILES_COPY MATCH_BY_COLUMN_NAME = CASE_INSENSITIVE",
        "LOAD_MODE_ADD_FILES_COPY|COPY INTO T FROM @INT_STAGE LOAD_MODE = ADD_FILES_COPY MATCH_BY_COLUMN_NAME = CASE_SENSITIVE ON_ERROR = CONTINUE",
        "OK|COPY INTO T FROM @INT_STAGE FILE_FORMAT = (TYPE = PARQUET USE_VECTORIZED_SCANNER = TRUE) LOAD_MODE = ADD_FILES_COPY MATCH_BY_COLUMN_NAME = CASE_SENSITIVE",
    })
    void copyStatements(String rule, String sql) {
        assertRule(rule, copy(sql), sql);
    }

    @ParameterizedTest(name = "CREATE PIPE [{0}]: {1}")
    @CsvSource(delimiter = '|', value = {
        "OK|CREATE PIPE P AS COPY INTO T FROM @INT_STAGE FILE_FORMAT = (TYPE = 'JSON')",
        "OK|CREATE PIPE P AUTO_INGEST = TRUE INTEGRATION = 'MYINT' AS COPY INTO T FROM @GCS_STAGE/x/",
        "OK|CREATE PIPE P AUTO_INGEST = TRUE INTEGRATION = 'MYINT' AS COPY INTO T FROM (SELECT $1 FROM @AZ_STAGE)",
        "OK|CREATE PIPE P AUTO_INGEST = TRUE AWS_SNS_TOPIC = 'arn:aws:sns:us-west-2:001234567890:b' AS COPY INTO T FROM @S3_STAGE",
        "OK|CREATE PIPE P AS (COPY INTO T FROM @INT_STAGE MATCH_BY_COLUMN_NAME=CASE_INSENSITIVE INCLUDE_METADATA = (C1= METADATA$START_SCAN_TIME, C2=METADATA$FILENAME) FILE_FORMAT = (TYPE = 'JSON'))",
        "OK|CREATE PIPE P AS COPY INTO T FROM @S3_STAGE PATTERN = '.*[.]json' ON_ERROR = CONTINUE LOAD_UNCERTAIN_FILES = TRUE",
        "OK|CREATE OR REPLACE PIPE P AS COPY INTO T FROM (SELECT $1, $1:c1 FROM TABLE(DATA_SOURCE(TYPE => 'STREAMING')))",
        "PIPE_COPY_OPTIONS|CREATE PIPE P AS COPY INTO T FROM @INT_STAGE FILES = ('a.json')",
        "PIPE_COPY_OPTIONS|CREATE PIPE P AS COPY INTO T FROM @INT_STAGE ON_ERROR = 'abort_statement'",
        "PIPE_COPY_OPTIONS|CREATE PIPE P AS COPY INTO T FROM @INT_STAGE SIZE_LIMIT = 1000",
        "PIPE_COPY_OPTIONS|CREATE PIPE P AS COPY INTO T FROM @INT_STAGE PURGE = TRUE",
        "PIPE_COPY_OPTIONS|CREATE PIPE P AS COPY INTO T FROM @INT_STAGE FORCE = FALSE",
        "PIPE_COPY_OPTIONS|CREATE PIPE P AS COPY INTO T FROM @INT_STAGE RETURN_FAILED_ONLY = TRUE",
        "PIPE_COPY_OPTIONS|CREATE PIPE P AS COPY INTO T FROM @INT_STAGE VALIDATION_MODE = RETURN_ERRORS",
        "TRANSFORM_FILTER|CREATE PIPE P AS COPY INTO T FROM (SELECT $1 FROM @INT_STAGE WHERE $1:a IS NOT NULL)",
        "PIPE_INTEGRATION_REQUIRED|CREATE PIPE P AUTO_INGEST = TRUE AS COPY INTO T FROM @GCS_STAGE",
        "PIPE_INTEGRATION_REQUIRED|CREATE PIPE P AUTO_INGEST = TRUE AS COPY INTO T FROM (SELECT $1 FROM @AZ_STAGE/p/)",
        "PIPE_INTEGRATION_UPPERCASE|CREATE PIPE P AUTO_INGEST = TRUE INTEGRATION = 'myInt' AS COPY INTO T FROM @GCS_STAGE",
        "PIPE_SNS_AND_INTEGRATION|CREATE PIPE P AUTO_INGEST = TRUE AWS_SNS_TOPIC = 'arn:aws:sns:x' INTEGRATION = 'I' AS COPY INTO T FROM @S3_STAGE",
        "PIPE_NOTIFICATION_SCOPE|CREATE PIPE P INTEGRATION = 'MYINT' AS COPY INTO T FROM @GCS_STAGE",
        "PIPE_NOTIFICATION_SCOPE|CREATE PIPE P AUTO_INGEST = TRUE AWS_SNS_TOPIC = 'arn:aws:sns:x' AS COPY INTO T FROM @GCS_STAGE",
        "PIPE_USER_STAGE|CREATE PIPE P AS COPY INTO T FROM @~/staged",
        "PIPE_USER_STAGE|CREATE PIPE P AS COPY INTO T FROM (SELECT $1 FROM @~)",
        "OK|CREATE PIPE P AS COPY INTO T FROM @%T",
        "PIPE_EXTERNAL_LOCATION|CREATE PIPE P AS COPY INTO T FROM 's3://bucket/path/'",
        "PIPE_PROPERTIES|CREATE PIPE P PIPE_EXECUTION_PAUSED = TRUE AS COPY INTO T FROM @INT_STAGE",
        "PIPE_PROPERTIES|CREATE PIPE P AUTO_INGEST = TRUE SCHEDULE = '1 MINUTE' AS COPY INTO T FROM @S3_STAGE",
        "OK|CREATE OR ALTER PIPE P PIPE_EXECUTION_PAUSED = TRUE COMMENT = 'x' ERROR_INTEGRATION = MY_INT AS COPY INTO T FROM @INT_STAGE",
        "PIPE_REPLACE_OR_IF_NOT_EXISTS|CREATE OR REPLACE PIPE IF NOT EXISTS P AS COPY INTO T FROM @INT_STAGE",
    })
    void pipes(String rule, String sql) {
        assertRule(rule, pipe(sql), sql);
    }

    @org.junit.jupiter.api.Test
    void theReadmeTableListsEveryRuleWithItsPage() throws Exception {
        String readme = java.nio.file.Files.readString(java.nio.file.Path.of("README.md"));
        int at = readme.indexOf("## What the emulator checks as Snowflake does");
        assertTrue(at >= 0, "README section");
        String section = readme.substring(at, readme.indexOf("\n## ", at + 1));
        for (Rule r : Rule.values()) {
            String row = section.lines().filter(l -> l.contains("`" + r.id() + "`")).findFirst().orElse("");
            assertTrue(row.contains("`" + r.page() + "`"), r.id() + " with its page " + r.page() + " in the README table");
        }
    }

    @org.junit.jupiter.api.Test
    void theMessagesQuoteSnowflakeWhereTheDocsDo() {
        Violation match = copy("COPY INTO T FROM (SELECT $1 FROM @S) MATCH_BY_COLUMN_NAME = CASE_INSENSITIVE").get(0);
        assertEquals("SQL compilation error: match_by_column_name is not supported with copy transform", match.message());
        Violation format = copy(String.format(T, "TRY_TO_DATE($1:d::VARCHAR, 'YYYY-MM-DD'), $2")).get(0);
        assertTrue(format.message().contains("TRY_TO_DATE in a COPY transformation takes no format argument ('YYYY-MM-DD')"),
                format.message());
        assertTrue(format.explained().endsWith("[rule copy-transform-format-argument; en/user-guide/data-load-transform.md, "
                + "\"Supported functions (TRY_TO_DATE, TRY_TO_TIME)\"]"), format.explained());
        Violation distinct = copy(String.format(T, "DISTINCT $1, $2")).get(0);
        assertTrue(distinct.message().contains("UNVERIFIED") && distinct.explained().contains(", UNVERIFIED;"),
                distinct.explained());
    }
}

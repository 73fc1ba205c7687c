package dev.autosync.emulator.functions;

import dev.autosync.emulator.EmulatorDatabase;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.sql.SQLException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Semi-structured functions as Snowflake's SQL reference documents them (page named beside each example,
 * under docs.snowflake.com/en/sql-reference/functions/), read through snowflake-jdbc: a VARIANT, OBJECT or
 * ARRAY reads as Snowflake's pretty-printed JSON with sorted keys; TO_JSON is compact with sorted keys.
 */
class SemiStructuredFunctionsTest {
    @RegisterExtension
    static final EmulatorDatabase db = EmulatorDatabase.named("SEMIF",
            "CREATE TABLE provinces (province VARCHAR, created DATE)",
            "INSERT INTO provinces VALUES ('Manitoba', '2024-01-18'), (NULL, '2024-01-20')");

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '#', quoteCharacter = '`', value = {
        "object_construct   # OBJECT_CONSTRUCT('a', 1, 'b', 'BBBB', 'c', NULL) # `{\n  \"a\": 1,\n  \"b\": \"BBBB\"\n}`",
        "object_construct_keep_null # OBJECT_CONSTRUCT_KEEP_NULL('key_1', 'one', 'key_2', NULL) # `{\n  \"key_1\": \"one\",\n  \"key_2\": null\n}`",
        "object_construct_keep_null # OBJECT_CONSTRUCT_KEEP_NULL('key_1', 'one', NULL, 'two') # `{\n  \"key_1\": \"one\"\n}`",
        "object_construct   # OBJECT_CONSTRUCT('Key_One', PARSE_JSON('NULL'), 'Key_Two', NULL) # `{\n  \"Key_One\": null\n}`",
        "array_construct    # ARRAY_CONSTRUCT(NULL, PARSE_JSON('null'), 'hello') # `[\n  undefined,\n  null,\n  \"hello\"\n]`",
        "array_construct    # ARRAY_CONSTRUCT() # []",
        "data-types-semistructured # {'Alberta': 'Edmonton', 'Manitoba': 'Winnipeg'} # `{\n  \"Alberta\": \"Edmonton\",\n  \"Manitoba\": \"Winnipeg\"\n}`",
        "data-types-semistructured # ['Alberta', 1] # `[\n  \"Alberta\",\n  1\n]`",
        "to_json            # TO_JSON(PARSE_JSON('{\"b\":1,\"a\":2}')) # `{\"a\":2,\"b\":1}`",
        "to_array           # TO_ARRAY('Example') # `[\n  \"Example\"\n]`",
        "get_path           # GET_PATH(PARSE_JSON('{\"a\": {\"b\": [5, 6]}}'), 'a:b[1]') # 6",
        "get                # GET(PARSE_JSON('[1, 2, 3]'), ARRAY_SIZE(PARSE_JSON('[1, 2, 3]')) - 1) # 3",
        "typeof             # TYPEOF(PARSE_JSON('1.5')) # DECIMAL",
        "typeof             # TYPEOF(PARSE_JSON('15')) # INTEGER",
        "is_array           # IS_ARRAY(TO_VARIANT(ARRAY_CONSTRUCT(1))) # TRUE",
        "as_varchar         # AS_VARCHAR(PARSE_JSON('\"x\"')) # x",
        "as_varchar         # AS_VARCHAR(PARSE_JSON('1')) # null",
        "array_append       # ARRAY_APPEND(ARRAY_CONSTRUCT(1, 2), 3) # `[\n  1,\n  2,\n  3\n]`",
        "array_cat          # ARRAY_CAT(ARRAY_CONSTRUCT(1), ARRAY_CONSTRUCT(2)) # `[\n  1,\n  2\n]`",
        "array_compact      # ARRAY_COMPACT(ARRAY_CONSTRUCT(1, NULL, 2)) # `[\n  1,\n  2\n]`",
        "array_contains     # ARRAY_CONTAINS('hello'::VARIANT, ARRAY_CONSTRUCT('hello', 'hi')) # TRUE",
        "array_contains     # ARRAY_CONTAINS(NULL, ARRAY_CONSTRUCT('hola', 'bonjour')) # null",
        "array_contains     # ARRAY_CONTAINS(NULL, ARRAY_CONSTRUCT('hola', NULL)) # TRUE",
        "array_position     # ARRAY_POSITION('hi'::VARIANT, ARRAY_CONSTRUCT('hello', 'hi')) # 1",
        "array_slice        # ARRAY_SLICE([0, 1, 2, 3, 4, 5, 6], -5, -3) # `[\n  2,\n  3\n]`",
        "array_to_string    # ARRAY_TO_STRING(ARRAY_CONSTRUCT('a', NULL, 1), ', ') # `a, , 1`",
        "object_insert      # OBJECT_INSERT(OBJECT_CONSTRUCT('a', 1), 'b', 2) # `{\n  \"a\": 1,\n  \"b\": 2\n}`",
        "object_delete      # OBJECT_DELETE(OBJECT_CONSTRUCT('a', 1, 'b', 2, 'c', 3), 'a', 'b') # `{\n  \"c\": 3\n}`",
        "object_pick        # OBJECT_PICK(OBJECT_CONSTRUCT('a', 1, 'b', 2, 'c', 3), 'a', 'b') # `{\n  \"a\": 1,\n  \"b\": 2\n}`",
        "parse_json         # PARSE_JSON('{\"a\": 1, \"a\": 2}', 'd') # `{\n  \"a\": 2\n}`",
    })
    void documentedExample(String page, String expression, String expected) throws SQLException {
        assertEquals(expected.replace("\\n", "\n"), String.valueOf(db.one(expression)), page + ": " + expression);
    }

    @Test
    void objectConstructOfAStarTakesTheRowsColumnsAndDropsNulls() throws SQLException {
        // object_construct page: OBJECT_CONSTRUCT(*) names keys after the columns; SQL NULL values are left out
        assertEquals(List.of("{\n  \"CREATED\": \"2024-01-18\",\n  \"PROVINCE\": \"Manitoba\"\n}", "{\n  \"CREATED\": \"2024-01-20\"\n}"),
                db.rows("SELECT OBJECT_CONSTRUCT(*) FROM provinces ORDER BY created"));
        assertEquals(List.of("{\n  \"PROVINCE\": null\n}"),
                db.rows("SELECT OBJECT_CONSTRUCT_KEEP_NULL(* EXCLUDE (created)) FROM provinces WHERE province IS NULL"));
    }

    @Test
    void aDuplicateKeyIsAParseError() {
        // parse_json page: duplicate keys are an error unless the 'd' parameter allows them
        SQLException e = assertThrows(SQLException.class, () -> db.one("PARSE_JSON('{\"a\": 1, \"a\": 2}')"));
        assertEquals(100069, e.getErrorCode(), e.getMessage());
    }
}

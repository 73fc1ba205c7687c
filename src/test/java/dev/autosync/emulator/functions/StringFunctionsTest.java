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
 * String functions as Snowflake's SQL reference documents them (the page is named beside each
 * example, under docs.snowflake.com/en/sql-reference/functions/), through snowflake-jdbc.
 */
class StringFunctionsTest {
    @RegisterExtension
    static final EmulatorDatabase db = EmulatorDatabase.named("STRF",
            "CREATE TABLE message (body VARCHAR)",
            "INSERT INTO message VALUES ('Hellooo World'), ('How are you doing today?'), (NULL)");

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '#', quoteCharacter = '`', nullValues = "NULL", value = {
        // regexp_substr: position, occurrence, parameters and group
        "regexp_substr  # REGEXP_SUBSTR('It was the best of times, it was the worst of times', 'the\\\\W+\\\\w+', 1, 2) # the worst",
        "regexp_substr  # REGEXP_SUBSTR('It was the best of times, it was the worst of times', 'the\\\\W+(\\\\w+)', 1, 2, 'e', 1) # worst",
        "regexp_substr  # REGEXP_SUBSTR('Hellooo World', '\\\\b\\\\S*o\\\\S*\\\\b', 3) # llooo",
        "regexp_substr  # REGEXP_SUBSTR('Hellooo World', 'x', 1) # NULL",
        "regexp_substr  # REGEXP_SUBSTR('A MAN A PLAN', 'a\\\\w*', 1, 2, 'i') # AN",
        // regexp_instr: option 1 is the position after the match; 0 when nothing matches
        "regexp_instr   # REGEXP_INSTR('nevermore1, nevermore2', 'nevermore\\\\d', 1, 2) # 13",
        "regexp_instr   # REGEXP_INSTR('nevermore1, nevermore2', 'nevermore\\\\d', 1, 1, 1) # 11",
        "regexp_instr   # REGEXP_INSTR('abc', 'z') # 0",
        // regexp_count
        "regexp_count   # REGEXP_COUNT('It was the best of times, it was the worst of times', '\\\\bwas\\\\b', 1) # 2",
        "regexp_count   # REGEXP_COUNT('Aa aA', 'a', 1, 'i') # 4",
        // regexp_replace: back-references, occurrence 0 is every match
        "regexp_replace # REGEXP_REPLACE('firstname middlename lastname', '(.*) (.*) (.*)', '\\\\3, \\\\1 \\\\2') # `lastname, firstname middlename`",
        "regexp_replace # REGEXP_REPLACE('a1b2c3', '[0-9]', '*', 1, 2) # a1b*c3",
        "regexp_replace # REGEXP_REPLACE('AeIoU', '[aeiou]', '', 1, 0, 'i') # ``",
        // regexp_like: the whole subject matches; [[:alpha:]] classes
        "regexp_like    # REGEXP_LIKE('San Francisco', 'san.*', 'i') # TRUE",
        "regexp_like    # REGEXP_LIKE('San Francisco', 'san.*') # FALSE",
        "regexp_like    # REGEXP_LIKE('abc', '[[:alpha:]]+') # TRUE",
        "rlike          # 'abc' RLIKE 'a.c' # TRUE",
        // strtok / split_part / split
        "strtok         # STRTOK('user@snowflake.com', '@.', 2) # snowflake",
        "strtok         # STRTOK('user@snowflake.com.', '@.', 4) # NULL",
        "strtok         # STRTOK('a.b', '', 1) # a.b",
        "split_part     # SPLIT_PART('11.22.33', '.', -1) # 33",
        "split_part     # SPLIT_PART('11.22.33', '.', 0) # 11",
        "split_part     # SPLIT_PART('11.22.33', '.', 4) # ``",
        "split_part     # SPLIT_PART('aaa--bbb-BBB--ccc', '--', 2) # bbb-BBB",
        // initcap with and without delimiters
        "initcap        # INITCAP('HelL0_hi+therE') # Hell0_Hi+There",
        "initcap        # INITCAP('iqamqinterestedqinqthisqtopic', 'q') # IqAmqInterestedqInqThisqTopic",
        "initcap        # INITCAP('this is the new Frame+work', '') # This is the new frame+work",
        // concat and concat_ws: NULL when any argument is NULL
        "concat         # CONCAT('a', NULL, 'b') # NULL",
        "concat_ws      # CONCAT_WS(',', 'one', NULL) # NULL",
        "concat_ws      # CONCAT_WS(',', 'one', 'two') # `one,two`",
        // position / charindex with a start
        "position       # POSITION('an', 'banana', 3) # 4",
        "charindex      # CHARINDEX('an', 'banana', 5) # 0",
        // hex and base64
        "hex_encode     # HEX_ENCODE('Snowflake') # 536E6F77666C616B65",
        "hex_encode     # HEX_ENCODE('Snowflake', 0) # 536e6f77666c616b65",
        "hex_decode_string # HEX_DECODE_STRING('536E6F77666C616B65') # Snowflake",
        "base64_encode  # BASE64_ENCODE('Snowflake') # U25vd2ZsYWtl",
        "base64_decode_string # BASE64_DECODE_STRING('U25vd2ZsYWtl') # Snowflake",
        // others
        "replace        # REPLACE('abcd', 'bc') # ad",
        "insert         # INSERT('abcdef', 3, 2, 'zzz') # abzzzef",
        "editdistance   # EDITDISTANCE('future', 'past', 2) # 2",
        "soundex        # SOUNDEX('Rupert') # R163",
        "substr         # SUBSTR('mystring', 0, 3) # mys",
        "regexp_substr_all # REGEXP_SUBSTR_ALL('a1_a2a3_a4A5a6', 'a[[:digit:]]') # `[\n  \"a1\",\n  \"a2\",\n  \"a3\",\n  \"a4\",\n  \"a6\"\n]`",
        "regexp_substr_all # REGEXP_SUBSTR_ALL('a1_a2a3_a4A5a6', 'a[[:digit:]]', 2, 3, 'i') # `[\n  \"a4\",\n  \"A5\",\n  \"a6\"\n]`",
        "sha2           # SHA2('Snowflake', 512) # 6b367ad17625ddce95883945ca49903c2dae700ef134e0a0530d831c6a858b578e647c2a5fbedec97cef611e9a377e9d0ef9b3f9a598e883ba81cc2a99ae647b",
        "lpad           # LPAD('abc', 6) # `   abc`",
        "rpad           # RPAD('abc', 5, '*') # abc**",
        "chr            # CHR(65) # A",
        "uuid_string    # UUID_STRING('fe971b24-9572-4005-b22f-351e9c09274d', 'foo') # dc0b6f65-fca6-5b4b-9d37-ccc3fde1f3e2",
        // RFC 4122's DNS namespace: the same name gives the same UUID (Python's uuid5 agrees)
        "uuid_string    # UUID_STRING('6ba7b810-9dad-11d1-80b4-00c04fd430c8', 'snowflake.com') # 0158d7d4-9ef6-5256-82b0-63a6a11743ca",
        "uuid_string    # LENGTH(UUID_STRING()) || SUBSTR(UUID_STRING(), 15, 1) # 364",
    })
    void documentedExample(String page, String expression, String expected) throws SQLException {
        assertEquals(expected == null ? "null" : expected.replace("\\n", "\n"), String.valueOf(db.one(expression)), page + ": " + expression);
    }

    @Test
    void regexpPositionAppliesToEveryRowOfAColumn() throws SQLException {
        // regexp_substr page: with a position the search starts there, and \b matches at that start
        assertEquals(List.of("Hellooo World|llooo", "How are you doing today?|you", "null|null"),
                db.rows("SELECT body, REGEXP_SUBSTR(body, '\\\\b\\\\S*o\\\\S*\\\\b', 3) FROM message ORDER BY body NULLS LAST"));
    }

    @Test
    void anInvalidRegularExpressionIsAnError() {
        SQLException e = assertThrows(SQLException.class, () -> db.one("REGEXP_SUBSTR('abc', '(', 1)"));
        assertEquals(100048, e.getErrorCode(), e.getMessage());
    }
}

package dev.autosync.sql;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SqlLexerTest {

    private static String types(String sql) {
        return SqlLexer.significant(sql).stream().map(t -> t.type() + ":" + t.text()).collect(Collectors.joining(" "));
    }

    @Test
    void splitsSnowflakeSpecificTokens() {
        assertEquals("WORD:SELECT POSITIONAL:$1 OPERATOR:: WORD:a DOT:. WORD:b OPERATOR::: WORD:VARCHAR COMMA:, "
                        + "WORD:METADATA$FILENAME WORD:FROM STAGE_REFERENCE:@db.s.stage/path/ END:",
                types("SELECT $1:a.b::VARCHAR, METADATA$FILENAME FROM @db.s.stage/path/"));
    }

    @Test
    void decodesSnowflakeEscapesInStrings() {
        Token t = SqlLexer.significant("'a''b\\'c\\\\d\\ne\\x41\\u00e9\\z'").get(0);
        assertEquals("a'b'c\\d\neAéz", t.value());
    }

    @Test
    void dollarQuotedStringsAreRaw() {
        Token t = SqlLexer.significant("$$ it's \\n raw $$").get(0);
        assertEquals(TokenType.STRING, t.type());
        assertEquals(" it's \\n raw ", t.value());
    }

    @Test
    void quotedIdentifiersKeepCaseAndUndoubleQuotes() {
        Token t = SqlLexer.significant("\"my \"\"odd\"\" Name\"").get(0);
        assertEquals("my \"odd\" Name", t.identifierName());
        assertEquals("LOWER_T", SqlLexer.significant("lower_t").get(0).identifierName());
    }

    @Test
    void allThreeCommentStylesAreComments() {
        assertEquals("WORD:SELECT NUMBER:1 END:", types("SELECT -- a\n /* b */ 1 // c"));
    }

    @Test
    void unterminatedTextIsASyntaxErrorWithItsPosition() {
        SqlSyntaxException e = assertThrows(SqlSyntaxException.class, () -> SqlLexer.tokenize("SELECT\n  'abc"));
        assertEquals(2, e.line());
        assertEquals(3, e.column());
        assertThrows(SqlSyntaxException.class, () -> SqlLexer.tokenize("SELECT \"abc"));
        assertThrows(SqlSyntaxException.class, () -> SqlLexer.tokenize("SELECT /* abc"));
    }

    /** Tokens cover the input exactly: joining their texts gives it back. */
    @Property(tries = 1000)
    void tokensCoverTheInputExactly(@ForAll String text) {
        List<Token> tokens;
        try {
            tokens = SqlLexer.tokenize(text);
        } catch (SqlSyntaxException e) {
            return;
        }
        assertEquals(text, tokens.stream().map(Token::text).collect(Collectors.joining()));
        assertTrue(tokens.get(tokens.size() - 1).is(TokenType.END));
    }
}

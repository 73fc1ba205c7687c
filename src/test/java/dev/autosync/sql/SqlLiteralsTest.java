package dev.autosync.sql;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SqlLiteralsTest {

    @Test
    void quotesAndBackslashesAreBothEscaped() {
        assertEquals("'it''s'", SqlLiterals.quote("it's"));
        assertEquals("'ends with \\\\'", SqlLiterals.quote("ends with \\"));
        assertEquals("'a\\nb'", SqlLiterals.quote("a\nb"));
        assertEquals("'cost \\x24\\x245'", SqlLiterals.quote("cost $$5"));
    }

    /** Whatever the text, its literal is exactly one string token that decodes back to the text. */
    @Property(tries = 2000)
    void anyTextBecomesExactlyOneStringTokenWithTheSameValue(@ForAll String text) {
        List<Token> tokens = SqlLexer.significant(SqlLiterals.quote(text));
        assertEquals(2, tokens.size(), "expected one token and END for " + text);
        assertEquals(TokenType.STRING, tokens.get(0).type());
        assertEquals(text, tokens.get(0).value());
    }

    @Property(tries = 500)
    void literalsStayInertInsideDollarQuotedBlocks(@ForAll String text) {
        String block = "$$ SELECT " + SqlLiterals.quote(text) + " $$";
        List<Token> tokens = SqlLexer.significant(block);
        assertEquals(2, tokens.size());
        List<Token> inner = SqlLexer.significant(tokens.get(0).value());
        assertEquals(3, inner.size());
        assertEquals(text, inner.get(1).value());
    }
}

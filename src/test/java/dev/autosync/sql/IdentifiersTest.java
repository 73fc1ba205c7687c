package dev.autosync.sql;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IdentifiersTest {
    @Test
    void acceptsPlainNames() {
        assertNull(Identifiers.problem("SCHOOL_DATA"));
        assertNull(Identifiers.problem("_x$1"));
        assertNull(Identifiers.problem("a".repeat(255)));
    }

    @Test
    void refusesEverythingElseWithAReason() {
        assertTrue(Identifiers.problem("").contains("empty"));
        assertTrue(Identifiers.problem("1abc").contains("must start"));
        assertTrue(Identifiers.problem("a-b").contains("only letters"));
        assertTrue(Identifiers.problem("x;DROP").contains("only letters"));
        assertTrue(Identifiers.problem("select").contains("reserved"));
        assertTrue(Identifiers.problem("a".repeat(256)).contains("256"));
        assertTrue(Identifiers.problem("A$$B").contains("$$"), "a name inside a $$ task body cannot contain $$");
    }

    @Test
    void rendersQuotedOnlyWhenNeeded() {
        assertEquals("ABC", Identifiers.render("ABC"));
        assertEquals("\"abc\"", Identifiers.render("abc"));
        assertEquals("\"a\"\"b\"", Identifiers.render("a\"b"));
        assertEquals("\"TABLE\"", Identifiers.render("TABLE"));
    }
}

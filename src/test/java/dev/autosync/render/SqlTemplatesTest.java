package dev.autosync.render;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SqlTemplatesTest {
    private final SqlTemplates templates = new SqlTemplates(null);

    @Test
    void rendersSafeValuesWithoutHtmlEscaping() throws Exception {
        Map<String, Object> m = Map.of("t", new Identifier("T"), "v", new SqlString("a<b>&'c"));
        assertEquals("SELECT * FROM T WHERE X = 'a<b>&''c'", templates.renderText("x", "SELECT * FROM {{t}} WHERE X = {{v}}", m));
    }

    @Test
    void aRawStringIsRefusedWithTemplateAndLine() {
        TemplateException e = assertThrows(TemplateException.class,
                () -> templates.renderText("pipeline/x.sql.mustache", "SELECT 1\nFROM {{t}}", Map.of("t", "T; DROP")));
        assertEquals("pipeline/x.sql.mustache", e.template());
        assertEquals(2, e.line());
        assertTrue(e.getMessage().contains("cannot be written into SQL"), e.getMessage());
    }

    @Test
    void anUnknownNameIsAnErrorNotAnEmptyString() {
        TemplateException e = assertThrows(TemplateException.class,
                () -> templates.renderText("t.mustache", "A\nB\n{{#tabels}}x{{/tabels}}", Map.of("tables", List.of())));
        assertEquals(3, e.line());
        assertTrue(e.getMessage().contains("{{tabels}} is not a value this template can use"), e.getMessage());
    }

    @Test
    void tripleMustacheIsRefused() {
        TemplateException e = assertThrows(TemplateException.class,
                () -> templates.renderText("t.mustache", "SELECT {{{x}}}", Map.of("x", new SqlString("a"))));
        assertTrue(e.getMessage().contains("{{{x}}} is not allowed"), e.getMessage());
    }

    @Test
    void aNullValueOutsideItsSectionIsAnError() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("x", null);
        TemplateException e = assertThrows(TemplateException.class, () -> templates.renderText("t.mustache", "{{x}}", m));
        assertTrue(e.getMessage().contains("has no value here"), e.getMessage());
    }

    @Test
    void aUserTemplateOverridesTheShippedOneByName(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("pipeline"));
        Files.writeString(dir.resolve("pipeline/database.sql.mustache"), "CREATE DATABASE {{database}} -- mine\n");
        SqlTemplates user = new SqlTemplates(dir);
        assertEquals("CREATE DATABASE D -- mine\n", user.render("pipeline/database.sql.mustache",
                Map.of("database", new Identifier("D"))));
        assertTrue(user.origin("pipeline/database.sql.mustache").endsWith("database.sql.mustache"));
        assertEquals("plugin:pipeline/schema.sql.mustache", user.origin("pipeline/schema.sql.mustache"));
    }

    @Test
    void aStandalonePartialLeavesNoBlankLine(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("partials"));
        Files.writeString(dir.resolve("partials/p.mustache"), "  B\n  C\n");
        Files.writeString(dir.resolve("t.mustache"), "A\n{{> partials/p}}\nD\n");
        assertEquals("A\n  B\n  C\nD\n", new SqlTemplates(dir).render("t.mustache", Map.of()));
    }

    @Test
    void aMissingTemplateIsNamed() {
        TemplateException e = assertThrows(TemplateException.class, () -> templates.render("nope.sql.mustache", Map.of()));
        assertTrue(e.getMessage().contains("nope.sql.mustache"), e.getMessage());
    }
}

package dev.autosync.compat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The corpus format: pasted docs tables, case expectations, and the checks that reject a malformed page. */
class DocCorpusFormatTest {

    @Test
    void pastedTableGivesTrimmedCellsAndNullForNULL() {
        AsciiTable.ExpectedRows t = AsciiTable.parse("""
                +---------+-------+
                | COLUMN1 | $2    |
                |---------+-------|
                |       1 | one   |
                |    NULL |       |
                +---------+-------+
                """, AsciiTable.Rows.ONE_LINE);
        assertEquals(List.of("COLUMN1", "$2"), t.columns());
        assertEquals(List.of(List.of("1", "one"), Arrays.asList(null, "")), t.rows());
    }

    @Test
    void multiLineCellsKeepTheirIndentationWithoutThePadding() {
        AsciiTable.ExpectedRows t = AsciiTable.parse("""
                +-----+-------+
                | SEQ | VALUE |
                |-----+-------|
                |   1 | [     |
                |     |   77, |
                |     |   88  |
                |     | ]     |
                |   2 | 5     |
                +-----+-------+
                """, AsciiTable.Rows.FIRST_CELL);
        assertEquals(List.of(List.of("1", "[\n  77,\n  88\n]"), List.of("2", "5")), t.rows());
    }

    @Test
    void jsonFirstColumnStartsRowsAtUnindentedOpeningLines() {
        AsciiTable.ExpectedRows t = AsciiTable.parse("""
                +------------+
                | OC         |
                |------------|
                | {          |
                |   "a": 1   |
                | }          |
                | {}         |
                +------------+
                """, AsciiTable.Rows.JSON_FIRST_CELL);
        assertEquals(List.of(List.of("{\n  \"a\": 1\n}"), List.of("{}")), t.rows());
    }

    @Test
    void rowWithTheWrongNumberOfCellsIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AsciiTable.parse("""
                | A | B |
                |---+---|
                | 1 |
                """, AsciiTable.Rows.ONE_LINE));
        assertTrue(e.getMessage().contains("row has 1 cells, the header 2"), e.getMessage());
    }

    @Test
    void onlyATopLevelOrderByMakesRowOrderMatter() {
        assertTrue(DocCase.endsWithOrderBy("SELECT a FROM t ORDER BY a"));
        assertFalse(DocCase.endsWithOrderBy("SELECT ROW_NUMBER() OVER (ORDER BY a) FROM t"));
        assertFalse(DocCase.endsWithOrderBy("SELECT * FROM (SELECT a FROM t ORDER BY a)"));
        assertFalse(DocCase.endsWithOrderBy("SELECT 'ORDER BY (' FROM t"));
    }

    @Test
    void shownErrorsSplitIntoCodeStateAndMessage() {
        DocCase.ExpectedError e = DocCase.ExpectedError.parse("100039 (22003): Numeric value '1' is out of range");
        assertEquals(100039, e.code());
        assertEquals("22003", e.sqlState());
        assertEquals("Numeric value '1' is out of range", e.message());
        DocCase.ExpectedError bare = DocCase.ExpectedError.parse("SQL compilation error");
        assertNull(bare.code());
        assertEquals("SQL compilation error", bare.message());
    }

    @Test
    void pageIsReadIntoCasesWithSetUpAndIds(@TempDir Path root) throws Exception {
        Files.createDirectories(root.resolve("dates"));
        Files.writeString(root.resolve("dates/example.yaml"), """
                page: markdown/en/sql-reference/functions/example.md
                url: https://docs.snowflake.com/en/sql-reference/functions/example
                steps:
                  - sql: |
                      CREATE TABLE t (a INT);
                      INSERT INTO t VALUES (1);
                  - sql: |
                      ALTER SESSION SET WEEK_START = 1;
                      SELECT a FROM t;
                    columns: [A]
                    rows: [["1"]]
                  - id: failing
                    sql: |
                      SELECT 1/0;
                    error: "100051 (22012): Division by zero"
                """);
        List<DocCase.Page> pages = DocCorpus.load(root);
        List<DocCase> cases = pages.get(0).cases();
        assertEquals(List.of("dates/example#1", "dates/example#failing"), cases.stream().map(DocCase::id).toList());
        assertEquals(3, cases.get(0).setup().size());
        assertEquals("SELECT a FROM t", cases.get(0).sql().strip());
        assertEquals("dates", cases.get(1).area());
    }

    @Test
    void malformedPagesAreAllReportedWithTheirFileAndStep(@TempDir Path root) throws Exception {
        Files.createDirectories(root.resolve("numbers"));
        Files.writeString(root.resolve("numbers/two-expectations.yaml"), """
                page: markdown/en/x.md
                url: https://docs.snowflake.com/en/x
                steps:
                  - sql: SELECT 1
                    error: "boom"
                    columns: [A]
                """);
        Files.writeString(root.resolve("numbers/no-url.yaml"), """
                page: markdown/en/y.md
                steps: []
                """);
        Files.writeString(root.resolve("stray.yaml"), "page: x\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DocCorpus.load(root));
        assertTrue(e.getMessage().contains("3 problem(s)"), e.getMessage());
        assertTrue(e.getMessage().contains("numbers/two-expectations#1 (step 1): give exactly one of"), e.getMessage());
        assertTrue(e.getMessage().contains("numbers/no-url.yaml line"), e.getMessage());
        assertTrue(e.getMessage().contains("stray.yaml: a page belongs in an area folder"), e.getMessage());
    }
}

package dev.autosync.sql.parse;

import dev.autosync.sql.tree.Expr;
import dev.autosync.sql.tree.Node;
import dev.autosync.sql.tree.Query;
import dev.autosync.sql.tree.QueryBody;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Source spans (text, Snowflake's default labels), walking the tree, and syntax errors with their positions. */
class SpansAndErrorsTest {

    private static QueryBody.Select select(SqlParser p) {
        return (QueryBody.Select) p.query().body();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '#', quoteCharacter = '`', value = {
        "SELECT v:a.b::varchar FROM t # V:A.B::VARCHAR",
        "SELECT count(*) FROM t # COUNT(*)",
        "SELECT \"a\"  +   1 FROM t # \"a\" + 1",
        "SELECT a /* note */ + b FROM t # A + B",
        // case page: an expression written over lines keeps its line breaks and indentation in the label
        "`SELECT CASE 1\n    WHEN 1 THEN 'a'\nEND FROM t` # `CASE 1\n    WHEN 1 THEN 'A'\nEND`",
        "SELECT (a+b) * 2 FROM t # (A+B) * 2",
        "SELECT 'Mixed' || x FROM t # 'MIXED' || X",
        "SELECT $1:\"Key\" FROM @s # $1:\"Key\"",
    })
    void labelsAreTheExpressionTextUpperCasedOutsideQuotes(String sql, String label) {
        SqlParser p = SqlParser.of(sql);
        QueryBody.SelectItem item = select(p).items().get(0);
        assertEquals(label, p.tokens().label(item.span()));
    }

    @Test
    void spansCoverTheSourceOfEachNode() {
        SqlParser p = SqlParser.of("SELECT IFF(a > 0, a / b, NULL) AS r FROM t WHERE x IN (1, 2)");
        QueryBody.Select s = select(p);
        Expr.FunctionCall iff = (Expr.FunctionCall) s.items().get(0).expr();
        assertEquals("IFF(a > 0, a / b, NULL)", p.tokens().text(iff.span()));
        assertEquals("a / b", p.tokens().text(iff.arguments().get(1).value().span()));
        assertEquals("IFF(a > 0, a / b, NULL) AS r", p.tokens().text(s.items().get(0).span()));
        assertEquals("x IN (1, 2)", p.tokens().text(s.where().span()));
        assertEquals("SELECT IFF(a > 0, a / b, NULL) AS r FROM t WHERE x IN (1, 2)", p.tokens().text(s.span()));
    }

    @Test
    void walkingFindsEveryNodeInsideAQuery() {
        Query q = SqlParser.of("SELECT TRY_TO_DATE($1:d::VARCHAR), IFNULL($1:l::STRING, 'en') FROM @stage "
                + "WHERE EXISTS (SELECT UPPER(x) FROM u)").query();
        List<String> calls = q.walk().filter(Expr.FunctionCall.class::isInstance)
                .map(n -> ((Expr.FunctionCall) n).simpleName()).toList();
        assertEquals(List.of("TRY_TO_DATE", "IFNULL", "UPPER"), calls);
        assertEquals(2, q.walk().filter(Expr.Cast.class::isInstance).count());
        assertTrue(q.walk().anyMatch(n -> n instanceof QueryBody.Select sel && sel.where() != null));
        Node first = q.children().get(0);
        assertEquals(QueryBody.Select.class, first.getClass());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '#', quoteCharacter = '`', value = {
        "SELECT 1 + # <EOF> # 1 # 11",
        "SELECT FROM t # FROM # 1 # 8",
        "SELECT a FROM t WHERE # <EOF> # 1 # 22",
        "SELECT CAST(1 AS) FROM t # ) # 1 # 17",
        "SELECT CASE END # END # 1 # 13",
        "SELECT a FROM t JOIN # <EOF> # 1 # 21",
        "SELECT x::NUMBER(a) FROM t # a # 1 # 18",
        "SELECT {1: 2} # 1 # 1 # 9",
    })
    void syntaxErrorsNameTheTokenAndItsPosition(String sql, String token, int line, int column) {
        SqlParser p = SqlParser.of(sql);
        SqlParseException e = assertThrows(SqlParseException.class, () -> {
            p.query();
            if (!p.tokens().atEnd()) {
                throw p.tokens().unexpected();
            }
        });
        assertEquals(token, SqlParseException.shown(e.token()));
        assertEquals(line, e.line());
        assertEquals(column, e.column());
    }

    @Test
    void errorsOnLaterLinesCarryTheirLine() {
        SqlParseException e = assertThrows(SqlParseException.class,
                () -> SqlParser.of("SELECT a,\n       b\nFROM t WHERE a = = 1").query());
        assertEquals("=", e.token().text());
        assertEquals(3, e.line());
        assertEquals(18, e.column());
        assertTrue(e.getMessage().contains("unexpected '='"), e.getMessage());
    }

    @Test
    void aCallerCanGoOnAfterWhatTheParserRead() {
        SqlParser p = SqlParser.of("COPY INTO t FROM (SELECT $1 FROM @s) FILE_FORMAT = (TYPE = JSON)");
        TokenStream t = p.tokens();
        t.reset(4);
        t.expect(dev.autosync.sql.TokenType.LEFT_PAREN);
        Query q = p.query();
        t.expect(dev.autosync.sql.TokenType.RIGHT_PAREN);
        assertEquals("{SELECT $1 FROM @s}", TreeText.of(q));
        assertEquals("FILE_FORMAT", t.peek().text());
    }
}

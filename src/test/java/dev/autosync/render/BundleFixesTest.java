package dev.autosync.render;

import dev.autosync.sql.SqlLexer;
import dev.autosync.sql.Token;
import dev.autosync.sql.TokenType;
import dev.autosync.sql.parse.SqlParser;
import dev.autosync.sql.rules.CopyRules;
import dev.autosync.sql.tree.CreatePipe;
import dev.autosync.sql.tree.Expr;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The five bundle fixes of issue 12, each checked on every provider's rendered bundle with the rule it
 * enforces and the documentation page that states the rule (the golden files show the SQL itself).
 */
class BundleFixesTest {

    private static List<RenderedStatement> of(RenderedBundle b, ObjectKind kind) {
        return b.statements().stream().filter(s -> s.kind() == kind).toList();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Provider.class)
    @DisplayName("Fix 1: the pipes call TRY_TO_DATE without a format argument, gated by REGEXP_SUBSTR to exactly "
            + "YYYY-MM-DD (en/user-guide/data-load-transform.md, Supported functions)")
    void pipesParseDatesWithoutAFormatArgument(Provider p) {
        RenderedBundle b = RenderFixtures.render(p);
        int dateCalls = 0;
        for (RenderedStatement s : of(b, ObjectKind.PIPE)) {
            CreatePipe pipe = SqlParser.of(s.sql()).createPipe();
            assertEquals(List.of(), CopyRules.builtInOnly().check(pipe.copy(), true), s.fileName());
            for (Expr.FunctionCall call : pipe.walk().filter(n -> n instanceof Expr.FunctionCall).map(n -> (Expr.FunctionCall) n)
                    .filter(c -> c.simpleName().equals("TRY_TO_DATE")).toList()) {
                assertEquals(1, call.arguments().size(), s.fileName());
                dateCalls++;
            }
            if (s.entity().equals("ATTENDANCE")) {
                assertTrue(s.sql().contains("NVL2(REGEXP_SUBSTR($1:attendance_date::VARCHAR, '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'), "
                        + "TRY_TO_DATE($1:attendance_date::VARCHAR), NULL)"), s.sql());
            }
        }
        assertEquals(2, dateCalls, "the attendance pipe and its e2e pipe parse the date");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Provider.class)
    @DisplayName("Fix 2: every division in a task divides by NULLIF(divisor, 0), since Snowflake does not promise "
            + "short-circuit evaluation (en/sql-reference/functions/nullif.md; UNVERIFIED evaluation order)")
    void tasksDivideByNullif(Provider p) {
        int divisions = 0;
        for (RenderedStatement s : of(RenderFixtures.render(p), ObjectKind.TASK)) {
            List<Token> t = tokensWithBodies(s.sql());
            for (int i = 0; i < t.size(); i++) {
                if (t.get(i).is(TokenType.OPERATOR) && t.get(i).text().equals("/")) {
                    assertTrue(t.get(i + 1).isWord("NULLIF") && t.get(i + 2).is(TokenType.LEFT_PAREN), s.fileName()
                            + ": a division not by NULLIF at token " + i);
                    divisions++;
                }
            }
        }
        assertTrue(divisions >= 2, "the grades percentage divides by max_score");
    }

    /** The statement's tokens, a $$-quoted body (the task's scripting block) read as SQL too. */
    private static List<Token> tokensWithBodies(String sql) {
        List<Token> out = new java.util.ArrayList<>();
        for (Token t : SqlLexer.significant(sql)) {
            if (t.is(TokenType.STRING) && t.text().startsWith("$$")) {
                out.addAll(tokensWithBodies(t.value()));
            } else {
                out.add(t);
            }
        }
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Provider.class)
    @DisplayName("Fix 3: every replaced view keeps its grants with COPY GRANTS (en/sql-reference/sql/create-view.md)")
    void viewsKeepTheirGrants(Provider p) {
        List<RenderedStatement> views = of(RenderFixtures.render(p), ObjectKind.VIEW);
        assertEquals(4, views.size(), "pipe status, ingestion metrics, error log and freshness");
        for (RenderedStatement v : views) {
            assertTrue(v.sql().contains("CREATE OR REPLACE VIEW " + v.name() + "\n  COPY GRANTS"), v.sql());
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Provider.class)
    @DisplayName("Fix 4: COPY_HISTORY's TABLE_NAME is qualified (en/sql-reference/functions/copy_history.md), and the pipe "
            + "status view parses lastIngestedTimestamp with an explicit format (en/sql-reference/functions/system_pipe_status.md)")
    void historyNamesAreQualifiedAndTimestampsParsedExplicitly(Provider p) {
        RenderedBundle b = RenderFixtures.render(p);
        Pattern tableName = Pattern.compile("TABLE_NAME => '([^']*)'");
        int calls = 0;
        for (RenderedStatement v : of(b, ObjectKind.VIEW)) {
            Matcher m = tableName.matcher(v.sql());
            while (m.find()) {
                assertTrue(m.group(1).startsWith("SCHOOL_DATA.AUTOSYNC."), v.fileName() + ": " + m.group(1));
                calls++;
            }
        }
        assertTrue(calls >= 6, "both history views read each landing table");
        String status = of(b, ObjectKind.VIEW).stream().filter(v -> v.simpleName().equals("AUTOSYNC_PIPE_STATUS")).findFirst()
                .orElseThrow().sql();
        assertTrue(status.contains("TRY_TO_TIMESTAMP_TZ(REPLACE(P.STATUS:lastIngestedTimestamp::VARCHAR, 'Z', '+00:00'), "
                + "'YYYY-MM-DD\"T\"HH24:MI:SS.FFTZH:TZM')"), status);
        assertFalse(status.contains("TRY_CAST(P.STATUS:lastIngestedTimestamp"), status);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Provider.class)
    @DisplayName("Fix 5: cloud-setup.sql creates the database, schema and file format before the stage that names them "
            + "(en/sql-reference/sql/create-stage.md, FILE_FORMAT = (FORMAT_NAME = ...))")
    void cloudSetupCreatesWhatTheStageNeedsFirst(Provider p) {
        String setup = RenderFixtures.render(p).cloudSetupSql();
        int db = setup.indexOf("\nCREATE DATABASE IF NOT EXISTS SCHOOL_DATA");
        int schema = setup.indexOf("\nCREATE SCHEMA IF NOT EXISTS SCHOOL_DATA.AUTOSYNC");
        int format = setup.indexOf("\nCREATE FILE FORMAT IF NOT EXISTS SCHOOL_DATA.AUTOSYNC.AUTOSYNC_JSON_FORMAT");
        int stage = setup.indexOf("CREATE STAGE");
        assertTrue(db >= 0 && db < schema && schema < format && (stage < 0 || format < stage), setup);
        if (p.isCloud()) {
            assertTrue(stage > format, "the live section creates the stage after the file format");
        }
    }
}

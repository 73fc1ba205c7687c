package dev.autosync.render;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * render checks the bundle against Snowflake's COPY and pipe rules (dev.autosync.sql.rules) before it
 * writes: a template override that Snowflake would reject fails render, naming the statement file, the
 * template, the rule and its page.
 */
class BundleRulesTest {

    private static Path override(Path dir, String pipeTemplate) throws Exception {
        Path t = dir.resolve("pipeline/pipe.sql.mustache");
        Files.createDirectories(t.getParent());
        Files.writeString(t, pipeTemplate);
        return dir;
    }

    private static RenderedBundle render(Provider p, Path templates) throws TemplateException, InvalidSettingsException {
        return new Renderer(templates).render(RenderFixtures.settings(p).validate(), RenderFixtures.schoolSpec());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Provider.class)
    @DisplayName("The shipped bundle of every provider passes the rules (its pipes are checked, not skipped)")
    void theShippedBundlesPass(Provider p) {
        RenderedBundle b = assertDoesNotThrow(() -> RenderFixtures.render(p));
        assertEquals(6, b.statements().stream().filter(s -> s.kind() == ObjectKind.PIPE).count());
    }

    @Test
    @DisplayName("copy-transform-format-argument: TRY_TO_DATE(x, 'YYYY-MM-DD') in an overridden pipe fails render "
            + "(data-load-transform.md, Supported functions)")
    void aFormatArgumentInAnOverriddenPipeFailsRender(@TempDir Path dir) throws Exception {
        Path templates = override(dir, """
                CREATE PIPE IF NOT EXISTS {{pipe}}
                  AUTO_INGEST = FALSE
                AS
                COPY INTO {{landingTable}} (RAW_PAYLOAD, LOADED_AT)
                FROM (SELECT $1, TRY_TO_DATE($1:attendance_date::VARCHAR, 'YYYY-MM-DD') FROM {{stagePath}})
                FILE_FORMAT = (FORMAT_NAME = {{fileFormatLiteral}});
                """);
        SnowflakeRuleException e = assertThrows(SnowflakeRuleException.class, () -> render(Provider.INTERNAL, templates));
        assertEquals(3, e.problems().size(), e.getMessage());
        String first = e.problems().get(0);
        assertTrue(first.startsWith("sql/10_pipe_ATTENDANCE_PIPE.sql (PIPE SCHOOL_DATA.AUTOSYNC.ATTENDANCE_PIPE, your template "
                + "pipeline/pipe.sql.mustache): SQL compilation error: TRY_TO_DATE in a COPY transformation takes no format "
                + "argument ('YYYY-MM-DD')"), first);
        assertTrue(first.endsWith("[rule copy-transform-format-argument; en/user-guide/data-load-transform.md, "
                + "\"Supported functions (TRY_TO_DATE, TRY_TO_TIME)\"]"), first);
        assertTrue(e.getMessage().startsWith("The rendered SQL would be rejected by Snowflake (3 problems):\n  1. sql/10_pipe_"),
                e.getMessage());
        assertTrue(e.getMessage().endsWith("nothing was written."), e.getMessage());
    }

    @Test
    @DisplayName("pipe-integration-required: an auto-ingest pipe on a GCS stage without INTEGRATION fails render "
            + "(create-pipe.md, INTEGRATION)")
    void anAutoIngestPipeOnGcsWithoutIntegrationFailsRender(@TempDir Path dir) throws Exception {
        Path templates = override(dir, """
                CREATE PIPE IF NOT EXISTS {{pipe}}
                  AUTO_INGEST = TRUE
                AS
                COPY INTO {{landingTable}} (RAW_PAYLOAD) FROM (SELECT $1 FROM {{stagePath}})
                FILE_FORMAT = (FORMAT_NAME = {{fileFormatLiteral}});
                """);
        SnowflakeRuleException e = assertThrows(SnowflakeRuleException.class, () -> render(Provider.GCS, templates));
        assertTrue(e.problems().get(0).contains("Integration is required for AUTO_INGEST = TRUE on a GCS stage")
                && e.problems().get(0).contains("[rule pipe-integration-required; en/sql-reference/sql/create-pipe.md"),
                e.getMessage());
        // The same template on S3 (Snowflake's own SQS queue) is accepted: the rule reads the stage's URL.
        assertDoesNotThrow(() -> render(Provider.S3, templates));
    }

    @Test
    @DisplayName("pipe-copy-options: PURGE in a pipe's COPY fails render (create-pipe.md, Usage notes)")
    void aPipeCopyOptionFailsRender(@TempDir Path dir) throws Exception {
        Path templates = override(dir, """
                CREATE PIPE IF NOT EXISTS {{pipe}}
                AS
                COPY INTO {{landingTable}} (RAW_PAYLOAD) FROM (SELECT $1 FROM {{stagePath}})
                FILE_FORMAT = (FORMAT_NAME = {{fileFormatLiteral}}) PURGE = TRUE;
                """);
        SnowflakeRuleException e = assertThrows(SnowflakeRuleException.class, () -> render(Provider.INTERNAL, templates));
        assertTrue(e.problems().get(0).contains("copy option PURGE = TRUE is not supported in a pipe's COPY statement"),
                e.getMessage());
    }

    @Test
    @DisplayName("A pipe the parser cannot read fails render with the syntax error and the file")
    void anUnreadablePipeFailsRender(@TempDir Path dir) throws Exception {
        Path templates = override(dir, "CREATE PIPE IF NOT EXISTS {{pipe}} AS COPY INTO {{landingTable}} FROM (SELECT $1 FROM);\n");
        SnowflakeRuleException e = assertThrows(SnowflakeRuleException.class, () -> render(Provider.INTERNAL, templates));
        assertTrue(e.problems().get(0).contains("sql/10_pipe_ATTENDANCE_PIPE.sql")
                && e.problems().get(0).contains("cannot be read as CREATE PIPE"), e.getMessage());
    }
}

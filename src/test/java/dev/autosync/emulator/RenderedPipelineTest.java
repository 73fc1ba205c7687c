package dev.autosync.emulator;

import dev.autosync.render.Provider;
import dev.autosync.render.RenderFixtures;
import dev.autosync.render.RenderSettings;
import dev.autosync.render.RenderedBundle;
import dev.autosync.render.RenderedStatement;
import dev.autosync.render.Renderer;
import net.snowflake.client.api.statement.SnowflakeStatement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** Everything render produces for each provider runs on the emulator unmodified: DDL, task resumes, diagnostics, set-up checks. */
class RenderedPipelineTest {
    private static EmulatorFixture fx;

    @BeforeAll
    static void start() throws Exception {
        fx = new EmulatorFixture();
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    private static RenderedBundle render(Provider p) throws Exception {
        RenderSettings s = RenderFixtures.settings(p).database("DB_" + p.id().toUpperCase(Locale.ROOT))
                .storageIntegration("INT_" + p.id().toUpperCase(Locale.ROOT))
                .notificationIntegration("NOTIFY_" + p.id().toUpperCase(Locale.ROOT));
        return new Renderer(null).render(s.validate(), RenderFixtures.schoolSpec());
    }

    @ParameterizedTest
    @EnumSource(Provider.class)
    void theRenderedPipelineRunsOnTheEmulator(Provider provider) throws Exception {
        RenderedBundle b = render(provider);
        try (Connection c = fx.connect()) {
            for (RenderedStatement st : b.statements()) {
                try (Statement s = c.createStatement()) {
                    s.execute(st.sql());
                } catch (SQLException e) {
                    fail(st.kind() + " " + st.name() + " failed: " + e.getErrorCode() + " " + e.getMessage());
                }
            }
            for (String post : b.postDeploy()) {
                try (Statement s = c.createStatement()) {
                    s.execute(post);
                }
            }
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SHOW TASKS IN SCHEMA " + b.database() + "."
                    + b.schema())) {
                int started = 0;
                while (rs.next()) {
                    assertEquals("started", rs.getString("state"));
                    started++;
                }
                assertEquals(3, started);
            }
            runScript(c, b.database(), b.diagnosticsSql());
            if (provider.isCloud()) {
                runScript(c, b.database(), liveSection(b.cloudSetupSql()));
            }
            // the statements are idempotent: running them all again changes nothing and fails nothing
            for (RenderedStatement st : b.statements()) {
                try (Statement s = c.createStatement()) {
                    s.execute(st.sql());
                }
            }
        }
    }

    /** The selected provider's part of cloud-setup.sql (the others are commented out). */
    private static String liveSection(String script) {
        int start = script.indexOf("(selected)");
        assertTrue(start > 0);
        int end = script.indexOf("(not selected)", start);
        String section = end < 0 ? script.substring(start) : script.substring(start, end);
        return section.substring(section.indexOf('\n'));
    }

    private static void runScript(Connection c, String db, String script) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("USE DATABASE " + db);
            s.unwrap(SnowflakeStatement.class).setParameter("MULTI_STATEMENT_COUNT", 0);
            s.execute(script);
            int results = 1;
            while (s.getMoreResults() || s.getUpdateCount() != -1) {
                results++;
                if (results > 200) {
                    break;
                }
            }
            assertTrue(results > 3, "ran the script's statements: " + results);
        }
    }

    static List<String> providers() {
        return List.of("s3", "azure", "gcs", "internal");
    }
}

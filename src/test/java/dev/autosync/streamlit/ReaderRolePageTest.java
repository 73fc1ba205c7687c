package dev.autosync.streamlit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autosync.emulator.LocalEmulator;
import dev.autosync.emulator.wire.LoginPolicy;
import dev.autosync.pipeline.PipelineSpec;
import dev.autosync.render.MonitoringQueries;
import dev.autosync.render.Provider;
import dev.autosync.render.RenderFixtures;
import dev.autosync.render.RenderedBundle;
import dev.autosync.render.Renderer;
import dev.autosync.render.StreamlitApp;
import dev.autosync.warehouse.DeployOptions;
import dev.autosync.warehouse.Deployer;
import dev.autosync.warehouse.ReaderGrants;
import dev.autosync.warehouse.Secret;
import dev.autosync.warehouse.Target;
import dev.autosync.warehouse.Warehouse;
import dev.autosync.warehouse.WarehouseException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * readerRole and the status page: a role that holds only ReaderGrants' statements (with the app published)
 * can open the page (USAGE on the Streamlit object, "Privileges required to view a Streamlit app") and run
 * every query the page reads with: the monitoring views (the freshness view among them), the rejects tables,
 * SHOW PIPES / TASKS / STREAMS and TASK_HISTORY. The emulator checks SELECT on tables and views, and USAGE on
 * a Streamlit, for roles other than the admin ones (grant-privilege page).
 */
class ReaderRolePageTest {
    private static final PipelineSpec SPEC = RenderFixtures.schoolSpec();

    @Test
    @DisplayName("Privileges required to view a Streamlit app: a role with only ReaderGrants opens the app and runs the page's reads")
    void aRoleWithOnlyTheReaderGrantsRunsThePagesReads(@TempDir Path dir) throws Exception {
        RenderedBundle b = new Renderer(null).render(RenderFixtures.settings(Provider.INTERNAL).validate(), SPEC);
        Path out = dir.resolve("autosync");
        new StreamlitApp(null).write(b, SPEC, out);
        try (LocalEmulator emulator = LocalEmulator.start(dir.resolve("data"), 0, LoginPolicy.anyone(), m -> { })) {
            try (Warehouse admin = as(emulator, "ACCOUNTADMIN")) {
                Deployer d = new Deployer(b, admin, DeployOptions.defaults(m -> { }));
                d.apply(d.plan());
                new StreamlitPublisher(b, admin, m -> { }).publish(out, "LOCAL_WH");
                admin.execute("CREATE ROLE IF NOT EXISTS READER");
                admin.execute("GRANT USAGE ON DATABASE " + b.database() + " TO ROLE READER");
                admin.execute("GRANT USAGE ON SCHEMA " + b.database() + "." + b.schema() + " TO ROLE READER");
            }
            List<String> reads = pageReads(b);
            try (Warehouse reader = as(emulator, "READER")) {
                // without the grants the reads are refused, as Snowflake answers for an object the role may not see
                WarehouseException refused = assertThrows(WarehouseException.class, () -> reader.query(MonitoringQueries.freshness(b)));
                assertTrue(refused.getMessage().contains("does not exist or not authorized"), refused.getMessage());
                assertThrows(WarehouseException.class, () -> reader.query("DESC STREAMLIT " + StreamlitApp.appName(b)));
            }
            List<String> grants = ReaderGrants.statements(b, "READER", true);
            assertTrue(grants.contains("GRANT USAGE ON STREAMLIT " + StreamlitApp.appName(b) + " TO ROLE READER"), grants.toString());
            assertTrue(grants.contains("GRANT SELECT ON VIEW " + b.freshnessView() + " TO ROLE READER"), grants.toString());
            assertTrue(ReaderGrants.script(b, "READER", true).contains("GRANT USAGE ON STREAMLIT " + StreamlitApp.appName(b)));
            try (Warehouse admin = as(emulator, "ACCOUNTADMIN")) {
                for (String g : grants) {
                    admin.execute(g);
                }
            }
            try (Warehouse reader = as(emulator, "READER")) {
                assertEquals(StreamlitApp.APP_NAME, reader.query("DESC STREAMLIT " + StreamlitApp.appName(b)).get(0).get("NAME"));
                List<String> failed = new ArrayList<>();
                for (String sql : reads) {
                    try {
                        reader.query(sql);
                    } catch (WarehouseException e) {
                        failed.add(sql + " -> " + e.getMessage());
                    }
                }
                assertEquals(List.of(), failed, "the reader role cannot run these reads of the page");
                assertEquals(3, reader.query(MonitoringQueries.freshness(b)).size());
            }
        }
    }

    /** Every query the page's status tab runs, from the names and queries render writes into it. */
    private static List<String> pageReads(RenderedBundle b) throws Exception {
        JsonNode p = new ObjectMapper().readTree(StreamlitApp.pipelineJson(b, SPEC));
        String since = p.at("/queries/timestampLiteral").asText().replace(MonitoringQueries.INSTANT, "2026-12-01 00:00:00.000 +0000");
        String until = p.at("/queries/timestampLiteral").asText().replace(MonitoringQueries.INSTANT, "2026-12-31 00:00:00.000 +0000");
        List<String> reads = new ArrayList<>();
        for (String q : List.of("pipeStatus", "ingestionMetrics", "errorLog", "pipes", "tasks", "streams", "now", "freshness")) {
            reads.add(p.at("/queries/" + q).asText());
        }
        for (JsonNode e : p.get("entities")) {
            for (String q : List.of("rejectCounts", "rejectReasons", "taskRuns", "taskRunsPage", "taskRunsPageBefore")) {
                reads.add(e.get(q).asText().replace(MonitoringQueries.SINCE, since).replace(MonitoringQueries.UNTIL, until));
            }
        }
        assertEquals(8 + 3 * 5, reads.size());
        return reads;
    }

    private static Warehouse as(LocalEmulator e, String role) throws Exception {
        Target t = new Target(Target.Kind.SNOWFLAKE, e.jdbcUrl(), Map.of("user", "PAGE", "account", "local", "ssl", "off",
                "disablePlatformDetection", "true", "role", role), Map.of("password", Secret.of("x")), null, LoginPolicy.anyone(),
                List.of());
        return Warehouse.connect(t, m -> { });
    }
}

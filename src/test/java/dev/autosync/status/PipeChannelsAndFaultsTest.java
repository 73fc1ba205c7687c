package dev.autosync.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autosync.emulator.wire.LoginPolicy;
import dev.autosync.render.Provider;
import dev.autosync.render.RenderFixtures;
import dev.autosync.render.RenderedBundle;
import dev.autosync.render.Renderer;
import dev.autosync.warehouse.DeployOptions;
import dev.autosync.warehouse.Deployer;
import dev.autosync.warehouse.LocalTargets;
import dev.autosync.warehouse.Target;
import dev.autosync.warehouse.Warehouse;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * status shows each pipe's notification channel (SHOW PIPES page, notification_channel: the SQS
 * queue an S3 bucket's event notification must target, "Automating Snowpipe for Amazon S3"), and
 * judges a pipe's error but only shows its fault (SYSTEM$PIPE_STATUS page: fault is "used
 * primarily by Snowflake for debugging").
 */
class PipeChannelsAndFaultsTest {
    @Test
    @DisplayName("SHOW PIPES page: each S3 auto-ingest pipe's notification_channel in the table, the JSON and the HTML")
    void statusShowsEachPipesNotificationChannel(@TempDir Path dir) throws Exception {
        RenderedBundle b = new Renderer(null).render(RenderFixtures.settings(Provider.S3).database("CHANNELS_DB").validate(),
                RenderFixtures.schoolSpec());
        Target t = new Target(Target.Kind.LOCAL, null, Map.of(), Map.of(), dir, LoginPolicy.anyone(), List.of());
        try (Warehouse w = Warehouse.connect(t, m -> { })) {
            Deployer d = new Deployer(b, w, DeployOptions.defaults(m -> { }));
            d.apply(d.plan());
            StatusReport r = new StatusCollector(b, w).collect();
            Map<String, String> shown = new java.util.TreeMap<>();
            for (Map<String, String> p : w.query("SHOW PIPES IN SCHEMA CHANNELS_DB.AUTOSYNC")) {
                shown.put(p.get("NAME"), p.get("NOTIFICATION_CHANNEL"));
            }
            List<StatusReport.Pipe> ingest = r.pipes().stream().filter(p -> p.purpose().equals("ingest")).toList();
            assertEquals(3, ingest.size());
            for (StatusReport.Pipe p : ingest) {
                assertTrue(p.notificationChannel() != null && p.notificationChannel().startsWith("arn:aws:sqs:"), p.toString());
                assertEquals(shown.get(p.name().substring(p.name().lastIndexOf('.') + 1)), p.notificationChannel());
            }
            r.pipes().stream().filter(p -> p.purpose().equals("e2e")).forEach(p -> assertNull(p.notificationChannel(), p.toString()));

            String channel = ingest.get(0).notificationChannel();
            List<String> table = new TableFormat(200, false).render(r);
            assertTrue(table.stream().anyMatch(l -> l.contains("Notification channels")), String.join("\n", table));
            assertTrue(table.stream().anyMatch(l -> l.contains(ingest.get(0).name()) && l.contains(channel)), String.join("\n", table));
            assertTrue(HtmlFormat.render(r).contains(channel));
            ObjectMapper m = new ObjectMapper();
            JsonNode doc = m.readTree(JsonFormat.render(r));
            assertEquals(channel, doc.at("/pipes/0/notificationChannel").asText(), doc.at("/pipes").toString());
            JsonNode schema;
            try (InputStream in = getClass().getResourceAsStream("/autosync/status.schema.json")) {
                schema = m.readTree(in);
            }
            List<String> problems = new ArrayList<>();
            StatusTest.SchemaCheck.check(schema, doc, "$", problems);
            assertEquals(List.of(), problems);
        } finally {
            LocalTargets.stopAll();
        }
    }

    @Test
    @DisplayName("SYSTEM$PIPE_STATUS page: a RUNNING pipe with a fault only is HEALTHY (the fault is shown); with an error it is FAILING")
    void aFaultIsShownButNotJudged() {
        StatusReport.Pipe faulty = new StatusReport.Pipe("ATTENDANCE_PIPE", "ATTENDANCE", "ingest", "RUNNING", 0, null, null, null,
                null, "internal process error 0x1", null);
        StatusReport.Verdict v = Verdicts.judge(List.of(faulty), List.of(), List.of(), List.of(), List.of(), List.of());
        assertEquals(StatusReport.Level.HEALTHY, v.level(), v.reasons().toString());
        StatusReport.Pipe failing = new StatusReport.Pipe("ATTENDANCE_PIPE", "ATTENDANCE", "ingest", "RUNNING", 0, null, null, null,
                "Table 'ATTENDANCE_EVENTS' does not exist or not authorized.", "internal process error 0x1", null);
        StatusReport.Verdict f = Verdicts.judge(List.of(failing), List.of(), List.of(), List.of(), List.of(), List.of());
        assertEquals(StatusReport.Level.FAILING, f.level());
        assertTrue(f.reasons().get(0).startsWith("pipe ATTENDANCE_PIPE reports an error: Table 'ATTENDANCE_EVENTS' does not exist"),
                f.reasons().toString());
        StatusReport report = new StatusReport("local", "DB", "S", "now", v, List.of(faulty), List.of(), List.of(), List.of(),
                List.of(), List.of(), List.of(), List.of());
        assertTrue(new TableFormat(200, false).render(report).stream().anyMatch(l -> l.contains("internal process error 0x1")));
    }

    @Test
    @DisplayName("SYSTEM$PIPE_STATUS page: the AUTOSYNC_PIPE_STATUS view's ERROR is the error only and FAULT (appended) the fault; "
            + "status judges the one and shows the other")
    void theViewSeparatesErrorFromFault(@TempDir Path dir) throws Exception {
        RenderedBundle b = new Renderer(null).render(RenderFixtures.settings(Provider.INTERNAL).database("FAULT_DB").validate(),
                RenderFixtures.schoolSpec());
        Target t = new Target(Target.Kind.LOCAL, null, Map.of(), Map.of(), dir, LoginPolicy.anyone(), List.of());
        // the emulator reports a fault only when a test asks it to (set before the view that reads the status is created)
        System.setProperty("autosync.emulator.test.pipeFault", "GRADES_PIPE");
        try (Warehouse w = Warehouse.connect(t, m -> { })) {
            Deployer d = new Deployer(b, w, DeployOptions.defaults(m -> { }));
            d.apply(d.plan());
            List<Map<String, String>> rows = w.query("SELECT * FROM " + b.pipeStatusView() + " ORDER BY PIPE_NAME");
            List<String> columns = new ArrayList<>(rows.get(0).keySet());
            assertEquals(List.of("PIPE_NAME", "ENTITY", "PURPOSE", "EXECUTION_STATE", "PENDING_FILE_COUNT", "OLDEST_PENDING_FILE",
                    "LAST_INGESTED_FILE", "LAST_INGESTED_AT", "ERROR", "STATUS_JSON", "FAULT"), columns,
                    "existing columns keep their places; FAULT is appended");
            Map<String, String> grades = rows.stream().filter(r -> r.get("PIPE_NAME").equals("GRADES_PIPE")).findFirst().orElseThrow();
            assertNull(grades.get("ERROR"), "a fault is not an error: " + grades);
            assertTrue(grades.get("FAULT") != null && grades.get("FAULT").contains("test fault"), grades.toString());
            assertTrue(grades.get("STATUS_JSON").contains("\"fault\""), grades.get("STATUS_JSON"));

            StatusReport r = new StatusCollector(b, w).collect();
            assertEquals(StatusReport.Level.HEALTHY, r.verdict().level(), r.verdict().reasons().toString());
            StatusReport.Pipe shown = r.pipes().stream().filter(p -> p.name().endsWith("GRADES_PIPE")).findFirst().orElseThrow();
            assertNull(shown.error());
            assertEquals(grades.get("FAULT"), shown.fault());
            assertTrue(new TableFormat(200, false).render(r).stream().anyMatch(l -> l.contains("test fault")));
        } finally {
            System.clearProperty("autosync.emulator.test.pipeFault");
            LocalTargets.stopAll();
        }
    }
}

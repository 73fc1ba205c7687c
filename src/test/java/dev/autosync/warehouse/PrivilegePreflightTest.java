package dev.autosync.warehouse;

import dev.autosync.emulator.EmulatorFixture;
import dev.autosync.emulator.wire.LoginPolicy;
import dev.autosync.render.Provider;
import dev.autosync.render.RenderedBundle;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 13 item 4: deploy checks the role's privileges before changing anything, and the emulator
 * refuses what Snowflake refuses. Docs: sql-reference/sql/create-task ("Task security": EXECUTE TASK,
 * EXECUTE MANAGED TASK), sql-reference/sql/show-grants, sql-reference/sql/grant-privilege.
 */
class PrivilegePreflightTest {
    private static EmulatorFixture fx;

    @BeforeAll
    static void start() throws Exception {
        fx = new EmulatorFixture();
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    static Warehouse as(String role) throws Exception {
        Target t = new Target(Target.Kind.SNOWFLAKE, fx.emulator().jdbcUrl(), Map.of("user", "DEPLOYER", "account", "local",
                "ssl", "off", "role", role), Map.of("password", Secret.of("x")), null, LoginPolicy.anyone(), List.of());
        return Warehouse.connect(t, m -> { });
    }

    @Test
    void aRoleWithoutExecuteTaskStopsBeforeChangingAnythingNamingTheGrants() throws Exception {
        RenderedBundle b = DeployerTest.bundle(Provider.INTERNAL, "PRIV_DB");
        try (Warehouse admin = as("ACCOUNTADMIN")) {
            admin.execute("CREATE ROLE IF NOT EXISTS LOADER");
            admin.execute("GRANT CREATE DATABASE ON ACCOUNT TO ROLE LOADER");
            assertEquals(List.of("CREATE DATABASE"), admin.query("SHOW GRANTS TO ROLE LOADER").stream().map(r -> r.get("PRIVILEGE"))
                    .toList());
            try (Warehouse w = as("LOADER")) {
                List<String> log = new ArrayList<>();
                Deployer d = new Deployer(b, w, DeployerTest.options(log));
                DeployPlan plan = d.plan();
                DeployException e = assertThrows(DeployException.class, () -> d.apply(plan));
                assertTrue(e.getMessage().contains("Deploy stopped before changing anything: role LOADER lacks 2 privilege(s)"),
                        e.getMessage());
                assertTrue(e.getMessage().contains("GRANT EXECUTE TASK ON ACCOUNT TO ROLE LOADER;"), e.getMessage());
                assertTrue(e.getMessage().contains("GRANT EXECUTE MANAGED TASK ON ACCOUNT TO ROLE LOADER;"), e.getMessage());
                assertEquals(List.of(), admin.query("SHOW DATABASES LIKE 'PRIV_DB'"), "nothing was created");
            }
            admin.execute("GRANT EXECUTE TASK, EXECUTE MANAGED TASK ON ACCOUNT TO ROLE LOADER");
            try (Warehouse w = as("LOADER")) {
                Deployer d = new Deployer(b, w, DeployerTest.options(new ArrayList<>()));
                d.apply(d.plan());
                assertEquals(List.of(), HealthGate.problems(b, w));
            }
        }
    }

    @Test
    void theEmulatorRefusesResumeAndExecuteTaskWithoutExecuteTaskAndCreateWithoutCreateOnTheSchema() throws Exception {
        RenderedBundle b = DeployerTest.bundle(Provider.INTERNAL, "PRIV_TASKS");
        try (Warehouse admin = as("SYSADMIN")) {
            Deployer d = new Deployer(b, admin, DeployerTest.options(new ArrayList<>()));
            d.apply(d.plan());
        }
        try (Warehouse admin = as("ACCOUNTADMIN")) {
            admin.execute("CREATE ROLE IF NOT EXISTS OPERATOR");
            admin.execute("GRANT USAGE ON DATABASE PRIV_TASKS TO ROLE OPERATOR");
            admin.execute("GRANT USAGE ON SCHEMA PRIV_TASKS.AUTOSYNC TO ROLE OPERATOR");
        }
        try (Warehouse w = as("OPERATOR")) {
            WarehouseException e = assertThrows(WarehouseException.class,
                    () -> w.execute("EXECUTE TASK PRIV_TASKS.AUTOSYNC.PROCESS_GRADES_TASK"));
            assertTrue(e.getMessage().contains("EXECUTE TASK privilege must be granted to owner role"), e.getMessage());
            e = assertThrows(WarehouseException.class, () -> w.execute("ALTER TASK PRIV_TASKS.AUTOSYNC.PROCESS_GRADES_TASK RESUME"));
            assertTrue(e.getMessage().contains("EXECUTE TASK privilege"), e.getMessage());
            e = assertThrows(WarehouseException.class, () -> w.execute("CREATE TABLE PRIV_TASKS.AUTOSYNC.T (A INT)"));
            assertTrue(e.getMessage().contains("Insufficient privileges to operate on schema 'AUTOSYNC'"), e.getMessage());
        }
        try (Warehouse admin = as("ACCOUNTADMIN")) {
            admin.execute("GRANT CREATE TABLE ON SCHEMA PRIV_TASKS.AUTOSYNC TO ROLE OPERATOR");
        }
        try (Warehouse w = as("OPERATOR")) {
            w.execute("CREATE TABLE PRIV_TASKS.AUTOSYNC.T (A INT)");
        }
    }

    /** functions/copy_history: "pipe name ... masked as NULL" without MONITOR on the pipe; readerRole grants it. */
    @Test
    void copyHistoryMasksPipeNamesForAReaderWithoutMonitorAndReaderGrantsFixTheMetricsView() throws Exception {
        RenderedBundle b = DeployerTest.bundle(Provider.S3, "PRIV_READ");
        String pipe = "PRIV_READ.AUTOSYNC.GRADES_PIPE";
        PipeSource src = PipeSource.of(b.statements().stream().filter(s -> s.name().equals(pipe)).findFirst().orElseThrow().sql());
        try (Warehouse admin = as("ACCOUNTADMIN")) {
            Deployer d = new Deployer(b, admin, DeployerTest.options(new ArrayList<>()));
            d.apply(d.plan());
            String url = admin.query("SHOW STAGES LIKE 'AUTOSYNC_STAGE' IN SCHEMA PRIV_READ.AUTOSYNC").get(0).get("URL");
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("s3://([^/]+)/?(.*)").matcher(url);
            assertTrue(m.matches(), url);
            java.nio.file.Path folder = fx.dataDir().resolve("buckets/s3").resolve(m.group(1)).resolve(m.group(2)).resolve(src.folder());
            java.nio.file.Files.createDirectories(folder);
            java.nio.file.Files.writeString(folder.resolve("g1.json"), "{\"event_id\":\"g1\",\"event_type\":\"GRADED\","
                    + "\"student_id\":\"S1\",\"course_id\":\"C1\",\"assignment_id\":\"A1\",\"score\":9,\"max_score\":10,"
                    + "\"graded_at\":\"2026-09-01T08:00:00Z\"}\n");
            Await.Outcome<String> loaded = Await.until("load", () -> admin.scalar("SELECT COUNT(*) FROM " + src.landingTable()),
                    n -> n.equals("1"), java.time.Duration.ofSeconds(30), Await.Pacing.backoff(java.time.Duration.ofHours(1)), null);
            assertEquals("1", loaded.last());
            admin.execute("CREATE ROLE IF NOT EXISTS READER");
            admin.execute("GRANT USAGE ON DATABASE PRIV_READ TO ROLE READER");
            admin.execute("GRANT USAGE ON SCHEMA PRIV_READ.AUTOSYNC TO ROLE READER");
        }
        String history = "SELECT PIPE_NAME FROM TABLE(PRIV_READ.INFORMATION_SCHEMA.COPY_HISTORY(TABLE_NAME => '"
                + src.landingTable() + "', START_TIME => DATEADD(HOUR, -1, CURRENT_TIMESTAMP())))";
        String metrics = "SELECT FILES_LOADED_24H FROM PRIV_READ.AUTOSYNC.AUTOSYNC_INGESTION_METRICS WHERE PIPE_NAME = 'GRADES_PIPE'";
        try (Warehouse r = as("READER")) {
            assertEquals(java.util.Collections.singletonList(null), r.query(history).stream().map(x -> x.get("PIPE_NAME")).toList());
            // the metrics view joins on pipe names, so on Snowflake a reader without MONITOR would see zeros if the view's
            // COPY_HISTORY runs as the reader (UNVERIFIED; the emulator translates a view once, as its owner): readerRole
            // grants MONITOR on the pipes either way
        }
        try (Warehouse admin = as("ACCOUNTADMIN")) {
            for (String g : ReaderGrants.statements(b, "READER")) {
                admin.execute(g);
            }
        }
        try (Warehouse r = as("READER")) {
            assertEquals(List.of("GRADES_PIPE"), r.query(history).stream().map(x -> x.get("PIPE_NAME")).toList());
            assertEquals("1", r.scalar(metrics));
        }
    }
}

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
}

package dev.autosync.warehouse;

import dev.autosync.emulator.EmulatorFixture;
import dev.autosync.emulator.wire.LoginPolicy;
import dev.autosync.render.ObjectKind;
import dev.autosync.render.Provider;
import dev.autosync.render.RenderFixtures;
import dev.autosync.render.RenderedBundle;
import dev.autosync.render.RenderedStatement;
import dev.autosync.render.Renderer;
import dev.autosync.render.TableColumn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Deploy's plan and apply on the emulator: creation, no-op, changes, refusals, convergence after interruption. */
class DeployerTest {
    private static EmulatorFixture fx;
    private static final AtomicInteger DBS = new AtomicInteger();

    @BeforeAll
    static void start() throws Exception {
        fx = new EmulatorFixture();
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    static Warehouse warehouse() throws Exception {
        return warehouse(fx);
    }

    static Warehouse warehouse(EmulatorFixture fx) throws Exception {
        Target t = new Target(Target.Kind.SNOWFLAKE, fx.emulator().jdbcUrl(), Map.of("user", "DEPLOYER", "account", "local",
                "ssl", "off", "disablePlatformDetection", "true"), Map.of("password", Secret.of("x")), null, LoginPolicy.anyone(), List.of());
        return Warehouse.connect(t, m -> { });
    }

    static RenderedBundle bundle(Provider p, String db) throws Exception {
        return new Renderer(null).render(RenderFixtures.settings(p).database(db).storageIntegration("SI_" + db)
                .notificationIntegration("NI_" + db).validate(), RenderFixtures.schoolSpec());
    }

    static DeployOptions options(List<String> log) {
        return new DeployOptions(false, java.time.Duration.ofSeconds(30), "tester", "test", 0, log::add);
    }

    @Test
    void aFirstDeployCreatesEverythingAndASecondChangesNothing() throws Exception {
        for (Provider p : List.of(Provider.INTERNAL, Provider.S3)) {
            String db = "DEP_" + p.id().toUpperCase() + DBS.incrementAndGet();
            RenderedBundle b = bundle(p, db);
            try (Warehouse w = warehouse()) {
                List<String> log = new ArrayList<>();
                DeployPlan first = new Deployer(b, w, options(log)).plan();
                assertEquals(b.statements().size(), first.counts().get(DeployAction.CREATE), first.table().toString());
                DeployResult r = new Deployer(b, w, options(log)).apply(first);
                assertEquals(b.statements().size(), r.counts().get(DeployAction.CREATE));
                assertEquals(List.of(), HealthGate.problems(b, w));
                if (p.isCloud()) {
                    assertTrue(r.trustValues().stream().anyMatch(v -> v.contains("STORAGE_AWS_IAM_USER_ARN")), r.trustValues().toString());
                }
                DeployPlan second = new Deployer(b, w, options(log)).plan();
                assertEquals(b.statements().size(), second.counts().get(DeployAction.UNCHANGED), second.table().toString());
                assertEquals(List.of(), second.resumes());
                DeployResult again = new Deployer(b, w, options(log)).apply(second);
                assertEquals(0, again.statementsRun(), "a no-op deploy runs no statement");
                assertEquals(b.statements().size(), Integer.parseInt(w.scalar("SELECT COUNT(DISTINCT OBJECT_NAME) FROM " + db
                        + ".AUTOSYNC." + DeployHistory.TABLE)), "every object is in the history");
            }
        }
    }

    /** A statement of the bundle with other SQL (so another checksum), as a template change would give. */
    static RenderedBundle withChanged(RenderedBundle b, String name, java.util.function.UnaryOperator<String> sql,
                                      List<TableColumn> columns) {
        List<RenderedStatement> out = new ArrayList<>();
        for (RenderedStatement s : b.statements()) {
            if (s.name().equals(name)) {
                String q = sql.apply(s.sql());
                s = new RenderedStatement(s.number(), s.kind(), s.objectName(), s.entity(), s.template(), true, q,
                        "sha256:changed-" + Integer.toHexString(q.hashCode()), s.dependsOn(), columns == null ? s.columns() : columns);
            }
            out.add(s);
        }
        return new RenderedBundle(b.provider(), b.database(), b.schema(), b.pipelineSource(), out, b.postDeploy(),
                b.diagnosticsSql(), b.cloudSetupSql(), b.entities(), b.stage(), b.e2eStage(), b.storageIntegration(),
                b.notificationIntegration(), b.pipeStatusView(), b.ingestionMetricsView(), b.errorLogView(), b.freshnessView());
    }

    @Test
    void aChangedPipeIsPausedReplacedAndRunningAndNothingElseIsTouched() throws Exception {
        String db = "DEP_PIPE" + DBS.incrementAndGet();
        RenderedBundle b = bundle(Provider.INTERNAL, db);
        String pipe = db + ".AUTOSYNC.GRADES_PIPE";
        try (Warehouse w = warehouse()) {
            List<String> log = new ArrayList<>();
            Deployer d = new Deployer(b, w, options(log));
            d.apply(d.plan());
            RenderedBundle changed = withChanged(b, pipe, q -> q.replace("FROM (", "FROM ( ").replace("COPY INTO", "COPY  INTO")
                    + "\n  PATTERN = '.*[.]json.*'", null);
            DeployPlan plan = new Deployer(changed, w, options(log)).plan();
            List<PlannedStep> changes = plan.steps().stream().filter(PlannedStep::changes).toList();
            assertEquals(1, changes.size(), plan.table().toString());
            assertEquals(DeployAction.REPLACE, changes.get(0).action());
            assertTrue(changes.get(0).notes().get(0).contains("load history"), changes.get(0).notes().toString());
            DeployResult r = new Deployer(changed, w, options(log)).apply(plan);
            assertEquals(4, r.statementsRun(), "pause, replace, pause again, resume (Managing Snowpipe; no file to catch up)");
            assertTrue(w.scalar("SELECT SYSTEM$PIPE_STATUS('" + pipe + "')").contains("RUNNING"));
            assertTrue(w.query("SHOW PIPES LIKE 'GRADES_PIPE' IN SCHEMA " + db + ".AUTOSYNC").get(0).get("DEFINITION").contains("PATTERN"));
            assertEquals(List.of(), HealthGate.problems(changed, w));
        }
    }

    @Test
    void aNewColumnIsAddedAndADroppedColumnIsRefusedUnlessAllowed() throws Exception {
        String db = "DEP_COL" + DBS.incrementAndGet();
        RenderedBundle b = bundle(Provider.INTERNAL, db);
        String table = db + ".AUTOSYNC.STUDENTS";
        RenderedStatement st = b.statements().stream().filter(s -> s.name().equals(table)).findFirst().orElseThrow();
        try (Warehouse w = warehouse()) {
            List<String> log = new ArrayList<>();
            Deployer d = new Deployer(b, w, options(log));
            d.apply(d.plan());
            w.execute("INSERT INTO " + table + " (STUDENT_ID, SCHOOL_ID) VALUES ('S1', 'A')");

            List<TableColumn> more = new ArrayList<>(st.columns());
            more.add(new TableColumn("HOMEROOM", "VARCHAR"));
            RenderedBundle added = withChanged(b, table, q -> q.replace("  EVENT_TIMESTAMP TIMESTAMP_TZ", "  EVENT_TIMESTAMP TIMESTAMP_TZ,\n  HOMEROOM VARCHAR"), more);
            DeployPlan plan = new Deployer(added, w, options(log)).plan();
            PlannedStep step = plan.steps().stream().filter(s -> s.name().equals(table)).findFirst().orElseThrow();
            assertEquals(DeployAction.ALTER, step.action());
            assertEquals(List.of("ALTER TABLE " + table + " ADD COLUMN HOMEROOM VARCHAR"), step.sql());
            new Deployer(added, w, options(log)).apply(plan);
            assertEquals("S1|null", String.join("|", w.query("SELECT STUDENT_ID, HOMEROOM FROM " + table).get(0).values()));

            List<TableColumn> fewer = st.columns().stream().filter(c -> !c.name().equals("GRADE_LEVEL")).toList();
            RenderedBundle dropped = withChanged(added, table, q -> q.replace("  GRADE_LEVEL VARCHAR,\n", ""), fewer);
            DeployPlan refused = new Deployer(dropped, w, options(log)).plan();
            assertEquals(1, refused.refusals().size(), refused.refusals().toString());
            assertTrue(refused.refusals().get(0).contains("GRADE_LEVEL") && refused.refusals().get(0).contains("allowDestructiveChanges"));
            DeployException e = assertThrows(DeployException.class, () -> new Deployer(dropped, w, options(log)).apply(refused));
            assertTrue(e.getMessage().contains("nothing was changed"), e.getMessage());
            assertEquals(1, w.query("SELECT GRADE_LEVEL FROM " + table).size(), "the column is still there");
            DeployOptions allow = new DeployOptions(true, java.time.Duration.ofSeconds(30), "tester", "test", 0, log::add);
            Deployer allowed = new Deployer(dropped, w, allow);
            allowed.apply(allowed.plan());
            assertThrows(WarehouseException.class, () -> w.query("SELECT GRADE_LEVEL FROM " + table));
            assertEquals(1, w.query("SELECT STUDENT_ID FROM " + table).size(), "the table and its rows are kept");
        }
    }

    @Test
    void aDeployInterruptedAfterAnyObjectConvergesOnTheNextRun() throws Exception {
        RenderedBundle probe = bundle(Provider.S3, "PROBE");
        int objects = probe.statements().size();
        for (int k = 1; k < objects; k++) {
            String db = "DEP_INT" + DBS.incrementAndGet();
            RenderedBundle b = bundle(Provider.S3, db);
            try (Warehouse w = warehouse()) {
                List<String> log = new ArrayList<>();
                DeployOptions crash = new DeployOptions(false, java.time.Duration.ofSeconds(30), "tester", "test", k, log::add);
                Deployer first = new Deployer(b, w, crash);
                DeployPlan plan = first.plan();
                assertThrows(DeployException.class, () -> first.apply(plan));
                // SHOW ... IN a schema that does not exist yet fails, as on Snowflake: look for the schema first
                boolean schema = !w.query("SHOW SCHEMAS LIKE 'AUTOSYNC' IN DATABASE " + db).isEmpty();
                int recorded = !schema || w.query("SHOW TABLES LIKE '" + DeployHistory.TABLE + "' IN SCHEMA " + db + ".AUTOSYNC").isEmpty() ? 0
                        : Integer.parseInt(w.scalar("SELECT COUNT(*) FROM " + db + ".AUTOSYNC." + DeployHistory.TABLE));
                assertTrue(recorded <= k, "the history records only what was applied: " + recorded + " > " + k);
                Deployer second = new Deployer(b, w, options(log));
                second.apply(second.plan());
                DeployPlan after = new Deployer(b, w, options(log)).plan();
                assertEquals(objects, after.counts().get(DeployAction.UNCHANGED), "after interruption at " + k + ":\n"
                        + String.join("\n", after.table()));
                assertEquals(List.of(), HealthGate.problems(b, w), "interrupted at " + k);
            }
        }
    }

    @Test
    void replacingSqlTurnsIfNotExistsIntoOrReplace() {
        assertEquals("-- c\nCREATE OR REPLACE PIPE A.B.C\n  AS COPY", DeployPlanner.replaceSql("-- c\nCREATE PIPE IF NOT EXISTS A.B.C\n  AS COPY"));
        assertEquals("CREATE OR REPLACE FILE FORMAT F TYPE = JSON", DeployPlanner.replaceSql("CREATE FILE FORMAT IF NOT EXISTS F TYPE = JSON"));
        assertEquals("CREATE OR REPLACE VIEW V AS SELECT 1", DeployPlanner.replaceSql("CREATE OR REPLACE VIEW V AS SELECT 1"));
        assertEquals("VARCHAR", Inventory.normaliseType("VARCHAR(16777216)"));
        assertEquals("TIMESTAMP_TZ", Inventory.normaliseType("TIMESTAMP_TZ(9)"));
        assertEquals("NUMBER(38,0)", Inventory.normaliseType("NUMBER"));
        assertEquals(ObjectKind.PIPE, ObjectKind.valueOf("PIPE"));
    }
}

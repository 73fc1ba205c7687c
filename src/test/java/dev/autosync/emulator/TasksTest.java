package dev.autosync.emulator;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import static dev.autosync.emulator.EmulatorFixture.rows;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Tasks: lifecycle, EXECUTE TASK, schedules, WHEN, scripting bodies, failures and TASK_HISTORY. */
class TasksTest {
    private static final long WAIT = 20_000;
    private static EmulatorFixture fx;
    private static Connection c;

    @BeforeAll
    static void start() throws Exception {
        fx = new EmulatorFixture();
        c = fx.connect();
        exec("CREATE DATABASE TSK", "CREATE SCHEMA TSK.S", "CREATE TABLE LOG (MSG VARCHAR, AT TIMESTAMP_LTZ)");
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    static void exec(String... sql) throws SQLException {
        EmulatorFixture.execute(c, sql);
    }

    static List<String> q(String sql) throws SQLException {
        return rows(c, sql);
    }


    private static List<String> history(String task) throws SQLException {
        return q("SELECT STATE FROM TABLE(INFORMATION_SCHEMA.TASK_HISTORY(TASK_NAME => '" + task + "')) WHERE STATE <> 'SCHEDULED' "
                + "ORDER BY SCHEDULED_TIME");
    }

    @Test
    void tasksAreCreatedSuspendedAndExecuteTaskRunsOneAnyway() throws Exception {
        exec("CREATE OR REPLACE TASK T_ONCE WAREHOUSE = WH SCHEDULE = '60 MINUTES' AS INSERT INTO LOG VALUES ('once', CURRENT_TIMESTAMP())");
        assertTrue(q("SHOW TASKS LIKE 'T_ONCE'").get(0).contains("|suspended|"));
        exec("EXECUTE TASK T_ONCE");
        EmulatorFixture.await("the run", WAIT, () -> history("T_ONCE").equals(List.of("SUCCEEDED")));
        assertEquals(List.of("1"), q("SELECT COUNT(*) FROM LOG WHERE MSG = 'once'"));
        List<String> h = q("SELECT NAME, DATABASE_NAME, SCHEMA_NAME, SCHEDULED_FROM, QUERY_ID IS NOT NULL, COMPLETED_TIME IS NOT NULL "
                + "FROM TABLE(INFORMATION_SCHEMA.TASK_HISTORY(TASK_NAME => 't_once'))");
        assertEquals(List.of("T_ONCE|TSK|S|EXECUTE_TASK|TRUE|TRUE"), h);
    }

    @Test
    void aResumedTaskRunsOnItsScheduleAndAFalseWhenIsSkipped() throws Exception {
        exec("CREATE OR REPLACE TABLE FEED (ID INT)", "CREATE OR REPLACE STREAM FEED_S ON TABLE FEED",
                "CREATE OR REPLACE TABLE FEED_OUT (ID INT)",
                "CREATE OR REPLACE TASK T_SCHED SCHEDULE = '1 SECOND' WHEN SYSTEM$STREAM_HAS_DATA('FEED_S') "
                        + "AS INSERT INTO FEED_OUT SELECT ID FROM FEED_S",
                "ALTER TASK T_SCHED RESUME");
        assertTrue(q("SHOW TASKS LIKE 'T_SCHED'").get(0).contains("|started|"));
        EmulatorFixture.await("a skipped run", WAIT, () -> history("T_SCHED").contains("SKIPPED"));
        exec("INSERT INTO FEED VALUES (1), (2)");
        EmulatorFixture.await("the task to consume the stream", WAIT, () -> q("SELECT COUNT(*) FROM FEED_OUT").equals(List.of("2")));
        // the run commits its body before it records its end: wait for the record rather than race it
        EmulatorFixture.await("the run to be recorded", WAIT, () -> history("T_SCHED").contains("SUCCEEDED"));
        assertEquals(List.of("FALSE"), q("SELECT SYSTEM$STREAM_HAS_DATA('FEED_S')"));
        List<String> next = q("SELECT COUNT(*) FROM TABLE(INFORMATION_SCHEMA.TASK_HISTORY(TASK_NAME => 'T_SCHED')) WHERE STATE = 'SCHEDULED'");
        assertEquals(List.of("1"), next, "TASK_HISTORY shows the next scheduled run");
        exec("ALTER TASK T_SCHED SUSPEND");
        assertTrue(q("SHOW TASKS LIKE 'T_SCHED'").get(0).contains("|suspended|"));
    }

    @Test
    void aBeginEndBodyRunsItsStatementsInOneTransaction() throws Exception {
        exec("CREATE OR REPLACE TABLE BODY_A (ID INT)", "CREATE OR REPLACE TABLE BODY_B (ID INT)",
                "CREATE OR REPLACE TASK T_BLOCK AS BEGIN\n  BEGIN TRANSACTION;\n  INSERT INTO BODY_A VALUES (1);\n"
                        + "  INSERT INTO BODY_B VALUES ('not a number');\n  COMMIT;\nEND",
                "EXECUTE TASK T_BLOCK");
        EmulatorFixture.await("the failed run", WAIT, () -> history("T_BLOCK").equals(List.of("FAILED")));
        assertEquals(List.of("0"), q("SELECT COUNT(*) FROM BODY_A"), "the failed block rolled its transaction back");
        List<String> err = q("SELECT ERROR_CODE, ERROR_MESSAGE FROM TABLE(INFORMATION_SCHEMA.TASK_HISTORY(TASK_NAME => 'T_BLOCK', "
                + "ERROR_ONLY => TRUE))");
        assertEquals(1, err.size());
        assertTrue(err.get(0).startsWith("100038|Numeric value 'not a number' is not recognized"), err.toString());
        exec("CREATE OR REPLACE TASK T_BLOCK2 AS EXECUTE IMMEDIATE $$ BEGIN INSERT INTO BODY_A VALUES (1); "
                + "INSERT INTO BODY_B VALUES (2); END; $$", "EXECUTE TASK T_BLOCK2");
        EmulatorFixture.await("the second block", WAIT, () -> history("T_BLOCK2").equals(List.of("SUCCEEDED")));
        assertEquals(List.of("1|1"), q("SELECT (SELECT COUNT(*) FROM BODY_A), (SELECT COUNT(*) FROM BODY_B)"));
    }

    @Test
    void repeatedFailuresSuspendTheTask() throws Exception {
        exec("CREATE OR REPLACE TASK T_FAIL SCHEDULE = '1 SECOND' SUSPEND_TASK_AFTER_NUM_FAILURES = 2 AS SELECT 1/'x'",
                "ALTER TASK T_FAIL RESUME");
        EmulatorFixture.await("auto-suspension", WAIT, () -> q("SHOW TASKS LIKE 'T_FAIL'").get(0).contains("|suspended|"));
        assertEquals(List.of("FAILED", "FAILED_AND_AUTO_SUSPENDED"), history("T_FAIL"));
        assertTrue(q("SHOW TASKS LIKE 'T_FAIL'").get(0).endsWith("SUSPENDED_DUE_TO_ERRORS"));
    }

    @Test
    void childTasksRunAfterTheirRootSucceeds() throws Exception {
        exec("CREATE OR REPLACE TABLE CHAIN (STEP VARCHAR)",
                "CREATE OR REPLACE TASK T_ROOT AS INSERT INTO CHAIN VALUES ('root')",
                "CREATE OR REPLACE TASK T_CHILD AFTER T_ROOT AS INSERT INTO CHAIN VALUES ('child')",
                "ALTER TASK T_CHILD RESUME", "EXECUTE TASK T_ROOT");
        EmulatorFixture.await("the child", WAIT, () -> q("SELECT COUNT(*) FROM CHAIN").equals(List.of("2")));
        assertEquals(List.of("child", "root"), q("SELECT STEP FROM CHAIN ORDER BY STEP"));
        assertTrue(q("SHOW TASKS LIKE 'T_CHILD'").get(0).contains("[\"TSK.S.T_ROOT\"]"));
        SQLException e = assertThrows(SQLException.class, () -> exec("EXECUTE TASK T_CHILD"));
        assertTrue(e.getMessage().contains("child task"), e.getMessage());
    }

    @Test
    void cronSchedulesAndInvalidOptionsAreChecked() throws Exception {
        exec("CREATE OR REPLACE TASK T_CRON SCHEDULE = 'USING CRON 0 9-17 * * MON-FRI America/Los_Angeles' AS SELECT 1");
        assertTrue(q("SHOW TASKS LIKE 'T_CRON'").get(0).contains("USING CRON 0 9-17 * * MON-FRI America/Los_Angeles"));
        for (String bad : List.of("CREATE TASK X1 SCHEDULE = 'often' AS SELECT 1",
                "CREATE TASK X2 WAREHOUSE = W USER_TASK_MANAGED_INITIAL_WAREHOUSE_SIZE = 'XSMALL' AS SELECT 1",
                "CREATE TASK X3 SCHEDULE = '1 MINUTE' AFTER T_CRON AS SELECT 1")) {
            assertThrows(SQLException.class, () -> exec(bad), bad);
        }
        exec("ALTER TASK T_CRON RESUME");
        SQLException started = assertThrows(SQLException.class, () -> exec("ALTER TASK T_CRON SET SCHEDULE = '5 MINUTES'"));
        assertTrue(started.getMessage().contains("not suspended"), started.getMessage());
        exec("ALTER TASK T_CRON SUSPEND", "ALTER TASK T_CRON SET SCHEDULE = '5 MINUTES'");
        assertTrue(q("DESC TASK T_CRON").get(0).contains("|5 MINUTES|"));
    }

    /**
     * TASK_HISTORY page: the account's runs, whichever database's INFORMATION_SCHEMA is named;
     * DATABASE_NAME and SCHEMA_NAME (case-insensitive, exact in double quotes; SCHEMA_NAME needs
     * DATABASE_NAME) and TASK_NAME apply before RESULT_LIMIT (default 100, 1 to 10000), the WHERE after it.
     */
    @Test
    void taskHistoryCoversTheAccountAndItsArgumentsApplyBeforeResultLimit() throws Exception {
        exec("CREATE DATABASE IF NOT EXISTS TSK_OTHER", "CREATE SCHEMA IF NOT EXISTS TSK_OTHER.S",
                "USE SCHEMA TSK.S", "CREATE OR REPLACE TASK TSK_OTHER.S.T_TWIN AS SELECT 1", "CREATE OR REPLACE TASK TSK.S.T_TWIN AS SELECT 1 / 'x'",
                "EXECUTE TASK TSK_OTHER.S.T_TWIN", "EXECUTE TASK TSK.S.T_TWIN");
        String twins = "SELECT DATABASE_NAME, STATE FROM TABLE(TSK.INFORMATION_SCHEMA.TASK_HISTORY(TASK_NAME => 'T_TWIN%s)) "
                + "WHERE STATE <> 'SCHEDULED' ORDER BY DATABASE_NAME";
        EmulatorFixture.await("both runs", WAIT, () -> q(String.format(twins, "'")).size() == 2
                && !q(String.format(twins, "'")).toString().contains("EXECUTING"));
        assertEquals(List.of("TSK|FAILED", "TSK_OTHER|SUCCEEDED"), q(String.format(twins, "'")), "account-wide by default");
        assertEquals(List.of("TSK_OTHER|SUCCEEDED"), q(String.format(twins, "', DATABASE_NAME => 'tsk_other', SCHEMA_NAME => 's'")));
        assertEquals(List.of(), q(String.format(twins, "', DATABASE_NAME => '\"tsk_other\"'")), "double quotes match exactly");
        SQLException noDb = assertThrows(SQLException.class, () -> q(String.format(twins, "', SCHEMA_NAME => 'S'")));
        assertTrue(noDb.getMessage().contains("DATABASE_NAME"), noDb.getMessage());
        for (String limit : List.of("0", "10001")) {
            SQLException e = assertThrows(SQLException.class, () -> q(String.format(twins, "', RESULT_LIMIT => " + limit)));
            assertTrue(e.getMessage().contains("RESULT_LIMIT"), e.getMessage());
        }

        exec("CREATE OR REPLACE TASK T_MANY AS SELECT 1");
        for (int i = 0; i < 103; i++) {
            exec("EXECUTE TASK T_MANY");
        }
        String all = "SELECT COUNT(*) FROM TABLE(INFORMATION_SCHEMA.TASK_HISTORY(TASK_NAME => 'T_MANY'%s)) WHERE STATE = 'SUCCEEDED'";
        EmulatorFixture.await("103 runs", 60_000, () -> q(String.format(all, ", RESULT_LIMIT => 10000")).equals(List.of("103")));
        assertEquals(List.of("100"), q(String.format(all, "")), "RESULT_LIMIT (default 100) cuts the rows before the WHERE");
        assertEquals(List.of("7"), q(String.format(all, ", RESULT_LIMIT => 7")));
        assertEquals(List.of("1"), q("SELECT COUNT(*) FROM TABLE(INFORMATION_SCHEMA.TASK_HISTORY(TASK_NAME => 'T_TWIN', "
                + "DATABASE_NAME => 'TSK', ERROR_ONLY => TRUE))"), "ERROR_ONLY: the runs that failed");
    }
}

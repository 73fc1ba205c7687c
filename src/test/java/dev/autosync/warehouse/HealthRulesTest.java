package dev.autosync.warehouse;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Advice that matches the pipe's state: SYSTEM$PIPE_STATUS page (executionState values, error vs
 * fault), SYSTEM$PIPE_FORCE_RESUME page and "Managing Snowpipe" (stale pipes, ownership transfer,
 * changing the stage's cloud parameters); TASK_HISTORY page (FAILED_AND_AUTO_SUSPENDED).
 */
class HealthRulesTest {
    private static final String P = "DB.S.ATTENDANCE_PIPE";

    @ParameterizedTest(name = "SYSTEM$PIPE_STATUS page: {0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "PAUSED|ALTER PIPE DB.S.ATTENDANCE_PIPE SET PIPE_EXECUTION_PAUSED = FALSE",
            "PAUSED|SELECT SYSTEM$PIPE_FORCE_RESUME('DB.S.ATTENDANCE_PIPE', 'staleness_check_override')",
            "PAUSED|SELECT SYSTEM$PIPE_FORCE_RESUME('DB.S.ATTENDANCE_PIPE', 'ownership_transfer_check_override')",
            "STOPPED_STAGE_ALTERED|recreate the pipe (CREATE OR REPLACE PIPE",
            "STOPPED_STAGE_DROPPED|an object it uses was dropped",
            "STOPPED_FILE_FORMAT_DROPPED|an object it uses was dropped",
            "STOPPED_MISSING_TABLE|an object it uses was dropped",
            "STOPPED_NOTIFICATION_INTEGRATION_DROPPED|integrations with cloud-setup.sql",
            "STOPPED_FEATURE_DISABLED|contact Snowflake Support",
            "STOPPED_BY_SNOWFLAKE_ADMIN|contact Snowflake Support",
            "STALLED_STAGE_PERMISSION_ERROR|storage integration's cloud role",
            "STALLED_EXECUTION_ERROR|fix the error shown",
            "STALLED_COMPILATION_ERROR|fix the error shown",
            "STALLED_INTERNAL_ERROR|contact Snowflake Support if it persists",
            "READ_ONLY|promoted to primary",
            "UNKNOWN|MONITOR on the pipe"})
    void eachStateGetsItsOwnAdvice(String state, String advice) {
        String problem = HealthRules.pipe(P, state, null);
        assertTrue(problem.startsWith("pipe " + P + " is " + state + " ("), problem);
        assertTrue(problem.contains(advice), problem);
    }

    @Test
    @DisplayName("Managing Snowpipe: a stage change or a dropped object is not fixed by resuming")
    void onlyResumableStatesAreToldToResume() {
        for (String state : new String[] {"STOPPED_STAGE_ALTERED", "STOPPED_STAGE_DROPPED", "STOPPED_BY_SNOWFLAKE_ADMIN"}) {
            String problem = HealthRules.pipe(P, state, null);
            assertTrue(!problem.contains("SET PIPE_EXECUTION_PAUSED = FALSE"), problem);
        }
    }

    @Test
    @DisplayName("SYSTEM$PIPE_STATUS page: error (last compile) is a problem; fault (Snowflake's debugging) is not")
    void faultIsNotAnError() {
        assertNull(HealthRules.pipe(P, PipeStatus.parse("{\"executionState\":\"RUNNING\",\"pendingFileCount\":0,"
                + "\"fault\":\"internal process error 123\"}")));
        PipeStatus s = PipeStatus.parse("{\"executionState\":\"RUNNING\",\"error\":\"Table does not exist\",\"fault\":\"x\"}");
        assertEquals("x", s.fault());
        assertTrue(HealthRules.pipe(P, s).startsWith("pipe " + P + " reports an error: Table does not exist"));
    }

    @Test
    @DisplayName("TASK_HISTORY page: FAILED_AND_AUTO_SUSPENDED and CANCELLED last runs are problems; SUCCEEDED is not")
    void lastRunStates() {
        assertTrue(HealthRules.lastRun("T", "FAILED_AND_AUTO_SUSPENDED", "boom").contains("suspended itself after repeated failures: "
                + "boom (fix the cause, then ALTER TASK T RESUME"));
        assertEquals("task T last run failed: boom", HealthRules.lastRun("T", "FAILED", "boom"));
        assertEquals("task T last run was cancelled", HealthRules.lastRun("T", "CANCELLED", null));
        assertNull(HealthRules.lastRun("T", "SUCCEEDED", null));
        assertNull(HealthRules.lastRun("T", null, null));
    }
}

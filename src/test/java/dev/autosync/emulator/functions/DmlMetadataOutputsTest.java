package dev.autosync.emulator.functions;

import dev.autosync.emulator.EmulatorDatabase;
import dev.autosync.emulator.EmulatorFixture;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What DML and RESULT_SCAN answer, as docs.snowflake.com/en/sql-reference/sql/update and
 * docs.snowflake.com/en/sql-reference/functions/result_scan show it, through snowflake-jdbc.
 */
class DmlMetadataOutputsTest {
    @RegisterExtension
    static final EmulatorDatabase db = EmulatorDatabase.namedJson("DMLO");

    @Test
    void updateFromCountsEachTargetRowOnceAndTheMultiJoinedOnes() throws SQLException {
        // update page: one target row joined to three source rows is one row updated, one multi-joined
        EmulatorFixture.execute(db.connection(), "CREATE TABLE target (k INTEGER, v INTEGER)", "INSERT INTO target VALUES (0, 10), (1, 20), (2, 30)",
                "CREATE TABLE src (k INTEGER, v INTEGER)", "INSERT INTO src VALUES (0, 11), (0, 12), (0, 13), (1, 21)");
        assertEquals(List.of("2|1"), db.rows("UPDATE target SET v = src.v FROM src WHERE target.k = src.k"));
        assertEquals(List.of("1|21", "2|30"), db.rows("SELECT k, v FROM target WHERE k > 0 ORDER BY k"));
        assertEquals(List.of("1|0"), db.rows("UPDATE target t SET v = 0 FROM src s WHERE t.k = s.k AND s.v = 21"));
        // without FROM: the plain count
        assertEquals(List.of("3|0"), db.rows("UPDATE target SET v = v + 1"));
    }

    @Test
    void resultScanRenamesRepeatedColumns() throws SQLException {
        // result_scan page: SELECT * over a join gives ID, ID, EMPLOYEE_ID; RESULT_SCAN names them ID, ID_1, EMPLOYEE_ID
        EmulatorFixture.execute(db.connection(), "CREATE TABLE employees (id INT)", "CREATE TABLE dependents (id INT, employee_id INT)",
                "INSERT INTO employees (id) VALUES (11)", "INSERT INTO dependents (id, employee_id) VALUES (101, 11)");
        assertEquals(List.of("11|101|11"), db.rows("SELECT * FROM employees INNER JOIN dependents ON dependents.employee_id = employees.id"));
        assertEquals(List.of("11|101|11"), db.rows("SELECT id, id_1, employee_id FROM TABLE(RESULT_SCAN(LAST_QUERY_ID())) WHERE id_1 = 101"));
    }
}

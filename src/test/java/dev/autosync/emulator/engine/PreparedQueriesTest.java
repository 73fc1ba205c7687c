package dev.autosync.emulator.engine;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A session keeps DuckDB's prepared statements of its recent queries and runs the same query again with
 * them; whatever could make a kept plan wrong drops them: another session's DDL (DuckDB binds again),
 * ALTER SESSION SET TIMEZONE (sql-reference/sql/alter-session, sql-reference/parameters TIMEZONE), DML,
 * and streams, whose reads depend on a DuckDB variable (user-guide/streams-intro).
 */
class PreparedQueriesTest {
    private static Engine engine;

    @BeforeAll
    static void start(@TempDir Path dir) throws Exception {
        engine = new Engine(dir, m -> { });
        Session s = engine.openSession("TESTER", null, null, null, null);
        try {
            run(s, "CREATE DATABASE KEPT");
            run(s, "CREATE TABLE KEPT.PUBLIC.T (A NUMBER)");
            run(s, "INSERT INTO KEPT.PUBLIC.T VALUES (1), (2)");
        } finally {
            engine.closeSession(s);
        }
    }

    /** Whether sessions keep statements at all (off for now: see PreparedQueries.ENABLED). */
    static boolean keeping() {
        return PreparedQueries.ENABLED;
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    private static List<String> run(Session s, String sql) {
        try (Result r = engine.execute(s, sql, List.of(), 1).get(0).result()) {
            return r.rows().stream().map(Arrays::toString).collect(Collectors.toList());
        }
    }

    @Test
    @DisplayName("the same query runs again on its kept statement, with the same rows")
    @EnabledIf("keeping")
    void sameQueryKept() throws Exception {
        Session s = engine.openSession("TESTER", null, null, null, null);
        try {
            assertEquals(List.of("[1]"), run(s, "SELECT 1"));
            assertEquals(1, s.preparedQueries().size(), "SELECT 1's statement kept");
            assertEquals(List.of("[1]"), run(s, "SELECT 1"));
            assertEquals(1, s.preparedQueries().size(), "taken and kept again, not prepared twice");
            assertEquals(List.of("[1]", "[2]"), run(s, "SELECT A FROM KEPT.PUBLIC.T ORDER BY A"));
            assertEquals(2, s.preparedQueries().size());
        } finally {
            engine.closeSession(s);
        }
    }

    @Test
    @DisplayName("another session's ALTER TABLE shows in a kept SELECT * (DuckDB binds the statement again)")
    void otherSessionsDdl() throws Exception {
        Session s = engine.openSession("TESTER", null, null, null, null);
        Session other = engine.openSession("TESTER", null, null, null, null);
        try {
            run(other, "CREATE TABLE KEPT.PUBLIC.W (A NUMBER)");
            run(other, "INSERT INTO KEPT.PUBLIC.W VALUES (7)");
            assertEquals(List.of("[7]"), run(s, "SELECT * FROM KEPT.PUBLIC.W"));
            run(other, "ALTER TABLE KEPT.PUBLIC.W ADD COLUMN B VARCHAR DEFAULT 'x'");
            assertEquals(List.of("[7, x]"), run(s, "SELECT * FROM KEPT.PUBLIC.W"));
            run(other, "INSERT INTO KEPT.PUBLIC.W VALUES (8, 'y')");
            assertEquals(List.of("[7, x]", "[8, y]"), run(s, "SELECT * FROM KEPT.PUBLIC.W ORDER BY A"));
        } finally {
            engine.closeSession(other);
            engine.closeSession(s);
        }
    }

    @Test
    @DisplayName("ALTER SESSION SET TIMEZONE drops the kept plans: a TIMESTAMP_LTZ literal follows the new zone")
    @EnabledIf("keeping")
    void timezoneChangeDropsKeptPlans() throws Exception {
        Session s = engine.openSession("TESTER", null, null, null, null);
        try {
            String sql = "SELECT TO_VARCHAR('2024-01-01 00:00:00 +0000'::TIMESTAMP_LTZ, 'YYYY-MM-DD HH24:MI')";
            run(s, "ALTER SESSION SET TIMEZONE = 'UTC'");
            assertEquals(List.of("[2024-01-01 00:00]"), run(s, sql));
            assertTrue(s.preparedQueries().size() >= 1);
            run(s, "ALTER SESSION SET TIMEZONE = 'America/New_York'");
            assertEquals(0, s.preparedQueries().size(), "ALTER SESSION drops them");
            assertEquals(List.of("[2023-12-31 19:00]"), run(s, sql));
        } finally {
            engine.closeSession(s);
        }
    }

    @Test
    @DisplayName("a stream read twice, with rows added between, shows the new rows (its reads are never kept)")
    void streamReadsFollowTheirOffsets() throws Exception {
        Session s = engine.openSession("TESTER", null, null, null, null);
        try {
            run(s, "CREATE TABLE KEPT.PUBLIC.SRC (A NUMBER)");
            run(s, "CREATE STREAM KEPT.PUBLIC.S ON TABLE KEPT.PUBLIC.SRC");
            run(s, "INSERT INTO KEPT.PUBLIC.SRC VALUES (1)");
            assertEquals(List.of("[1]"), run(s, "SELECT A FROM KEPT.PUBLIC.S ORDER BY A"));
            run(s, "INSERT INTO KEPT.PUBLIC.SRC VALUES (2)");
            assertEquals(List.of("[1]", "[2]"), run(s, "SELECT A FROM KEPT.PUBLIC.S ORDER BY A"));
            run(s, "CREATE TABLE KEPT.PUBLIC.SINK (A NUMBER)");
            run(s, "INSERT INTO KEPT.PUBLIC.SINK SELECT A FROM KEPT.PUBLIC.S");
            run(s, "INSERT INTO KEPT.PUBLIC.SRC VALUES (3)");
            assertEquals(List.of("[3]"), run(s, "SELECT A FROM KEPT.PUBLIC.S ORDER BY A"), "the INSERT consumed 1 and 2");
        } finally {
            engine.closeSession(s);
        }
    }

    @Test
    @DisplayName("no more than KEPT statements per session; closing the session frees them")
    @EnabledIf("keeping")
    void bounded() throws Exception {
        Session s = engine.openSession("TESTER", null, null, null, null);
        for (int i = 0; i < PreparedQueries.KEPT + 5; i++) {
            assertEquals(List.of("[" + i + "]"), run(s, "SELECT " + i));
        }
        assertEquals(PreparedQueries.KEPT, s.preparedQueries().size());
        engine.closeSession(s);
        assertEquals(0, s.preparedQueries().size());
    }
}

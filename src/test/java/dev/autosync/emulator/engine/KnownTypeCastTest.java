package dev.autosync.emulator.engine;

import dev.autosync.emulator.sql.Cursor;
import dev.autosync.emulator.sql.SnowflakeTypes;
import dev.autosync.emulator.sql.Translator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The conversion a COPY transformation's value takes into its column ("COPY INTO <table>": the values are converted to
 * the column types as by CAST) when DuckDB reports the value's type: the same value, or the same error, as the run-time
 * typeof CASE it replaces, for values of every type (text, numbers, FLOAT, DATE, TIMESTAMP_TZ, JSON) into each column type.
 */
class KnownTypeCastTest {
    private static Connection duck;

    @BeforeAll
    static void open() throws SQLException {
        duck = DriverManager.getConnection("jdbc:duckdb:");
        try (Statement s = duck.createStatement()) {
            s.execute("SET TimeZone = 'UTC'");
            // bound in the CASE's text branches, never taken for the values compared here
            s.execute("CREATE MACRO sf_temporal_text(x) AS x");
            s.execute("CREATE MACRO sf_double_exact(x) AS x");
        }
    }

    @AfterAll
    static void close() throws SQLException {
        duck.close();
    }

    /** The value of {@code sql} over one row {@code q(c)} of {@code value}, or "error: ..." when it fails. */
    private static String run(String sql, String value) {
        try (Statement s = duck.createStatement();
             ResultSet rs = s.executeQuery("SELECT CAST(" + sql + " AS VARCHAR) FROM (SELECT " + value + ") AS q(c)")) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            return "error";
        }
    }

    private static String described(String value) throws SQLException {
        try (Statement s = duck.createStatement(); ResultSet rs = s.executeQuery("DESCRIBE SELECT " + value + " AS c")) {
            rs.next();
            return rs.getString("column_type");
        }
    }

    @Test
    void everyValueTypeIntoEveryColumnTypeConvertsAsTheTypeofCaseDoes() throws SQLException {
        List<String> values = List.of("'abc'", "'2026-09-01'", "'17'", "DATE '2026-09-01'", "TIMESTAMPTZ '2026-09-01 08:00:00+02'",
                "TIMESTAMP '2026-09-01 08:00:00'", "CAST(42 AS BIGINT)", "CAST(7 AS INTEGER)", "CAST(1.255 AS DECIMAL(18,3))",
                "CAST(2.5 AS DOUBLE)", "CAST('{\"a\":1}' AS JSON)", "CAST('12' AS JSON)", "true", "CAST(NULL AS VARCHAR)");
        List<String> columns = List.of("VARCHAR", "VARCHAR(2)", "NUMBER(38,0)", "NUMBER(10,2)", "FLOAT", "BOOLEAN", "DATE",
                "TIMESTAMP_NTZ", "TIMESTAMP_LTZ", "TIMESTAMP_TZ", "VARIANT");
        Translator tr = new Translator(new Cursor(""), null);
        int simplified = 0;
        for (String value : values) {
            String type = described(value);
            for (String column : columns) {
                SnowflakeTypes target = SnowflakeTypes.parse(new Cursor(column));
                boolean tz = column.equals("TIMESTAMP_TZ");
                String known = CopyPlanner.knownTypeCast("q.c", type, tz, target);
                if (known == null) {
                    continue;
                }
                simplified++;
                String viaCase = tz ? Translator.tzValue("q.c") : tr.cast("q.c", target, false);
                assertEquals(run(viaCase, value), run(known, value), value + " (" + type + ") into " + column + ": " + known);
            }
        }
        assertTrue(simplified > 60, "most pairs take the plain conversion: " + simplified);
        assertEquals("q.c", CopyPlanner.knownTypeCast("q.c", "TIMESTAMP WITH TIME ZONE", true, SnowflakeTypes.parse(new Cursor("TIMESTAMP_TZ"))));
        assertEquals("q.c", CopyPlanner.knownTypeCast("q.c", "DATE", false, SnowflakeTypes.parse(new Cursor("DATE"))));
    }
}

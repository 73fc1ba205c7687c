package dev.autosync.emulator;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A local emulator on a fresh data folder, reached through the real snowflake-jdbc driver. Test
 * classes share one per class; each test works in its own database.
 */
public final class EmulatorFixture implements AutoCloseable {
    private final LocalEmulator emulator;
    private final Path dataDir;
    private final List<Connection> open = new ArrayList<>();

    public EmulatorFixture() throws Exception {
        this(Files.createTempDirectory("autosync-emulator-test"));
    }

    public EmulatorFixture(Path dataDir) throws Exception {
        this.dataDir = dataDir;
        this.emulator = LocalEmulator.start(dataDir, 0, null, null, m -> { });
    }

    public LocalEmulator emulator() {
        return emulator;
    }

    public Path dataDir() {
        return dataDir;
    }

    public Connection connect() throws SQLException {
        return connect(null, null);
    }

    public Connection connect(String database, String schema) throws SQLException {
        Connection c = DriverManager.getConnection(emulator.jdbcUrl(), emulator.connectionProperties("tester", "secret",
                database, schema));
        open.add(c);
        return c;
    }

    /**
     * A connection that asks for JSON results (JDBC_QUERY_RESULT_FORMAT), whose values are Snowflake's own
     * text: with ARROW, snowflake-jdbc renders some itself (a whole FLOAT reads "-980.0", not "-980").
     */
    public Connection connectJson(String database, String schema) throws SQLException {
        java.util.Properties p = emulator.connectionProperties("tester", "secret", database, schema);
        p.put("JDBC_QUERY_RESULT_FORMAT", "JSON");
        Connection c = DriverManager.getConnection(emulator.jdbcUrl(), p);
        open.add(c);
        return c;
    }

    /** Runs statements on a new connection and closes it. */
    public void run(String... sql) throws SQLException {
        try (Connection c = connect()) {
            execute(c, sql);
        }
    }

    /** Runs statements, in order, on {@code c}. */
    public static void execute(Connection c, String... sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String q : sql) {
                s.execute(q);
            }
        }
    }

    /** A condition a test waits for. */
    public interface Check {
        boolean ok() throws Exception;
    }

    /** Polls until the condition holds; fails naming what it waited for after {@code timeoutMillis}. */
    public static void await(String what, long timeoutMillis, Check check) throws Exception {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (!check.ok()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("timed out after " + timeoutMillis / 1000 + " s waiting for " + what);
            }
            Thread.sleep(50);
        }
    }

    /** The one row of {@code SELECT <selectList>}, as {@link #rows} prints it; fails when there is not exactly one. */
    public static String selectOne(Connection c, String selectList) throws SQLException {
        List<String> r = rows(c, "SELECT " + selectList);
        org.junit.jupiter.api.Assertions.assertEquals(1, r.size(), selectList);
        return r.get(0);
    }

    /** The rows of a query, each row's values as strings joined by '|'. */
    public static List<String> rows(Connection c, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder sb = new StringBuilder();
                for (int i = 1; i <= n; i++) {
                    if (i > 1) {
                        sb.append('|');
                    }
                    sb.append(rs.getString(i));
                }
                out.add(sb.toString());
            }
        }
        return out;
    }

    @Override
    public void close() {
        for (Connection c : open) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // closing anyway
            }
        }
        emulator.close();
    }
}

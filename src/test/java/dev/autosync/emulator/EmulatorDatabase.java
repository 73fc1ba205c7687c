package dev.autosync.emulator;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * An emulator with one database and a connection to its PUBLIC schema, for a whole test class:
 * {@code @RegisterExtension static final EmulatorDatabase db = EmulatorDatabase.named("STRF", "CREATE TABLE ...");}
 * starts it before the class's first test, runs the set-up statements, and stops it after the last.
 */
public final class EmulatorDatabase implements BeforeAllCallback, AfterAllCallback {
    private final String name;
    private final List<String> setUp;
    private final boolean json;
    private EmulatorFixture fixture;
    private Connection connection;

    private EmulatorDatabase(String name, List<String> setUp, boolean json) {
        this.name = name;
        this.setUp = setUp;
        this.json = json;
    }

    /** Database {@code name}, then {@code setUp} run in it, read through ARROW results (snowflake-jdbc's default). */
    public static EmulatorDatabase named(String name, String... setUp) {
        return new EmulatorDatabase(name, List.of(setUp), false);
    }

    /**
     * The same with JSON results, whose values are Snowflake's own text (with ARROW, snowflake-jdbc renders some
     * itself: a whole FLOAT reads "-980.0", not "-980").
     */
    public static EmulatorDatabase namedJson(String name, String... setUp) {
        return new EmulatorDatabase(name, List.of(setUp), true);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        fixture = new EmulatorFixture();
        fixture.run("CREATE DATABASE " + name);
        connection = json ? fixture.connectJson(name, "PUBLIC") : fixture.connect(name, "PUBLIC");
        EmulatorFixture.execute(connection, setUp.toArray(String[]::new));
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (fixture != null) {
            fixture.close();
        }
    }

    public Connection connection() {
        return connection;
    }

    public EmulatorFixture fixture() {
        return fixture;
    }

    /** The one row of {@code SELECT <selectList>} on the class's connection (see {@link EmulatorFixture#selectOne}). */
    public String one(String selectList) throws SQLException {
        return EmulatorFixture.selectOne(connection, selectList);
    }

    /** The rows of a query on the class's connection (see {@link EmulatorFixture#rows}). */
    public List<String> rows(String sql) throws SQLException {
        return EmulatorFixture.rows(connection, sql);
    }
}

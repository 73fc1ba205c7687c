package dev.autosync.compat;

import dev.autosync.emulator.EmulatorFixture;
import dev.autosync.emulator.LocalEmulator;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs the corpus through snowflake-jdbc against an emulator: each page on its own connection in a fresh
 * database (so session parameters and tables never leak between pages), its statements in page order.
 * A failed set-up statement is reported on the case that follows it; the page goes on, as a script would.
 * Pages are independent, so they run on a few threads; outcomes keep the corpus order.
 */
final class DocExampleRunner {
    private static final int QUERY_TIMEOUT_SECONDS = 30;
    private static final int THREADS = 2;
    private final EmulatorFixture emulator;

    DocExampleRunner(EmulatorFixture emulator) {
        this.emulator = emulator;
    }

    List<CaseOutcome> run(List<DocCase.Page> pages) throws SQLException, InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<List<CaseOutcome>>> running = new ArrayList<>();
            for (int i = 0; i < pages.size(); i++) {
                DocCase.Page page = pages.get(i);
                String database = "DOCS_" + (i + 1) + "_" + page.name().toUpperCase().replaceAll("[^A-Z0-9]", "_");
                running.add(pool.submit(() -> run(page, database)));
            }
            List<CaseOutcome> out = new ArrayList<>();
            for (Future<List<CaseOutcome>> f : running) {
                out.addAll(f.get());
            }
            return out;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof SQLException sql) {
                throw sql;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** Runs one page in a new database named {@code database} (named after the page, so reports are stable). */
    List<CaseOutcome> run(DocCase.Page page, String database) throws SQLException {
        List<CaseOutcome> out = new ArrayList<>();
        // a connection of its own (not the fixture's list, which is not for several threads)
        LocalEmulator local = emulator.emulator();
        // the documented outputs are Snowflake's own text rendering, which the JSON result format carries; with
        // ARROW the driver renders some values itself (a whole FLOAT as "4.0", not "4")
        java.util.Properties props = local.connectionProperties("docs", "docs", null, null);
        props.put("JDBC_QUERY_RESULT_FORMAT", "JSON");
        try (Connection c = DriverManager.getConnection(local.jdbcUrl(), props); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + database);
            s.execute("CREATE SCHEMA IF NOT EXISTS " + database + ".PUBLIC");
            s.execute("USE SCHEMA " + database + ".PUBLIC");
            for (DocCase docCase : page.cases()) {
                out.add(new CaseOutcome(docCase.id(), docCase.area(), difference(c, docCase)));
            }
        }
        return out;
    }

    private static String difference(Connection c, DocCase docCase) {
        for (String setup : docCase.setup()) {
            try (Statement s = statement(c)) {
                s.execute(setup);
            } catch (SQLException e) {
                return "set-up " + shorten(setup) + " failed: " + describe(e);
            }
        }
        try (Statement s = statement(c)) {
            if (docCase.error() != null) {
                return errorDifference(s, docCase);
            }
            // executeQuery, not execute: the driver turns a DML result into an update count, and the docs show
            // the result's columns ("number of rows inserted", ...)
            try (ResultSet rs = s.executeQuery(docCase.sql())) {
                return ResultComparison.difference(docCase, rs);
            }
        } catch (SQLException e) {
            return "error " + describe(e);
        }
    }

    private static String errorDifference(Statement s, DocCase docCase) {
        DocCase.ExpectedError want = docCase.error();
        try {
            s.execute(docCase.sql());
            return "expected error " + want + ", found a result";
        } catch (SQLException e) {
            boolean codeOk = want.code() == null || want.code() == e.getErrorCode();
            boolean stateOk = want.sqlState() == null || want.sqlState().equals(e.getSQLState());
            boolean messageOk = e.getMessage() != null && squash(e.getMessage()).contains(squash(want.message()));
            return codeOk && stateOk && messageOk ? null : "wrong error: expected " + want + ", found " + describe(e);
        }
    }

    private static Statement statement(Connection c) throws SQLException {
        Statement s = c.createStatement();
        s.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
        return s;
    }

    private static String describe(SQLException e) {
        return String.format("%06d (%s): %s", e.getErrorCode(), e.getSQLState(), squash(String.valueOf(e.getMessage())));
    }

    private static String squash(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }

    private static String shorten(String sql) {
        String one = squash(sql);
        return "'" + (one.length() > 60 ? one.substring(0, 57) + "..." : one) + "'";
    }
}

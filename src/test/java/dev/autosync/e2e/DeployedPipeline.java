package dev.autosync.e2e;

import dev.autosync.emulator.EmulatorFixture;
import dev.autosync.pipeline.EntitySpec;
import dev.autosync.pipeline.FieldSpec;
import dev.autosync.pipeline.FieldType;
import dev.autosync.pipeline.PipelineSpec;
import dev.autosync.render.Provider;
import dev.autosync.render.RenderFixtures;
import dev.autosync.render.RenderedBundle;
import dev.autosync.render.RenderedStatement;
import dev.autosync.render.Renderer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.autosync.emulator.EmulatorFixture.rows;

/**
 * The default pipeline, rendered for the internal stage and deployed into its own database on the
 * emulator, driven the way production drives it: PUT files, REFRESH the pipe, run the task.
 * Tasks stay suspended; tests run them with EXECUTE TASK so they decide when processing happens.
 */
final class DeployedPipeline implements AutoCloseable {
    static final String SCHEMA = "AUTOSYNC";
    private static final long WAIT_MS = 30_000;

    final PipelineSpec spec = RenderFixtures.schoolSpec();
    final String database;
    final Connection c;
    private final Path upload;

    DeployedPipeline(EmulatorFixture fx, String database) throws Exception {
        this.database = database;
        RenderedBundle b = new Renderer(null).render(RenderFixtures.settings(Provider.INTERNAL).database(database).validate(), spec);
        this.c = fx.connect();
        for (RenderedStatement st : b.statements()) {
            exec(st.sql());
        }
        this.upload = Files.createTempDirectory("autosync-upload");
    }

    EntitySpec entity(String name) {
        return spec.entities().stream().filter(e -> e.name().equals(name)).findFirst().orElseThrow();
    }

    String name(String object) {
        return database + "." + SCHEMA + "." + object;
    }

    void exec(String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    List<String> q(String sql) throws SQLException {
        return rows(c, sql);
    }

    /** PUTs one file (already in its final bytes) into the entity's folder of the pipeline's stage. */
    void put(EntitySpec e, String fileName, byte[] content) throws Exception {
        Path dir = Files.createDirectories(upload.resolve(e.folder()));
        Path f = dir.resolve(fileName);
        Files.write(f, content);
        exec("PUT 'file://" + f.toAbsolutePath() + "' @" + name("AUTOSYNC_STAGE") + "/" + e.folder() + "/ AUTO_COMPRESS = FALSE");
    }

    /** ALTER PIPE REFRESH, then waits until the table's load history has {@code files} entries. */
    void refreshAndAwait(EntitySpec e, int files) throws Exception {
        exec("ALTER PIPE " + name(e.names().pipe()) + " REFRESH");
        EmulatorFixture.await("the " + e.name() + " pipe to load " + files + " files", WAIT_MS, () -> history(e).size() >= files);
    }

    /** FILE_NAME|STATUS|ROW_COUNT|FIRST_ERROR_MESSAGE of each load into the entity's landing table. */
    List<String> history(EntitySpec e) throws SQLException {
        return q("SELECT FILE_NAME, STATUS, ROW_COUNT, FIRST_ERROR_MESSAGE FROM TABLE(" + database
                + ".INFORMATION_SCHEMA.COPY_HISTORY(TABLE_NAME => '" + name(e.names().landingTable())
                + "', START_TIME => DATEADD(HOUR, -1, CURRENT_TIMESTAMP()))) ORDER BY FILE_NAME");
    }

    /** EXECUTE TASK and waits for that run to finish; a failed run fails the test with its error. */
    void runTask(EntitySpec e) throws Exception {
        String task = e.names().task();
        // TASK_HISTORY covers the account and keeps its newest 100 rows by default: scoped to this pipeline's schema
        String hist = "SELECT STATE, ERROR_MESSAGE FROM TABLE(" + database + ".INFORMATION_SCHEMA.TASK_HISTORY(TASK_NAME => '"
                + task + "', DATABASE_NAME => '" + database + "', SCHEMA_NAME => '" + SCHEMA + "', RESULT_LIMIT => 10000)) "
                + "WHERE STATE IN ('SUCCEEDED', 'FAILED', 'FAILED_AND_AUTO_SUSPENDED', 'CANCELLED', 'SKIPPED') ORDER BY SCHEDULED_TIME";
        int before = q(hist).size();
        exec("EXECUTE TASK " + name(task));
        EmulatorFixture.await(task + " to run", WAIT_MS, () -> q(hist).size() > before);
        List<String> runs = q(hist);
        String last = runs.get(runs.size() - 1);
        if (last.startsWith("FAILED")) {
            throw new AssertionError(task + " failed: " + last);
        }
    }

    void runTasks() throws Exception {
        for (EntitySpec e : spec.entities()) {
            runTask(e);
        }
    }

    /** The normalised table, read as the contract's canonical values. */
    List<Map<String, Object>> normalised(EntitySpec e) throws SQLException {
        Map<String, FieldType> types = new LinkedHashMap<>();
        for (FieldSpec f : e.fields()) {
            types.put(f.column(), f.type());
        }
        e.derived().forEach(d -> types.put(d.column(), d.type()));
        return TableReader.read(c, "SELECT * FROM " + name(e.names().normalisedTable()), types);
    }

    List<Map<String, Object>> rejects(EntitySpec e) throws SQLException {
        Map<String, FieldType> types = new LinkedHashMap<>();
        types.put(e.eventId(), e.field(e.eventId()).orElseThrow().type());
        types.put("REJECT_REASON", FieldType.VARCHAR);
        types.put("FILE_NAME", FieldType.VARCHAR);
        types.put("FILE_ROW_NUMBER", FieldType.parse("NUMBER"));
        return TableReader.read(c, "SELECT * FROM " + name(e.names().rejectsTable()), types);
    }

    List<Map<String, Object>> landing(EntitySpec e) throws SQLException {
        Map<String, FieldType> types = new LinkedHashMap<>();
        for (FieldSpec f : e.fields()) {
            types.put(f.column(), f.type());
        }
        types.put("RAW_PAYLOAD", FieldType.parse("VARIANT"));
        types.put("FILE_NAME", FieldType.VARCHAR);
        types.put("FILE_ROW_NUMBER", FieldType.parse("NUMBER"));
        return TableReader.read(c, "SELECT * FROM " + name(e.names().landingTable()), types);
    }


    @Override
    public void close() throws Exception {
        try {
            exec("DROP DATABASE IF EXISTS " + database);
        } finally {
            c.close();
        }
    }
}

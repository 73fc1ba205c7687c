package dev.autosync.emulator.engine;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.autosync.emulator.EmulatorFixture;
import com.fasterxml.jackson.databind.node.ObjectNode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A pipe's file group read by one DuckDB reader over the list of files ({@link DuckJsonFiles#groupRows}) against the
 * UNION ALL of one read per file ({@link DuckJsonFiles#rows}), which it replaces: for any files, the same rows (record
 * text, file name, per-file row number, content key, last modified), or both fail. What each file gets stays its own,
 * as the "Snowpipe" page's Transactions section requires of a load that combines files.
 */
class DuckJsonGroupsTest {
    private static final FileFormat JSON = FileFormat.of(format());
    private static final OffsetDateTime SCAN = OffsetDateTime.of(2026, 12, 4, 8, 0, 0, 0, ZoneOffset.UTC);
    /** Lines both readers keep as written, lines DuckDB minifies first, and one the Java reader must read. */
    private static final List<String> LINES = List.of("{\"id\":1,\"s\":\"a\"}", "{\"id\":22}", "{\"s\":\"\u00e9t\u00e9\",\"n\":null}",
            "{\"id\": 3, \"s\" : \"b\"}", "{\"a\":[1,2],\"b\":true}", "{\"x\":1.5}");

    private static ObjectNode format() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("TYPE", "JSON");
        return o;
    }

    @Provide
    Arbitrary<List<List<String>>> groups() {
        Arbitrary<List<String>> file = Arbitraries.of(LINES).list().ofMinSize(0).ofMaxSize(6);
        return file.list().ofMinSize(1).ofMaxSize(5);
    }

    @Property(tries = 60)
    void aGroupYieldsEachFilesOwnRowsOrFailsLikeItsFiles(@ForAll("groups") List<List<String>> contents,
                                                         @ForAll boolean gzip) throws Exception {
        List<StagedFile> files = stage(contents, gzip);
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:")) {
            String union = files.stream().map(f -> "SELECT * FROM " + DuckJsonFiles.rows(JSON, f, SCAN))
                    .collect(Collectors.joining(" UNION ALL "));
            List<String> expected = rowsOrNull(c, union);
            long[] counts = DuckJsonFiles.counts(c, JSON, files);
            assertArrayEquals(contents.stream().mapToLong(List::size).toArray(), counts, "one record per line, file by file");
            String group = DuckJsonFiles.groupRows(JSON, files, counts, SCAN);
            assertNotNull(group);
            assertEquals(expected, rowsOrNull(c, "SELECT * FROM " + group));
            if (contents.stream().noneMatch(l -> l.contains("{\"x\":1.5}"))) {
                assertNotNull(expected, "only a record the Java reader must read fails the group");
            }
        }
    }

    /** Counts that do not match the files (a file's rows numbered in another's range) fail the statement. */
    @Test
    void rowsOutsideTheirFilesRangeFailTheGroup() throws Exception {
        List<StagedFile> files = stage(List.of(List.of("{\"id\":1}"), List.of("{\"id\":2}", "{\"id\":3}")), false);
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:")) {
            assertArrayEquals(new long[] {1, 2}, DuckJsonFiles.counts(c, JSON, files));
            SQLException e = assertThrows(SQLException.class,
                    () -> rowsOrThrow(c, "SELECT * FROM " + DuckJsonFiles.groupRows(JSON, files, new long[] {2, 1}, SCAN)));
            assertTrue(e.getMessage().contains("read out of order"), e.getMessage());
        }
    }

    @Test
    void filesOfDifferentCompressionAreNotOneGroup() {
        List<StagedFile> plain = stage(List.of(List.of("{\"id\":1}")), false);
        List<StagedFile> gzipped = stage(List.of(List.of("{\"id\":2}")), true);
        assertNull(DuckJsonFiles.groupRows(JSON, List.of(plain.get(0), gzipped.get(0)), new long[] {1, 1}, SCAN));
    }

    private static List<String> rowsOrNull(Connection c, String sql) {
        try {
            return rowsOrThrow(c, sql);
        } catch (SQLException e) {
            return null;
        }
    }

    /** The query's rows ("|"-joined values), sorted: a group and its files' UNION need not agree on order. */
    private static List<String> rowsOrThrow(Connection c, String sql) throws SQLException {
        List<String> out = new ArrayList<>(EmulatorFixture.rows(c, sql));
        out.sort(null);
        return out;
    }

    private static List<StagedFile> stage(List<List<String>> contents, boolean gzip) {
        try {
            Path dir = Files.createTempDirectory("duck-json-groups");
            dir.toFile().deleteOnExit();
            List<StagedFile> files = new ArrayList<>();
            for (int i = 0; i < contents.size(); i++) {
                Path f = dir.resolve("f" + i + (gzip ? ".json.gz" : ".json"));
                byte[] text = contents.get(i).stream().map(l -> l + "\n").collect(Collectors.joining()).getBytes(StandardCharsets.UTF_8);
                try (OutputStream out = gzip ? new GZIPOutputStream(Files.newOutputStream(f)) : Files.newOutputStream(f)) {
                    out.write(text);
                }
                f.toFile().deleteOnExit();
                files.add(new StagedFile(f, "folder/" + f.getFileName()));
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

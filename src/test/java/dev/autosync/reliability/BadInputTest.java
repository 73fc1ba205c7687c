package dev.autosync.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autosync.status.StatusCollector;
import dev.autosync.status.StatusReport;
import dev.autosync.testing.LocalPipeline;
import dev.autosync.warehouse.LocalTargets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The bad-input corpus ({@code src/test/resources/bad-input/}, expected outcomes in its
 * {@code expected.json}) loaded together with good files through the rendered pipes: each file
 * ends as Snowflake would leave it, failed files and rejected records show in status, and no bad
 * file stops another from loading.
 */
class BadInputTest {
    private static final Path CORPUS = Path.of("src/test/resources/bad-input");
    private static LocalPipeline p;
    private static JsonNode expected;
    private static Map<String, Map<String, String>> history = new HashMap<>();

    @BeforeAll
    static void load() throws Exception {
        expected = new ObjectMapper().readTree(CORPUS.resolve("expected.json").toFile());
        Path generated = Files.createTempDirectory("bad-input-generated");
        writeBig(generated.resolve("attendance_big_50mb_generated.json"), expected.at("/files/attendance_big_50mb_generated.json/rows").asInt());
        writeDeep(generated.resolve("attendance_deep_nesting_generated.json"), 1000);
        p = new LocalPipeline(Files.createTempDirectory("bad-input"), "BAD_INPUT");
        List<Path> attendance = new ArrayList<>();
        List<Path> grades = new ArrayList<>();
        for (Path dir : List.of(CORPUS, generated)) {
            try (var s = Files.list(dir)) {
                for (Path f : s.sorted().toList()) {
                    String n = f.getFileName().toString();
                    if (n.startsWith("grades")) {
                        grades.add(f);
                    } else if (n.startsWith("attendance")) {
                        attendance.add(f);
                    }
                }
            }
        }
        p.load(0, attendance);
        p.load(1, grades);
        for (var e : p.bundle.entities().subList(0, 2)) {
            for (Map<String, String> r : p.w.query("SELECT FILE_NAME, STATUS, ROW_COUNT, FIRST_ERROR_MESSAGE FROM TABLE(BAD_INPUT"
                    + ".INFORMATION_SCHEMA.COPY_HISTORY(TABLE_NAME => '" + e.landingTable() + "', START_TIME => DATEADD(HOUR, -1, "
                    + "CURRENT_TIMESTAMP())))")) {
                String f = r.get("FILE_NAME");
                history.put(f.substring(f.indexOf('/') + 1), r);
            }
            p.w.execute("EXECUTE TASK " + e.task());
        }
        long deadline = System.currentTimeMillis() + 60_000;
        while (!"false".equalsIgnoreCase(p.w.scalar("SELECT SYSTEM$STREAM_HAS_DATA('" + p.bundle.entities().get(1).stream() + "')"))
                || !"false".equalsIgnoreCase(p.w.scalar("SELECT SYSTEM$STREAM_HAS_DATA('" + p.bundle.entities().get(0).stream() + "')"))) {
            assertTrue(System.currentTimeMillis() < deadline, "the tasks processed the landed rows: " + p.w.query(
                    "SELECT NAME, STATE, ERROR_MESSAGE FROM TABLE(BAD_INPUT.INFORMATION_SCHEMA.TASK_HISTORY())"));
            Thread.sleep(100);
        }
    }

    @AfterAll
    static void stop() {
        p.w.close();
        LocalTargets.stopAll();
    }

    private static void writeBig(Path f, int rows) throws Exception {
        try (BufferedWriter w = Files.newBufferedWriter(f, StandardCharsets.UTF_8)) {
            for (int i = 0; i < rows; i++) {
                w.write("{\"event_id\":\"big-" + i + "\",\"event_type\":\"CHECK_IN\",\"student_id\":\"BIG" + (i % 5000)
                        + "\",\"school_id\":\"SCH-01\",\"attendance_date\":\"2026-09-14\",\"event_timestamp\":\"2026-09-14T08:00:00Z\","
                        + "\"note\":\"padding to make the file fifty megabytes\"}\n");
            }
        }
        assertTrue(Files.size(f) > 45_000_000, "about 50 MB: " + Files.size(f));
    }

    private static void writeDeep(Path f, int depth) throws Exception {
        String open = "{\"n\":".repeat(depth);
        String close = "}".repeat(depth);
        Files.writeString(f, "{\"event_id\":\"deep-1\",\"event_type\":\"CHECK_IN\",\"student_id\":\"DEEP\",\"attendance_date\":"
                + "\"2026-09-14\",\"event_timestamp\":\"2026-09-14T08:00:00Z\",\"extra\":" + open + "1" + close + "}\n");
    }

    @Test
    void everyFileEndsAsSnowflakeWouldLeaveIt() {
        Iterator<Map.Entry<String, JsonNode>> it = expected.get("files").fields();
        List<String> wrong = new ArrayList<>();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            Map<String, String> h = history.get(e.getKey());
            if (h == null) {
                wrong.add(e.getKey() + ": not in the load history");
                continue;
            }
            String status = e.getValue().get("status").asText();
            String rows = e.getValue().get("rows").asText();
            if (!status.equals(h.get("STATUS")) || !rows.equals(h.get("ROW_COUNT"))) {
                wrong.add(e.getKey() + ": expected " + status + " with " + rows + " rows, found " + h);
            }
            if (e.getValue().has("error") && (h.get("FIRST_ERROR_MESSAGE") == null
                    || !h.get("FIRST_ERROR_MESSAGE").contains(e.getValue().get("error").asText()))) {
                wrong.add(e.getKey() + ": expected an error mentioning '" + e.getValue().get("error").asText() + "', found "
                        + h.get("FIRST_ERROR_MESSAGE"));
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void badValuesAreRejectedWithTheirReasonAndGoodRowsAreNormalised() throws Exception {
        for (String entity : List.of("ATTENDANCE", "GRADES")) {
            var objects = p.bundle.entities().stream().filter(e -> e.name().equals(entity)).findFirst().orElseThrow();
            List<String> reasons = new ArrayList<>();
            p.w.query("SELECT REJECT_REASON FROM " + objects.rejectsTable()).forEach(r -> reasons.add(r.get("REJECT_REASON")));
            List<String> want = new ArrayList<>();
            expected.get("rejects").get(entity).forEach(x -> want.add(x.asText()));
            reasons.sort(null);
            want.sort(null);
            assertEquals(want, reasons, entity);
        }
        assertEquals("5004", p.w.scalar("SELECT COUNT(*) FROM " + p.bundle.entities().get(0).normalisedTable()),
                "5,000 students of the big file, the BOM file's two, the quoted name's one, the deep record; fewer would mean a bad file stopped a good one");
        assertEquals("2", p.w.scalar("SELECT COUNT(*) FROM " + p.bundle.entities().get(1).normalisedTable()));
    }

    @Test
    void statusShowsEveryFailedFileWithItsErrorAndTheRejects() throws Exception {
        StatusReport r = new StatusCollector(p.bundle, p.w).collect();
        long failed = expected.get("files").properties().stream().filter(e -> e.getValue().get("status").asText().equals("Load failed")).count();
        assertEquals(failed, r.errors().size(), r.errors().toString());
        assertTrue(r.errors().stream().allMatch(e -> e.firstError() != null && !e.firstError().isBlank()));
        assertEquals(StatusReport.Level.DEGRADED, r.verdict().level());
        assertTrue(r.verdict().reasons().contains(failed + " file(s) failed to load through ATTENDANCE_PIPE in the last 24 h"),
                r.verdict().reasons().toString());
        assertTrue(r.verdict().reasons().contains("6 GRADES record(s) rejected in the last 24 h (see BAD_INPUT.AUTOSYNC.GRADES_REJECTS)"),
                r.verdict().reasons().toString());
    }
}

package dev.autosync.emulator.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The query log's lines are written in batches (a flush within QueryLog.FLUSH_MILLIS, not one write per statement):
 * each line still reaches the file soon after its statement, in order, and closing writes what is left.
 */
class QueryLogTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    @DisplayName("a statement's line reaches the file within the flush delay, while the log stays open")
    void lineReachesTheFileSoon(@TempDir Path dir) throws Exception {
        try (QueryLog log = new QueryLog(dir)) {
            log.record("q1", "TESTER", "SELECT 1", null);
            Path file = dir.resolve(QueryLog.FILE);
            long end = System.nanoTime() + 5_000_000_000L;
            while (Files.readAllLines(file).size() < 2 && System.nanoTime() < end) {
                Thread.sleep(QueryLog.FLUSH_MILLIS / 4);
            }
            List<String> lines = Files.readAllLines(file);
            assertEquals(2, lines.size(), "the start line and the statement's: " + lines);
            JsonNode q = JSON.readTree(lines.get(1));
            assertEquals("q1", q.path("queryId").asText());
            assertEquals("SELECT", q.path("command").asText());
            assertEquals("SUCCESS", q.path("status").asText());
        }
    }

    @Test
    @DisplayName("closing writes every line recorded, in order, also those of a burst not flushed yet")
    void closeWritesEveryLineInOrder(@TempDir Path dir) throws Exception {
        QueryLog log = new QueryLog(dir);
        for (int i = 0; i < 500; i++) {
            log.record("q" + i, "TESTER", "INSERT INTO T VALUES (" + i + ")", i % 100 == 7 ? "002003" : null);
        }
        log.close();
        log.record("late", "TESTER", "SELECT 2", null);
        List<String> lines = Files.readAllLines(dir.resolve(QueryLog.FILE));
        assertEquals(501, lines.size(), "a start line and 500 statements; nothing after close");
        for (int i = 0; i < 500; i++) {
            JsonNode q = JSON.readTree(lines.get(i + 1));
            assertEquals("q" + i, q.path("queryId").asText());
            assertEquals(i % 100 == 7 ? "FAILED" : "SUCCESS", q.path("status").asText());
        }
        assertTrue(lines.get(500).contains("VALUES (499)"), lines.get(500));
    }
}

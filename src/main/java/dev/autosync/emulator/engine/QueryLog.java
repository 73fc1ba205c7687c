package dev.autosync.emulator.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * One JSON line per statement a client ran ({@code query-log.jsonl} in the data folder): time,
 * query id, user, the statement's first keywords, its text and the outcome. Lets tests and users
 * see exactly what a goal sent (a no-op deploy must send no DDL).
 */
final class QueryLog implements AutoCloseable {
    static final String FILE = "query-log.jsonl";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_TEXT = 4000;
    private final BufferedWriter out;

    QueryLog(Path dataDir) throws IOException {
        out = Files.newBufferedWriter(dataDir.resolve(FILE), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
        ObjectNode start = JSON.createObjectNode().put("time", Instant.now().toString()).put("event", "emulator started");
        out.write(start.toString());
        out.newLine();
        out.flush();
    }

    synchronized void record(String queryId, String user, String sql, String errorCode) {
        ObjectNode n = JSON.createObjectNode();
        n.put("time", Instant.now().toString()).put("queryId", queryId).put("user", user)
                .put("command", command(sql)).put("text", sql.length() > MAX_TEXT ? sql.substring(0, MAX_TEXT) : sql);
        if (errorCode == null) {
            n.put("status", "SUCCESS");
        } else {
            n.put("status", "FAILED").put("errorCode", errorCode);
        }
        try {
            out.write(n.toString());
            out.newLine();
            out.flush();
        } catch (IOException e) {
            // the log is a diagnostic; a full disk must not fail the statement itself
        }
    }

    /** The statement's leading keywords: CREATE PIPE, ALTER TASK, SELECT... */
    static String command(String sql) {
        String s = sql.strip().replaceAll("(?s)^(--[^\\n]*\\n\\s*|/\\*.*?\\*/\\s*)+", "");
        String[] words = s.split("\\s+", 6);
        StringBuilder sb = new StringBuilder();
        for (String w : words) {
            String u = w.toUpperCase(java.util.Locale.ROOT);
            if (!u.matches("[A-Z_]+")) {
                break;
            }
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(u);
            if (!u.matches("CREATE|OR|REPLACE|ALTER|DROP|SHOW|DESC|DESCRIBE|EXECUTE|STORAGE|NOTIFICATION|FILE|TRANSIENT|TEMPORARY|SECURE")) {
                break;
            }
        }
        return sb.toString();
    }

    @Override
    public synchronized void close() {
        try {
            out.close();
        } catch (IOException ignored) {
            // closing a log
        }
    }
}

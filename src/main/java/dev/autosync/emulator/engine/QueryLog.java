package dev.autosync.emulator.engine;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * One JSON line per statement a client ran ({@code query-log.jsonl} in the data folder): time,
 * query id, user, the statement's first keywords, its text and the outcome. Lets tests and users
 * see exactly what a goal sent (a no-op deploy must send no DDL). Lines reach the file within
 * {@link #FLUSH_MILLIS} of their statement (and at close), not one write per statement: a write is a system call
 * on every small query's path.
 */
final class QueryLog implements AutoCloseable {
    static final String FILE = "query-log.jsonl";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonStringEncoder ESCAPER = JsonStringEncoder.getInstance();
    private static final Pattern LEADING_COMMENTS = Pattern.compile("(?s)^(--[^\\n]*\\n\\s*|/\\*.*?\\*/\\s*)+");
    private static final Pattern KEYWORD = Pattern.compile("[A-Z_]+");
    /** Words after which the next word still belongs to the command (CREATE OR REPLACE PIPE). */
    private static final Set<String> CONTINUES = Set.of("CREATE", "OR", "REPLACE", "ALTER", "DROP", "SHOW", "DESC", "DESCRIBE",
            "EXECUTE", "STORAGE", "NOTIFICATION", "FILE", "TRANSIENT", "TEMPORARY", "SECURE");
    private static final int MAX_TEXT = 4000;
    static final long FLUSH_MILLIS = 100;
    private static final ScheduledExecutorService FLUSHER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "autosync-emulator-query-log");
        t.setDaemon(true);
        return t;
    });
    private final BufferedWriter out;
    /** A flush is scheduled for the lines written since the last one. */
    private boolean flushDue;
    private boolean closed;

    QueryLog(Path dataDir) throws IOException {
        out = Files.newBufferedWriter(dataDir.resolve(FILE), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
        ObjectNode start = JSON.createObjectNode().put("time", Instant.now().toString()).put("event", "emulator started");
        out.write(start.toString());
        out.newLine();
        out.flush();
    }

    /**
     * Appends one line, flushed within {@link #FLUSH_MILLIS}. Built by hand (no JSON tree, no regular
     * expression per call): every small query pays for it.
     */
    void record(String queryId, String user, String sql, String errorCode) {
        StringBuilder line = new StringBuilder(96 + Math.min(sql.length(), MAX_TEXT));
        line.append("{\"time\":\"").append(Instant.now()).append("\",\"queryId\":");
        string(line, queryId).append(",\"user\":");
        string(line, user).append(",\"command\":");
        string(line, command(sql)).append(",\"text\":");
        string(line, sql.length() > MAX_TEXT ? sql.substring(0, MAX_TEXT) : sql);
        if (errorCode == null) {
            line.append(",\"status\":\"SUCCESS\"}");
        } else {
            line.append(",\"status\":\"FAILED\",\"errorCode\":");
            string(line, errorCode).append('}');
        }
        line.append(System.lineSeparator());
        synchronized (this) {
            if (closed) {
                return;
            }
            try {
                out.write(line.toString());
            } catch (IOException e) {
                // the log is a diagnostic; a full disk must not fail the statement itself
            }
            if (!flushDue) {
                flushDue = true;
                FLUSHER.schedule(this::flush, FLUSH_MILLIS, TimeUnit.MILLISECONDS);
            }
        }
    }

    /** Writes the lines recorded since the last flush to the file. */
    synchronized void flush() {
        flushDue = false;
        if (closed) {
            return;
        }
        try {
            out.flush();
        } catch (IOException e) {
            // a diagnostic log: the next flush tries again
        }
    }

    /** {@code s} as a JSON string (null as null), escaped as Jackson escapes it. */
    private static StringBuilder string(StringBuilder b, String s) {
        if (s == null) {
            return b.append("null");
        }
        b.append('"');
        ESCAPER.quoteAsString(s, b);
        return b.append('"');
    }

    /** The statement's leading keywords: CREATE PIPE, ALTER TASK, SELECT... */
    static String command(String sql) {
        String s = LEADING_COMMENTS.matcher(sql.strip()).replaceFirst("");
        StringBuilder sb = new StringBuilder();
        int i = 0;
        while (i < s.length()) {
            int end = i;
            while (end < s.length() && !Character.isWhitespace(s.charAt(end))) {
                end++;
            }
            String u = s.substring(i, end).toUpperCase(java.util.Locale.ROOT);
            if (!KEYWORD.matcher(u).matches()) {
                break;
            }
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(u);
            if (!CONTINUES.contains(u)) {
                break;
            }
            i = end;
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
        }
        return sb.toString();
    }

    @Override
    public synchronized void close() {
        closed = true;
        try {
            out.close();
        } catch (IOException ignored) {
            // closing a log
        }
    }
}

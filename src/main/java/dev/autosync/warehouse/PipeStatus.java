package dev.autosync.warehouse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autosync.render.QualifiedName;
import dev.autosync.sql.SqlLiterals;

import java.io.IOException;

/**
 * The fields of {@code SYSTEM$PIPE_STATUS} that deploy, its health gate, e2e and status act on
 * ("SYSTEM$PIPE_STATUS" page): {@code error} is from when the pipe was last compiled (a real
 * problem); {@code fault} is "used primarily by Snowflake for debugging", shown but not judged. A
 * status that cannot be read counts as state UNKNOWN with nothing pending.
 */
public record PipeStatus(String executionState, int pendingFileCount, String error, String fault) {
    /** The execution state of a pipe that loads what arrives. */
    public static final String RUNNING = "RUNNING";
    private static final ObjectMapper JSON = new ObjectMapper();

    public static PipeStatus read(Warehouse w, QualifiedName pipe) throws WarehouseException {
        return parse(w.scalar("SELECT SYSTEM$PIPE_STATUS(" + SqlLiterals.quote(pipe.sql()) + ")"));
    }

    /** The JSON text SYSTEM$PIPE_STATUS returns (null or not JSON: UNKNOWN). */
    public static PipeStatus parse(String status) {
        try {
            JsonNode n = JSON.readTree(status == null ? "{}" : status);
            return new PipeStatus(n.path("executionState").asText("UNKNOWN"), n.path("pendingFileCount").asInt(0),
                    text(n, "error"), text(n, "fault"));
        } catch (IOException e) {
            return new PipeStatus("UNKNOWN", 0, null, null);
        }
    }

    private static String text(JsonNode n, String field) {
        return n.hasNonNull(field) && !n.get(field).asText().isBlank() ? n.get(field).asText() : null;
    }

    public boolean running() {
        return RUNNING.equals(executionState);
    }
}

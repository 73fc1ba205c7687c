package dev.autosync.warehouse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autosync.render.QualifiedName;
import dev.autosync.sql.SqlLiterals;

import java.io.IOException;

/**
 * The fields of {@code SYSTEM$PIPE_STATUS} that deploy, its health gate and e2e act on. A status
 * that cannot be read counts as state UNKNOWN with nothing pending.
 */
public record PipeStatus(String executionState, int pendingFileCount, String error) {
    /** The execution state of a pipe that loads what arrives. */
    public static final String RUNNING = "RUNNING";
    private static final ObjectMapper JSON = new ObjectMapper();

    public static PipeStatus read(Warehouse w, QualifiedName pipe) throws WarehouseException {
        String status = w.scalar("SELECT SYSTEM$PIPE_STATUS(" + SqlLiterals.quote(pipe.sql()) + ")");
        try {
            JsonNode n = JSON.readTree(status == null ? "{}" : status);
            return new PipeStatus(n.path("executionState").asText("UNKNOWN"), n.path("pendingFileCount").asInt(0),
                    n.hasNonNull("error") ? n.get("error").asText() : null);
        } catch (IOException e) {
            return new PipeStatus("UNKNOWN", 0, null);
        }
    }

    public boolean running() {
        return RUNNING.equals(executionState);
    }
}

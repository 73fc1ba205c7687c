package dev.autosync.emulator.engine;

import dev.autosync.emulator.base.SnowflakeError;
import dev.autosync.emulator.sql.Translator;

/**
 * SYSTEM$PIPE_STATUS as SQL that reads the state when the query runs (so a view shows the current
 * state): the documented fields, each present only when it applies.
 */
final class PipeStatusQuery {
    private final Catalog catalog;

    PipeStatusQuery(Catalog catalog) {
        this.catalog = catalog;
    }

    /**
     * Test-only emulator setting: the JVM system property {@value #TEST_FAULT} names pipes (comma separated, or *)
     * whose status carries a fault, Snowflake's internal error "used primarily by Snowflake for debugging"
     * (SYSTEM$PIPE_STATUS page), which the emulator otherwise never reports. Read when the status's SQL is made
     * (a view that calls SYSTEM$PIPE_STATUS keeps what was set when it was created).
     */
    static final String TEST_FAULT = "autosync.emulator.test.pipeFault";
    static final String TEST_FAULT_TEXT = "Internal error: the emulator's test fault (autosync.emulator.test.pipeFault)";

    private static boolean testFault(String pipe) {
        for (String n : System.getProperty(TEST_FAULT, "").split(",")) {
            if (n.strip().equals("*") || n.strip().equalsIgnoreCase(pipe)) {
                return true;
            }
        }
        return false;
    }

    String sql(NameResolver names, String name) {
        ObjectRef ref = names.resolve(NameResolver.parse(name), "SYSTEM$PIPE_STATUS");
        CatalogObject pipe = catalog.find(CatalogKind.PIPE, ref)
                .orElseThrow(() -> SnowflakeError.doesNotExist("Pipe", ref.display()));
        String queue = PipeQueue.TABLE;
        String id = "(SELECT o.id FROM " + Catalog.SYS + ".objects AS o WHERE o.kind = 'PIPE' AND o.db = "
                + Translator.literal(ref.db()) + " AND o.sch = " + Translator.literal(ref.schema()) + " AND o.name = "
                + Translator.literal(ref.name()) + ")";
        String props = "(SELECT CAST(o.props AS JSON) FROM " + Catalog.SYS + ".objects AS o WHERE o.id = " + id + ")";
        String tableExists = "EXISTS (SELECT 1 FROM " + Catalog.SYS + ".objects AS t WHERE t.id = CAST(json_extract_string(" + props
                + ", '$.TABLE_ID') AS BIGINT))";
        String stageExists = "(json_extract_string(" + props + ", '$.STAGE_ID') IS NULL OR EXISTS (SELECT 1 FROM " + Catalog.SYS
                + ".objects AS st WHERE st.id = CAST(json_extract_string(" + props + ", '$.STAGE_ID') AS BIGINT)))";
        String state = "CASE WHEN NOT " + tableExists + " THEN 'STOPPED_MISSING_TABLE' WHEN NOT " + stageExists
                + " THEN 'STOPPED_STAGE_DROPPED' WHEN json_extract_string(" + props + ", '$.PAUSED') = 'true' THEN 'PAUSED' "
                + "WHEN json_extract_string(" + props + ", '$.LAST_ERROR') IS NOT NULL THEN 'STALLED_EXECUTION_ERROR' ELSE 'RUNNING' END";
        String pending = "(SELECT count(*) FROM " + queue + " AS q WHERE q.pipe_id = " + id + ")";
        String oldest = "(SELECT q.relative FROM " + queue + " AS q WHERE q.pipe_id = " + id + " ORDER BY q.queued_at LIMIT 1)";
        // strftime of a TIMESTAMPTZ writes the connection's zone (the session's TIMEZONE): convert to UTC before the 'Z'
        String oldestAt = "(SELECT strftime(timezone('UTC', q.queued_at), '%Y-%m-%dT%H:%M:%S.%gZ') FROM " + queue + " AS q WHERE q.pipe_id = " + id
                + " ORDER BY q.queued_at LIMIT 1)";
        String lastFile = "(SELECT h.file_name FROM " + History.TABLE + " AS h WHERE h.pipe_id = " + id
                + " AND h.status <> 'Load failed' ORDER BY h.last_load_time DESC LIMIT 1)";
        String lastAt = "(SELECT strftime(timezone('UTC', h.last_load_time), '%Y-%m-%dT%H:%M:%S.%gZ') FROM " + History.TABLE + " AS h "
                + "WHERE h.pipe_id = " + id + " AND h.status <> 'Load failed' ORDER BY h.last_load_time DESC LIMIT 1)";
        String channel = pipe.prop("NOTIFICATION_CHANNEL");
        String integration = pipe.prop("INTEGRATION");
        return "CAST(json_merge_patch('{}', json_object('executionState', " + state + ", 'pendingFileCount', " + pending
                + ", 'oldestPendingFilePath', " + oldest + ", 'oldestFileTimestamp', " + oldestAt
                + ", 'lastIngestedFilePath', " + lastFile + ", 'lastIngestedTimestamp', " + lastAt
                + ", 'notificationChannelName', " + (channel != null ? Translator.literal(channel)
                : integration != null ? Translator.literal(integration) : "NULL")
                + ", 'numOutstandingMessagesOnChannel', " + (channel != null || integration != null ? pending : "NULL")
                + ", 'error', json_extract_string(" + props + ", '$.LAST_ERROR')"
                + ", 'fault', " + (testFault(ref.name()) ? Translator.literal(TEST_FAULT_TEXT) : "NULL")
                + ", 'lastPipeErrorTimestamp', json_extract_string(" + props + ", '$.LAST_ERROR_AT'))) AS VARCHAR)";
    }
}

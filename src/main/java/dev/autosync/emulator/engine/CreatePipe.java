package dev.autosync.emulator.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autosync.emulator.base.SnowflakeError;
import dev.autosync.emulator.sql.Cursor;

import java.sql.SQLException;
import java.util.Set;

/** {@code CREATE PIPE <name> [options] AS COPY INTO ...}, parsed, with its COPY planned (and so checked) in the pipe's schema. */
record CreatePipe(ObjectRef ref, ObjectNode props, String copy, CopyPlan plan) {

    static CreatePipe parse(StatementContext st, Catalog catalog, CopyPlanner planner) throws SQLException {
        Cursor c = st.cursor();
        ObjectRef ref = st.name("CREATE PIPE");
        catalog.requireSchema(ref);
        ObjectNode props = Options.parse(c, Set.of("AS"));
        c.expect("AS");
        String copy = c.rest();
        if (!copy.regionMatches(true, 0, "COPY", 0, 4)) {
            throw SnowflakeError.compilation("a pipe's definition must be a COPY INTO statement");
        }
        try (PlannedCopy planned = planner.planStored(st.session(), copy, ref)) {
            return new CreatePipe(ref, props, copy, planned.plan());
        }
    }
}

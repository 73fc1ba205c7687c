package dev.autosync.emulator.engine;

import dev.autosync.emulator.base.SnowflakeError;
import dev.autosync.emulator.sql.Cursor;
import dev.autosync.sql.parse.SqlParser;
import dev.autosync.sql.rules.CopyRules;
import dev.autosync.sql.rules.PipeRules;
import dev.autosync.sql.rules.StageKind;
import dev.autosync.sql.rules.Violation;
import dev.autosync.sql.tree.CopyInto;
import dev.autosync.sql.tree.CreatePipe;

import java.util.List;
import java.util.Locale;

/**
 * Holds COPY INTO and CREATE PIPE to the rules Snowflake documents ({@code dev.autosync.sql.rules}, the
 * same rules render checks a bundle with) before they run: the first broken rule fails the statement
 * as a compilation error with the rule's message. The emulator has no SQL UDFs, so only Snowflake's own
 * functions pass.
 */
final class SnowflakeRules {
    private static final CopyRules COPY = CopyRules.builtInOnly();
    private static final PipeRules PIPE = new PipeRules(COPY);

    private SnowflakeRules() {
    }

    /** Checks the COPY starting at token {@code start} of {@code c}, leaving the cursor where it was. */
    static void enforceCopy(Cursor c, int start, boolean inPipe) {
        int here = c.position();
        c.reset(start);
        CopyInto copy = new SqlParser(c).copyInto();
        c.reset(here);
        fail(COPY.check(copy, inPipe));
    }

    /**
     * Checks a whole CREATE PIPE statement whose COPY reads {@code location}; with a null location (before
     * the COPY is planned) the rules that depend on the stage's cloud wait for the second call.
     */
    static void enforcePipe(String statement, Stages.Location location) {
        CreatePipe pipe = new SqlParser(new Cursor(statement)).createPipe();
        StageKind kind = location == null ? StageKind.UNKNOWN : location.external()
                ? StageKind.ofUrl(location.stage().prop("URL").toLowerCase(Locale.ROOT)) : StageKind.INTERNAL;
        fail(PIPE.check(pipe, ref -> kind));
    }

    private static void fail(List<Violation> violations) {
        if (!violations.isEmpty()) {
            // UNVERIFIED: the docs give no error code for these; 002000 / 42601 as the emulator's other compilation errors.
            throw SnowflakeError.compilation(violations.get(0).detail());
        }
    }
}

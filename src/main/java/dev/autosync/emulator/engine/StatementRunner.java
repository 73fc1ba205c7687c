package dev.autosync.emulator.engine;

import java.util.List;

/** Runs one statement for a session (a task's body, a statement inside a scripting block). */
@FunctionalInterface
interface StatementRunner {
    Result run(Session session, String sql, List<Object> binds);
}

package dev.autosync.warehouse;

import dev.autosync.render.QualifiedName;
import dev.autosync.render.TableColumn;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * One thing deploy does to the target, as data: the plan shows it ({@link #planText()}, the lines
 * of plan.sql and plan.json) and apply runs it ({@link #apply}). Nothing later re-reads the text.
 */
public sealed interface DeployOperation {

    /** The line plan.sql and plan.json show: the statement, or a comment for a step that is a wait. */
    String planText();

    void apply(Applier applier) throws WarehouseException, DeployException;

    /** What applying needs from the deploy in progress. */
    interface Applier {
        /** Runs one statement (and counts it). */
        void run(String sql) throws WarehouseException;

        /** Waits until the pipe has no pending file, or fails the deploy after the drain timeout. */
        void awaitDrained(QualifiedName pipe) throws WarehouseException, DeployException;

        /** Remembers when a pipe was paused, for the refresh after its replacement. */
        void paused(QualifiedName pipe, Instant at);

        Instant pausedAt(QualifiedName pipe);
    }

    /** An operation that is one statement, run as the plan shows it. */
    sealed interface Statement extends DeployOperation {
        @Override
        default void apply(Applier a) throws WarehouseException {
            a.run(planText());
        }
    }

    /** A rendered statement, as render wrote it or turned into CREATE OR REPLACE. */
    record RunRendered(String sql) implements Statement {
        @Override
        public String planText() {
            return sql;
        }
    }

    /** Wait until a running pipe has loaded its queue, so that pausing it loses nothing already queued. */
    record DrainPipe(QualifiedName pipe) implements DeployOperation {
        @Override
        public String planText() {
            return "-- wait until SYSTEM$PIPE_STATUS('" + pipe.sql() + "') shows pendingFileCount 0 (drain)";
        }

        @Override
        public void apply(Applier a) throws WarehouseException, DeployException {
            a.awaitDrained(pipe);
        }
    }

    record PausePipe(QualifiedName pipe) implements DeployOperation {
        @Override
        public String planText() {
            return "ALTER PIPE " + pipe.sql() + " SET PIPE_EXECUTION_PAUSED = TRUE";
        }

        @Override
        public void apply(Applier a) throws WarehouseException {
            a.paused(pipe, Instant.now());
            a.run(planText());
        }
    }

    /** Queue again the files staged since {@code before} the pause: a replaced pipe's load history is empty. */
    record RefreshPipe(QualifiedName pipe, Duration before) implements DeployOperation {
        @Override
        public String planText() {
            return "ALTER PIPE " + pipe.sql() + " REFRESH MODIFIED_AFTER = '<" + before.toMinutes() + " minutes before the pause>'";
        }

        @Override
        public void apply(Applier a) throws WarehouseException {
            Instant after = a.pausedAt(pipe).minus(before).truncatedTo(ChronoUnit.SECONDS);
            a.run("ALTER PIPE " + pipe.sql() + " REFRESH MODIFIED_AFTER = '" + after + "'");
        }
    }

    record SuspendTask(QualifiedName task) implements Statement {
        @Override
        public String planText() {
            return "ALTER TASK " + task.sql() + " SUSPEND";
        }
    }

    record ResumeTask(QualifiedName task) implements Statement {
        @Override
        public String planText() {
            return "ALTER TASK " + task.sql() + " RESUME";
        }
    }

    record AddColumn(QualifiedName table, TableColumn column) implements Statement {
        @Override
        public String planText() {
            return "ALTER TABLE " + table.sql() + " ADD COLUMN " + column.name() + " " + column.type();
        }
    }

    record DropColumn(QualifiedName table, String column) implements Statement {
        @Override
        public String planText() {
            return "ALTER TABLE " + table.sql() + " DROP COLUMN " + column;
        }
    }

    /** {@code comment} is the rendered string literal, quotes included. */
    record SetTableComment(QualifiedName table, String comment) implements Statement {
        @Override
        public String planText() {
            return "ALTER TABLE " + table.sql() + " SET COMMENT = " + comment;
        }
    }
}

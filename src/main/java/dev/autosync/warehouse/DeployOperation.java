package dev.autosync.warehouse;

import dev.autosync.render.QualifiedName;
import dev.autosync.render.TableColumn;

import java.time.Instant;

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

        /** The warehouse's clock now (the time files and load history are stamped with). */
        Instant serverNow() throws WarehouseException;

        /** Remembers when a pipe was first paused in this deploy, for the catch-up after its replacement. */
        void paused(QualifiedName pipe, Instant at);

        /** Waits until a paused pipe says PAUSED and has loaded what was queued before the pause (see {@link PipeReplacement}). */
        void awaitPaused(QualifiedName pipe) throws WarehouseException, DeployException;

        /** Queues on the new pipe, once each, the files the old pipe did not load (see {@link PipeReplacement}). */
        void catchUp(CatchUpPipe op) throws WarehouseException, DeployException;

        /** Waits until a resumed pipe says RUNNING, or fails the deploy naming its state. */
        void awaitRunning(QualifiedName pipe) throws WarehouseException, DeployException;
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

    /** Step 1 and 4 of "Managing Snowpipe", recreating pipes: pause (the first pause's time is remembered). */
    record PausePipe(QualifiedName pipe) implements DeployOperation {
        @Override
        public String planText() {
            return "ALTER PIPE " + pipe.sql() + " SET PIPE_EXECUTION_PAUSED = TRUE";
        }

        @Override
        public void apply(Applier a) throws WarehouseException {
            a.paused(pipe, a.serverNow());
            a.run(planText());
        }
    }

    /** Step 2: SYSTEM$PIPE_STATUS says PAUSED, and the files queued before the pause are loaded. */
    record AwaitPaused(QualifiedName pipe) implements DeployOperation {
        @Override
        public String planText() {
            return "-- wait until SYSTEM$PIPE_STATUS('" + pipe.sql() + "') shows executionState PAUSED and pendingFileCount 0 "
                    + "(files queued after the pause are caught up below)";
        }

        @Override
        public void apply(Applier a) throws WarehouseException, DeployException {
            a.awaitPaused(pipe);
        }
    }

    /**
     * After CREATE OR REPLACE: the new pipe has no load history and never got the events of files
     * staged while the old one was paused. Each staged file since the pause (or since the oldest
     * file then pending) that is neither in the landing table nor in its COPY_HISTORY is queued
     * with its own ALTER PIPE ... REFRESH PREFIX, so no file is lost and none lands twice.
     */
    record CatchUpPipe(QualifiedName pipe, String landingTable, String stage, String folder) implements DeployOperation {
        @Override
        public String planText() {
            return "-- ALTER PIPE " + pipe.sql() + " REFRESH PREFIX = '<file>' for each file staged in @" + stage + "/" + folder
                    + " since the pause that is neither in " + landingTable + ".FILE_NAME nor in its COPY_HISTORY";
        }

        @Override
        public void apply(Applier a) throws WarehouseException, DeployException {
            a.catchUp(this);
        }
    }

    /** Step 6 and 7: resume, then SYSTEM$PIPE_STATUS must say RUNNING. */
    record ResumePipe(QualifiedName pipe) implements DeployOperation {
        @Override
        public String planText() {
            return "ALTER PIPE " + pipe.sql() + " SET PIPE_EXECUTION_PAUSED = FALSE";
        }

        @Override
        public void apply(Applier a) throws WarehouseException, DeployException {
            a.run(planText());
            a.awaitRunning(pipe);
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

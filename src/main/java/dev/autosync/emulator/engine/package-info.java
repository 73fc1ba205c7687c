/**
 * The emulator's engine: Snowflake statements run on DuckDB. {@link dev.autosync.emulator.engine.Engine}
 * wires the parts once, each getting only the parts it uses; nothing calls back into the engine.
 *
 * <ul>
 *   <li><b>State</b>: {@code Catalog} (objects and their settings), {@code Stages} (staged files),
 *       {@code Streams} (change tracking), {@code History} and {@code TaskHistory} (load and task run
 *       history), {@code PipeQueue}, {@code Sessions}; {@code Transactions} owns the engine lock.</li>
 *   <li><b>Statements</b>: {@code LockedStatements} runs one under the lock; {@code Dispatcher} opens
 *       it as a {@code RunningStatement} (the {@code StatementContext} commands see: session, text,
 *       binds, cursor, names, temporary relations) and hands it to a command by its first word.
 *       Where a statement changes objects, a parser turns it into a record ({@code CreateHeader},
 *       {@code TableStatements}, {@code CreateView}, {@code CreatePipe}, ...) and an executor
 *       ({@code TableDdl}, {@code PipeDdl}, ...) applies it.</li>
 *   <li><b>Translation</b>: {@code Translation} is the {@code SqlContext} through which
 *       {@code sql.Translator} resolves names, stages, table functions and SYSTEM$ functions.</li>
 *   <li><b>Background</b>: {@code BackgroundLoop} runs {@code PipeLoader} and {@code TaskScheduler};
 *       commands reach it only through a wake-up callback ({@code Wakeup}) and {@code TaskRequests}.</li>
 * </ul>
 */
package dev.autosync.emulator.engine;

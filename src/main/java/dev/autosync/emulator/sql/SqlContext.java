package dev.autosync.emulator.sql;

import java.util.List;
import java.util.Map;

/**
 * What the translator needs from the engine while it rewrites one statement: name resolution,
 * staged files, system functions and session values. Each call may also record side effects for
 * the statement (a stream it reads, a temporary relation to drop).
 */
public interface SqlContext {

    /**
     * A relation named in FROM: DuckDB SQL (a table name or a subquery), its default alias, and its stored TIMESTAMP_TZ
     * columns, each with a hidden offset companion column ({@link Translator#TZ_OFFSET_COLUMN} + name) beside it, and the
     * collation specification each column declared with COLLATE has (column name to specification).
     */
    record Relation(String sql, String defaultAlias, java.util.Set<String> tzColumns, Map<String, String> collations) {
        public Relation(String sql, String defaultAlias) {
            this(sql, defaultAlias, java.util.Set.of());
        }

        public Relation(String sql, String defaultAlias, java.util.Set<String> tzColumns) {
            this(sql, defaultAlias, tzColumns, Map.of());
        }
    }

    /** Resolves a table, view or stream name (1 to 3 normalised parts) for reading. */
    Relation relation(List<String> parts);

    /** Materialises the files of a stage reference ({@code @s/path}) with options such as FILE_FORMAT. */
    Relation stage(String reference, Map<String, String> options);

    /** A table function in FROM such as INFORMATION_SCHEMA.COPY_HISTORY, with its translated arguments. */
    Relation tableFunction(List<String> nameParts, Map<String, String> namedArguments, List<String> positional);

    /** A SYSTEM$ function; {@code literals} holds the decoded value of each string-literal argument (null otherwise). */
    String systemFunction(String name, List<String> arguments, List<String> literals);

    /** CURRENT_DATABASE(), CURRENT_USER() and the like, as a literal value (null when not set). */
    String sessionValue(String function);

    /** A session parameter's value (TIMEZONE, WEEK_START, DEFAULT_NULL_ORDERING...), or null when unknown. */
    default String parameter(String name) {
        return null;
    }

    /** A session variable ({@code $name}, GETVARIABLE) as a DuckDB literal, or null when the session has none of that name. */
    default String variable(String name) {
        return null;
    }

    /**
     * The DuckDB type name of the first column of {@code duckQuery} (a translated query, never run: DuckDB only binds
     * it), or null when it does not bind. The translator asks it for the type of an argument whose Snowflake
     * function depends on it (AVG's scale, SUM over text).
     */
    default String duckType(String duckQuery) {
        return null;
    }

    /**
     * The first column's values of {@code duckQuery} (a translated query, run now), as JDBC objects: the values a
     * dynamic PIVOT ({@code IN (ANY ...)} or a subquery) turns into columns.
     */
    default List<Object> columnValues(String duckQuery) {
        throw dev.autosync.emulator.base.SnowflakeError.unsupported("dynamic PIVOT");
    }

    /** The DuckDB column names of {@code duckQuery} (bound, never run), or null when it does not bind. */
    default List<String> duckColumns(String duckQuery) {
        return null;
    }

    /** The DuckDB column types of {@code duckQuery} (bound, never run), or null when it does not bind. */
    default List<String> duckColumnTypes(String duckQuery) {
        return null;
    }

    /** The DuckDB name of the SQL user-defined function {@code parts} names (resolved like a table), or null when none. */
    default String userFunction(List<String> parts) {
        return null;
    }
}

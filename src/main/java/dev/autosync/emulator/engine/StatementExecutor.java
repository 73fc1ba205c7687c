package dev.autosync.emulator.engine;

import dev.autosync.emulator.base.SnowflakeError;
import dev.autosync.emulator.base.Names;

import dev.autosync.emulator.sql.Cursor;
import dev.autosync.emulator.sql.SqlContext;
import dev.autosync.emulator.sql.Translator;
import dev.autosync.sql.Token;
import dev.autosync.sql.TokenType;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs one Snowflake statement for a session: parses its shape, dispatches to the command that
 * implements it, and is the {@link SqlContext} its translation resolves names through. Temporary
 * relations it creates (staged files) are dropped when it finishes.
 */
final class StatementExecutor implements SqlContext {
    final Engine engine;
    final Session session;
    final String sql;
    final List<Object> binds;
    final Cursor c;
    private final List<String> temporary = new ArrayList<>();
    /** Streams this statement reads: stream id to the change number its delta ends at. */
    final Map<Long, Long> streamsRead = new HashMap<>();
    /** Set while a view's body is translated: views cannot read staged files. */
    boolean viewDefinition;
    /** Set while a COPY transformation is translated: its stage reads the file being loaded. */
    java.util.function.BiFunction<String, Map<String, String>, Relation> stageOverride;

    StatementExecutor(Engine engine, Session session, String sql, List<Object> binds) {
        this.engine = engine;
        this.session = session;
        this.sql = sql;
        this.binds = binds == null ? List.of() : binds;
        this.c = new Cursor(sql);
    }

    Result run() {
        try {
            return dispatch();
        } catch (SQLException e) {
            throw ErrorMapper.map(e);
        } finally {
            cleanup();
        }
    }

    private Result dispatch() throws SQLException {
        Token first = c.peek();
        if (first.is(TokenType.LEFT_PAREN)) {
            return new Queries(this).select();
        }
        if (!first.is(TokenType.WORD)) {
            throw c.unexpected();
        }
        switch (first.upper()) {
            case "SELECT", "WITH", "VALUES":
                return new Queries(this).select();
            case "INSERT", "UPDATE", "DELETE", "MERGE", "TRUNCATE":
                return new Queries(this).dml();
            case "CREATE":
                return new Ddl(this).create();
            case "ALTER":
                return new Ddl(this).alter();
            case "DROP":
                return new Ddl(this).drop();
            case "COMMENT":
                return new Ddl(this).commentOn();
            case "USE":
                return new Ddl(this).use();
            case "SHOW":
                return new Show(this).run();
            case "DESC", "DESCRIBE":
                return new Describe(this).run();
            case "PUT", "GET", "LIST", "LS", "REMOVE", "RM":
                return new StageCommands(this).run();
            case "COPY":
                return new Loader(this).copyStatement();
            case "BEGIN", "START", "COMMIT", "ROLLBACK", "DECLARE":
                return new Scripting(this).run();
            case "EXECUTE":
                if (c.peek(1).isWord("TASK")) {
                    return engine.services().tasks().executeTask(this);
                }
                return new Scripting(this).run();
            case "GRANT", "REVOKE":
                return Result.ddl("Statement executed successfully.");
            case "CALL":
                throw SnowflakeError.unsupported("CALL (stored procedures)");
            case "UNDROP":
                throw SnowflakeError.unsupported("UNDROP");
            case "SET", "UNSET":
                throw SnowflakeError.unsupported("session variables (SET/UNSET)");
            default:
                throw c.unexpected();
        }
    }

    /** The columns a query would return, from DuckDB's prepared-statement metadata. */
    Result describeQuery() {
        try {
            String duck = translator().query(true);
            try (PreparedStatement ps = session.conn().prepareStatement(duck)) {
                java.sql.ResultSetMetaData md = ps.getMetaData();
                List<ResultColumn> cols = new ArrayList<>();
                for (int i = 1; md != null && i <= md.getColumnCount(); i++) {
                    cols.add(new ResultColumn(Names.decode(md.getColumnLabel(i)), SfType.fromDuck(md.getColumnTypeName(i))));
                }
                return new Result(StatementKind.SELECT, cols, new ArrayList<>());
            }
        } catch (SQLException e) {
            throw ErrorMapper.map(e);
        } finally {
            cleanup();
        }
    }

    // ---------------------------------------------------------------- names

    /** The database and schema unqualified names resolve in: a view's own while its body is translated. */
    private String nameDatabase;
    private String nameSchema;

    void resolveWithin(String db, String schema) {
        this.nameDatabase = db;
        this.nameSchema = schema;
    }

    String defaultDatabase() {
        return nameDatabase != null ? nameDatabase : session.database();
    }

    String defaultSchema() {
        return nameSchema != null ? nameSchema : session.schema();
    }

    /** Resolves 1 to 3 name parts against the session's database and schema. */
    ObjectRef resolve(List<String> parts, String operation) {
        String db;
        String schema;
        String name = parts.get(parts.size() - 1);
        if (parts.size() == 3) {
            db = parts.get(0);
            schema = parts.get(1);
        } else if (parts.size() == 2) {
            db = defaultDatabase();
            schema = parts.get(0);
            if (db == null) {
                throw SnowflakeError.noCurrentDatabase(operation);
            }
        } else {
            db = defaultDatabase();
            schema = defaultSchema();
            if (db == null) {
                throw SnowflakeError.noCurrentDatabase(operation);
            }
            if (schema == null) {
                throw SnowflakeError.noCurrentSchema(operation);
            }
        }
        return new ObjectRef(db, schema, name);
    }

    /** Parses a name at the cursor and resolves it. */
    ObjectRef name(String operation) {
        return resolve(new Translator(c, this).nameParts(), operation);
    }

    /**
     * The object an {@code ALTER <kind> [IF EXISTS] <name>} names, read from the cursor; null when
     * it is missing and IF EXISTS was given (the statement then succeeds doing nothing).
     */
    CatalogObject alterTarget(CatalogKind kind, String what) {
        boolean ifExists = c.acceptAll("IF", "EXISTS");
        ObjectRef ref = name("ALTER " + what.toUpperCase(java.util.Locale.ROOT));
        CatalogObject o = engine.catalog().find(kind, ref).orElse(null);
        if (o == null && !ifExists) {
            throw SnowflakeError.doesNotExist(what, ref.display());
        }
        return o;
    }

    /** The schema an object in {@code ref} lives in must exist. */
    void requireSchema(ObjectRef ref) {
        if (!engine.catalog().databaseExists(ref.db())) {
            throw SnowflakeError.doesNotExist("Database", Names.display(ref.db()));
        }
        if (!engine.catalog().schemaExists(ref.db(), ref.schema())) {
            throw SnowflakeError.doesNotExist("Schema", Names.display(ref.db()) + "." + Names.display(ref.schema()));
        }
    }

    Translator translator() {
        return new Translator(c, this);
    }

    // ---------------------------------------------------------------- SqlContext

    @Override
    public Relation relation(List<String> parts) {
        if (parts.size() >= 2 && parts.get(parts.size() - 2).equals("INFORMATION_SCHEMA")) {
            throw SnowflakeError.unsupported("INFORMATION_SCHEMA views (use SHOW commands)");
        }
        ObjectRef ref = resolve(parts, "SELECT");
        CatalogObject rel = engine.catalog().findRelation(ref).orElse(null);
        if (rel != null) {
            return new Relation(ref.duckName(), null);
        }
        CatalogObject stream = engine.catalog().find(CatalogKind.STREAM, ref).orElse(null);
        if (stream != null) {
            String delta = engine.services().streams().deltaSql(session, stream, streamsRead);
            return new Relation("(" + delta + ")", ref.name());
        }
        throw SnowflakeError.doesNotExist("Object", ref.display());
    }

    @Override
    public Relation stage(String reference, Map<String, String> options) {
        if (viewDefinition) {
            throw SnowflakeError.unsupported("a stage reference in a view");
        }
        if (stageOverride != null) {
            return stageOverride.apply(reference, options);
        }
        try {
            String table = engine.stages().materialise(this, reference, options);
            temporary.add(table);
            return new Relation(table, null);
        } catch (SQLException e) {
            throw ErrorMapper.map(e);
        }
    }

    @Override
    public Relation tableFunction(List<String> nameParts, Map<String, String> named, List<String> positional) {
        String fn = nameParts.get(nameParts.size() - 1);
        String db = nameParts.size() >= 3 ? nameParts.get(0) : defaultDatabase();
        switch (fn) {
            case "COPY_HISTORY":
                return new Relation("(" + engine.services().history().copyHistorySql(this, db, named) + ")", "COPY_HISTORY");
            case "TASK_HISTORY":
                return new Relation("(" + engine.services().tasks().historySql(this, db, named) + ")", "TASK_HISTORY");
            case "RESULT_SCAN":
                return new Relation(resultScan(positional), "RESULT_SCAN");
            case "GENERATOR": {
                String rows = named.get("ROWCOUNT");
                if (rows == null) {
                    throw SnowflakeError.unsupported("GENERATOR without ROWCOUNT");
                }
                return new Relation("(SELECT range AS \"SEQ\" FROM range(CAST(" + rows + " AS BIGINT)))", "GENERATOR");
            }
            default:
                throw SnowflakeError.unsupported("table function " + String.join(".", nameParts));
        }
    }

    private String resultScan(List<String> positional) {
        if (positional.size() != 1) {
            throw SnowflakeError.compilation("RESULT_SCAN takes one query id");
        }
        String id = Translator.literalValue(positional.get(0));
        Result r = id == null ? null : session.recent(id);
        if (r == null) {
            throw new SnowflakeError("000709", "02000", "Statement " + id + " not found");
        }
        try {
            String table = ResultTables.materialise(session, r);
            temporary.add(table);
            return table;
        } catch (SQLException e) {
            throw ErrorMapper.map(e);
        }
    }

    @Override
    public String systemFunction(String name, List<String> arguments, List<String> literals) {
        return engine.services().systemFunction(this, name, arguments, literals);
    }

    @Override
    public String sessionValue(String function) {
        return switch (function) {
            case "CURRENT_DATABASE" -> session.database();
            case "CURRENT_SCHEMA" -> session.schema();
            case "CURRENT_WAREHOUSE" -> session.warehouse();
            case "CURRENT_ROLE" -> session.role();
            case "CURRENT_USER" -> session.user();
            case "CURRENT_SESSION" -> session.id();
            case "CURRENT_ACCOUNT" -> "LOCAL";
            case "CURRENT_REGION" -> "LOCAL";
            case "CURRENT_VERSION" -> "9.99.0";
            case "LAST_QUERY_ID" -> session.lastQueryId();
            case "CURRENT_CLIENT" -> "JDBC";
            default -> null;
        };
    }

    // ---------------------------------------------------------------- DuckDB helpers

    /** Runs translated SQL and reads its rows as a result. */
    Result query(StatementKind kind, String duckSql) throws SQLException {
        try (PreparedStatement ps = session.conn().prepareStatement(duckSql)) {
            bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                return ResultTables.read(kind, rs);
            }
        }
    }

    long update(String duckSql) throws SQLException {
        try (PreparedStatement ps = session.conn().prepareStatement(duckSql)) {
            bind(ps);
            ps.execute();
            return Math.max(0, ps.getUpdateCount());
        }
    }

    private void bind(PreparedStatement ps) throws SQLException {
        int params = ps.getParameterMetaData().getParameterCount();
        if (params != binds.size()) {
            if (params > binds.size()) {
                throw new SnowflakeError("002049", "42601", "SQL compilation error: Bind variable ? not set.");
            }
        }
        for (int i = 0; i < params; i++) {
            ps.setObject(i + 1, binds.get(i));
        }
    }

    void registerTemporary(String relation) {
        temporary.add(relation);
    }

    /** Drops the temporary relations the statement created. */
    void cleanup() {
        for (String t : temporary) {
            try {
                Engine.exec(session, "DROP TABLE IF EXISTS " + t);
            } catch (SQLException e) {
                // a temporary table dies with the connection anyway
            }
        }
        temporary.clear();
    }

    static String upper(String s) {
        return s.toUpperCase(Locale.ROOT);
    }
}

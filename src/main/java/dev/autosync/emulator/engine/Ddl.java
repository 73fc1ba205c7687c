package dev.autosync.emulator.engine;

import dev.autosync.emulator.base.SnowflakeError;
import dev.autosync.emulator.base.Names;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autosync.emulator.sql.Cursor;
import dev.autosync.emulator.sql.SnowflakeTypes;
import dev.autosync.emulator.sql.Translator;
import dev.autosync.sql.Token;
import dev.autosync.sql.TokenType;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Databases, schemas, tables and views (CREATE, ALTER, DROP), USE, COMMENT and ALTER SESSION. The
 * other kinds of object are handed to their owners (stages, pipes, streams, tasks). As in
 * Snowflake, a DDL statement first commits any open transaction and then commits itself.
 */
final class Ddl {
    private final StatementExecutor x;
    private final Cursor c;
    private final Catalog catalog;

    /** The parts of CREATE common to every kind. */
    record CreateHeader(boolean orReplace, boolean temporary, boolean ifNotExists) {
    }

    Ddl(StatementExecutor x) {
        this.x = x;
        this.c = x.c;
        this.catalog = x.engine.catalog();
    }

    // ---------------------------------------------------------------- CREATE

    Result create() throws SQLException {
        c.expect("CREATE");
        boolean orReplace = c.acceptAll("OR", "REPLACE");
        boolean temporary = false;
        while (true) {
            if (c.accept("TEMP") || c.accept("TEMPORARY") || c.accept("VOLATILE")) {
                temporary = true;
            } else if (!(c.accept("TRANSIENT") || c.accept("LOCAL") || c.accept("GLOBAL") || c.accept("SECURE")
                    || c.accept("RECURSIVE"))) {
                break;
            }
        }
        String kind = c.next().upper();
        if (kind.equals("FILE") || kind.equals("STORAGE") || kind.equals("NOTIFICATION")) {
            kind = kind + "_" + c.next().upper();
        }
        if (kind.equals("MATERIALIZED") || kind.equals("EXTERNAL") || kind.equals("DYNAMIC") || kind.equals("HYBRID")
                || kind.equals("ICEBERG") || kind.equals("EVENT")) {
            throw SnowflakeError.unsupported("CREATE " + kind + " " + c.peek().upper());
        }
        boolean ifNotExists = c.acceptAll("IF", "NOT", "EXISTS");
        if (orReplace && ifNotExists) {
            throw SnowflakeError.compilation("OR REPLACE and IF NOT EXISTS are incompatible.");
        }
        CreateHeader h = new CreateHeader(orReplace, temporary, ifNotExists);
        commitOpenTransaction();
        return switch (kind) {
            case "DATABASE" -> createDatabase(h);
            case "SCHEMA" -> createSchema(h);
            case "TABLE" -> createTable(h);
            case "VIEW" -> createView(h);
            case "WAREHOUSE" -> createWarehouse(h);
            case "STAGE", "FILE_FORMAT", "STORAGE_INTEGRATION", "NOTIFICATION_INTEGRATION" ->
                    new StageDdl(x).create(kind, h);
            case "INTEGRATION" -> throw SnowflakeError.unsupported("CREATE INTEGRATION without STORAGE or NOTIFICATION");
            case "PIPE" -> x.engine.services().pipes().create(x, h);
            case "STREAM" -> x.engine.services().streams().create(x, h);
            case "TASK" -> x.engine.services().tasks().create(x, h);
            default -> throw SnowflakeError.unsupported("CREATE " + kind);
        };
    }

    /** Snowflake commits an open transaction before running DDL. */
    void commitOpenTransaction() throws SQLException {
        if (x.session.inExplicitTransaction()) {
            new Scripting(x).commit();
        }
    }

    /**
     * Handles OR REPLACE and IF NOT EXISTS for an object about to be created: returns a result when
     * the statement is already done (exists, IF NOT EXISTS), drops the old object for OR REPLACE, and
     * refuses a plain CREATE of an existing object.
     */
    Result existing(CatalogKind kind, ObjectRef ref, CreateHeader h) throws SQLException {
        CatalogObject old = kind == CatalogKind.TABLE || kind == CatalogKind.VIEW
                ? catalog.findRelation(ref).orElse(null) : catalog.find(kind, ref).orElse(null);
        if (old == null) {
            return null;
        }
        if (h.ifNotExists()) {
            return Result.ddl(Names.display(ref.name()) + " already exists, statement succeeded.");
        }
        if (!h.orReplace()) {
            throw SnowflakeError.alreadyExists(kind.label(), Names.display(ref.name()));
        }
        if (old.kind() != kind && (kind == CatalogKind.TABLE || kind == CatalogKind.VIEW)) {
            throw SnowflakeError.compilation("Object found is of type '" + old.kind().name() + "', not specified type '"
                    + kind.name() + "'.");
        }
        dropObject(old, true);
        return null;
    }

    private Result createDatabase(CreateHeader h) throws SQLException {
        String db = single(x.translator().nameParts(), "database");
        ObjectNode props = Options.parse(c, Set.of());
        Result done = existing(CatalogKind.DATABASE, ObjectRef.account(db), h);
        if (done != null) {
            return done;
        }
        x.engine.atomic(x.session, () -> {
            catalog.create(x.session.conn(), CatalogKind.DATABASE, ObjectRef.account(db), Options.text(props, "COMMENT"), props, null);
            createSchemaObject(db, "PUBLIC", null);
            return null;
        });
        x.session.database(db);
        x.session.schema("PUBLIC");
        return Result.ddl("Database " + Names.display(db) + " successfully created.");
    }

    private static String single(List<String> parts, String what) {
        if (parts.size() != 1) {
            throw SnowflakeError.compilation("invalid " + what + " name '" + String.join(".", parts) + "'");
        }
        return parts.get(0);
    }

    private Result createSchema(CreateHeader h) throws SQLException {
        List<String> parts = x.translator().nameParts();
        String db = parts.size() == 2 ? parts.get(0) : x.session.database();
        String schema = parts.get(parts.size() - 1);
        if (db == null) {
            throw SnowflakeError.noCurrentDatabase("CREATE SCHEMA");
        }
        if (!catalog.databaseExists(db)) {
            throw SnowflakeError.doesNotExist("Database", Names.display(db));
        }
        c.acceptAll("WITH", "MANAGED", "ACCESS");
        ObjectNode props = Options.parse(c, Set.of());
        Result done = existing(CatalogKind.SCHEMA, new ObjectRef(db, null, schema), h);
        if (done != null) {
            return done;
        }
        x.engine.atomic(x.session, () -> {
            createSchemaObject(db, schema, Options.text(props, "COMMENT"));
            return null;
        });
        x.session.database(db);
        x.session.schema(schema);
        return Result.ddl("Schema " + Names.display(schema) + " successfully created.");
    }

    private void createSchemaObject(String db, String schema, String comment) throws SQLException {
        Engine.exec(x.session, "CREATE SCHEMA IF NOT EXISTS " + Names.schema(db, schema));
        catalog.create(x.session.conn(), CatalogKind.SCHEMA, new ObjectRef(db, null, schema), comment, null, null);
    }

    private Result createWarehouse(CreateHeader h) throws SQLException {
        String wh = single(x.translator().nameParts(), "warehouse");
        ObjectNode props = Options.parse(c, Set.of());
        Result done = existing(CatalogKind.WAREHOUSE, ObjectRef.account(wh), h);
        if (done != null) {
            return done;
        }
        x.engine.atomic(x.session, () -> catalog.create(x.session.conn(), CatalogKind.WAREHOUSE, ObjectRef.account(wh),
                Options.text(props, "COMMENT"), props, null));
        x.session.warehouse(wh);
        return Result.ddl("Warehouse " + Names.display(wh) + " successfully created.");
    }

    // ---------------------------------------------------------------- tables

    private Result createTable(CreateHeader h) throws SQLException {
        ObjectRef ref = x.name("CREATE TABLE");
        x.requireSchema(ref);
        List<ColumnDef> columns = new ArrayList<>();
        List<String> duckColumns = new ArrayList<>();
        if (c.isWord("LIKE") || c.isWord("CLONE") || c.isWord("USING")) {
            throw SnowflakeError.unsupported("CREATE TABLE ... " + c.peek().upper());
        }
        if (c.peek().is(TokenType.LEFT_PAREN)) {
            c.next();
            columnDefinitions(columns, duckColumns);
            c.expect(TokenType.RIGHT_PAREN);
        }
        ObjectNode props = Options.parse(c, Set.of("AS"));
        String query = null;
        if (c.accept("AS")) {
            query = x.translator().query(false);
        }
        if (!c.atEnd()) {
            throw c.unexpected();
        }
        if (query == null && columns.isEmpty()) {
            throw SnowflakeError.compilation("A table needs at least one column.");
        }
        Result done = existing(CatalogKind.TABLE, ref, h);
        if (done != null) {
            return done;
        }
        if (h.temporary()) {
            props.put("TEMPORARY", true);
        }
        String q = query;
        x.engine.atomic(x.session, () -> {
            if (q == null) {
                Engine.exec(x.session, "CREATE TABLE " + ref.duckName() + " (" + String.join(", ", duckColumns) + ")");
                catalog.create(x.session.conn(), CatalogKind.TABLE, ref, Options.text(props, "COMMENT"), props, columns);
            } else if (columns.isEmpty()) {
                Engine.exec(x.session, "CREATE TABLE " + ref.duckName() + " AS " + q);
                catalog.create(x.session.conn(), CatalogKind.TABLE, ref, Options.text(props, "COMMENT"), props,
                        describeColumns(ref.duckName()));
            } else {
                Engine.exec(x.session, "CREATE TABLE " + ref.duckName() + " (" + String.join(", ", duckColumns) + ")");
                Engine.exec(x.session, "INSERT INTO " + ref.duckName() + " " + q);
                catalog.create(x.session.conn(), CatalogKind.TABLE, ref, Options.text(props, "COMMENT"), props, columns);
            }
            x.session.pendingStreamOffsets().putAll(x.streamsRead);
            return null;
        });
        if (Options.bool(props, "CHANGE_TRACKING", false)) {
            CatalogObject table = catalog.require(CatalogKind.TABLE, ref);
            x.engine.atomic(x.session, () -> {
                x.engine.services().streams().enableTracking(x.session, table);
                return null;
            });
        }
        return Result.ddl("Table " + Names.display(ref.name()) + " successfully created.");
    }

    private void columnDefinitions(List<ColumnDef> columns, List<String> duckColumns) {
        Translator tr = x.translator();
        do {
            if (c.isWord("CONSTRAINT") || c.isWord("PRIMARY") || c.isWord("UNIQUE") || c.isWord("FOREIGN")) {
                skipConstraint();
                continue;
            }
            Token nameToken = c.next();
            if (!nameToken.isIdentifier()) {
                c.reset(c.position() - 1);
                throw c.unexpected();
            }
            String name = nameToken.identifierName();
            if (columns.stream().anyMatch(col -> col.name().equals(name))) {
                throw SnowflakeError.compilation("duplicate column name '" + name + "'");
            }
            ColumnSpec spec = columnSpec(tr);
            columns.add(new ColumnDef(name, spec.type.canonical(), spec.nullable, spec.defaultText, spec.comment));
            duckColumns.add(Names.quote(name) + " " + spec.type.duck() + (spec.nullable ? "" : " NOT NULL")
                    + (spec.defaultSql == null ? "" : " DEFAULT " + spec.defaultSql));
        } while (c.accept(TokenType.COMMA));
    }

    private record ColumnSpec(SnowflakeTypes type, boolean nullable, String defaultSql, String defaultText, String comment) {
    }

    private ColumnSpec columnSpec(Translator tr) {
        SnowflakeTypes type = SnowflakeTypes.parse(c);
        boolean nullable = true;
        String defaultSql = null;
        String defaultText = null;
        String comment = null;
        while (!c.peek().is(TokenType.COMMA) && !c.peek().is(TokenType.RIGHT_PAREN) && !c.atEnd()) {
            if (c.acceptAll("NOT", "NULL")) {
                nullable = false;
            } else if (c.accept("NULL")) {
                nullable = true;
            } else if (c.accept("DEFAULT")) {
                int start = c.position();
                defaultSql = tr.expression(Set.of("NOT", "NULL", "COMMENT", "PRIMARY", "UNIQUE", "COLLATE", "CONSTRAINT",
                        "REFERENCES", "WITH"), true);
                defaultText = c.textFrom(start);
            } else if (c.accept("COMMENT")) {
                comment = c.expect(TokenType.STRING).value();
            } else if (c.accept("COLLATE")) {
                c.expect(TokenType.STRING);
            } else if (c.acceptAll("PRIMARY", "KEY") || c.accept("UNIQUE")) {
                // declared, not enforced (as in Snowflake)
            } else if (c.accept("AUTOINCREMENT") || c.accept("IDENTITY")) {
                throw SnowflakeError.unsupported("AUTOINCREMENT / IDENTITY columns");
            } else if (c.accept("CONSTRAINT")) {
                c.next();
            } else if (c.accept("REFERENCES")) {
                x.translator().nameParts();
                if (c.peek().is(TokenType.LEFT_PAREN)) {
                    c.next();
                    x.translator().identifierList();
                    c.expect(TokenType.RIGHT_PAREN);
                }
            } else if (c.isWord("WITH") || c.isWord("MASKING") || c.isWord("TAG")) {
                throw SnowflakeError.unsupported("column policies and tags");
            } else {
                throw c.unexpected();
            }
        }
        return new ColumnSpec(type, nullable, defaultSql, defaultText, comment);
    }

    private void skipConstraint() {
        int depth = 0;
        while (!c.atEnd()) {
            Token t = c.peek();
            if (depth == 0 && (t.is(TokenType.COMMA) || t.is(TokenType.RIGHT_PAREN))) {
                return;
            }
            if (t.is(TokenType.LEFT_PAREN)) {
                depth++;
            } else if (t.is(TokenType.RIGHT_PAREN)) {
                depth--;
            }
            c.next();
        }
    }

    /** Snowflake column definitions for a DuckDB relation (after CREATE TABLE AS or a view). */
    List<ColumnDef> describeColumns(String duckRelation) throws SQLException {
        List<ColumnDef> out = new ArrayList<>();
        try (Statement s = x.session.conn().createStatement();
             ResultSet rs = s.executeQuery("DESCRIBE " + duckRelation)) {
            while (rs.next()) {
                out.add(new ColumnDef(Names.decode(rs.getString("column_name")), snowflakeType(rs.getString("column_type")),
                        !"NO".equals(rs.getString("null")), null, null));
            }
        }
        return out;
    }

    static String snowflakeType(String duckType) {
        String t = duckType.toUpperCase(Locale.ROOT);
        if (t.startsWith("DECIMAL")) {
            return "NUMBER" + t.substring("DECIMAL".length()).replace(" ", "");
        }
        return switch (t) {
            case "TINYINT", "SMALLINT", "INTEGER", "BIGINT", "HUGEINT", "UBIGINT", "UINTEGER" -> "NUMBER(38,0)";
            case "DOUBLE", "FLOAT" -> "FLOAT";
            case "BOOLEAN" -> "BOOLEAN";
            case "DATE" -> "DATE";
            case "TIME" -> "TIME(9)";
            case "TIMESTAMP" -> "TIMESTAMP_NTZ(9)";
            case "TIMESTAMP WITH TIME ZONE" -> "TIMESTAMP_LTZ(9)";
            case "JSON" -> "VARIANT";
            case "BLOB" -> "BINARY(8388608)";
            default -> "VARCHAR(16777216)";
        };
    }

    // ---------------------------------------------------------------- views

    private Result createView(CreateHeader h) throws SQLException {
        ObjectRef ref = x.name("CREATE VIEW");
        x.requireSchema(ref);
        String columnList = "";
        if (c.peek().is(TokenType.LEFT_PAREN)) {
            c.next();
            List<String> cols = new ArrayList<>();
            do {
                cols.add(Names.quote(c.next().identifierName()));
                if (c.accept("COMMENT")) {
                    c.expect(TokenType.STRING);
                }
            } while (c.accept(TokenType.COMMA));
            c.expect(TokenType.RIGHT_PAREN);
            columnList = " (" + String.join(", ", cols) + ")";
        }
        ObjectNode props = Options.parse(c, Set.of("AS"));
        c.expect("AS");
        int bodyStart = c.position();
        x.viewDefinition = true;
        x.resolveWithin(ref.db(), ref.schema());
        String query;
        try {
            query = x.translator().query(true);
        } finally {
            x.viewDefinition = false;
            x.resolveWithin(null, null);
        }
        String text = c.textFrom(bodyStart);
        if (!c.atEnd()) {
            throw c.unexpected();
        }
        x.streamsRead.clear();
        Result done = existing(CatalogKind.VIEW, ref, h);
        if (done != null) {
            return done;
        }
        props.put("TEXT", x.sql);
        props.put("BODY", text);
        String cl = columnList;
        x.engine.atomic(x.session, () -> {
            Engine.exec(x.session, "CREATE VIEW " + ref.duckName() + cl + " AS " + query);
            catalog.create(x.session.conn(), CatalogKind.VIEW, ref, Options.text(props, "COMMENT"), props,
                    describeColumns(ref.duckName()));
            return null;
        });
        return Result.ddl("View " + Names.display(ref.name()) + " successfully created.");
    }

    // ---------------------------------------------------------------- DROP

    Result drop() throws SQLException {
        c.expect("DROP");
        String kindWord = c.next().upper();
        if (kindWord.equals("FILE") || kindWord.equals("STORAGE") || kindWord.equals("NOTIFICATION")) {
            kindWord = kindWord + "_" + c.next().upper();
        }
        CatalogKind kind = switch (kindWord) {
            case "DATABASE" -> CatalogKind.DATABASE;
            case "SCHEMA" -> CatalogKind.SCHEMA;
            case "TABLE" -> CatalogKind.TABLE;
            case "VIEW" -> CatalogKind.VIEW;
            case "STAGE" -> CatalogKind.STAGE;
            case "FILE_FORMAT" -> CatalogKind.FILE_FORMAT;
            case "STORAGE_INTEGRATION" -> CatalogKind.STORAGE_INTEGRATION;
            case "NOTIFICATION_INTEGRATION" -> CatalogKind.NOTIFICATION_INTEGRATION;
            case "INTEGRATION" -> null;
            case "PIPE" -> CatalogKind.PIPE;
            case "STREAM" -> CatalogKind.STREAM;
            case "TASK" -> CatalogKind.TASK;
            case "WAREHOUSE" -> CatalogKind.WAREHOUSE;
            default -> throw SnowflakeError.unsupported("DROP " + kindWord);
        };
        boolean ifExists = c.acceptAll("IF", "EXISTS");
        List<String> parts = x.translator().nameParts();
        c.accept("CASCADE");
        c.accept("RESTRICT");
        if (!c.atEnd()) {
            throw c.unexpected();
        }
        commitOpenTransaction();
        CatalogObject o = findForDrop(kind, parts);
        String display = Names.display(parts.get(parts.size() - 1));
        if (o == null) {
            if (ifExists) {
                return Result.ddl("Drop statement executed successfully (" + display + " already dropped).");
            }
            throw SnowflakeError.doesNotExist(kind == null ? "Integration" : kind.label(), String.join(".", parts));
        }
        dropObject(o, false);
        if (o.kind() == CatalogKind.DATABASE && o.name().equals(x.session.database())) {
            x.session.database(null);
            x.session.schema(null);
        } else if (o.kind() == CatalogKind.SCHEMA && o.name().equals(x.session.schema())
                && o.ref().db().equals(x.session.database())) {
            x.session.schema(null);
        }
        return Result.ddl(display + " successfully dropped.");
    }

    private CatalogObject findForDrop(CatalogKind kind, List<String> parts) {
        if (kind == null) {
            ObjectRef ref = ObjectRef.account(single(parts, "integration"));
            return catalog.find(CatalogKind.STORAGE_INTEGRATION, ref)
                    .or(() -> catalog.find(CatalogKind.NOTIFICATION_INTEGRATION, ref)).orElse(null);
        }
        if (kind.isAccountLevel()) {
            return catalog.find(kind, ObjectRef.account(single(parts, kind.label()))).orElse(null);
        }
        if (kind == CatalogKind.SCHEMA) {
            String db = parts.size() == 2 ? parts.get(0) : x.session.database();
            if (db == null) {
                throw SnowflakeError.noCurrentDatabase("DROP SCHEMA");
            }
            return catalog.find(kind, new ObjectRef(db, null, parts.get(parts.size() - 1))).orElse(null);
        }
        return catalog.find(kind, x.resolve(parts, "DROP")).orElse(null);
    }

    /** Drops an object and whatever lives inside it, in one transaction. */
    void dropObject(CatalogObject o, boolean replacing) throws SQLException {
        x.engine.atomic(x.session, () -> {
            dropInside(o, replacing);
            return null;
        });
        if (o.kind() == CatalogKind.STAGE) {
            x.engine.stages().deleteStageFiles(o);
        }
    }

    private void dropInside(CatalogObject o, boolean replacing) throws SQLException {
        Services services = x.engine.services();
        switch (o.kind()) {
            case DATABASE -> {
                for (CatalogObject inner : catalog.contents(o.name(), null)) {
                    if (inner.kind() == CatalogKind.SCHEMA) {
                        dropInside(inner, false);
                    }
                }
            }
            case SCHEMA -> {
                for (CatalogObject inner : catalog.contents(o.ref().db(), o.name())) {
                    dropInside(inner, false);
                    if (inner.kind() == CatalogKind.STAGE) {
                        x.engine.stages().deleteStageFiles(inner);
                    }
                }
                Engine.exec(x.session, "DROP SCHEMA IF EXISTS " + Names.schema(o.ref().db(), o.name()) + " CASCADE");
            }
            case TABLE -> {
                services.streams().tableDropped(x.session, o, replacing);
                Engine.exec(x.session, "DROP TABLE IF EXISTS " + o.ref().duckName());
            }
            case VIEW -> Engine.exec(x.session, "DROP VIEW IF EXISTS " + o.ref().duckName());
            case PIPE -> services.pipes().dropped(x.session, o);
            case STREAM -> services.streams().dropped(x.session, o);
            case TASK -> services.tasks().dropped(x.session, o);
            default -> {
            }
        }
        catalog.remove(x.session.conn(), o);
    }

    // ---------------------------------------------------------------- ALTER

    Result alter() throws SQLException {
        c.expect("ALTER");
        String kind = c.next().upper();
        if (kind.equals("FILE") || kind.equals("STORAGE") || kind.equals("NOTIFICATION")) {
            kind = kind + "_" + c.next().upper();
        }
        if (kind.equals("SESSION")) {
            Options.parse(c, Set.of());
            return Result.status(StatementKind.ALTER_SESSION, "Statement executed successfully.");
        }
        commitOpenTransaction();
        return switch (kind) {
            case "TABLE" -> alterTable();
            case "PIPE" -> x.engine.services().pipes().alter(x);
            case "TASK" -> x.engine.services().tasks().alter(x);
            case "STREAM" -> alterComment(CatalogKind.STREAM);
            case "VIEW" -> alterComment(CatalogKind.VIEW);
            case "DATABASE", "SCHEMA", "WAREHOUSE" -> alterAccountLevel(kind);
            case "STAGE", "FILE_FORMAT", "STORAGE_INTEGRATION", "NOTIFICATION_INTEGRATION", "INTEGRATION" ->
                    new StageDdl(x).alter(kind);
            default -> throw SnowflakeError.unsupported("ALTER " + kind);
        };
    }

    private Result alterAccountLevel(String kind) throws SQLException {
        c.acceptAll("IF", "EXISTS");
        List<String> parts = x.translator().nameParts();
        if (c.accept("SET")) {
            ObjectNode props = Options.parse(c, Set.of());
            CatalogObject o = switch (kind) {
                case "DATABASE" -> catalog.require(CatalogKind.DATABASE, ObjectRef.account(parts.get(0)));
                case "WAREHOUSE" -> catalog.find(CatalogKind.WAREHOUSE, ObjectRef.account(parts.get(0))).orElse(null);
                default -> catalog.require(CatalogKind.SCHEMA, new ObjectRef(parts.size() == 2 ? parts.get(0) : x.session.database(),
                        null, parts.get(parts.size() - 1)));
            };
            if (o != null) {
                props.fields().forEachRemaining(e -> o.props().set(e.getKey(), e.getValue()));
                if (props.has("COMMENT")) {
                    o.comment(props.get("COMMENT").asText());
                }
                x.engine.atomic(x.session, () -> {
                    catalog.save(x.session.conn(), o);
                    return null;
                });
            }
            return Result.ddl("Statement executed successfully.");
        }
        if (kind.equals("WAREHOUSE")) {
            Options.parse(c, Set.of());
            return Result.ddl("Statement executed successfully.");
        }
        throw SnowflakeError.unsupported("ALTER " + kind + " " + c.peek().upper());
    }

    private Result alterComment(CatalogKind kind) throws SQLException {
        c.acceptAll("IF", "EXISTS");
        CatalogObject o = catalog.require(kind, x.name("ALTER"));
        if (c.accept("SET")) {
            ObjectNode props = Options.parse(c, Set.of());
            if (props.has("COMMENT")) {
                o.comment(props.get("COMMENT").asText());
            }
        } else if (c.acceptAll("UNSET", "COMMENT")) {
            o.comment(null);
        } else {
            throw SnowflakeError.unsupported("ALTER " + kind.name() + " " + c.peek().upper());
        }
        x.engine.atomic(x.session, () -> {
            catalog.save(x.session.conn(), o);
            return null;
        });
        return Result.ddl("Statement executed successfully.");
    }

    private Result alterTable() throws SQLException {
        CatalogObject table = x.alterTarget(CatalogKind.TABLE, "Table");
        if (table == null) {
            return Result.ddl("Statement executed successfully.");
        }
        ObjectRef ref = table.ref();
        Streams streams = x.engine.services().streams();
        if (c.accept("ADD")) {
            c.accept("COLUMN");
            boolean ifNotExists = c.acceptAll("IF", "NOT", "EXISTS");
            List<ColumnDef> added = new ArrayList<>();
            List<String> duck = new ArrayList<>();
            columnDefinitions(added, duck);
            List<ColumnDef> all = new ArrayList<>(table.columns());
            x.engine.atomic(x.session, () -> {
                for (int i = 0; i < added.size(); i++) {
                    ColumnDef col = added.get(i);
                    if (all.stream().anyMatch(e -> e.name().equals(col.name()))) {
                        if (ifNotExists) {
                            continue;
                        }
                        throw SnowflakeError.compilation("column '" + col.name() + "' already exists");
                    }
                    all.add(col);
                    streams.alterColumns(x.session, table, "ADD COLUMN " + duck.get(i), ref);
                }
                table.columns(all);
                streams.refreshView(x.session, table);
                catalog.save(x.session.conn(), table);
                return null;
            });
            return Result.ddl("Statement executed successfully.");
        }
        if (c.accept("DROP")) {
            c.accept("COLUMN");
            boolean ifColExists = c.acceptAll("IF", "EXISTS");
            List<String> names = new ArrayList<>();
            do {
                names.add(c.next().identifierName());
            } while (c.accept(TokenType.COMMA));
            x.engine.atomic(x.session, () -> {
                List<ColumnDef> all = new ArrayList<>(table.columns());
                for (String n : names) {
                    if (all.removeIf(col -> col.name().equals(n))) {
                        streams.alterColumns(x.session, table, "DROP COLUMN " + Names.quote(n), ref);
                    } else if (!ifColExists) {
                        throw SnowflakeError.invalidIdentifier(Names.display(n));
                    }
                }
                if (all.isEmpty()) {
                    throw SnowflakeError.compilation("Cannot drop the last column of a table");
                }
                table.columns(all);
                streams.refreshView(x.session, table);
                catalog.save(x.session.conn(), table);
                return null;
            });
            return Result.ddl("Statement executed successfully.");
        }
        if (c.acceptAll("RENAME", "COLUMN")) {
            String from = c.next().identifierName();
            c.expect("TO");
            String to = c.next().identifierName();
            x.engine.atomic(x.session, () -> {
                List<ColumnDef> all = new ArrayList<>();
                boolean found = false;
                for (ColumnDef col : table.columns()) {
                    if (col.name().equals(from)) {
                        all.add(new ColumnDef(to, col.sfType(), col.nullable(), col.defaultExpr(), col.comment()));
                        found = true;
                    } else {
                        all.add(col);
                    }
                }
                if (!found) {
                    throw SnowflakeError.invalidIdentifier(Names.display(from));
                }
                streams.alterColumns(x.session, table, "RENAME COLUMN " + Names.quote(from) + " TO " + Names.quote(to), ref);
                table.columns(all);
                streams.refreshView(x.session, table);
                catalog.save(x.session.conn(), table);
                return null;
            });
            return Result.ddl("Statement executed successfully.");
        }
        if (c.accept("SET")) {
            ObjectNode props = Options.parse(c, Set.of());
            if (props.has("COMMENT")) {
                table.comment(props.get("COMMENT").asText());
            }
            props.fields().forEachRemaining(e -> table.props().set(e.getKey(), e.getValue()));
            x.engine.atomic(x.session, () -> {
                if (Options.bool(props, "CHANGE_TRACKING", false)) {
                    streams.enableTracking(x.session, table);
                }
                catalog.save(x.session.conn(), table);
                return null;
            });
            return Result.ddl("Statement executed successfully.");
        }
        if (c.isWord("CLUSTER") || c.isWord("DROP") || c.isWord("RECLUSTER") || c.isWord("SUSPEND") || c.isWord("RESUME")) {
            Options.parse(c, Set.of());
            return Result.ddl("Statement executed successfully.");
        }
        if (c.isWord("RENAME") || c.isWord("SWAP")) {
            throw SnowflakeError.unsupported("ALTER TABLE ... " + c.peek().upper() + " TO");
        }
        if (c.isWord("ALTER") || c.isWord("MODIFY")) {
            throw SnowflakeError.unsupported("ALTER TABLE ... " + c.peek().upper() + " COLUMN");
        }
        throw c.unexpected();
    }

    // ---------------------------------------------------------------- USE, COMMENT

    Result use() {
        c.expect("USE");
        String what = c.peek().upper();
        switch (what) {
            case "WAREHOUSE" -> {
                c.next();
                x.session.warehouse(single(x.translator().nameParts(), "warehouse"));
            }
            case "ROLE" -> {
                c.next();
                x.session.role(single(x.translator().nameParts(), "role"));
            }
            case "SECONDARY" -> {
                Options.parse(c, Set.of());
                return Result.status(StatementKind.USE, "Statement executed successfully.");
            }
            case "SCHEMA" -> {
                c.next();
                useSchema(x.translator().nameParts());
            }
            case "DATABASE" -> {
                c.next();
                useDatabase(single(x.translator().nameParts(), "database"));
            }
            default -> {
                List<String> parts = x.translator().nameParts();
                if (parts.size() == 1) {
                    useDatabase(parts.get(0));
                } else {
                    useSchema(parts);
                }
            }
        }
        return Result.status(StatementKind.USE, "Statement executed successfully.");
    }

    private void useDatabase(String db) {
        if (!catalog.databaseExists(db)) {
            throw new SnowflakeError("002043", "02000", "SQL compilation error:\nObject does not exist, or operation cannot be performed.");
        }
        x.session.database(db);
        x.session.schema(catalog.schemaExists(db, "PUBLIC") ? "PUBLIC" : null);
    }

    private void useSchema(List<String> parts) {
        String db = parts.size() == 2 ? parts.get(0) : x.session.database();
        String schema = parts.get(parts.size() - 1);
        if (db == null || !catalog.schemaExists(db, schema)) {
            throw new SnowflakeError("002043", "02000", "SQL compilation error:\nObject does not exist, or operation cannot be performed.");
        }
        x.session.database(db);
        x.session.schema(schema);
    }

    Result commentOn() throws SQLException {
        c.expect("COMMENT");
        c.acceptAll("IF", "EXISTS");
        c.expect("ON");
        String kindWord = c.next().upper();
        if (kindWord.equals("COLUMN")) {
            List<String> parts = x.translator().nameParts();
            c.expect("IS");
            c.expect(TokenType.STRING);
            if (parts.size() < 2) {
                throw SnowflakeError.compilation("COMMENT ON COLUMN needs table.column");
            }
            return Result.ddl("Statement executed successfully.");
        }
        CatalogKind kind = switch (kindWord) {
            case "TABLE" -> CatalogKind.TABLE;
            case "VIEW" -> CatalogKind.VIEW;
            case "STAGE" -> CatalogKind.STAGE;
            case "PIPE" -> CatalogKind.PIPE;
            case "STREAM" -> CatalogKind.STREAM;
            case "TASK" -> CatalogKind.TASK;
            default -> throw SnowflakeError.unsupported("COMMENT ON " + kindWord);
        };
        CatalogObject o = catalog.require(kind, x.name("COMMENT"));
        c.expect("IS");
        o.comment(c.expect(TokenType.STRING).value());
        x.engine.atomic(x.session, () -> {
            catalog.save(x.session.conn(), o);
            return null;
        });
        return Result.ddl("Statement executed successfully.");
    }
}

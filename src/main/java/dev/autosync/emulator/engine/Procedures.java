package dev.autosync.emulator.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autosync.emulator.base.SnowflakeError;
import dev.autosync.emulator.sql.Cursor;
import dev.autosync.emulator.sql.SnowflakeTypes;
import dev.autosync.sql.Token;
import dev.autosync.sql.TokenType;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Stored procedures ("CREATE PROCEDURE", "CALL", "DROP PROCEDURE", "SHOW PROCEDURES"): kept in the
 * catalog with their arguments, return type, language and body. CALL runs a subset of each language:
 * Snowflake Scripting through {@link ScriptingBlock}; JavaScript as far as
 * {@code snowflake.execute({sqlText: '...'})} statements, {@code var x = <constant>} and
 * {@code return <constant>} go. Anything else in a body is refused by name when called, never run
 * differently. One procedure per name (UNVERIFIED: Snowflake overloads by argument types).
 */
final class Procedures {
    private final Catalog catalog;
    private final Transactions transactions;
    private final ExistingObjects existing;

    Procedures(Catalog catalog, Transactions transactions, ExistingObjects existing) {
        this.catalog = catalog;
        this.transactions = transactions;
        this.existing = existing;
    }

    /** Whether the statement at the cursor is CREATE [OR REPLACE] [SECURE] [TEMPORARY] PROCEDURE. */
    static boolean isCreate(Cursor c) {
        return CreateHeader.isCreateOf(c, "PROCEDURE");
    }

    Result create(StatementContext st) throws SQLException {
        Cursor c = st.cursor();
        CreateHeader h = CreateHeader.parse(c);
        ObjectRef ref = st.name("CREATE PROCEDURE");
        catalog.requireSchema(ref);
        ObjectNode props = JsonNodeFactory.instance.objectNode();
        var args = props.putArray("ARGUMENTS");
        c.expect(TokenType.LEFT_PAREN);
        if (!c.accept(TokenType.RIGHT_PAREN)) {
            do {
                String name = c.next().identifierName();
                SnowflakeTypes type = SnowflakeTypes.parse(c);
                if (c.accept("DEFAULT")) {
                    throw SnowflakeError.unsupported("procedure arguments with DEFAULT");
                }
                args.addObject().put("name", name).put("type", type.canonical()).put("duck", type.duck());
            } while (c.accept(TokenType.COMMA));
            c.expect(TokenType.RIGHT_PAREN);
        }
        c.expect("RETURNS");
        if (c.isWord("TABLE")) {
            int start = c.position();
            c.next();
            skipParens(c);
            props.put("RETURNS", c.textFrom(start)).put("RETURNS_TABLE", true);
        } else {
            SnowflakeTypes type = SnowflakeTypes.parse(c);
            props.put("RETURNS", type.canonical()).put("RETURNS_DUCK", type.duck());
        }
        String comment = null;
        while (!c.isWord("AS") && !c.atEnd()) {
            if (c.accept("EXECUTE")) {
                c.expect("AS");
                c.accept("RESTRICTED");
                c.next(); // CALLER | OWNER: the emulator has one user's rights either way
            } else if (c.accept("LANGUAGE")) {
                props.put("LANGUAGE", c.next().upper());
            } else if (c.accept("COMMENT")) {
                c.acceptOperator("=");
                comment = c.expect(TokenType.STRING).value();
            } else if (c.peek().is(TokenType.LEFT_PAREN)) {
                skipParens(c);
            } else {
                c.next(); // NOT NULL, EXECUTE AS ..., CALLED ON NULL INPUT, STRICT, VOLATILE, RUNTIME_VERSION = ...: kept nowhere
            }
        }
        c.expect("AS");
        Token body = c.expect(TokenType.STRING);
        if (!c.atEnd()) {
            throw c.unexpected();
        }
        String language = props.path("LANGUAGE").asText("SQL");
        if (!language.equals("SQL") && !language.equals("JAVASCRIPT")) {
            throw SnowflakeError.unsupported("stored procedures in LANGUAGE " + language);
        }
        props.put("LANGUAGE", language).put("BODY", body.value());
        Result done = existing.check(st.session(), CatalogKind.PROCEDURE, ref, h);
        if (done != null) {
            return done;
        }
        Session s = st.session();
        String remark = comment;
        transactions.atomically(s, () -> catalog.create(s.conn(), CatalogKind.PROCEDURE, ref, remark, props, List.of()));
        return Result.ddl("Function " + ref.name() + " successfully created.");
    }

    private static void skipParens(Cursor c) {
        int depth = 0;
        do {
            Token t = c.next();
            if (t.is(TokenType.LEFT_PAREN)) {
                depth++;
            } else if (t.is(TokenType.RIGHT_PAREN)) {
                depth--;
            } else if (t.is(TokenType.END)) {
                throw c.unexpectedPrevious();
            }
        } while (depth > 0);
    }

    /** SHOW PROCEDURES: the user-defined procedures in scope, with the page's columns. */
    static Result show(List<CatalogObject> procedures) {
        List<Object[]> rows = new ArrayList<>();
        for (CatalogObject p : procedures) {
            List<String> types = new ArrayList<>();
            p.props().path("ARGUMENTS").forEach(a -> types.add(a.path("type").asText()));
            rows.add(new Object[] {ObjectRows.created(p), p.name(), p.ref().schema(), "N", "N", "N", (long) types.size(),
                    (long) types.size(), p.name() + "(" + String.join(", ", types) + ") RETURN " + p.prop("RETURNS"),
                    p.comment() == null ? "user-defined procedure" : p.comment(), p.ref().db(),
                    p.flag("RETURNS_TABLE") ? "Y" : "N", "N", "N"});
        }
        return new Result(StatementKind.SHOW, List.of(new ResultColumn("created_on", SfType.TIMESTAMP_LTZ), ResultColumn.text("name"),
                ResultColumn.text("schema_name"), ResultColumn.text("is_builtin"), ResultColumn.text("is_aggregate"),
                ResultColumn.text("is_ansi"), ResultColumn.number("min_num_arguments"), ResultColumn.number("max_num_arguments"),
                ResultColumn.text("arguments"), ResultColumn.text("description"), ResultColumn.text("catalog_name"),
                ResultColumn.text("is_table_function"), ResultColumn.text("valid_for_clustering"), ResultColumn.text("is_secure")),
                rows);
    }

    /** CALL name(args): one row, one column named after the procedure, of its return type. */
    Result call(StatementContext st, StatementRunner runner) {
        Cursor c = st.cursor();
        c.expect("CALL");
        List<String> parts = st.translator().nameParts();
        if (parts.size() == 1 && parts.get(0).startsWith("SYSTEM$")) {
            // a system function called as a procedure ("CALL SYSTEM$WAIT(10)" on the SYSTEM$WAIT page)
            return runner.run(st.session(), "SELECT " + st.text().strip().substring(4).strip(), List.of());
        }
        ObjectRef ref = st.resolve(parts, "CALL");
        CatalogObject p = catalog.find(CatalogKind.PROCEDURE, ref)
                .orElseThrow(() -> SnowflakeError.doesNotExist("Procedure", ref.display()));
        c.expect(TokenType.LEFT_PAREN);
        List<String> argSql = new ArrayList<>();
        // each argument's Snowflake text, evaluated below with SELECT (so binds are not supported here)
        int depth = 0;
        int start = c.position();
        while (true) {
            Token t = c.peek();
            if (t.is(TokenType.END) || t.is(TokenType.SEMICOLON)) {
                throw c.unexpected();
            }
            if (depth == 0 && (t.is(TokenType.COMMA) || t.is(TokenType.RIGHT_PAREN))) {
                if (c.position() > start) {
                    argSql.add(c.textFrom(start));
                } else if (t.is(TokenType.COMMA)) {
                    throw c.unexpected();
                }
                c.next();
                if (t.is(TokenType.RIGHT_PAREN)) {
                    break;
                }
                start = c.position();
                continue;
            }
            if (t.is(TokenType.LEFT_PAREN)) {
                depth++;
            } else if (t.is(TokenType.RIGHT_PAREN)) {
                depth--;
            } else if (t.is(TokenType.PARAMETER)) {
                throw SnowflakeError.unsupported("bind variables in CALL arguments");
            }
            c.next();
        }
        if (!c.atEnd()) {
            throw c.unexpected();
        }
        JsonNode declared = p.props().path("ARGUMENTS");
        if (declared.size() != argSql.size()) {
            throw SnowflakeError.compilation("Incorrect number of arguments passed to stored procedure " + ref.display()
                    + ": " + argSql.size() + " given, " + declared.size() + " expected.");
        }
        if (p.flag("RETURNS_TABLE")) {
            throw SnowflakeError.unsupported("CALL of a procedure that RETURNS TABLE");
        }
        Session s = st.session();
        java.util.Map<String, Object> args = new java.util.LinkedHashMap<>();
        for (int i = 0; i < argSql.size(); i++) {
            Result r = runner.run(s, "SELECT " + argSql.get(i), List.of());
            args.put(declared.get(i).path("name").asText().toUpperCase(Locale.ROOT), r.rows().get(0)[0]);
        }
        String body = p.prop("BODY");
        Object value = "JAVASCRIPT".equals(p.prop("LANGUAGE")) ? JavaScriptSubset.run(body, s, runner)
                : new ScriptingBlock(s, runner, args).run(body);
        SfType type = SfType.fromDuck(p.prop("RETURNS_DUCK"));
        List<Object[]> rows = new ArrayList<>();
        rows.add(new Object[] {value == null ? null : convert(value, type)});
        return new Result(StatementKind.SELECT, List.of(new ResultColumn(p.name(), type)), rows);
    }

    private static Object convert(Object value, SfType type) {
        if (type == SfType.TEXT) {
            return value instanceof Double d && d == Math.rint(d) && !Double.isInfinite(d) ? String.valueOf(d.longValue()) : String.valueOf(value);
        }
        if (type == SfType.REAL) {
            return value instanceof Number n ? n.doubleValue() : Double.parseDouble(String.valueOf(value));
        }
        return value;
    }
}

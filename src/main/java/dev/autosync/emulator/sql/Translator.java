package dev.autosync.emulator.sql;

import dev.autosync.emulator.base.Names;
import dev.autosync.emulator.base.SnowflakeError;
import dev.autosync.sql.Token;
import dev.autosync.sql.TokenType;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Rewrites Snowflake queries and expressions into DuckDB SQL, token by token: names are resolved
 * and mapped (see {@link Names}), string literals re-quoted for DuckDB (which has no backslash
 * escapes), path access ({@code v:a.b}, {@code v['a']}) becomes JSON pointer extraction, casts of
 * VARIANT values unwrap them first, and Snowflake functions get their DuckDB equivalents. Anything
 * it cannot translate faithfully is refused with a Snowflake-shaped error.
 */
public final class Translator {
    /** Words emitted as SQL keywords (never quoted as identifiers). */
    static final Set<String> KEYWORDS = Set.of(
            "SELECT", "FROM", "WHERE", "GROUP", "BY", "HAVING", "QUALIFY", "ORDER", "LIMIT", "OFFSET", "FETCH", "UNION",
            "ALL", "DISTINCT", "AS", "ON", "JOIN", "INNER", "LEFT", "RIGHT", "FULL", "OUTER", "CROSS", "NATURAL", "USING",
            "AND", "OR", "NOT", "IS", "NULL", "TRUE", "FALSE", "IN", "EXISTS", "BETWEEN", "LIKE", "ILIKE", "CASE", "WHEN",
            "THEN", "ELSE", "END", "ASC", "DESC", "NULLS", "FIRST", "LAST", "OVER", "PARTITION", "ROWS", "RANGE",
            "UNBOUNDED", "PRECEDING", "FOLLOWING", "CURRENT", "ROW", "WITH", "RECURSIVE", "INTERVAL", "EXCEPT",
            "INTERSECT", "MINUS", "ESCAPE", "WITHIN", "FILTER", "LATERAL", "ANY", "SOME", "IGNORE", "RESPECT", "EXCLUDE",
            "RENAME", "VALUES", "INTO", "SET", "DEFAULT", "COLLATE", "WINDOW", "ONLY", "NEXT", "TOP");

    /** Clause words that end a select list or an expression inside a query. */
    static final Set<String> CLAUSE = Set.of("FROM", "WHERE", "GROUP", "HAVING", "QUALIFY", "ORDER", "LIMIT", "OFFSET",
            "FETCH", "UNION", "EXCEPT", "INTERSECT", "MINUS", "WINDOW");

    private static final Set<String> JOIN_WORDS = Set.of("JOIN", "INNER", "LEFT", "RIGHT", "FULL", "CROSS", "NATURAL", "OUTER");
    private static final Set<String> NOT_FUNCTIONS = Set.of("IN", "EXISTS", "VALUES", "AS", "ON", "USING", "OVER", "ANY",
            "ALL", "SOME", "THEN", "ELSE", "WHEN", "AND", "OR", "NOT", "FROM", "SELECT", "WHERE", "JOIN", "INTO", "TABLE",
            "LATERAL", "FILTER", "WITHIN", "EXCLUDE", "RENAME", "BY", "DISTINCT", "IS", "LIKE", "ILIKE", "BETWEEN",
            "SET", "WITH", "CASE", "END", "ROW", "DEFAULT");

    private final Cursor c;
    private final SqlContext ctx;
    private final Functions functions;
    private final Deque<Set<String>> ctes = new ArrayDeque<>();

    public Translator(Cursor c, SqlContext ctx) {
        this.c = c;
        this.ctx = ctx;
        this.functions = new Functions(this, ctx);
    }

    public Cursor cursor() {
        return c;
    }

    // ---------------------------------------------------------------- queries

    /** A whole query: WITH, SELECT cores joined by set operators, ORDER BY and LIMIT. */
    public String query(boolean top) {
        StringBuilder sb = new StringBuilder();
        boolean pushed = false;
        if (c.isWord("WITH")) {
            c.next();
            ctes.push(new HashSet<>());
            pushed = true;
            sb.append("WITH ");
            if (c.accept("RECURSIVE")) {
                sb.append("RECURSIVE ");
            }
            do {
                Token name = c.next();
                if (!name.isIdentifier()) {
                    c.reset(c.position() - 1);
                    throw c.unexpected();
                }
                String cte = name.identifierName();
                ctes.peek().add(cte);
                sb.append(Names.quote(cte));
                if (c.peek().is(TokenType.LEFT_PAREN)) {
                    c.next();
                    sb.append(" (").append(String.join(", ", identifierList())).append(')');
                    c.expect(TokenType.RIGHT_PAREN);
                }
                c.expect("AS");
                c.expect(TokenType.LEFT_PAREN);
                sb.append(" AS (").append(query(false)).append(')');
                c.expect(TokenType.RIGHT_PAREN);
                if (c.peek().is(TokenType.COMMA)) {
                    c.next();
                    sb.append(", ");
                } else {
                    break;
                }
            } while (true);
            sb.append(' ');
        }
        try {
            String[] limitFromTop = new String[1];
            sb.append(selectCore(top, limitFromTop));
            while (c.isWord("UNION") || c.isWord("EXCEPT") || c.isWord("INTERSECT") || c.isWord("MINUS")) {
                String op = c.next().upper();
                sb.append(' ').append(op.equals("MINUS") ? "EXCEPT" : op);
                if (c.accept("ALL")) {
                    sb.append(" ALL");
                } else if (c.accept("DISTINCT")) {
                    sb.append(" DISTINCT");
                }
                sb.append(' ').append(selectCore(false, new String[1]));
            }
            if (c.isWords("ORDER", "BY")) {
                c.next();
                c.next();
                sb.append(" ORDER BY ").append(expression(Set.of("LIMIT", "OFFSET", "FETCH"), false));
            }
            if (c.accept("LIMIT")) {
                sb.append(" LIMIT ").append(expression(Set.of("OFFSET"), false));
            }
            if (c.accept("OFFSET")) {
                sb.append(" OFFSET ").append(expression(Set.of("FETCH", "ROWS", "ROW"), false));
                if (!c.accept("ROWS")) {
                    c.accept("ROW");
                }
            }
            if (c.accept("FETCH")) {
                if (!c.accept("FIRST")) {
                    c.expect("NEXT");
                }
                String n = expression(Set.of("ROWS", "ROW"), false);
                if (!c.accept("ROWS")) {
                    c.expect("ROW");
                }
                c.expect("ONLY");
                sb.append(" LIMIT ").append(n);
            } else if (limitFromTop[0] != null) {
                sb.append(" LIMIT ").append(limitFromTop[0]);
            }
            return sb.toString();
        } finally {
            if (pushed) {
                ctes.pop();
            }
        }
    }

    private String selectCore(boolean top, String[] limit) {
        if (c.peek().is(TokenType.LEFT_PAREN)) {
            c.next();
            String inner = query(top);
            c.expect(TokenType.RIGHT_PAREN);
            return "(" + inner + ")";
        }
        if (c.accept("VALUES")) {
            return "VALUES " + expression(Set.of(), false);
        }
        if (!c.accept("SELECT")) {
            throw c.unexpected();
        }
        StringBuilder sb = new StringBuilder("SELECT ");
        if (c.accept("DISTINCT")) {
            sb.append("DISTINCT ");
        } else {
            c.accept("ALL");
        }
        if (c.accept("TOP")) {
            limit[0] = c.expect(TokenType.NUMBER).text();
        }
        sb.append(selectList(top));
        if (c.accept("INTO")) {
            throw SnowflakeError.unsupported("SELECT ... INTO");
        }
        if (c.accept("FROM")) {
            sb.append(" FROM ").append(fromClause());
        }
        if (c.accept("WHERE")) {
            sb.append(" WHERE ").append(expression(CLAUSE, false));
        }
        if (c.isWords("GROUP", "BY")) {
            c.next();
            c.next();
            sb.append(" GROUP BY ").append(expression(CLAUSE, false));
        }
        if (c.accept("HAVING")) {
            sb.append(" HAVING ").append(expression(CLAUSE, false));
        }
        if (c.accept("QUALIFY")) {
            sb.append(" QUALIFY ").append(expression(CLAUSE, false));
        }
        if (c.isWord("WINDOW")) {
            throw SnowflakeError.unsupported("WINDOW clause");
        }
        return sb.toString();
    }

    private String selectList(boolean top) {
        Set<String> stops = new HashSet<>(CLAUSE);
        stops.add("AS");
        stops.add("INTO");
        List<String> items = new ArrayList<>();
        do {
            int start = c.position();
            String expr = expression(stops, true);
            if (expr.isEmpty()) {
                throw c.unexpected();
            }
            int end = c.position();
            String alias = null;
            if (c.accept("AS")) {
                alias = aliasName();
            } else if (startsAlias(c.peek())) {
                alias = aliasName();
            }
            if (alias != null) {
                items.add(expr + " AS " + Names.quote(alias));
            } else if (top && needsLabel(start, end)) {
                items.add(expr + " AS " + Names.quote(label(start, end)));
            } else {
                items.add(expr);
            }
        } while (c.accept(TokenType.COMMA));
        return String.join(", ", items);
    }

    private String aliasName() {
        Token t = c.next();
        if (t.is(TokenType.STRING)) {
            return t.value();
        }
        if (!t.isIdentifier()) {
            c.reset(c.position() - 1);
            throw c.unexpected();
        }
        return t.identifierName();
    }

    /** Snowflake names an unaliased expression by its text; a plain column keeps its own name. */
    private boolean needsLabel(int start, int end) {
        for (int i = start; i < end; i++) {
            Token t = c.token(i);
            boolean nameToken = t.isIdentifier() || t.is(TokenType.POSITIONAL) || t.isOperator("*");
            boolean expectName = (i - start) % 2 == 0;
            if (expectName ? !nameToken : !t.is(TokenType.DOT)) {
                return true;
            }
        }
        return false;
    }

    private String label(int start, int end) {
        StringBuilder sb = new StringBuilder();
        for (int i = start; i < end; i++) {
            Token t = c.token(i);
            if (i > start && c.token(i - 1).offset() + c.token(i - 1).text().length() < t.offset()) {
                sb.append(' ');
            }
            sb.append(t.is(TokenType.QUOTED_IDENTIFIER) ? t.text() : t.text().toUpperCase(Locale.ROOT));
        }
        return sb.toString();
    }

    // ---------------------------------------------------------------- FROM

    /** Table references and joins, up to the next clause. */
    public String fromClause() {
        StringBuilder sb = new StringBuilder(tableReference());
        while (true) {
            if (c.accept(TokenType.COMMA)) {
                sb.append(", ").append(tableReference());
                continue;
            }
            Token t = c.peek();
            if (t.is(TokenType.WORD) && JOIN_WORDS.contains(t.upper())) {
                while (c.peek().is(TokenType.WORD) && JOIN_WORDS.contains(c.peek().upper()) && !c.isWord("JOIN")) {
                    sb.append(' ').append(c.next().upper());
                }
                c.expect("JOIN");
                sb.append(" JOIN ").append(tableReference());
                if (c.accept("ON")) {
                    Set<String> stops = new HashSet<>(CLAUSE);
                    stops.addAll(JOIN_WORDS);
                    sb.append(" ON ").append(expression(stops, false));
                } else if (c.accept("USING")) {
                    c.expect(TokenType.LEFT_PAREN);
                    sb.append(" USING (").append(String.join(", ", identifierList())).append(')');
                    c.expect(TokenType.RIGHT_PAREN);
                }
                continue;
            }
            return sb.toString();
        }
    }

    /** One FROM item with its alias: a table, view, stream, stage, table function or subquery. */
    public String tableReference() {
        Token t = c.peek();
        String relation;
        String defaultAlias = null;
        if (t.is(TokenType.LEFT_PAREN)) {
            c.next();
            if (c.isWord("SELECT") || c.isWord("WITH") || c.isWord("VALUES")) {
                relation = "(" + query(false) + ")";
            } else {
                relation = "(" + fromClause() + ")";
            }
            c.expect(TokenType.RIGHT_PAREN);
        } else if (t.is(TokenType.STAGE_REFERENCE)) {
            c.next();
            Map<String, String> options = new LinkedHashMap<>();
            if (c.peek().is(TokenType.LEFT_PAREN) && c.peek(2).isOperator("=>")) {
                c.next();
                do {
                    String key = c.next().upper();
                    c.expectOperator("=>");
                    Token v = c.next();
                    options.put(key, v.is(TokenType.STRING) ? v.value() : v.is(TokenType.QUOTED_IDENTIFIER) ? v.value() : v.text());
                } while (c.accept(TokenType.COMMA));
                c.expect(TokenType.RIGHT_PAREN);
            }
            SqlContext.Relation r = ctx.stage(t.value(), options);
            relation = r.sql();
            defaultAlias = r.defaultAlias();
        } else if (t.isWord("TABLE") && c.peek(1).is(TokenType.LEFT_PAREN)) {
            c.next();
            c.next();
            SqlContext.Relation r = tableFunction();
            c.expect(TokenType.RIGHT_PAREN);
            relation = r.sql();
            defaultAlias = r.defaultAlias();
        } else if (t.isWord("LATERAL")) {
            c.next();
            if (c.isWord("FLATTEN")) {
                throw SnowflakeError.unsupported("LATERAL FLATTEN");
            }
            return "LATERAL " + tableReference();
        } else if (t.isIdentifier()) {
            if (t.isWord("FLATTEN") && c.peek(1).is(TokenType.LEFT_PAREN)) {
                throw SnowflakeError.unsupported("FLATTEN");
            }
            List<String> parts = nameParts();
            if (parts.size() == 1 && isCte(parts.get(0))) {
                relation = Names.quote(parts.get(0));
            } else {
                SqlContext.Relation r = ctx.relation(parts);
                relation = r.sql();
                defaultAlias = r.defaultAlias();
            }
        } else {
            throw c.unexpected();
        }
        for (String w : List.of("AT", "BEFORE", "CHANGES", "SAMPLE", "TABLESAMPLE", "PIVOT", "UNPIVOT", "MATCH_RECOGNIZE")) {
            if (c.isWord(w) && (c.peek(1).is(TokenType.LEFT_PAREN) || w.equals("SAMPLE") || w.equals("TABLESAMPLE"))) {
                throw SnowflakeError.unsupported(w + " in FROM");
            }
        }
        String alias = null;
        if (c.accept("AS")) {
            alias = aliasName();
        } else if (startsTableAlias(c.peek())) {
            alias = aliasName();
        }
        String columns = "";
        if (alias != null && c.peek().is(TokenType.LEFT_PAREN)) {
            c.next();
            columns = " (" + String.join(", ", identifierList()) + ")";
            c.expect(TokenType.RIGHT_PAREN);
        }
        if (alias != null) {
            return relation + " AS " + Names.quote(alias) + columns;
        }
        return defaultAlias == null ? relation : relation + " AS " + Names.quote(defaultAlias);
    }

    private SqlContext.Relation tableFunction() {
        List<String> name = nameParts();
        c.expect(TokenType.LEFT_PAREN);
        Map<String, String> named = new LinkedHashMap<>();
        List<String> positional = new ArrayList<>();
        if (!c.peek().is(TokenType.RIGHT_PAREN)) {
            do {
                if (c.peek().is(TokenType.WORD) && c.peek(1).isOperator("=>")) {
                    String key = c.next().upper();
                    c.next();
                    named.put(key, expression(Set.of(), true));
                } else {
                    positional.add(expression(Set.of(), true));
                }
            } while (c.accept(TokenType.COMMA));
        }
        c.expect(TokenType.RIGHT_PAREN);
        return ctx.tableFunction(name, named, positional);
    }

    private boolean isCte(String name) {
        for (Set<String> scope : ctes) {
            if (scope.contains(name)) {
                return true;
            }
        }
        return false;
    }

    private boolean startsTableAlias(Token t) {
        if (t.is(TokenType.QUOTED_IDENTIFIER)) {
            return true;
        }
        return t.is(TokenType.WORD) && !KEYWORDS.contains(t.upper()) && !CLAUSE.contains(t.upper())
                && !Set.of("MATCHED", "WHEN").contains(t.upper());
    }

    // ---------------------------------------------------------------- names

    /** A dotted name, each part normalised (unquoted upper-cased, quoted exact). */
    public List<String> nameParts() {
        List<String> parts = new ArrayList<>();
        do {
            Token t = c.next();
            if (!t.isIdentifier()) {
                c.reset(c.position() - 1);
                throw c.unexpected();
            }
            parts.add(t.identifierName());
        } while (c.peek().is(TokenType.DOT) && c.peek(1).isIdentifier() && c.next() != null);
        if (parts.size() > 3) {
            throw SnowflakeError.compilation("invalid object name '" + String.join(".", parts) + "'");
        }
        return parts;
    }

    /** A comma-separated list of identifiers, as DuckDB names. */
    public List<String> identifierList() {
        List<String> out = new ArrayList<>();
        do {
            Token t = c.next();
            if (!t.isIdentifier()) {
                c.reset(c.position() - 1);
                throw c.unexpected();
            }
            out.add(Names.quote(t.identifierName()));
        } while (c.accept(TokenType.COMMA));
        return out;
    }

    // ---------------------------------------------------------------- expressions

    /**
     * An expression (or comma-separated expressions when {@code stopAtComma} is false), up to a
     * stop word, a closing parenthesis, the end of the statement, or an alias.
     */
    public String expression(Set<String> stops, boolean stopAtComma) {
        Out out = new Out();
        while (true) {
            Token t = c.peek();
            if (c.atEnd() || t.is(TokenType.RIGHT_PAREN)) {
                break;
            }
            if (t.is(TokenType.COMMA)) {
                if (stopAtComma) {
                    break;
                }
                c.next();
                out.operator(",");
                continue;
            }
            if (t.is(TokenType.WORD) && stops.contains(t.upper())) {
                break;
            }
            if (out.hasPrimary() && startsAlias(t)) {
                break;
            }
            switch (t.type()) {
                case LEFT_PAREN -> {
                    c.next();
                    String inner;
                    if (c.isWord("SELECT") || c.isWord("WITH")) {
                        inner = query(false);
                    } else {
                        inner = expression(Set.of(), false);
                    }
                    c.expect(TokenType.RIGHT_PAREN);
                    out.primary("(" + inner + ")");
                }
                case STRING -> {
                    c.next();
                    out.primary(literal(t.value()));
                }
                case NUMBER -> {
                    c.next();
                    out.primary(t.text());
                }
                case PARAMETER -> {
                    c.next();
                    out.primary("?");
                }
                case POSITIONAL, QUOTED_IDENTIFIER -> out.primary(chain());
                case WORD -> word(out);
                case OPERATOR -> operator(out, t);
                case STAGE_REFERENCE -> throw SnowflakeError.unsupported("a stage reference in an expression");
                default -> throw c.unexpected();
            }
        }
        return out.toString();
    }

    private void operator(Out out, Token t) {
        String op = t.text();
        if (op.equals("::")) {
            if (!out.hasPrimary()) {
                throw c.unexpected();
            }
            c.next();
            String operand = out.popPrimary();
            out.primary(cast(operand, SnowflakeTypes.parse(c), false));
        } else if (op.equals(":") && out.hasPrimary()) {
            c.next();
            out.primary(path(out.popPrimary(), true));
        } else if (op.equals("[") && out.hasPrimary()) {
            out.primary(path(out.popPrimary(), false));
        } else if (op.equals("[") || op.equals("{")) {
            throw SnowflakeError.unsupported("array and object literals ([...], {...})");
        } else if (op.equals("$")) {
            throw SnowflakeError.unsupported("session variables ($name)");
        } else {
            c.next();
            out.operator(op);
        }
    }

    private boolean startsAlias(Token t) {
        if (t.is(TokenType.QUOTED_IDENTIFIER)) {
            return true;
        }
        return t.is(TokenType.WORD) && !KEYWORDS.contains(t.upper()) && !c.peek(1).is(TokenType.LEFT_PAREN)
                && !c.peek(1).is(TokenType.DOT);
    }

    private void word(Out out) {
        Token t = c.peek();
        String u = t.upper();
        Token next = c.peek(1);
        if (u.equals("CASE")) {
            out.primary(caseExpression());
            return;
        }
        if (next.is(TokenType.STRING) && Set.of("DATE", "TIME", "TIMESTAMP", "TIMESTAMP_NTZ", "TIMESTAMP_LTZ",
                "TIMESTAMP_TZ", "DATETIME").contains(u)) {
            c.next();
            String lit = literal(c.next().value());
            out.primary("CAST(" + lit + " AS " + SnowflakeTypes.of(u, null, null).duck() + ")");
            return;
        }
        if (u.equals("INTERVAL") && next.is(TokenType.STRING)) {
            c.next();
            out.primary("INTERVAL " + literal(c.next().value()));
            return;
        }
        if (next.is(TokenType.LEFT_PAREN) && !NOT_FUNCTIONS.contains(u)) {
            c.next();
            c.next();
            out.primary(functions.call(u));
            return;
        }
        switch (u) {
            case "CURRENT_TIMESTAMP", "LOCALTIMESTAMP", "SYSTIMESTAMP" -> {
                c.next();
                out.primary("CURRENT_TIMESTAMP");
                return;
            }
            case "CURRENT_DATE" -> {
                c.next();
                out.primary("CURRENT_DATE");
                return;
            }
            case "CURRENT_TIME", "LOCALTIME" -> {
                c.next();
                out.primary("CAST(CURRENT_TIMESTAMP AS TIME)");
                return;
            }
            case "RLIKE", "REGEXP" -> throw SnowflakeError.unsupported(u + " operator (use REGEXP_LIKE)");
            default -> {
            }
        }
        if (u.equals("NULL") || u.equals("TRUE") || u.equals("FALSE")) {
            c.next();
            out.primary(u);
            return;
        }
        if (KEYWORDS.contains(u) && !(next.is(TokenType.DOT))) {
            c.next();
            if (u.equals("MINUS")) {
                throw c.unexpected();
            }
            out.keyword(u);
            return;
        }
        out.primary(chain());
    }

    /** {@code a.b.c}, {@code t.$1}, {@code t.*}: each part as a DuckDB identifier. */
    private String chain() {
        StringBuilder sb = new StringBuilder();
        while (true) {
            Token t = c.next();
            if (t.is(TokenType.POSITIONAL)) {
                sb.append('"').append(t.text()).append('"');
            } else if (t.isOperator("*")) {
                sb.append('*');
                return sb.toString();
            } else if (t.isIdentifier()) {
                sb.append(Names.quote(t.identifierName()));
            } else {
                c.reset(c.position() - 1);
                throw c.unexpected();
            }
            Token n = c.peek();
            Token after = c.peek(1);
            if (n.is(TokenType.DOT) && (after.isIdentifier() || after.is(TokenType.POSITIONAL) || after.isOperator("*"))) {
                if (after.is(TokenType.WORD) && c.peek(2).is(TokenType.LEFT_PAREN)) {
                    throw SnowflakeError.unsupported("user-defined function " + t.text() + "." + after.text());
                }
                c.next();
                sb.append('.');
                continue;
            }
            return sb.toString();
        }
    }

    private String caseExpression() {
        c.expect("CASE");
        StringBuilder sb = new StringBuilder("CASE");
        Set<String> stops = Set.of("WHEN", "THEN", "ELSE", "END");
        if (!c.isWord("WHEN")) {
            sb.append(' ').append(expression(stops, false));
        }
        while (true) {
            if (c.accept("WHEN")) {
                sb.append(" WHEN ").append(expression(stops, false));
            } else if (c.accept("THEN")) {
                sb.append(" THEN ").append(expression(stops, false));
            } else if (c.accept("ELSE")) {
                sb.append(" ELSE ").append(expression(stops, false));
            } else if (c.accept("END")) {
                return sb.append(" END").toString();
            } else {
                throw c.unexpected();
            }
        }
    }

    /**
     * {@code operand:a.b[0]} or {@code operand['a']}: JSON pointer extraction, keeping JSON null
     * (a VARIANT null) apart from a missing key (SQL NULL), as Snowflake does. Keys are case-sensitive.
     */
    private String path(String operand, boolean afterColon) {
        StringBuilder pointer = new StringBuilder();
        boolean first = afterColon;
        while (true) {
            Token t = c.peek();
            if (first) {
                Token key = c.next();
                if (!(key.is(TokenType.WORD) || key.is(TokenType.QUOTED_IDENTIFIER))) {
                    c.reset(c.position() - 1);
                    throw c.unexpected();
                }
                pointer.append('/').append(pointerEscape(key.is(TokenType.WORD) ? key.text() : key.value()));
                first = false;
                continue;
            }
            if (t.is(TokenType.DOT) && (c.peek(1).is(TokenType.WORD) || c.peek(1).is(TokenType.QUOTED_IDENTIFIER))) {
                c.next();
                Token key = c.next();
                pointer.append('/').append(pointerEscape(key.is(TokenType.WORD) ? key.text() : key.value()));
            } else if (t.isOperator("[")) {
                c.next();
                Token idx = c.next();
                if (idx.is(TokenType.NUMBER)) {
                    pointer.append('/').append(idx.text());
                } else if (idx.is(TokenType.STRING)) {
                    pointer.append('/').append(pointerEscape(idx.value()));
                } else {
                    throw SnowflakeError.unsupported("computed element access [expr]");
                }
                c.expectOperator("]");
            } else {
                break;
            }
        }
        return "json_extract(" + operand + ", " + literal(pointer.toString()) + ")";
    }

    private static String pointerEscape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }

    /**
     * {@code operand::type}. A VARIANT operand is unwrapped first (a JSON string loses its quotes,
     * JSON null becomes NULL), as Snowflake's casts from VARIANT do; DuckDB drops the branch that
     * does not apply to the operand's type when it plans the query.
     */
    public String cast(String operand, SnowflakeTypes type, boolean tryCast) {
        String fn = tryCast ? "TRY_CAST" : "CAST";
        if (type.isSemiStructured()) {
            return "to_json(" + operand + ")";
        }
        if (operand.startsWith("'") || operand.contains("?") || operand.matches("-?[0-9.]+")) {
            return fn + "(" + operand + " AS " + type.duck() + ")";
        }
        return "(CASE WHEN typeof(" + operand + ") = 'JSON' THEN " + fn + "(json_extract_string(CAST(" + operand
                + " AS VARCHAR), '$') AS " + type.duck() + ") ELSE " + fn + "(" + operand + " AS " + type.duck() + ") END)";
    }

    /** A DuckDB string literal for a decoded Snowflake string value. */
    public static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    /** The value of a translated argument when it is a single string literal, else null. */
    public static String literalValue(String sql) {
        if (sql.length() >= 2 && sql.startsWith("'") && sql.endsWith("'")) {
            String inner = sql.substring(1, sql.length() - 1);
            if (!inner.replace("''", "").contains("'")) {
                return inner.replace("''", "'");
            }
        }
        return null;
    }

    /**
     * Output with a marker of where the last complete operand starts, for postfix operators, and
     * of where the current multiplicative term starts, so {@code a / b} can become
     * {@code sf_div(a, b)} (exact fixed-point division, see the engine's ExactDivision).
     */
    static final class Out {
        private final StringBuilder sb = new StringBuilder();
        private int primaryStart = -1;
        private int termStart = -1;
        private String dividend;
        private int divisorStart = -1;

        void keyword(String s) {
            endTerm();
            space();
            sb.append(s);
            primaryStart = -1;
        }

        void operator(String s) {
            if (s.equals("/") && hasPrimary() && termStart >= 0) {
                finishDivision();
                dividend = sb.substring(termStart);
                sb.setLength(termStart);
                divisorStart = termStart;
                primaryStart = -1;
                return;
            }
            if (s.equals("*") || s.equals("%")) {
                finishDivision();
            } else if (hasPrimary() || dividend != null) {
                endTerm();
            }
            space();
            sb.append(s);
            primaryStart = -1;
        }

        void primary(String s) {
            space();
            primaryStart = sb.length();
            if (termStart < 0) {
                termStart = primaryStart;
            }
            sb.append(s);
        }

        boolean hasPrimary() {
            return primaryStart >= 0;
        }

        String popPrimary() {
            String p = sb.substring(primaryStart);
            sb.setLength(primaryStart);
            while (sb.length() > 0 && sb.charAt(sb.length() - 1) == ' ') {
                sb.setLength(sb.length() - 1);
            }
            if (termStart > sb.length()) {
                termStart = -1;
            }
            primaryStart = -1;
            return p;
        }

        /** Wraps a pending {@code dividend /} and the divisor written since into sf_div. */
        private void finishDivision() {
            if (dividend == null || !hasPrimary()) {
                return;
            }
            String divisor = sb.substring(divisorStart).strip();
            sb.setLength(divisorStart);
            String left = dividend.strip();
            sb.append("sf_div(").append(left).append(", ").append(divisor).append(", typeof(").append(left).append("))");
            primaryStart = divisorStart;
            termStart = divisorStart;
            dividend = null;
        }

        private void endTerm() {
            finishDivision();
            if (dividend == null) {
                termStart = -1;
            }
        }

        private void space() {
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ' ' && sb.charAt(sb.length() - 1) != '(') {
                sb.append(' ');
            }
        }

        @Override
        public String toString() {
            finishDivision();
            return sb.toString();
        }
    }
}

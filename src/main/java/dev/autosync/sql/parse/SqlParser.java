package dev.autosync.sql.parse;

import dev.autosync.sql.Token;
import dev.autosync.sql.TokenType;
import dev.autosync.sql.tree.CopyInto;
import dev.autosync.sql.tree.CreatePipe;
import dev.autosync.sql.tree.Expr;
import dev.autosync.sql.tree.Property;
import dev.autosync.sql.tree.Query;
import dev.autosync.sql.tree.QueryBody;
import dev.autosync.sql.tree.Relation;
import dev.autosync.sql.tree.Span;
import dev.autosync.sql.tree.TypeName;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Parses Snowflake SQL into the tree of {@code dev.autosync.sql.tree}, from the current position of
 * a {@link TokenStream}, leaving the stream after what it read so a caller can go on with its own
 * grammar (a COPY's options, a MERGE's clauses). It accepts the grammar, not what one engine can
 * run: refusing unsupported constructs is the caller's business. Syntax errors come from the
 * stream's {@link TokenStream#unexpected()}.
 */
public final class SqlParser {
    private final TokenStream tokens;
    private final ExpressionParser expressions;
    private final QueryParser queries;
    private final RelationParser relations;
    private final CopyParser copies;

    public SqlParser(TokenStream tokens) {
        this.tokens = tokens;
        this.expressions = new ExpressionParser(this);
        this.queries = new QueryParser(this);
        this.relations = new RelationParser(this);
        this.copies = new CopyParser(this);
    }

    /** A parser over a whole statement. */
    public static SqlParser of(String sql) {
        return new SqlParser(new TokenStream(sql));
    }

    public TokenStream tokens() {
        return tokens;
    }

    /** A query: WITH, SELECT blocks and set operators, ORDER BY, LIMIT / OFFSET / FETCH. */
    public Query query() {
        return queries.query();
    }

    /** {@code COPY INTO table ... FROM ...}: loading a table (not unloading to a stage). */
    public CopyInto copyInto() {
        return copies.copyInto();
    }

    /** {@code CREATE [OR REPLACE | OR ALTER] PIPE ... AS COPY INTO ...}. */
    public CreatePipe createPipe() {
        return copies.createPipe();
    }

    /** {@code NAME = value} properties until the statement ends, a {@code )} or a word of {@code stops}. */
    public List<Property> properties(Set<String> stops) {
        return copies.properties(stops);
    }

    public Expr expression() {
        return expressions.expression(Set.of());
    }

    /** An expression that ends before any word of {@code stops} where an operator could continue it. */
    public Expr expression(Set<String> stops) {
        return expressions.expression(stops);
    }

    /** Comma-separated expressions (at least one). */
    public List<Expr> expressionList(Set<String> stops) {
        List<Expr> out = new ArrayList<>();
        do {
            out.add(expressions.expression(stops));
        } while (tokens.accept(TokenType.COMMA));
        return out;
    }

    /** FROM items separated by commas, with their joins. */
    public List<Relation> fromList() {
        return relations.fromList();
    }

    /** One FROM item with its alias, without joins. */
    public Relation relation() {
        return relations.primary();
    }

    public TypeName typeName() {
        return TypeParser.typeName(this);
    }

    /** A dotted name, each part resolved (unquoted upper-cased, quoted exact); any number of parts. */
    public List<String> nameParts() {
        List<String> parts = new ArrayList<>();
        parts.add(identifier());
        while (tokens.peek().is(TokenType.DOT) && tokens.peek(1).isIdentifier()) {
            tokens.next();
            parts.add(identifier());
        }
        return parts;
    }

    /** Comma-separated identifiers, resolved. */
    public List<String> identifierList() {
        List<String> out = new ArrayList<>();
        do {
            out.add(identifier());
        } while (tokens.accept(TokenType.COMMA));
        return out;
    }

    /** {@code (a, b)}: a parenthesized identifier list. */
    List<String> parenthesizedIdentifiers() {
        tokens.expect(TokenType.LEFT_PAREN);
        List<String> out = identifierList();
        tokens.expect(TokenType.RIGHT_PAREN);
        return out;
    }

    String identifier() {
        Token t = tokens.next();
        if (!t.isIdentifier()) {
            throw tokens.unexpectedPrevious();
        }
        return t.identifierName();
    }

    /** An alias after AS: an identifier, or a string as Snowflake also allows. */
    String aliasName() {
        Token t = tokens.next();
        if (t.is(TokenType.STRING)) {
            return t.value();
        }
        if (!t.isIdentifier()) {
            throw tokens.unexpectedPrevious();
        }
        return t.identifierName();
    }

    Span span(int start) {
        return new Span(start, tokens.position());
    }

    QueryBody.Values values() {
        return queries.values();
    }

    ExpressionParser expressions() {
        return expressions;
    }
}

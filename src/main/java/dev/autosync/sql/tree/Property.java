package dev.autosync.sql.tree;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A {@code NAME = value} property of Snowflake DDL and of COPY: copy options ({@code ON_ERROR = SKIP_FILE}),
 * file format options ({@code FILE_FORMAT = (TYPE = JSON)}), pipe properties ({@code AUTO_INGEST = TRUE}).
 * {@code name} is upper-cased.
 */
public record Property(Span span, String name, Value value) implements Node {

    /** Finds a property by (upper-case) name. */
    public static Optional<Property> find(List<Property> properties, String name) {
        return properties.stream().filter(p -> p.name.equals(name)).findFirst();
    }

    /** The value as one piece of text: a string's content or a word as written upper-cased; null for lists. */
    public String text() {
        return value instanceof Text t ? t.value() : value instanceof Word w ? w.value() : null;
    }

    /** Whether the value is TRUE (as a word or a string, any case). */
    public boolean isTrue() {
        String t = text();
        return t != null && t.toUpperCase(Locale.ROOT).equals("TRUE");
    }

    /** What a property is set to. */
    public sealed interface Value {
    }

    /** A string literal, decoded: {@code 'SKIP_FILE_10%'}. */
    public record Text(String value) implements Value {
    }

    /**
     * A word, number or (dotted) name: unquoted words upper-cased, quoted identifiers exact, parts joined
     * by dots ({@code SKIP_FILE}, {@code TRUE}, {@code 25000000}, {@code DB.S.FORMAT}).
     */
    public record Word(String value) implements Value {
    }

    /** {@code ('a.json', 'b.json')}: the items as text (strings decoded). */
    public record Items(List<String> items) implements Value {
    }

    /** {@code (TYPE = JSON STRIP_OUTER_ARRAY = TRUE)}: nested properties. */
    public record Nested(List<Property> properties) implements Value {
    }
}

package dev.autosync.sql.tree;

import java.util.List;

/**
 * A data type as written: the upper-cased name ({@code NUMBER}, {@code VARCHAR}; {@code DOUBLE PRECISION}
 * is {@code DOUBLE}, {@code CHARACTER VARYING} is {@code VARCHAR}, and the ANSI spellings keep their
 * words, as in {@code TIMESTAMP WITH TIME ZONE}) and its numeric parameters ({@code NUMBER(7,2)}).
 */
public record TypeName(Span span, String name, List<Integer> parameters) implements Node {

    /** The first parameter (precision or length), or null. */
    public Integer first() {
        return parameters.isEmpty() ? null : parameters.get(0);
    }

    /** The second parameter (scale), or null. */
    public Integer second() {
        return parameters.size() < 2 ? null : parameters.get(1);
    }
}

package dev.autosync.sql.tree;

/** One step of a semi-structured path: a key ({@code :a}, {@code .a}, {@code :"a b"}) or an element ({@code [0]}, {@code ['a']}). */
public sealed interface PathStep {
    record Field(String key) implements PathStep {
    }

    record Element(Expr index) implements PathStep {
    }
}

package dev.autosync.emulator.sql;

import dev.autosync.sql.tree.Expr;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The collations table columns were declared with, by select block: a reference to such a column carries its
 * collation (collation page: "the collation specification of a column is used ... when comparing"; COLLATION(col)
 * returns it, collation-support page).
 */
final class ColumnCollations {
    /** Per select block, innermost first: relation name to (column to specification). */
    private final Deque<Map<String, Map<String, String>>> scopes = new ArrayDeque<>(List.of(new HashMap<>()));

    void push() {
        scopes.push(new HashMap<>());
    }

    void pop() {
        scopes.pop();
    }

    /** Records the collated columns of a relation of this block, visible as {@code name}. */
    void add(String name, Map<String, String> collations) {
        if (!collations.isEmpty()) {
            scopes.peek().put(name, collations);
        }
    }

    /** The collation {@code e} carries: written ({@code x COLLATE 'es'}, {@link Collations#of}) or its column's. */
    String of(Expr e) {
        String written = Collations.of(e);
        return written != null ? written : declared(e);
    }

    /** The collation of two compared operands when one carries one that is not code-point order, else null. */
    String compared(Expr left, Expr right) {
        String spec = of(left) != null ? of(left) : of(right);
        return spec != null && Collations.key("x", spec) != null ? spec : null;
    }

    /**
     * The declared collation of the column {@code e} refers to, or null: the innermost block naming its relation
     * (unqualified: the one relation of a block having the column) decides.
     */
    private String declared(Expr e) {
        if (!(e instanceof Expr.ColumnRef c)) {
            return null;
        }
        List<String> parts = c.parts();
        String column = parts.get(parts.size() - 1);
        for (Map<String, Map<String, String>> scope : scopes) {
            if (parts.size() >= 2) {
                Map<String, String> cols = scope.get(parts.get(parts.size() - 2));
                if (cols != null) {
                    return cols.get(column);
                }
                continue;
            }
            String found = null;
            int holders = 0;
            for (Map<String, String> cols : scope.values()) {
                if (cols.containsKey(column)) {
                    found = cols.get(column);
                    holders++;
                }
            }
            if (holders > 0) {
                return holders == 1 ? found : null;
            }
        }
        return null;
    }
}

package dev.autosync.emulator.sql;

import dev.autosync.emulator.base.SnowflakeError;
import dev.autosync.sql.tree.Expr;
import dev.autosync.sql.tree.Expr.NumberLiteral;
import dev.autosync.sql.tree.Expr.Path;
import dev.autosync.sql.tree.Expr.StringLiteral;
import dev.autosync.sql.tree.PathStep;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** DuckDB SQL for VARIANT path access ({@code v:a.b[0]}) as JSON pointer extraction; keys are case-sensitive. */
final class PathAccess {
    private PathAccess() {
    }

    /** Path access; a computed element ({@code v[i]}, {@code v[k]}) is one step of its own. */
    static String sql(Path p, Function<Expr, String> expression) {
        String base = expression.apply(p.base());
        List<PathStep> literal = new ArrayList<>();
        for (PathStep step : p.steps()) {
            if (step instanceof PathStep.Element el && !(el.index() instanceof NumberLiteral n && n.text().matches("[0-9]+"))
                    && !(el.index() instanceof StringLiteral)) {
                if (!literal.isEmpty()) {
                    base = "json_extract(" + base + ", " + Translator.literal(pointer(literal)) + ")";
                    literal.clear();
                }
                base = "json_extract(" + base + ", " + SemiStructuredFunctions.computedPointer(expression.apply(el.index())) + ")";
            } else {
                literal.add(step);
            }
        }
        return literal.isEmpty() ? base : "json_extract(" + base + ", " + Translator.literal(pointer(literal)) + ")";
    }

    /** A JSON pointer for path steps; keys are case-sensitive. */
    private static String pointer(List<PathStep> steps) {
        StringBuilder sb = new StringBuilder();
        for (PathStep step : steps) {
            sb.append('/').append(pointerToken(step));
        }
        return sb.toString();
    }

    private static String pointerToken(PathStep step) {
        if (step instanceof PathStep.Field f) {
            return SemiStructuredFunctions.pointerEscape(f.key());
        }
        Expr index = ((PathStep.Element) step).index();
        if (index instanceof NumberLiteral n && n.text().matches("[0-9]+")) {
            return n.text();
        }
        if (index instanceof StringLiteral s) {
            return SemiStructuredFunctions.pointerEscape(s.value());
        }
        throw SnowflakeError.unsupported("computed element access [expr]");
    }
}

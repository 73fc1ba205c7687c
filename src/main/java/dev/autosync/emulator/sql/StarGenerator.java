package dev.autosync.emulator.sql;

import dev.autosync.emulator.base.Names;
import dev.autosync.sql.tree.Expr.Star;

import java.util.ArrayList;
import java.util.List;

/**
 * DuckDB SQL for {@code *} with its ILIKE, EXCLUDE, REPLACE and RENAME filters; combinations DuckDB cannot write
 * are expanded into the columns DuckDB reports for the select block.
 */
final class StarGenerator {
    private final ExpressionGenerator gen;
    private final SqlContext ctx;

    StarGenerator(ExpressionGenerator gen, SqlContext ctx) {
        this.gen = gen;
        this.ctx = ctx;
    }

    /** Whether the next star drops the stored offset companions ({@code *} of an INSERT's source). */
    private boolean starWithoutCompanions;

    void withoutCompanions(boolean on) {
        starWithoutCompanions = on;
    }

    String star(Star s) {
        boolean combined = s.ilike() != null && !(s.replace().isEmpty() && s.rename().isEmpty())
                || !s.replace().isEmpty() && !s.rename().isEmpty();
        if (combined && gen.typeScope() != null) {
            String expanded = expandedStar(s);
            if (expanded != null) {
                return expanded;
            }
        }
        StringBuilder sb = new StringBuilder(ExpressionGenerator.qualified(s.qualifier(), "*"));
        if (s.ilike() != null) {
            sb.append(" ILIKE ").append(Translator.literal(s.ilike()));
        }
        java.util.List<String> exclude = new java.util.ArrayList<>(s.exclude());
        if (starWithoutCompanions) {
            // an INSERT's source lists its values by position: the hidden offset columns are not among them
            for (java.util.Map.Entry<String, java.util.Set<String>> e : gen.tzScope().entrySet()) {
                if (s.qualifier().isEmpty() || s.qualifier().get(s.qualifier().size() - 1).equals(e.getKey())) {
                    e.getValue().forEach(col -> {
                        if (!exclude.contains(TimestampTz.COMPANION + col)) {
                            exclude.add(TimestampTz.COMPANION + col);
                        }
                    });
                }
            }
        }
        if (!exclude.isEmpty()) {
            sb.append(" EXCLUDE (").append(ExpressionGenerator.join(exclude, Names::quote)).append(')');
        }
        if (!s.replace().isEmpty()) {
            sb.append(" REPLACE (").append(ExpressionGenerator.join(s.replace(), r -> gen.expression(r.value()) + " AS " + Names.quote(r.column())))
                    .append(')');
        }
        if (!s.rename().isEmpty()) {
            sb.append(" RENAME (").append(ExpressionGenerator.join(s.rename(), r -> Names.quote(r.column()) + " AS " + Names.quote(r.alias())))
                    .append(')');
        }
        return sb.toString();
    }

    /**
     * {@code * ILIKE ... REPLACE/RENAME} and {@code * REPLACE ... RENAME}, which DuckDB cannot combine (select page): the
     * columns the ILIKE / EXCLUDE part selects, asked of DuckDB, each written out with its replacement and new name.
     * Null when DuckDB cannot bind the star there.
     */
    private String expandedStar(Star s) {
        String filtered = ExpressionGenerator.qualified(s.qualifier(), "*") + (s.ilike() != null ? " ILIKE " + Translator.literal(s.ilike()) : "")
                + (s.exclude().isEmpty() ? "" : " EXCLUDE (" + ExpressionGenerator.join(s.exclude(), Names::quote) + ")");
        List<String> columns = ctx.duckColumns(gen.typeScope()[0] + filtered + gen.typeScope()[1]);
        if (columns == null || columns.isEmpty()) {
            return null;
        }
        List<String> items = new ArrayList<>();
        for (String duckName : columns) {
            String name = Names.decode(duckName);
            String value = ExpressionGenerator.qualified(s.qualifier(), Names.quote(name));
            for (Star.Replacement r : s.replace()) {
                if (r.column().equals(name)) {
                    value = gen.expression(r.value());
                }
            }
            String alias = name;
            for (Star.Renaming r : s.rename()) {
                if (r.column().equals(name)) {
                    alias = r.alias();
                }
            }
            items.add(value + " AS " + Names.quote(alias));
        }
        return String.join(", ", items);
    }
}

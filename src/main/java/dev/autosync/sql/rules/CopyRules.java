package dev.autosync.sql.rules;

import dev.autosync.sql.tree.CopyInto;
import dev.autosync.sql.tree.CopySource;
import dev.autosync.sql.tree.Expr;
import dev.autosync.sql.tree.Node;
import dev.autosync.sql.tree.Property;
import dev.autosync.sql.tree.QueryBody;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The rules a COPY INTO a table is held to by Snowflake (see {@link Rule} for each one's page): what a
 * transformation may contain, which copy options go together, and, inside a pipe, which copy options a
 * pipe refuses. Works on the parsed statement only, so render (before anything runs) and the emulator
 * (at COPY and CREATE PIPE) enforce the same rules.
 */
public final class CopyRules {
    /** Copy options a pipe does not support (en/sql-reference/sql/create-pipe.md, usage notes). */
    static final List<String> NOT_IN_PIPE = List.of("FILES", "SIZE_LIMIT", "PURGE", "FORCE", "RETURN_FAILED_ONLY",
            "VALIDATION_MODE");
    private final TransformRules transforms;

    /** @param userFunction whether a name is a scalar SQL UDF (allowed in transformations); render knows none */
    public CopyRules(Predicate<List<String>> userFunction) {
        this.transforms = new TransformRules(userFunction);
    }

    /** Rules without user-defined functions: only Snowflake's own functions are allowed. */
    public static CopyRules builtInOnly() {
        return new CopyRules(name -> false);
    }

    /** Every rule {@code copy} breaks, in statement order; {@code inPipe} adds the pipe's copy-option rules. */
    public List<Violation> check(CopyInto copy, boolean inPipe) {
        Findings f = new Findings();
        columnList(copy, f);
        columnCount(copy, f);
        options(copy, inPipe, f);
        CopyOptionRules.check(copy, f);
        if (copy.source() instanceof CopySource.Transform t) {
            transforms.check(t.query(), inPipe, f);
        }
        return f.list;
    }

    /** With a column list, the SELECT list maps item for item ("The list must match the sequence of columns"). */
    private static void columnCount(CopyInto copy, Findings f) {
        if (copy.columns().isEmpty() || !(copy.source() instanceof CopySource.Transform t)
                || !(t.query().body() instanceof QueryBody.Select s)
                || s.items().stream().anyMatch(i -> i.expr() instanceof Expr.Star)) {
            return;
        }
        if (s.items().size() != copy.columns().size()) {
            f.add(Rule.COLUMN_COUNT, "Insert value list does not match column list expecting " + copy.columns().size()
                    + " but got " + s.items().size(), s);
        }
    }

    private static void columnList(CopyInto copy, Findings f) {
        Set<String> seen = new HashSet<>();
        for (String c : copy.columns()) {
            if (!seen.add(c)) {
                f.add(Rule.COLUMN_LIST, "column '" + c + "' is repeated in the COPY column list (\"Columns cannot be repeated "
                        + "in this listing\"): name each table column once", copy);
            }
        }
    }

    private static void options(CopyInto copy, boolean inPipe, Findings f) {
        String match = copy.option("MATCH_BY_COLUMN_NAME").map(Property::text).map(s -> s.toUpperCase(Locale.ROOT))
                .orElse("NONE");
        boolean matching = !match.equals("NONE");
        Property validation = copy.option("VALIDATION_MODE").orElse(null);
        copy.option("FILES").ifPresent(files -> {
            if (files.value() instanceof Property.Items items && items.items().size() > 1000) {
                f.add(Rule.FILES_LIMIT, "FILES names " + items.items().size() + " files; at most 1000 file names can be "
                        + "specified: split the load, or select the files with PATTERN", files);
            }
        });
        if (copy.transforms() && matching) {
            // Snowflake's own words, quoted on both pages.
            f.add(Rule.TRANSFORM_MATCH_BY_COLUMN_NAME, "match_by_column_name is not supported with copy transform",
                    copy.option("MATCH_BY_COLUMN_NAME").orElseThrow());
        }
        if (copy.transforms() && validation != null) {
            f.add(Rule.TRANSFORM_VALIDATION_MODE, "VALIDATION_MODE does not support COPY statements that transform data "
                    + "during a load: validate with a COPY without the SELECT, or drop VALIDATION_MODE", validation);
        }
        if (matching && validation != null) {
            f.add(Rule.MATCH_BY_COLUMN_NAME_VALIDATION_MODE, "MATCH_BY_COLUMN_NAME can't be used with the VALIDATION_MODE "
                    + "parameter in a COPY statement", validation);
        }
        copy.option("INCLUDE_METADATA").ifPresent(include -> includeMetadata(include, matching, f));
        if (inPipe) {
            for (Property p : copy.options()) {
                if (NOT_IN_PIPE.contains(p.name())) {
                    f.add(Rule.PIPE_COPY_OPTIONS, notInPipe(p.name() + " = " + shown(p)), p);
                } else if (p.name().equals("ON_ERROR") && "ABORT_STATEMENT".equalsIgnoreCase(p.text())) {
                    f.add(Rule.PIPE_COPY_OPTIONS, notInPipe("ON_ERROR = ABORT_STATEMENT") + "; use SKIP_FILE (the Snowpipe "
                            + "default) or CONTINUE", p);
                }
            }
        }
    }

    private static String notInPipe(String option) {
        return "copy option " + option + " is not supported in a pipe's COPY statement (all copy options are supported "
                + "except FILES, ON_ERROR = ABORT_STATEMENT, SIZE_LIMIT, PURGE, FORCE, RETURN_FAILED_ONLY and VALIDATION_MODE)";
    }

    private static String shown(Property p) {
        return p.text() != null ? p.text() : p.value() instanceof Property.Items i ? "(" + String.join(", ", i.items()) + ")" : "(...)";
    }

    private static void includeMetadata(Property include, boolean matching, Findings f) {
        if (!matching) {
            f.add(Rule.INCLUDE_METADATA, "INCLUDE_METADATA can only be used with the MATCH_BY_COLUMN_NAME copy option: add "
                    + "MATCH_BY_COLUMN_NAME = CASE_INSENSITIVE (or CASE_SENSITIVE), or select METADATA$ columns in a "
                    + "transformation instead", include);
        }
        if (include.value() instanceof Property.Nested nested) {
            for (Property m : nested.properties()) {
                String field = m.text() == null ? "" : m.text().toUpperCase(Locale.ROOT);
                if (!TransformFunctions.METADATA.contains(field)) {
                    f.add(Rule.INCLUDE_METADATA, "INCLUDE_METADATA maps " + m.name() + " to '" + m.text() + "', which is not "
                            + "one of " + String.join(", ", sorted(TransformFunctions.METADATA)), m);
                }
            }
        }
    }

    static List<String> sorted(Set<String> names) {
        return names.stream().sorted().toList();
    }

    /** Violations in order, each (rule, detail) once. */
    static final class Findings {
        final List<Violation> list = new ArrayList<>();
        private final Set<String> seen = new HashSet<>();

        void add(Rule rule, String detail, Node where) {
            if (seen.add(rule + "\n" + detail)) {
                list.add(new Violation(rule, detail, where == null ? null : where.span()));
            }
        }
    }
}

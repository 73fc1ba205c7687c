package dev.autosync.compat;

import dev.autosync.emulator.sql.Splitter;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One documented example ready to run: the set-up statements that precede it on its page, its statement,
 * and what the page shows it returns (rows, or an error).
 *
 * @param id {@code <area>/<page>#<case>}, the name known-differences.txt uses
 * @param setup statements to run first, in order (the page's set-up since the previous case)
 * @param sql the statement whose output the page shows
 * @param rows the expected result, or null when an error is expected
 * @param types expected result metadata type names (null entries unchecked), or null
 * @param error the expected error, or null
 * @param ordered whether row order matters
 */
record DocCase(String id, String area, List<String> setup, String sql, AsciiTable.ExpectedRows rows,
               List<String> types, ExpectedError error, boolean ordered) {

    private static final Pattern TOP_LEVEL_ORDER_BY = Pattern.compile("(?is)\\bORDER\\s+BY\\b");

    /** A page's cases in order; set-up steps after the last case are not run. */
    record Page(String area, String name, DocPage source, List<DocCase> cases) {
        static Page of(String area, String name, DocPage source, List<String> problems) {
            String where = area + "/" + name;
            List<DocCase> cases = new ArrayList<>();
            List<String> pending = new ArrayList<>();
            if (!source.page().startsWith("markdown/en/") || !source.url().startsWith("https://docs.snowflake.com/")) {
                problems.add(where + ": 'page' must be a markdown/en/... path and 'url' a docs.snowflake.com address");
            }
            int ordinal = 0;
            for (int i = 0; i < source.steps().size(); i++) {
                DocPage.Step step = source.steps().get(i);
                List<String> statements;
                try {
                    statements = Splitter.split(step.sql());
                } catch (RuntimeException e) {
                    problems.add(where + " step " + (i + 1) + ": cannot split the SQL: " + e.getMessage());
                    continue;
                }
                if (statements.isEmpty()) {
                    problems.add(where + " step " + (i + 1) + ": no SQL");
                    continue;
                }
                if (!step.isCase()) {
                    pending.addAll(statements);
                    continue;
                }
                ordinal++;
                String id = where + "#" + (step.id() == null ? String.valueOf(ordinal) : step.id());
                pending.addAll(statements.subList(0, statements.size() - 1));
                String sql = statements.get(statements.size() - 1);
                try {
                    cases.add(caseOf(id, area, List.copyOf(pending), sql, step));
                    pending.clear();
                } catch (IllegalArgumentException e) {
                    problems.add(id + " (step " + (i + 1) + "): " + e.getMessage());
                }
            }
            return new Page(area, name, source, cases);
        }
    }

    private static DocCase caseOf(String id, String area, List<String> setup, String sql, DocPage.Step step) {
        int given = (step.expect() != null ? 1 : 0) + (step.columns() != null ? 1 : 0) + (step.error() != null ? 1 : 0);
        if (given != 1) {
            throw new IllegalArgumentException("give exactly one of 'expect' (a pasted table), 'columns' + 'rows', or 'error'");
        }
        boolean ordered = step.ordered() != null ? step.ordered() : endsWithOrderBy(sql);
        if (step.error() != null) {
            return new DocCase(id, area, setup, sql, null, null, ExpectedError.parse(step.error()), false);
        }
        AsciiTable.ExpectedRows rows = step.expect() != null ? AsciiTable.parse(step.expect(), AsciiTable.Rows.of(step.multiline()))
                : new AsciiTable.ExpectedRows(step.columns(), step.rows() == null ? List.of() : step.rows());
        for (List<String> row : rows.rows()) {
            if (row.size() != rows.columns().size()) {
                throw new IllegalArgumentException("row " + row + " has " + row.size() + " values for "
                        + rows.columns().size() + " columns");
            }
        }
        if (step.types() != null && step.types().size() != rows.columns().size()) {
            throw new IllegalArgumentException("'types' has " + step.types().size() + " entries for "
                    + rows.columns().size() + " columns");
        }
        return new DocCase(id, area, setup, sql, rows, step.types(), null, ordered);
    }

    /** True when the statement's last ORDER BY outside quotes is also outside parentheses (not a window's or a subquery's). */
    static boolean endsWithOrderBy(String sql) {
        Matcher m = TOP_LEVEL_ORDER_BY.matcher(sql);
        boolean last = false;
        int depth = 0;
        boolean quoted = false;
        for (int i = 0; i < sql.length(); i++) {
            char ch = sql.charAt(i);
            if (ch == '\'') {
                quoted = !quoted;
            } else if (!quoted && ch == '(') {
                depth++;
            } else if (!quoted && ch == ')') {
                depth--;
            } else if (!quoted && m.find(i) && m.start() == i) {
                last = depth == 0;
            }
        }
        return last;
    }

    /** An error as a page shows it: {@code 100039 (22003): message}, or just the message. */
    record ExpectedError(Integer code, String sqlState, String message) {
        private static final Pattern SHOWN = Pattern.compile("(?s)^\\s*(\\d+) \\(([0-9A-Z]{5})\\): (.*)$");

        static ExpectedError parse(String shown) {
            Matcher m = SHOWN.matcher(shown);
            if (m.matches()) {
                return new ExpectedError(Integer.parseInt(m.group(1)), m.group(2), m.group(3).strip());
            }
            return new ExpectedError(null, null, shown.strip());
        }

        @Override
        public String toString() {
            return code == null ? message : String.format("%06d (%s): %s", code, sqlState, message);
        }
    }
}

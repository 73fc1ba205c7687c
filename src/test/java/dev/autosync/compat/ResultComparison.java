package dev.autosync.compat;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Compares what a client reads (labels, {@code getString} values, type names) with what a page shows and
 * names the first difference. The docs print booleans as SnowSQL does ({@code True}) while a JDBC client
 * reads {@code TRUE}; values of BOOLEAN columns are therefore compared ignoring case. Nothing else is
 * normalised.
 */
final class ResultComparison {
    private ResultComparison() {
    }

    /** Null when the result is what the case expects, else the first difference. */
    static String difference(DocCase c, ResultSet rs) throws SQLException {
        ResultSetMetaData md = rs.getMetaData();
        int n = md.getColumnCount();
        List<String> labels = new ArrayList<>();
        List<Boolean> booleans = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            labels.add(md.getColumnLabel(i));
            booleans.add("BOOLEAN".equalsIgnoreCase(md.getColumnTypeName(i)));
        }
        List<String> expectedColumns = c.rows().columns();
        if (!labels.equals(expectedColumns)) {
            return "columns: expected " + expectedColumns + ", found " + labels;
        }
        if (c.types() != null) {
            for (int i = 0; i < n; i++) {
                String want = c.types().get(i);
                String found = md.getColumnTypeName(i + 1);
                if (want != null && !want.equalsIgnoreCase(found)) {
                    return "column " + labels.get(i) + " type: expected " + want + ", found " + found;
                }
            }
        }
        List<List<String>> found = new ArrayList<>();
        while (rs.next()) {
            List<String> row = new ArrayList<>();
            for (int i = 1; i <= n; i++) {
                row.add(normalise(rs.getString(i), booleans.get(i - 1)));
            }
            found.add(row);
        }
        List<List<String>> expected = c.rows().rows().stream()
                .map(r -> normaliseRow(r, booleans)).collect(Collectors.toCollection(ArrayList::new));
        return c.ordered() ? orderedDifference(labels, expected, found) : unorderedDifference(expected, found);
    }

    private static List<String> normaliseRow(List<String> row, List<Boolean> booleans) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < row.size(); i++) {
            out.add(normalise(row.get(i), booleans.get(i)));
        }
        return out;
    }

    private static String normalise(String value, boolean isBoolean) {
        return isBoolean && value != null ? value.toUpperCase(java.util.Locale.ROOT) : value;
    }

    private static String orderedDifference(List<String> labels, List<List<String>> expected, List<List<String>> found) {
        for (int r = 0; r < Math.min(expected.size(), found.size()); r++) {
            for (int i = 0; i < labels.size(); i++) {
                String want = expected.get(r).get(i);
                String got = found.get(r).get(i);
                if (!Objects.equals(want, got)) {
                    return "row " + (r + 1) + " " + labels.get(i) + ": expected " + show(want) + ", found " + show(got);
                }
            }
        }
        if (expected.size() != found.size()) {
            return "expected " + expected.size() + " row(s), found " + found.size()
                    + (found.size() > expected.size() ? "; first extra " + showRow(found.get(expected.size())) : "");
        }
        return null;
    }

    private static String unorderedDifference(List<List<String>> expected, List<List<String>> found) {
        List<List<String>> missing = new ArrayList<>(expected);
        List<List<String>> extra = new ArrayList<>();
        for (List<String> row : found) {
            if (!missing.remove(row)) {
                extra.add(row);
            }
        }
        if (missing.isEmpty() && extra.isEmpty()) {
            return null;
        }
        Comparator<List<String>> byText = Comparator.comparing(ResultComparison::showRow);
        missing.sort(byText);
        extra.sort(byText);
        String counts = expected.size() == found.size() ? "" : " (expected " + expected.size() + " row(s), found "
                + found.size() + ")";
        if (missing.isEmpty()) {
            return "unexpected row " + showRow(extra.get(0)) + counts;
        }
        return "expected row " + showRow(missing.get(0)) + (extra.isEmpty() ? " missing" : ", found " + showRow(extra.get(0)))
                + counts;
    }

    static String show(String value) {
        return value == null ? "NULL" : "'" + value.replace("\n", "\\n") + "'";
    }

    private static String showRow(List<String> row) {
        return row.stream().map(ResultComparison::show).collect(Collectors.joining(", ", "[", "]"));
    }
}

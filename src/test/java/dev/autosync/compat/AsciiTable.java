package dev.autosync.compat;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads an output table as the documentation prints it (SnowSQL's layout: a {@code +---+} border, the
 * header, a {@code |---+---|} rule, one line per row), so a page's output can be pasted into the corpus
 * unchanged. Cells are trimmed (the docs pad and right-align them) and {@code NULL} is SQL NULL.
 *
 * <p>A cell that spans several lines (pretty-printed JSON) cannot be told apart from several rows in
 * general, so the corpus says how rows start: {@link Rows#FIRST_CELL}, at a line whose first cell is not
 * blank; {@link Rows#JSON_FIRST_CELL}, where the first column is itself pretty-printed JSON, at a line
 * whose first cell is not indented and does not close a bracket. The lines that follow continue the row:
 * each cell's lines lose the one space of padding and are joined with {@code \n}.
 */
final class AsciiTable {
    private AsciiTable() {
    }

    /** Where a row starts in a table printed with multi-line cells. */
    enum Rows {
        ONE_LINE, FIRST_CELL, JSON_FIRST_CELL;

        static Rows of(String multiline) {
            return switch (multiline == null ? "false" : multiline) {
                case "false" -> ONE_LINE;
                case "true" -> FIRST_CELL;
                case "json" -> JSON_FIRST_CELL;
                default -> throw new IllegalArgumentException("'multiline' is true, json or false, not " + multiline);
            };
        }

        boolean startsRow(String firstCell) {
            String text = firstCell.startsWith(" ") ? firstCell.substring(1) : firstCell;
            return this == FIRST_CELL ? !text.isBlank()
                    : !text.isBlank() && !Character.isWhitespace(text.charAt(0)) && "}]".indexOf(text.charAt(0)) < 0;
        }
    }

    static ExpectedRows parse(String table, Rows mode) {
        boolean multiline = mode != Rows.ONE_LINE;
        List<String> lines = table.strip().lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        List<String> columns = null;
        List<List<String>> rows = new ArrayList<>();
        List<List<String>> cellLines = null;
        for (String line : lines) {
            if (line.startsWith("+")) {
                continue;
            }
            if (!line.startsWith("|") || !line.endsWith("|")) {
                throw new IllegalArgumentException("table line is not between '|' borders: " + line);
            }
            if (line.startsWith("|-")) {
                if (columns == null) {
                    throw new IllegalArgumentException("a '|---|' rule before the header line: " + line);
                }
                continue;
            }
            List<String> cells = cells(line);
            if (columns == null) {
                columns = cells.stream().map(String::strip).toList();
            } else if (cells.size() != columns.size()) {
                throw new IllegalArgumentException("row has " + cells.size() + " cells, the header " + columns.size()
                        + ": " + line);
            } else if (!multiline) {
                rows.add(cells.stream().map(c -> value(List.of(c))).toList());
            } else if (!mode.startsRow(cells.get(0))) {
                if (cellLines == null) {
                    throw new IllegalArgumentException("multi-line table: the first row does not start a row: "
                            + line);
                }
                for (int i = 0; i < cells.size(); i++) {
                    cellLines.get(i).add(cells.get(i));
                }
            } else {
                if (cellLines != null) {
                    rows.add(cellLines.stream().map(AsciiTable::value).toList());
                }
                cellLines = new ArrayList<>();
                for (String cell : cells) {
                    cellLines.add(new ArrayList<>(List.of(cell)));
                }
            }
        }
        if (columns == null) {
            throw new IllegalArgumentException("no header line in the table");
        }
        if (cellLines != null) {
            rows.add(cellLines.stream().map(AsciiTable::value).toList());
        }
        return new ExpectedRows(columns, rows);
    }

    /** A cell's value from its lines as printed: trimmed when it has one line, else joined without padding. */
    private static String value(List<String> printed) {
        List<String> lines = new ArrayList<>(printed.stream().map(l -> l.startsWith(" ") ? l.substring(1) : l)
                .map(String::stripTrailing).toList());
        while (lines.size() > 1 && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        String v = lines.size() == 1 ? lines.get(0).strip() : String.join("\n", lines);
        return v.equals("NULL") ? null : v;
    }

    private static List<String> cells(String line) {
        return List.of(line.substring(1, line.length() - 1).split("\\|", -1));
    }

    /** Column labels and rows ({@code getString} values, null for SQL NULL). */
    record ExpectedRows(List<String> columns, List<List<String>> rows) {
    }
}

package dev.autosync.status;

import java.util.ArrayList;
import java.util.List;

/**
 * The terminal view: one aligned table per section, fitted to the terminal width (long cells are
 * shortened with an ellipsis), and colour for the verdict and states only when asked (an
 * interactive terminal).
 */
public final class TableFormat {
    private static final String RESET = "\u001b[0m";
    private final int width;
    private final boolean color;

    public TableFormat(int width, boolean color) {
        this.width = Math.max(60, width);
        this.color = color;
    }

    public List<String> render(StatusReport r) {
        List<String> out = new ArrayList<>();
        out.addAll(wrap("autosync status of " + r.database() + "." + r.schema() + " (" + r.target() + ", " + r.generatedAt() + ")", ""));
        out.add("");
        out.add("VERDICT: " + paint(r.verdict().level().name(), levelColor(r.verdict().level())));
        r.verdict().reasons().forEach(x -> out.addAll(wrap("  - " + x, "    ")));
        // FAULT only when a pipe has one: it is rare, and the columns share the terminal's width
        boolean faults = r.pipes().stream().anyMatch(p -> p.fault() != null);
        List<String> pipeHeader = new ArrayList<>(List.of("PIPE", "STATE", "PENDING", "LAST INGESTED FILE", "AT", "ERROR"));
        if (faults) {
            pipeHeader.add("FAULT");
        }
        section(out, "Pipes", pipeHeader, r.pipes().stream().map(p -> {
            List<String> row = new ArrayList<>(List.of(p.name(), p.executionState(), Long.toString(p.pendingFiles()),
                    nz(p.lastIngestedFile()), nz(p.lastIngestedAt()), nz(p.error())));
            if (faults) {
                row.add(nz(p.fault()));
            }
            return row;
        }).toList(), 1);
        List<List<String>> channels = r.pipes().stream().filter(p -> p.notificationChannel() != null)
                .map(p -> List.of(p.name(), p.notificationChannel())).toList();
        if (!channels.isEmpty()) {
            // the queue each bucket event notification must target: auto-ingest loads nothing until it does
            section(out, "Notification channels", List.of("PIPE", "NOTIFICATION CHANNEL"), channels, -1);
        }
        section(out, "Ingestion (24 h / 7 d)", List.of("PIPE", "FILES 24H", "ROWS 24H", "FAILED 24H", "FILES 7D", "ROWS 7D", "FAILED 7D"),
                r.metrics().stream().map(m -> List.of(m.pipe(), Long.toString(m.filesLoaded24h()), Long.toString(m.rowsLoaded24h()),
                        Long.toString(m.filesFailed24h()), Long.toString(m.filesLoaded7d()), Long.toString(m.rowsLoaded7d()),
                        Long.toString(m.filesFailed7d()))).toList(), -1);
        section(out, "Recent load errors", List.of("AT", "PIPE", "FILE", "LINE", "FIRST ERROR"),
                r.errors().stream().map(e -> List.of(nz(e.failedAt()), nz(e.pipe()), nz(e.file()), nz(e.line()), nz(e.firstError())))
                        .toList(), -1);
        section(out, "Streams", List.of("STREAM", "HAS DATA", "STALE"),
                r.streams().stream().map(s -> List.of(s.name(), Boolean.toString(s.hasData()), Boolean.toString(s.stale()))).toList(), -1);
        section(out, "Tasks", List.of("TASK", "STATE", "SCHEDULE", "LAST RUN", "RESULT", "ERROR"),
                r.tasks().stream().map(t -> List.of(t.name(), nz(t.state()), nz(t.schedule()), nz(t.lastRunAt()), nz(t.lastResult()),
                        nz(t.lastError()))).toList(), 1);
        section(out, "Rejected records", List.of("ENTITY", "TABLE", "TOTAL", "LAST 24H"),
                r.rejects().stream().map(x -> List.of(x.entity(), x.table(), Long.toString(x.total()), Long.toString(x.last24h()))).toList(), -1);
        section(out, "Freshness", List.of("ENTITY", "NEWEST EVENT", "AGE MIN", "LIMIT MIN", "SCHOOL HOURS", "STALE"),
                r.freshness().stream().map(f -> List.of(f.entity(), nz(f.newestEventAt()), f.ageMinutes() == null ? "" : f.ageMinutes().toString(),
                        f.limitMinutes() == null ? "" : f.limitMinutes().toString(), nz(f.schoolHours()), Boolean.toString(f.stale()))).toList(), -1);
        return out;
    }

    private void section(List<String> out, String title, List<String> header, List<List<String>> rows, int stateColumn) {
        out.add("");
        out.add(title);
        if (rows.isEmpty()) {
            out.add("  (none)");
            return;
        }
        int n = header.size();
        int[] w = new int[n];
        for (int i = 0; i < n; i++) {
            w[i] = header.get(i).length();
            for (List<String> row : rows) {
                w[i] = Math.max(w[i], row.get(i).length());
            }
        }
        // fit the width: shrink the widest column until the line fits (never below its header)
        int total = 2 + (n - 1) * 2;
        for (int x : w) {
            total += x;
        }
        while (total > width) {
            int widest = 0;
            for (int i = 1; i < n; i++) {
                if (w[i] > w[widest]) {
                    widest = i;
                }
            }
            if (w[widest] <= 4) {
                break;
            }
            w[widest]--;
            total--;
        }
        out.add("  " + line(header, w, -1).replace("…", ".")); // a shortened header keeps plain ASCII
        for (List<String> row : rows) {
            out.add("  " + line(row, w, stateColumn));
        }
    }

    private String line(List<String> cells, int[] w, int stateColumn) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            String c = fit(cells.get(i), w[i]);
            String padded = c + " ".repeat(w[i] - c.length());
            if (i == stateColumn) {
                padded = paint(padded, stateColor(cells.get(i)));
            }
            sb.append(padded);
            if (i < cells.size() - 1) {
                sb.append("  ");
            }
        }
        return sb.toString().stripTrailing();
    }

    /** Splits text at spaces into lines of at most the width; later lines get the indent. */
    private List<String> wrap(String text, String indent) {
        List<String> lines = new ArrayList<>();
        String rest = text;
        while (rest.length() > width) {
            int cut = rest.lastIndexOf(' ', width);
            if (cut <= indent.length()) {
                cut = width;
            }
            lines.add(rest.substring(0, cut).stripTrailing());
            rest = indent + rest.substring(cut).strip();
        }
        lines.add(rest);
        return lines;
    }

    static String fit(String s, int w) {
        String one = s.replace('\n', ' ');
        return one.length() <= w ? one : one.substring(0, Math.max(0, w - 1)) + "…";
    }

    private String paint(String s, String code) {
        return color && code != null ? code + s + RESET : s;
    }

    private static String levelColor(StatusReport.Level l) {
        return switch (l) {
            case HEALTHY -> "\u001b[1;32m";
            case DEGRADED -> "\u001b[1;33m";
            case FAILING -> "\u001b[1;31m";
        };
    }

    private static String stateColor(String state) {
        return switch (state == null ? "" : state.toLowerCase(java.util.Locale.ROOT)) {
            case "running", "started" -> "\u001b[32m";
            case "paused", "suspended" -> "\u001b[33m";
            default -> "\u001b[31m";
        };
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}

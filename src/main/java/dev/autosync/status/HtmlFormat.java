package dev.autosync.status;

import dev.autosync.config.PropertyNames;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * A self-contained status page: inline CSS, inline SVG charts, no script and no external
 * resource, so it opens from a CI artifact or an e-mail without a network. Charts: files and
 * rows loaded per hour over the last 7 days, and failed files per pipe.
 */
public final class HtmlFormat {
    private static final int HOURS = 7 * 24;

    private HtmlFormat() {
    }

    public static String render(StatusReport r) {
        StringBuilder h = new StringBuilder();
        String title = "autosync status: " + r.database() + "." + r.schema();
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(esc(title)).append("</title>\n<style>\n").append(CSS).append("</style></head>\n<body>\n");
        h.append("<header><h1>").append(esc(title)).append("</h1>\n<p class=\"meta\">target ").append(esc(r.target()))
                .append(" &middot; generated ").append(esc(r.generatedAt())).append("</p>\n");
        h.append("<div id=\"verdict\" class=\"verdict ").append(r.verdict().level().name().toLowerCase(Locale.ROOT)).append("\">")
                .append(r.verdict().level().name()).append("</div>\n<ul id=\"reasons\">");
        r.verdict().reasons().forEach(x -> h.append("<li>").append(esc(x)).append("</li>"));
        h.append("</ul></header>\n<main>\n");

        Instant end = Instant.now().truncatedTo(ChronoUnit.HOURS);
        Map<String, long[]> perHour = new TreeMap<>();
        for (StatusReport.Hour x : r.hourly()) {
            long[] v = perHour.computeIfAbsent(x.hour(), k -> new long[3]);
            v[0] += x.filesLoaded();
            v[1] += x.rowsLoaded();
            v[2] += x.filesFailed();
        }
        h.append("<section id=\"charts\"><h2>Last 7 days</h2>\n");
        h.append(hourChart("chart-files", "Files loaded per hour", perHour, end, v -> v[0], v -> v[2]));
        h.append(hourChart("chart-rows", "Rows loaded per hour", perHour, end, v -> v[1], v -> 0L));
        Map<String, Long> failed = new LinkedHashMap<>();
        r.metrics().forEach(m -> failed.put(m.pipe(), m.filesFailed7d()));
        h.append(barChart("chart-errors", "Failed files per pipe", failed));
        h.append("</section>\n");

        table(h, "pipes", "Pipes", List.of("Pipe", "Entity", "Purpose", "State", "Pending", "Last ingested file", "At", "Error",
                        "Fault", "Notification channel"),
                r.pipes(), p -> List.of(p.name(), p.entity(), p.purpose(), p.executionState(), Long.toString(p.pendingFiles()),
                        nz(p.lastIngestedFile()), nz(p.lastIngestedAt()), nz(p.error()), nz(p.fault()), nz(p.notificationChannel())));
        table(h, "metrics", "Ingestion", List.of("Pipe", "Files 24 h", "Rows 24 h", "Failed 24 h", "Files 7 d", "Rows 7 d", "Failed 7 d"),
                r.metrics(), m -> List.of(m.pipe(), Long.toString(m.filesLoaded24h()), Long.toString(m.rowsLoaded24h()),
                        Long.toString(m.filesFailed24h()), Long.toString(m.filesLoaded7d()), Long.toString(m.rowsLoaded7d()),
                        Long.toString(m.filesFailed7d())));
        table(h, "errors", "Recent load errors", List.of("At", "Pipe", "File", "Line", "First error"), r.errors(),
                e -> List.of(nz(e.failedAt()), nz(e.pipe()), nz(e.file()), nz(e.line()), nz(e.firstError())));
        table(h, "streams", "Streams", List.of("Stream", "Has data", "Stale"), r.streams(),
                s -> List.of(s.name(), Boolean.toString(s.hasData()), Boolean.toString(s.stale())));
        table(h, "tasks", "Tasks", List.of("Task", "State", "Schedule", "Last run", "Result", "Error"), r.tasks(),
                t -> List.of(t.name(), nz(t.state()), nz(t.schedule()), nz(t.lastRunAt()), nz(t.lastResult()), nz(t.lastError())));
        table(h, "rejects", "Rejected records", List.of("Entity", "Table", "Total", "Last 24 h"), r.rejects(),
                x -> List.of(x.entity(), x.table(), Long.toString(x.total()), Long.toString(x.last24h())));
        table(h, "freshness", "Freshness", List.of("Entity", "Newest event", "Age (min)", "Limit (min)", "School hours", "Stale"),
                r.freshness(), f -> List.of(f.entity(), nz(f.newestEventAt()), f.ageMinutes() == null ? "" : f.ageMinutes().toString(),
                        f.limitMinutes() == null ? "" : f.limitMinutes().toString(), nz(f.schoolHours()), Boolean.toString(f.stale())));
        h.append("</main>\n<footer>Send a test file: <code>mvn autosync:e2e -D" + PropertyNames.E2E_FILES + "=grades_test.json</code></footer>\n</body></html>\n");
        return h.toString();
    }

    private static String hourChart(String id, String title, Map<String, long[]> perHour, Instant end,
                                    Function<long[], Long> value, Function<long[], Long> failures) {
        int w = 840;
        int ht = 160;
        long max = 1;
        List<long[]> series = new ArrayList<>();
        for (int i = HOURS - 1; i >= 0; i--) {
            long[] v = perHour.get(end.minus(i, ChronoUnit.HOURS).toString());
            long val = v == null ? 0 : value.apply(v);
            long bad = v == null ? 0 : failures.apply(v);
            series.add(new long[] {val, bad});
            max = Math.max(max, val + bad);
        }
        double bw = (double) w / HOURS;
        StringBuilder s = new StringBuilder();
        s.append("<figure><figcaption>").append(esc(title)).append(" (max ").append(max).append(")</figcaption>\n")
                .append("<svg id=\"").append(id).append("\" class=\"chart\" viewBox=\"0 0 ").append(w).append(' ').append(ht + 20)
                .append("\" width=\"").append(w).append("\" height=\"").append(ht + 20).append("\" role=\"img\" aria-label=\"")
                .append(esc(title)).append("\">\n<line class=\"axis\" x1=\"0\" y1=\"").append(ht).append("\" x2=\"").append(w)
                .append("\" y2=\"").append(ht).append("\"/>\n");
        for (int i = 0; i < HOURS; i++) {
            long[] v = series.get(i);
            String hour = end.minus(HOURS - 1 - i, ChronoUnit.HOURS).toString();
            double x = i * bw;
            if (v[0] > 0) {
                double bh = (double) v[0] / max * (ht - 10);
                s.append(String.format(Locale.ROOT, "<rect class=\"bar\" data-hour=\"%s\" data-value=\"%d\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\"><title>%s: %d</title></rect>%n",
                        hour, v[0], x, ht - bh, Math.max(1, bw - 1), bh, hour, v[0]));
            }
            if (v[1] > 0) {
                double bh = (double) v[1] / max * (ht - 10);
                double base = ht - (double) v[0] / max * (ht - 10);
                s.append(String.format(Locale.ROOT, "<rect class=\"bar failed\" data-hour=\"%s\" data-value=\"%d\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\"><title>%s: %d failed</title></rect>%n",
                        hour, v[1], x, base - bh, Math.max(1, bw - 1), bh, hour, v[1]));
            }
        }
        for (int d = 0; d <= 7; d++) {
            double x = Math.min(w - 1, d * 24 * bw);
            s.append(String.format(Locale.ROOT, "<text class=\"tick\" x=\"%.1f\" y=\"%d\">%s</text>%n", Math.min(x, w - 60.0), ht + 15,
                    d == 7 ? "now" : "-" + (7 - d) + " d"));
        }
        return s.append("</svg></figure>\n").toString();
    }

    private static String barChart(String id, String title, Map<String, Long> values) {
        int w = 840;
        int row = 22;
        int ht = Math.max(1, values.size()) * row + 10;
        long max = Math.max(1, values.values().stream().mapToLong(Long::longValue).max().orElse(1));
        StringBuilder s = new StringBuilder();
        s.append("<figure><figcaption>").append(esc(title)).append(" (7 days)</figcaption>\n<svg id=\"").append(id)
                .append("\" class=\"chart\" viewBox=\"0 0 ").append(w).append(' ').append(ht).append("\" width=\"").append(w)
                .append("\" height=\"").append(ht).append("\" role=\"img\" aria-label=\"").append(esc(title)).append("\">\n");
        int i = 0;
        for (Map.Entry<String, Long> e : values.entrySet()) {
            int y = i * row + 4;
            double bw = (double) e.getValue() / max * 420;
            String label = e.getKey().substring(e.getKey().lastIndexOf('.') + 1);
            s.append(String.format(Locale.ROOT, "<text class=\"label\" x=\"0\" y=\"%d\">%s</text>%n", y + 14, esc(label)));
            s.append(String.format(Locale.ROOT, "<rect class=\"bar failed\" data-pipe=\"%s\" data-value=\"%d\" x=\"300\" y=\"%d\" width=\"%.1f\" height=\"16\"><title>%s: %d</title></rect>%n",
                    esc(e.getKey()), e.getValue(), y, Math.max(e.getValue() > 0 ? 2 : 0, bw), esc(e.getKey()), e.getValue()));
            s.append(String.format(Locale.ROOT, "<text class=\"value\" x=\"%.1f\" y=\"%d\">%d</text>%n", 306 + bw, y + 14, e.getValue()));
            i++;
        }
        return s.append("</svg></figure>\n").toString();
    }

    private static <T> void table(StringBuilder h, String id, String title, List<String> header, List<T> rows, Function<T, List<String>> cells) {
        h.append("<section id=\"").append(id).append("\"><h2>").append(esc(title)).append("</h2>\n");
        if (rows.isEmpty()) {
            h.append("<p class=\"none\">none</p></section>\n");
            return;
        }
        h.append("<table><thead><tr>");
        header.forEach(x -> h.append("<th>").append(esc(x)).append("</th>"));
        h.append("</tr></thead><tbody>\n");
        for (T row : rows) {
            h.append("<tr>");
            for (String c : cells.apply(row)) {
                String cls = switch (c.toLowerCase(Locale.ROOT)) {
                    case "running", "started", "succeeded" -> " class=\"ok\"";
                    case "paused", "suspended", "skipped" -> " class=\"warn\"";
                    case "failed", "stopped", "load failed" -> " class=\"bad\"";
                    default -> "";
                };
                h.append("<td").append(cls).append('>').append(esc(c)).append("</td>");
            }
            h.append("</tr>\n");
        }
        h.append("</tbody></table></section>\n");
    }

    static String esc(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static final String CSS = """
            body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 0; color: #1d2330; background: #f6f7f9; }
            header, main, footer { max-width: 1100px; margin: 0 auto; padding: 16px 24px; }
            h1 { font-size: 22px; margin: 8px 0 0; } h2 { font-size: 17px; margin: 24px 0 8px; }
            .meta { color: #5b6475; margin: 4px 0 12px; }
            .verdict { display: inline-block; padding: 6px 14px; border-radius: 6px; font-weight: 700; color: #fff; }
            .verdict.healthy { background: #1f8a4c; } .verdict.degraded { background: #b7791f; } .verdict.failing { background: #c53030; }
            table { border-collapse: collapse; width: 100%; background: #fff; }
            th, td { text-align: left; padding: 5px 8px; border-bottom: 1px solid #e3e6ec; vertical-align: top; word-break: break-word; }
            th { background: #eef0f4; font-weight: 600; }
            td.ok { color: #1f8a4c; font-weight: 600; } td.warn { color: #b7791f; font-weight: 600; } td.bad { color: #c53030; font-weight: 600; }
            figure { background: #fff; margin: 0 0 12px; padding: 10px; border: 1px solid #e3e6ec; }
            figcaption { font-weight: 600; margin-bottom: 6px; }
            svg.chart { max-width: 100%; height: auto; }
            .bar { fill: #3b6fd8; } .bar.failed { fill: #c53030; } .axis { stroke: #9aa3b2; }
            .tick, .label, .value { font-size: 11px; fill: #5b6475; }
            .none { color: #5b6475; font-style: italic; }
            footer { color: #5b6475; }
            """;
}

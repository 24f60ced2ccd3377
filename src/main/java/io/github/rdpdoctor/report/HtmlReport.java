package io.github.rdpdoctor.report;

import java.util.Locale;

/**
 * One self-contained HTML page (no network fetches): counts, a bar chart of top causes drawn by the page itself
 * (inline SVG built from the embedded data), hosts per cause and the rejected inputs.
 */
public final class HtmlReport {
    private HtmlReport() {
    }

    /** Under a first step that names PORT when the hosts use different RDP ports. */
    static final String PORT_PER_HOST = "PORT: each host's RDP port (these hosts do not all use the same one).";

    public static String render(FleetReport r) {
        StringBuilder h = new StringBuilder(16_384);
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">\n")
                .append("<title>rdp-doctor fleet report</title>\n<style>\n")
                .append("body{font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:2rem;color:#1b1f24;max-width:1100px}\n")
                .append("h1{font-size:1.6rem;margin-bottom:.2rem} h2{font-size:1.2rem;margin-top:2rem;border-bottom:1px solid #d0d7de;padding-bottom:.3rem}\n")
                .append(".counts{display:flex;gap:1rem;margin:1rem 0} .count{background:#f6f8fa;border:1px solid #d0d7de;border-radius:6px;padding:.7rem 1.2rem}\n")
                .append(".count b{display:block;font-size:1.6rem} .rejected b{color:#cf222e}\n")
                .append("table{border-collapse:collapse;width:100%;margin:.5rem 0;font-size:.9rem} th,td{text-align:left;padding:.3rem .6rem;border-bottom:1px solid #eaeef2}\n")
                .append("th{background:#f6f8fa} td.num{text-align:right;font-variant-numeric:tabular-nums}\n")
                .append(".step{background:#ddf4ff;border-left:4px solid #0969da;padding:.5rem .8rem;margin:.5rem 0} code{font-size:.85rem}\n")
                .append("#chart text{font-size:12px;fill:#1b1f24} #chart rect{fill:#0969da}\n</style></head><body>\n");
        h.append("<h1>rdp-doctor fleet report</h1>\n<p>Results: <code>").append(esc(r.source().toString())).append("</code></p>\n");
        h.append("<div class=\"counts\">")
                .append(count("inputs", r.total(), "total"))
                .append(count("diagnosed", r.ok(), "ok"))
                .append(count("rejected", r.rejectedCount(), "rejected"))
                .append(count("no cause found", r.noCause(), "nocause"))
                .append("</div>\n");

        h.append("<h2>Top causes across the fleet</h2>\n<div id=\"chart\" role=\"img\" aria-label=\"bar chart of top causes\"></div>\n");
        h.append("<script type=\"application/json\" id=\"chart-data\">[");
        boolean first = true;
        for (FleetReport.CauseStats c : r.causes()) {
            h.append(first ? "" : ",").append("{\"id\":\"").append(jsonEsc(c.id())).append("\",\"count\":").append(c.topCount()).append('}');
            first = false;
        }
        h.append("]</script>\n");
        h.append("""
                <script>
                (function () {
                  var data = JSON.parse(document.getElementById('chart-data').textContent);
                  var ns = 'http://www.w3.org/2000/svg', barH = 22, gap = 6, labelW = 260, width = 900;
                  var max = data.reduce(function (m, d) { return Math.max(m, d.count); }, 1);
                  var svg = document.createElementNS(ns, 'svg');
                  svg.setAttribute('width', width);
                  svg.setAttribute('height', Math.max(1, data.length) * (barH + gap));
                  data.forEach(function (d, i) {
                    var y = i * (barH + gap);
                    var label = document.createElementNS(ns, 'text');
                    label.setAttribute('x', labelW - 8); label.setAttribute('y', y + barH * 0.7);
                    label.setAttribute('text-anchor', 'end'); label.textContent = d.id;
                    var bar = document.createElementNS(ns, 'rect');
                    var w = Math.max(2, Math.round((width - labelW - 80) * d.count / max));
                    bar.setAttribute('x', labelW); bar.setAttribute('y', y); bar.setAttribute('height', barH);
                    bar.setAttribute('width', w); bar.setAttribute('data-cause', d.id); bar.setAttribute('data-count', d.count);
                    var value = document.createElementNS(ns, 'text');
                    value.setAttribute('x', labelW + w + 6); value.setAttribute('y', y + barH * 0.7);
                    value.setAttribute('class', 'value'); value.textContent = d.count;
                    svg.appendChild(label); svg.appendChild(bar); svg.appendChild(value);
                  });
                  document.getElementById('chart').appendChild(svg);
                  document.body.setAttribute('data-chart-bars', data.length);
                })();
                </script>
                """);

        h.append("<table id=\"cause-table\"><thead><tr><th>cause</th><th>title</th><th class=\"num\">hosts (top cause)</th><th class=\"num\">hosts (listed)</th></tr></thead><tbody>\n");
        for (FleetReport.CauseStats c : r.causes()) {
            h.append("<tr data-cause=\"").append(esc(c.id())).append("\"><td><a href=\"#").append(esc(c.id())).append("\">")
                    .append(esc(c.id())).append("</a></td><td>").append(esc(c.title())).append("</td><td class=\"num\">")
                    .append(c.topCount()).append("</td><td class=\"num\">").append(c.listedCount()).append("</td></tr>\n");
        }
        h.append("</tbody></table>\n");

        for (FleetReport.CauseStats c : r.causes()) {
            h.append("<h2 id=\"").append(esc(c.id())).append("\">").append(esc(c.title())).append(" <small>(")
                    .append(esc(c.id())).append(", ").append(c.topCount()).append(" hosts)</small></h2>\n");
            if (c.firstStep() != null) {
                h.append("<div class=\"step\"><b>First step:</b> ").append(esc(c.firstStep()));
                if (c.firstCommand() != null) {
                    h.append("<br><code>").append(esc(c.firstCommand())).append("</code>");
                }
                if (c.portPerHost()) {
                    h.append("<br><small>").append(esc(PORT_PER_HOST)).append("</small>");
                }
                h.append("</div>\n");
            }
            h.append("<table class=\"hosts\" data-cause=\"").append(esc(c.id())).append("\"><thead><tr><th>host</th><th class=\"num\">confidence</th><th>file</th></tr></thead><tbody>\n");
            for (FleetReport.HostRow row : c.hosts()) {
                h.append("<tr><td>").append(esc(row.host())).append("</td><td class=\"num\">")
                        .append(String.format(Locale.ROOT, "%.2f", row.confidence())).append("</td><td><code>")
                        .append(esc(row.file())).append("</code></td></tr>\n");
            }
            h.append("</tbody></table>\n");
            if (c.topCount() > c.hosts().size()) {
                h.append("<p>… and ").append(c.topCount() - c.hosts().size()).append(" more hosts (the ")
                        .append(c.hosts().size()).append(" most confident are shown).</p>\n");
            }
        }

        h.append("<h2 id=\"rejected\">Rejected inputs (").append(r.rejectedCount()).append(")</h2>\n");
        if (r.rejectedCount() == 0) {
            h.append("<p>None.</p>\n");
        } else {
            h.append("<table id=\"rejected-table\"><thead><tr><th>file</th><th>error</th></tr></thead><tbody>\n");
            for (FleetReport.Rejected x : r.rejected()) {
                h.append("<tr><td><code>").append(esc(x.file())).append("</code></td><td>").append(esc(x.message())).append("</td></tr>\n");
            }
            h.append("</tbody></table>\n");
            if (r.rejectedCount() > r.rejected().size()) {
                h.append("<p>… and ").append(r.rejectedCount() - r.rejected().size()).append(" more.</p>\n");
            }
        }
        if (!r.unreadable().isEmpty()) {
            h.append("<h2>Unreadable result lines (").append(r.unreadableCount()).append(")</h2>\n<ul>\n");
            r.unreadable().forEach(u -> h.append("<li>").append(esc(u)).append("</li>\n"));
            h.append("</ul>\n");
            if (r.unreadableCount() > r.unreadable().size()) {
                h.append("<p>… and ").append(r.unreadableCount() - r.unreadable().size()).append(" more.</p>\n");
            }
        }
        h.append("</body></html>\n");
        return h.toString();
    }

    private static String count(String label, long n, String cls) {
        return "<div class=\"count " + cls + "\" id=\"count-" + cls + "\"><b>" + n + "</b>" + label + "</div>";
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    private static String jsonEsc(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"").replace("<", "\\u003c");
    }
}

package io.github.rdpdoctor.report;

import java.util.Locale;

/** The fleet summary as Markdown, for pasting into a ticket. */
public final class MarkdownReport {
    private MarkdownReport() {
    }

    public static String render(FleetReport r, int hostsPerCause) {
        StringBuilder m = new StringBuilder();
        m.append("# rdp-doctor fleet report\n\n");
        m.append(String.format(Locale.ROOT, "%d %s: %d diagnosed, %d rejected, %d without a supported cause.%n%n",
                r.total(), r.total() == 1 ? "input" : "inputs", r.ok(), r.rejectedCount(), r.noCause()));
        m.append("| cause | title | hosts (top cause) | hosts (listed) |\n|---|---|---:|---:|\n");
        for (FleetReport.CauseStats c : r.causes()) {
            m.append("| `").append(c.id()).append("` | ").append(text(c.title())).append(" | ").append(c.topCount())
                    .append(" | ").append(c.listedCount()).append(" |\n");
        }
        for (FleetReport.CauseStats c : r.causes()) {
            m.append("\n## ").append(c.title()).append(" (`").append(c.id()).append("`, ").append(c.topCount()).append(" hosts)\n\n");
            if (c.firstStep() != null) {
                m.append("First step: ").append(c.firstStep()).append('\n');
                if (c.firstCommand() != null) {
                    m.append("\n    ").append(c.firstCommand()).append('\n');
                }
                if (c.portPerHost()) {
                    m.append('\n').append(text(HtmlReport.PORT_PER_HOST)).append('\n');
                }
                m.append('\n');
            }
            m.append("| host | confidence | file |\n|---|---:|---|\n");
            c.hosts().stream().limit(hostsPerCause).forEach(h -> m.append("| ").append(text(h.host())).append(" | ")
                    .append(String.format(Locale.ROOT, "%.2f", h.confidence())).append(" | ").append(codeCell(h.file())).append(" |\n"));
            if (c.topCount() > Math.min(hostsPerCause, c.hosts().size())) {
                m.append("\n… and ").append(c.topCount() - Math.min(hostsPerCause, c.hosts().size())).append(" more.\n");
            }
        }
        m.append("\n## Rejected inputs (").append(r.rejectedCount()).append(")\n\n");
        if (r.rejectedCount() == 0) {
            m.append("None.\n");
        } else {
            m.append("| file | error |\n|---|---|\n");
            r.rejected().stream().limit(hostsPerCause).forEach(x -> m.append("| ").append(codeCell(x.file())).append(" | ")
                    .append(text(x.message())).append(" |\n"));
            if (r.rejectedCount() > Math.min(hostsPerCause, r.rejected().size())) {
                m.append("\n… and ").append(r.rejectedCount() - Math.min(hostsPerCause, r.rejected().size())).append(" more.\n");
            }
        }
        if (!r.unreadable().isEmpty()) {
            m.append("\n## Unreadable result lines (").append(r.unreadableCount()).append(")\n\n");
            r.unreadable().stream().limit(hostsPerCause).forEach(u -> m.append("- ").append(text(u)).append('\n'));
            if (r.unreadableCount() > Math.min(hostsPerCause, r.unreadable().size())) {
                m.append("\n… and ").append(r.unreadableCount() - Math.min(hostsPerCause, r.unreadable().size())).append(" more.\n");
            }
        }
        return m.toString();
    }

    /**
     * Text from the inputs (host names, error messages quoting a file's values) as one Markdown line that shows as
     * written: Markdown and HTML characters are escaped, so {@code <script>} in a bad file stays visible in a ticket
     * instead of being taken as a tag, and a {@code |} does not split a table cell.
     */
    public static String text(String s) {
        return s == null ? "" : s.replace("\n", " ").replaceAll("([\\\\`*\\[\\]<>&|])", "\\\\$1");
    }

    /** A file name as a code span, which shows everything as written; a backtick in the name ends the span, so it is quoted. */
    public static String code(String s) {
        String t = s == null ? "" : s.replace("\n", " ");
        return t.contains("`") ? "`` " + t + " ``" : "`" + t + "`";
    }

    /** {@link #code} in a table cell, where a {@code |} would end the cell (GitHub shows {@code \|} there as {@code |}). */
    private static String codeCell(String s) {
        return code(s).replace("|", "\\|");
    }
}

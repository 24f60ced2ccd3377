package io.github.rdpdoctor.cli;

import io.github.rdpdoctor.engine.Diagnosis;
import io.github.rdpdoctor.engine.Evidence;
import io.github.rdpdoctor.engine.RankedCause;
import io.github.rdpdoctor.knowledge.RemediationStep;
import io.github.rdpdoctor.report.MarkdownReport;
import java.io.PrintWriter;
import java.util.Locale;

/** Renders one diagnosis as Markdown, for a ticket. */
final class MarkdownRenderer {
    private MarkdownRenderer() {
    }

    /** @param advice what to say when no cause is supported ({@link MoreFacts#advice}) */
    static void render(PrintWriter out, Diagnosis d, String advice) {
        out.println("## RDP diagnosis: " + MarkdownReport.text(d.host()));
        out.println();
        out.println("Facts from " + MarkdownReport.code(d.source()) + ".");
        out.println();
        if (d.causes().isEmpty()) {
            out.println(MarkdownReport.text(advice));
        } else {
            out.println("| # | cause | confidence |");
            out.println("|---:|---|---:|");
            int i = 1;
            for (RankedCause c : d.causes()) {
                out.printf(Locale.ROOT, "| %d | %s (`%s`) | %.2f |%n", i++, c.title(), c.id(), c.confidence());
            }
        }
        int i = 1;
        for (RankedCause c : d.causes()) {
            out.println();
            out.printf(Locale.ROOT, "### %d. %s (`%s`, %.2f)%n%n", i++, c.title(), c.id(), c.confidence());
            out.println("Evidence:");
            out.println();
            for (Evidence e : c.evidence()) {
                out.println("- " + (e.supports() ? "for" : "against") + ": " + MarkdownReport.text(e.detail()) + " _("
                        + MarkdownReport.text(e.rule()) + ")_");
            }
            out.println();
            out.println("Fix:");
            out.println();
            int n = 1;
            for (RemediationStep s : d.remediation(c)) {
                out.println(n++ + ". " + s.text());
                if (s.command() != null) {
                    out.println("   `" + s.command().replace("`", "'") + "`");
                }
                if (s.caution() != null) {
                    out.println("   **Caution:** " + s.caution());
                }
            }
        }
        if (!d.warnings().isEmpty()) {
            out.println();
            out.println("Warnings:");
            out.println();
            d.warnings().forEach(w -> out.println("- " + MarkdownReport.text(w)));
        }
    }
}

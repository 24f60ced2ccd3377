package io.github.rdpdoctor.cli;

import io.github.rdpdoctor.engine.Diagnosis;
import io.github.rdpdoctor.engine.Evidence;
import io.github.rdpdoctor.engine.RankedCause;
import io.github.rdpdoctor.knowledge.RemediationStep;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/** Renders a diagnosis for an admin reading a terminal. */
final class TextRenderer {
    private TextRenderer() {
    }

    /** @param advice what to say when no cause is supported ({@link MoreFacts#advice}) */
    static void render(PrintWriter out, Diagnosis d, String advice) {
        out.println("== " + d.host() + "  (" + d.source() + ")");
        if (d.causes().isEmpty()) {
            out.println(wrap(advice, "", "", 100));
        }
        int rank = 1;
        for (RankedCause c : d.causes()) {
            out.println();
            out.printf(Locale.ROOT, "%d. %s  [%s]  confidence %.2f%n", rank++, c.title(), c.id(), c.confidence());
            out.println("   Why:");
            for (Evidence e : c.evidence()) {
                out.println("     " + (e.supports() ? "+ " : "- ") + e.detail() + "  (" + e.rule() + ")");
            }
            out.println("   Fix:");
            steps(out, d.remediation(c), "     ");
        }
        if (!d.warnings().isEmpty()) {
            out.println();
            out.println("Warnings:");
            d.warnings().forEach(w -> out.println("  ! " + w));
        }
    }

    /**
     * Numbered steps as given: {@link Diagnosis#remediation(RankedCause)} has the diagnosed host and port in them,
     * so the commands can be run as printed; a cause's own steps keep the knowledge base's placeholders.
     */
    static void steps(PrintWriter out, List<RemediationStep> steps, String indent) {
        int n = 1;
        for (RemediationStep s : steps) {
            String num = n++ + ". ";
            out.println(wrap(s.text(), indent + num, indent + " ".repeat(num.length()), 100));
            if (s.command() != null) {
                out.println(indent + " ".repeat(num.length()) + "> " + s.command());
            }
            if (s.caution() != null) {
                out.println(wrap("Caution: " + s.caution(), indent + " ".repeat(num.length()) + "! ",
                        indent + " ".repeat(num.length()) + "  ", 100));
            }
        }
    }

    static String wrap(String text, String indent, int width) {
        return wrap(text, indent, indent, width);
    }

    /** Greedy word wrap with a first-line prefix and a continuation prefix. */
    static String wrap(String text, String first, String rest, int width) {
        StringBuilder sb = new StringBuilder(first);
        int col = first.length();
        boolean lineStart = true;
        for (String word : text.trim().split("\\s+")) {
            if (!lineStart && col + 1 + word.length() > width) {
                sb.append('\n').append(rest);
                col = rest.length();
                lineStart = true;
            }
            if (!lineStart) {
                sb.append(' ');
                col++;
            }
            sb.append(word);
            col += word.length();
            lineStart = false;
        }
        return sb.toString();
    }
}

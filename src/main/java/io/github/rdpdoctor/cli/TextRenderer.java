package io.github.rdpdoctor.cli;

import io.github.rdpdoctor.engine.Diagnosis;
import io.github.rdpdoctor.engine.Evidence;
import io.github.rdpdoctor.engine.RankedCause;
import io.github.rdpdoctor.knowledge.RemediationStep;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Renders a diagnosis for an admin reading a terminal. */
final class TextRenderer {
    private TextRenderer() {
    }

    static void render(PrintWriter out, Diagnosis d) {
        out.println("== " + d.host() + "  (" + d.source() + ")");
        if (d.causes().isEmpty()) {
            out.println(io.github.rdpdoctor.collectors.CollectedSymptoms.SOURCE.equals(d.source())
                    // right after a live probe, "a live probe" is no advice: name what to add to its facts
                    ? "No cause is supported by these facts. More facts narrow it down: the client's error codes, host-side facts (services, events, registry); merge them with these (probe --save FILE, then diagnose --merge)."
                    : "No cause is supported by these facts. More facts narrow it down: the client's error codes, host-side facts (services, events, registry), a live probe.");
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
            steps(out, c.remediation(), "     ", d.host());
        }
        if (!d.warnings().isEmpty()) {
            out.println();
            out.println("Warnings:");
            d.warnings().forEach(w -> out.println("  ! " + w));
        }
    }

    /**
     * Numbered steps; with a {@code host}, its name replaces the knowledge base's {@code HOST} placeholder, so the
     * commands can be run as printed (see {@link #forHost}).
     */
    static void steps(PrintWriter out, List<RemediationStep> steps, String indent, String host) {
        String name = forHost(host);
        int n = 1;
        for (RemediationStep s : steps) {
            String num = n++ + ". ";
            out.println(wrap(fill(s.text(), name), indent + num, indent + " ".repeat(num.length()), 100));
            if (s.command() != null) {
                out.println(indent + " ".repeat(num.length()) + "> " + fill(s.command(), name));
            }
            if (s.caution() != null) {
                out.println(wrap("Caution: " + s.caution(), indent + " ".repeat(num.length()) + "! ",
                        indent + " ".repeat(num.length()) + "  ", 100));
            }
        }
    }

    /** A host name or IPv4 address, optionally with a port; anything else could change a command's meaning. */
    private static final Pattern PLAIN_HOST = Pattern.compile("([A-Za-z0-9_](?:[A-Za-z0-9_.-]*[A-Za-z0-9_])?)(?::\\d{1,5})?");
    private static final Pattern HOST_PLACEHOLDER = Pattern.compile("\\bHOST\\b");
    /** mstsc's {@code /v:HOST}, the one place that takes the port too. */
    private static final Pattern CONNECT_PLACEHOLDER = Pattern.compile("(?i)(?<![\\w/])(/v:)HOST\\b");

    /**
     * The name to put for {@code HOST} in commands: the diagnosed host when it is a plain DNS name or IPv4 address,
     * with its port if it has one, else null (the placeholder stays: an IPv6 address or odd text is left to the admin).
     */
    static String forHost(String host) {
        Matcher m = host == null ? null : PLAIN_HOST.matcher(host);
        return m != null && m.matches() ? m.group() : null;
    }

    /**
     * {@code text} with the {@code HOST} placeholder replaced by {@code name} ({@link #forHost}); unchanged without a
     * name. A port is kept only in {@code mstsc /v:HOST} (which connects to it); elsewhere a computer name is meant
     * (Test-NetConnection -ComputerName, TERMSRV/HOST, HOST.rdp), so the port is dropped.
     */
    static String fill(String text, String name) {
        if (name == null) {
            return text;
        }
        int colon = name.indexOf(':');
        String computer = colon < 0 ? name : name.substring(0, colon);
        String connect = CONNECT_PLACEHOLDER.matcher(text).replaceAll("$1" + Matcher.quoteReplacement(name));
        return HOST_PLACEHOLDER.matcher(connect).replaceAll(Matcher.quoteReplacement(computer));
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

package io.github.rdpdoctor.collectors.windows;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a command printed.
 *
 * @param exitCode the exit code; -1 when the command was killed after its timeout
 * @param stdout   standard output, decoded as UTF-8 (never null)
 * @param stderr   standard error, decoded as UTF-8 (never null)
 * @param timedOut true when the command was killed because it ran out of time
 */
public record CommandResult(int exitCode, String stdout, String stderr, boolean timedOut) {

    public CommandResult {
        stdout = Objects.requireNonNullElse(stdout, "");
        stderr = Objects.requireNonNullElse(stderr, "");
    }

    public static CommandResult ok(String stdout) {
        return new CommandResult(0, stdout, "", false);
    }

    /** True when the command ended by itself with exit code 0. */
    public boolean succeeded() {
        return !timedOut && exitCode == 0;
    }

    /**
     * The meaningful lines of standard error. PowerShell writes an uncaught error as several lines
     * ("+ CategoryInfo ...", "+ FullyQualifiedErrorId ..."): those decoration lines, CLIXML progress
     * records and blank lines are dropped. Windows PowerShell run with {@code -EncodedCommand} and a
     * redirected standard error writes its errors as CLIXML ({@code #< CLIXML} and one line of
     * {@code <Objs ...><S S="Error">message_x000D__x000A_</S>...</Objs>}): the messages are taken out of it.
     */
    public List<String> stderrLines() {
        List<String> lines = new ArrayList<>();
        String text = stderr.contains("#< CLIXML") || stderr.contains("<Objs ") ? fromClixml(stderr) : stderr;
        for (String raw : text.split("\\R")) {
            String l = raw.strip();
            if (l.isEmpty() || l.startsWith("#< CLIXML") || l.startsWith("<Objs ") || l.startsWith("+ ")
                    || l.startsWith("+~") || l.matches("\\+\\s*~+") || l.equals("+")
                    || l.startsWith("At line:") || l.startsWith("In Zeile:") || l.startsWith("Bei Zeile:")) {
                continue;
            }
            lines.add(unescape(l));
        }
        return lines;
    }

    private static final java.util.regex.Pattern CLIXML_PART = java.util.regex.Pattern.compile(
            "#< CLIXML|<S S=\"([^\"]*)\">(.*?)</S>|<Obj\\b.*?</Obj>|</?Objs\\b[^>]*>", java.util.regex.Pattern.DOTALL);
    private static final java.util.regex.Pattern CLIXML_CHAR = java.util.regex.Pattern.compile("_x([0-9A-Fa-f]{4})_");
    /** The {@code \\uXXXX} escapes that the collector scripts use to keep their output ASCII. */
    private static final java.util.regex.Pattern UNICODE_ESCAPE = java.util.regex.Pattern.compile("\\\\u([0-9a-fA-F]{4})");

    /**
     * Standard error with its CLIXML parts replaced by the text of their error and warning strings, one per
     * line; progress records and other objects are dropped, plain text around them is kept.
     */
    static String fromClixml(String s) {
        return CLIXML_PART.matcher(s).replaceAll(r -> {
            String kind = r.group(1);
            boolean text = kind != null && (kind.equalsIgnoreCase("Error") || kind.equalsIgnoreCase("warning"));
            return java.util.regex.Matcher.quoteReplacement(text ? "\n" + clixmlText(r.group(2)) + "\n" : "\n");
        });
    }

    /** The text of a CLIXML string: XML entities, then PowerShell's {@code _xHHHH_} character escapes. */
    private static String clixmlText(String xml) {
        String t = xml.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'")
                .replace("&amp;", "&");
        return hexChars(CLIXML_CHAR, t);
    }

    /** Undoes the {@code \\uXXXX} escapes that the collector scripts use to keep their output ASCII. */
    static String unescape(String s) {
        if (!s.contains("\\u")) {
            return s;
        }
        return hexChars(UNICODE_ESCAPE, s);
    }

    /** Each match of {@code escape} replaced by the character whose hex code is its group 1. */
    private static String hexChars(java.util.regex.Pattern escape, String s) {
        return escape.matcher(s).replaceAll(r -> java.util.regex.Matcher.quoteReplacement(
                String.valueOf((char) Integer.parseInt(r.group(1), 16))));
    }
}

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
     * records and blank lines are dropped.
     */
    public List<String> stderrLines() {
        List<String> lines = new ArrayList<>();
        for (String raw : stderr.split("\\R")) {
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

    /** Undoes the {@code \\uXXXX} escapes that the collector scripts use to keep their output ASCII. */
    static String unescape(String s) {
        if (!s.contains("\\u")) {
            return s;
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\\\u([0-9a-fA-F]{4})").matcher(s);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(sb, java.util.regex.Matcher.quoteReplacement(
                    String.valueOf((char) Integer.parseInt(m.group(1), 16))));
        }
        m.appendTail(sb);
        return sb.toString();
    }
}

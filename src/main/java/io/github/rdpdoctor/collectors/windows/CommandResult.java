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
            lines.add(l);
        }
        return lines;
    }
}

package io.github.rdpdoctor.collectors.windows;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A CommandRunner that plays recorded PowerShell output: it decodes the -EncodedCommand, finds which snippet
 * the script carries, and answers with the recording given for it (or a failure when none was given).
 */
final class FakeRunner implements CommandRunner {
    private final Map<String, CommandResult> bySnippet = new HashMap<>();
    final List<String> ran = Collections.synchronizedList(new ArrayList<>());
    final List<String> scripts = Collections.synchronizedList(new ArrayList<>());

    FakeRunner answer(String snippet, CommandResult result) {
        bySnippet.put(snippet, result);
        return this;
    }

    @Override
    public CommandResult run(List<String> command, Duration timeout) {
        String exe = command.get(0).toLowerCase(java.util.Locale.ROOT);
        if (!exe.endsWith("powershell.exe") || !command.contains("-EncodedCommand") || !command.contains("-NonInteractive")) {
            throw new IllegalArgumentException("not a PowerShell command: " + command);
        }
        String script = new String(Base64.getDecoder().decode(command.get(command.size() - 1)), StandardCharsets.UTF_16LE);
        scripts.add(script);
        for (String name : Snippets.ALL) {
            if (script.contains("\n$rdpOutput = & {\n" + Snippets.load(name) + "\n}\n")) {
                ran.add(name);
                CommandResult r = bySnippet.get(name);
                return r != null ? r : new CommandResult(1, "", "no recording for " + name, false);
            }
        }
        throw new IllegalArgumentException("script carries no known snippet");
    }
}

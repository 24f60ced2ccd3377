package io.github.rdpdoctor.collectors.windows;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Recorded PowerShell runs under src/test/resources/windows/SNIPPET/CASE: CASE.stdout (exactly what the
 * script printed, possibly nothing), optional CASE.stderr and CASE.exit (exit code, default 0).
 */
final class Recordings {
    /** The time the recordings were made at. */
    static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private Recordings() {
    }

    static Path root() {
        URL url = Recordings.class.getClassLoader().getResource("windows");
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** "services/running" → the recorded run. */
    static CommandResult load(String name) {
        Path base = root().resolve(name + ".stdout");
        try {
            String out = Files.readString(base, StandardCharsets.UTF_8);
            Path err = root().resolve(name + ".stderr");
            Path exit = root().resolve(name + ".exit");
            return new CommandResult(Files.exists(exit) ? Integer.parseInt(Files.readString(exit).strip()) : 0, out,
                    Files.exists(err) ? Files.readString(err, StandardCharsets.UTF_8) : "", false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every recording, as "snippet-dir/case". */
    static List<String> all() {
        List<String> out = new ArrayList<>();
        try (Stream<Path> s = Files.walk(root())) {
            s.filter(p -> p.toString().endsWith(".stdout")).sorted().forEach(p -> {
                String rel = root().relativize(p).toString().replace('\\', '/');
                out.add(rel.substring(0, rel.length() - ".stdout".length()));
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** The collector whose snippet a recording directory belongs to. */
    static WindowsCollector collectorFor(String recording, CommandRunner runner) {
        String snippet = recording.substring(0, recording.indexOf('/')) + ".ps1";
        return WindowsCollection.collectors(runner, () -> "Windows Server 2019", CLOCK).stream()
                .filter(c -> c.snippet().equals(snippet)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no collector for " + recording));
    }
}

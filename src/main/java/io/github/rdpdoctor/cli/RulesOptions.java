package io.github.rdpdoctor.cli;

import io.github.rdpdoctor.engine.RdpDoctor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code --rules DIR} (repeatable): extra DRL files or directories on top of the bundled rules. */
final class RulesOptions {
    @Option(names = "--rules", paramLabel = "DIR", description = "Extra .drl file or directory of rules (repeatable).")
    List<Path> rules = new ArrayList<>();

    RdpDoctor doctor() {
        RdpDoctor.Builder b = RdpDoctor.builder();
        rules.forEach(b::addRules);
        return b.build();
    }
}

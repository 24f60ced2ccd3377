package io.github.rdpdoctor.cli;

import io.github.rdpdoctor.engine.RdpDoctor;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code --rules DIR} (repeatable): extra DRL files or directories on top of the bundled rules. */
final class RulesOptions {
    @Option(names = "--rules", paramLabel = "DIR", description = "Extra .drl file or directory of rules (repeatable).")
    List<Path> rules = new ArrayList<>();

    /** Builds the doctor; prints the added rules' warnings ({@link RdpDoctor#ruleWarnings()}) on {@code err}. */
    RdpDoctor doctor(PrintWriter err) {
        RdpDoctor.Builder b = RdpDoctor.builder();
        rules.forEach(b::addRules);
        RdpDoctor doctor = b.build();
        doctor.ruleWarnings().forEach(w -> err.println(w.asWarning()));
        err.flush();
        return doctor;
    }
}

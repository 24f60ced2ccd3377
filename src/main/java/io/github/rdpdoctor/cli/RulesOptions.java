package io.github.rdpdoctor.cli;

import io.github.rdpdoctor.engine.RdpDoctor;
import io.github.rdpdoctor.engine.RuleCompilationException;
import io.github.rdpdoctor.engine.RuleProblem;
import io.github.rdpdoctor.engine.RuleSource;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code --rules DIR} (repeatable): extra DRL files or directories on top of the bundled rules. */
final class RulesOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    @Option(names = "--rules", paramLabel = "DIR", description = "Extra .drl file or directory of rules (repeatable).")
    List<Path> rules = new ArrayList<>();

    /**
     * Builds the doctor; prints the added rules' warnings ({@link RdpDoctor#ruleWarnings()}) on {@code err}.
     *
     * @throws ParameterException when two --rules name the same file (the same path, or one inside the other)
     * @throws RuleCompilationException when the rules do not compile, or a consequence names an unknown cause or a
     *                                  weight outside (0, 1] as a literal (checked by {@link RdpDoctor.Builder#build()})
     */
    RdpDoctor doctor(PrintWriter err) {
        refuseOverlaps();
        RdpDoctor.Builder b = RdpDoctor.builder();
        rules.forEach(b::addRules);
        RdpDoctor doctor = b.build();
        doctor.ruleWarnings().forEach(w -> err.println(w.asWarning()));
        err.flush();
        return doctor;
    }

    /** Each rule file is given once: the same path twice, or a path inside another, is a usage error. */
    private void refuseOverlaps() {
        List<Path> real = new ArrayList<>();
        for (Path p : rules) {
            try {
                real.add(p.toRealPath());
            } catch (IOException e) {
                real.add(p.toAbsolutePath().normalize()); // missing: reading the rules reports it
            }
        }
        for (int i = 0; i < rules.size(); i++) {
            for (int j = 0; j < i; j++) {
                String problem = rules.get(i).equals(rules.get(j)) ? " is given twice"
                        : real.get(i).equals(real.get(j)) ? " and --rules " + rules.get(i) + " are the same"
                        : real.get(i).startsWith(real.get(j)) ? " contains --rules " + rules.get(i)
                        : real.get(j).startsWith(real.get(i)) ? " is inside --rules " + rules.get(i) : null;
                if (problem != null) {
                    throw new ParameterException(command.commandLine(),
                            "--rules " + rules.get(j) + problem + "; give each rule file once");
                }
            }
        }
    }
}

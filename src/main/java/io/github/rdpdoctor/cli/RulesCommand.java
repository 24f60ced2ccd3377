package io.github.rdpdoctor.cli;

import io.github.rdpdoctor.engine.RdpDoctor;
import io.github.rdpdoctor.engine.RuleCompilationException;
import io.github.rdpdoctor.engine.RuleProblem;
import io.github.rdpdoctor.engine.ScenarioRunner;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code rules check} and {@code rules test}: for rule authors. */
@Command(name = "rules", description = "Checks and tests rules.",
        subcommands = {RulesCommand.Check.class, RulesCommand.Test.class})
final class RulesCommand {

    @Command(name = "check", description = "Compiles the bundled rules plus --rules; prints problems as FILE:LINE:COL: message.")
    static final class Check implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        RulesOptions rules;

        @Override
        public Integer call() {
            try {
                RdpDoctor doctor = rules.doctor(spec.commandLine().getErr());
                int files = doctor.ruleSources().size();
                int warnings = doctor.ruleWarnings().size();
                spec.commandLine().getOut().println("OK: " + files + " rule file" + (files == 1 ? "" : "s") + " compiled"
                        + (warnings == 0 ? "" : ", " + warnings + " warning" + (warnings == 1 ? "" : "s")));
                return Main.OK;
            } catch (RuleCompilationException e) {
                // problems and warnings in file and line order, each with its FILE:LINE:COL
                PrintWriter err = spec.commandLine().getErr();
                List<RuleProblem> all = new java.util.ArrayList<>(e.problems());
                all.addAll(e.warnings());
                all.sort(java.util.Comparator.comparing(RuleProblem::file).thenComparingInt(RuleProblem::line)
                        .thenComparingInt(RuleProblem::column));
                for (RuleProblem p : all) {
                    err.println(e.warnings().contains(p) && !e.problems().contains(p) ? p.asWarning() : p.toString());
                }
                int w = e.warnings().size();
                err.println(e.problems().size() + " problem" + (e.problems().size() == 1 ? "" : "s")
                        + (w == 0 ? "" : ", " + w + " warning" + (w == 1 ? "" : "s")));
                return Main.BAD_INPUT;
            }
        }
    }

    @Command(name = "test", description = {"Runs scenario files (symptom files with an 'expect:' block) and reports pass/fail.",
            "expect: top_cause (ranks first), listed, not_listed (lists of cause ids), min_confidence and max_confidence "
                    + "(maps of cause id, or 'top' for the first-ranked cause, to a confidence from 0 to 1)."})
    static final class Test implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        RulesOptions rules;

        @Parameters(paramLabel = "SCENARIO_DIR", description = "Directory (or file) of scenarios.")
        Path dir;

        @Override
        public Integer call() throws IOException {
            ScenarioRunner runner = new ScenarioRunner(rules.doctor(spec.commandLine().getErr()));
            PrintWriter out = spec.commandLine().getOut();
            List<ScenarioRunner.Result> results = runner.runAll(dir);
            if (results.isEmpty()) {
                spec.commandLine().getErr().println("rdp-doctor: no scenario files (*.yaml, *.yml, *.json) under " + dir);
                return Main.BAD_INPUT;
            }
            int failed = 0;
            for (ScenarioRunner.Result r : results) {
                if (r.passed()) {
                    String top = r.diagnosis().top().map(c -> c.id() + " " + c.confidence()).orElse("-");
                    out.println("PASS " + r.file() + "  (top: " + top + ")");
                } else {
                    failed++;
                    out.println("FAIL " + r.file());
                    r.failures().forEach(f -> out.println("     " + f));
                }
            }
            out.println((results.size() - failed) + " passed, " + failed + " failed");
            return failed == 0 ? Main.OK : Main.BAD_INPUT;
        }
    }
}

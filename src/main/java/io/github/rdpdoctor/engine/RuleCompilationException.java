package io.github.rdpdoctor.engine;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The rules do not compile; {@link #problems()} lists every problem, one per line in the message. {@link #warnings()}
 * holds what the vocabulary check found in the same rules (a symptom name not in the vocabulary, a typed view the
 * symptom never has), so a rule author sees every finding in one run rather than the warnings only after the errors
 * are fixed.
 */
public final class RuleCompilationException extends RdpDoctorException {
    private final List<RuleProblem> problems;
    private final List<RuleProblem> warnings;

    public RuleCompilationException(List<RuleProblem> problems) {
        this(problems, List.of());
    }

    public RuleCompilationException(List<RuleProblem> problems, List<RuleProblem> warnings) {
        super(problems.size() + " rule problem" + (problems.size() == 1 ? "" : "s") + ":\n"
                + problems.stream().map(RuleProblem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
        this.warnings = List.copyOf(warnings);
    }

    public List<RuleProblem> problems() {
        return problems;
    }

    /** The vocabulary check's warnings about the same rules (see {@link RdpDoctor#ruleWarnings()}); may be empty. */
    public List<RuleProblem> warnings() {
        return warnings;
    }
}

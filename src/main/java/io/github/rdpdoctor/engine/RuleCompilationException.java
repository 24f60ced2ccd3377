package io.github.rdpdoctor.engine;

import java.util.List;
import java.util.stream.Collectors;

/** The rules do not compile; {@link #problems()} lists every problem, one per line in the message. */
public final class RuleCompilationException extends RdpDoctorException {
    private final List<RuleProblem> problems;

    public RuleCompilationException(List<RuleProblem> problems) {
        super(problems.size() + " rule problem" + (problems.size() == 1 ? "" : "s") + ":\n"
                + problems.stream().map(RuleProblem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<RuleProblem> problems() {
        return problems;
    }
}

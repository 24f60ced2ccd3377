package io.github.rdpdoctor.cli;

import io.github.rdpdoctor.knowledge.Cause;
import io.github.rdpdoctor.knowledge.KnowledgeBase;
import io.github.rdpdoctor.engine.RdpDoctorException;
import io.github.rdpdoctor.symptoms.Spelling;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code kb list} and {@code kb show ID}: the knowledge base. */
@Command(name = "kb", description = "Shows the knowledge base: causes and their remediation.",
        subcommands = {KbCommand.ListCommand.class, KbCommand.ShowCommand.class})
final class KbCommand {

    @Command(name = "list", description = "Lists the cause ids with their titles.")
    static final class ListCommand implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            for (Cause c : KnowledgeBase.bundled().causes()) {
                out.printf("%-32s %s%n", c.id(), c.title());
            }
            return Main.OK;
        }
    }

    @Command(name = "show", description = "Shows one cause: explanation, remediation steps, sources.")
    static final class ShowCommand implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "ID", description = "Cause id, e.g. credssp-nla-mismatch.")
        String id;

        @Override
        public Integer call() {
            KnowledgeBase kb = KnowledgeBase.bundled();
            Cause c = kb.cause(id).orElseThrow(() -> {
                // a misspelt id is told the one meant, as rule and scenario checks do; case and blanks do not count
                String hint = Spelling.hint(id.strip().toLowerCase(java.util.Locale.ROOT), kb.causes().stream().map(Cause::id));
                return new RdpDoctorException("unknown cause '" + id + "'"
                        + (hint.isEmpty() ? "; 'rdp-doctor kb list' shows the known ones" : hint));
            });
            PrintWriter out = spec.commandLine().getOut();
            out.println(c.id() + ": " + c.title());
            out.println();
            out.println(TextRenderer.wrap(c.explanation(), "  ", 100));
            out.println();
            out.println("Remediation:");
            TextRenderer.steps(out, c.remediation(), "  ");
            out.println();
            out.println("Sources:");
            c.sources().forEach(s -> out.println("  - " + s));
            return Main.OK;
        }
    }
}

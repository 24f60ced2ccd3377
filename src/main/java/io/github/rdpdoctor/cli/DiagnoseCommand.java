package io.github.rdpdoctor.cli;

import io.github.rdpdoctor.engine.Diagnosis;
import io.github.rdpdoctor.engine.RdpDoctor;
import io.github.rdpdoctor.engine.RdpDoctorException;
import io.github.rdpdoctor.symptoms.SymptomLoader;
import io.github.rdpdoctor.symptoms.SymptomSet;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code diagnose [--format text|json|markdown] [--merge] [--rules DIR]... FILE...}; {@code -} reads one document from standard input. */
@Command(name = "diagnose", description = "Diagnoses symptom files: ranked causes, evidence and remediation.")
final class DiagnoseCommand implements Callable<Integer> {
    enum Format { text, json, markdown }

    /** Names standard input in messages and in the diagnosis' source. */
    static final String STDIN = "<stdin>";

    @Spec
    CommandSpec spec;

    @ParentCommand
    Main main;

    @Mixin
    RulesOptions rules;

    @Option(names = "--format", defaultValue = "text", description = "text (default), json (one document per file; several files give JSON Lines) or markdown.")
    Format format;

    @Option(names = "--merge", description = "Combine all files into one diagnosis of one host; later files win, conflicts become warnings.")
    boolean merge;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Symptom files (YAML or JSON); - reads one document from standard input.")
    List<Path> files;

    @Override
    public Integer call() {
        if (files.stream().filter(f -> f.toString().equals("-")).count() > 1) {
            throw new ParameterException(spec.commandLine(), "- (standard input) can be given once");
        }
        RdpDoctor doctor = rules.doctor(spec.commandLine().getErr());
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int code = Main.OK;
        if (merge) {
            List<SymptomSet> sets = new ArrayList<>();
            for (Path f : files) {
                sets.add(load(doctor, f));
            }
            SymptomSet merged = SymptomSet.merge(sets);
            print(out, doctor.diagnose(merged), merged, false);
            return code;
        }
        boolean several = files.size() > 1;
        for (Path f : files) {
            try {
                SymptomSet facts = load(doctor, f);
                print(out, doctor.diagnose(facts), facts, several);
            } catch (RdpDoctorException e) {
                err.println("rdp-doctor: " + e.getMessage());
                code = Main.BAD_INPUT;
            }
        }
        return code;
    }

    private SymptomSet load(RdpDoctor doctor, Path file) {
        return file.toString().equals("-") ? doctor.loader().parse(STDIN, SymptomLoader.read(STDIN, main.stdin))
                : doctor.loader().load(file);
    }

    private void print(PrintWriter out, Diagnosis d, SymptomSet facts, boolean several) {
        try {
            switch (format) {
                case json -> out.println((several ? Json.COMPACT : Json.PRETTY).writeValueAsString(d));
                case markdown -> {
                    MarkdownRenderer.render(out, d, MoreFacts.advice(facts));
                    if (several) {
                        out.println();
                    }
                }
                case text -> {
                    TextRenderer.render(out, d, MoreFacts.advice(facts));
                    if (several) {
                        out.println();
                    }
                }
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new RdpDoctorException("cannot write JSON: " + e.getOriginalMessage(), e);
        }
        out.flush();
    }
}

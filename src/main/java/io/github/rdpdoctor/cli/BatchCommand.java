package io.github.rdpdoctor.cli;

import io.github.rdpdoctor.batch.BatchInput;
import io.github.rdpdoctor.batch.BatchInputs;
import io.github.rdpdoctor.batch.BatchRunner;
import io.github.rdpdoctor.batch.BatchSummary;
import io.github.rdpdoctor.collectors.osquery.OsqueryBatchSource;
import io.github.rdpdoctor.engine.RdpDoctor;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.concurrent.Callable;
import java.util.function.LongConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code batch [--out FILE] [--threads N] [--resume] [--rules DIR]... [--osquery RESULTS_LOG]... [PATH...]}. */
@Command(name = "batch", description = {
        "Diagnoses many symptom files: one JSON line per input, in input order.",
        "With --osquery: one input per host found in osqueryd results logs or osqueryi --json outputs of the rdp-doctor "
                + "pack (kb/osquery/rdp-doctor.conf), named osquery:HOST, in order of the host's first line, after the PATHs; "
                + "a line that cannot be read is reported as an error line FILE:LINE.",
        "Exit codes: 0 every input diagnosed, 3 some inputs rejected (all reported), 1 fatal, 2 usage."})
final class BatchCommand implements Callable<Integer> {
    static final int SOME_REJECTED = 3;

    @Spec
    CommandSpec spec;

    @ParentCommand
    Main main;

    @Mixin
    RulesOptions rules;

    @Option(names = "--out", paramLabel = "FILE", description = "Write JSON Lines here (default: standard output).")
    Path out;

    /** More threads than this only cost memory (each holds 64 inputs in flight) and thread starts. */
    static final int MAX_THREADS = 1024;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads, 1..1024 (default: number of cores).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--resume", description = "Continue an interrupted run into the same --out file: kept lines are checked against the inputs.")
    boolean resume;

    @Option(names = "--max-causes", paramLabel = "N", description = "Causes written per input, best first (default 5; 0 = all).")
    int maxCauses = BatchRunner.DEFAULT_MAX_CAUSES;

    @Option(names = "--full-remediation", description = "Write every remediation step (default: the first step of each cause).")
    boolean fullRemediation;

    @Option(names = "--osquery", paramLabel = "RESULTS_LOG", description = "osqueryd JSON results log (snapshot or differential lines) "
            + "or osqueryi --json output of a query of the rdp-doctor pack; repeatable. PATHs are then optional.")
    List<Path> osquery = new ArrayList<>();

    @Option(names = "--osquery-host", paramLabel = "NAME", description = "Host of the osqueryi --json outputs given "
            + "(default: from the file name HOST__QUERY.json).")
    String osqueryHost;

    @Option(names = "--osquery-query", paramLabel = "NAME", description = "Pack query of the osqueryi --json outputs given, "
            + "e.g. rdp_services (default: from the file name HOST__QUERY.json).")
    String osqueryQuery;

    @Parameters(arity = "0..*", paramLabel = "PATH", description = "Symptom files, directories (recursive: .yaml, .yml, .json) or - for JSON documents on standard input, one per line.")
    List<String> paths = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        if (threads < 1 || threads > MAX_THREADS) {
            throw new ParameterException(spec.commandLine(), "--threads must be 1.." + MAX_THREADS);
        }
        if (maxCauses < 0) {
            throw new ParameterException(spec.commandLine(), "--max-causes must not be negative");
        }
        if (resume && out == null) {
            throw new ParameterException(spec.commandLine(), "--resume needs --out FILE");
        }
        if (paths.isEmpty() && osquery.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "give PATH... or --osquery RESULTS_LOG");
        }
        if (paths.stream().filter("-"::equals).count() > 1) {
            // the first '-' reads standard input to its end: the second would silently add nothing
            throw new ParameterException(spec.commandLine(), "- (standard input) can be given once");
        }
        if (osquery.isEmpty() && (osqueryHost != null || osqueryQuery != null)) {
            throw new ParameterException(spec.commandLine(), (osqueryHost != null ? "--osquery-host" : "--osquery-query")
                    + " names the host or query of --osquery files; give those with --osquery FILE");
        }
        String input = replacedInput();
        if (input != null) {
            throw new ParameterException(spec.commandLine(), "--out " + out + " is an input (" + input + ") and not a batch"
                    + " results file; writing the results there would replace it: give another --out");
        }
        if (out != null) {
            for (Path log : osquery) {
                if (ReportCommand.sameFile(out, log)) {
                    // read first, then emptied by the run's output: the log would be gone
                    throw new ParameterException(spec.commandLine(), "--out " + out + " is an --osquery input; writing the"
                            + " results there would replace the log");
                }
            }
        }
        RdpDoctor doctor = rules.doctor(spec.commandLine().getErr());
        PrintWriter err = spec.commandLine().getErr();
        OsqueryBatchSource source = osquery.isEmpty() ? null
                : OsqueryBatchSource.read(osquery, osqueryHost, osqueryQuery, Clock.systemUTC());
        BatchRunner runner = new BatchRunner(doctor, threads, maxCauses, fullRemediation,
                source == null ? null : source.reader(BatchRunner.symptomFiles(doctor)));
        Iterator<BatchInput> inputs = paths.isEmpty() ? List.<BatchInput>of().iterator() : new BatchInputs(paths, main.stdin, out);
        if (source != null) {
            inputs = concat(inputs, source.inputs().iterator());
            source.ingest().ignoredQueries().forEach((q, n) -> err.printf(Locale.ROOT,
                    "osquery: %d line(s) of query %s skipped (not in the rdp-doctor pack)%n", n, q));
        }
        BatchSummary summary;
        try (Progress progress = Progress.start(paths, out, source == null ? 0 : source.inputs().size())) {
            if (out != null) {
                summary = runner.runToFile(inputs, out, resume, progress);
            } else {
                PrintWriter stdout = spec.commandLine().getOut();
                try {
                    summary = stdout instanceof StandardOutput bytes ? runner.run(inputs, bytes.bytes(), progress)
                            : runner.run(inputs, stdout, progress);
                } catch (IOException e) { // lines were lost: the run stops (exit 1) with one line on stderr
                    throw new IOException("cannot write to standard output: " + e.getMessage(), e);
                }
            }
        }
        printSummary(err, summary);
        return summary.rejected() > 0 ? SOME_REJECTED : Main.OK;
    }

    /**
     * The PATH whose input {@code --out} would replace, or null: an existing file that is not a batch run's output (a
     * symptom file, collected at the time of the failure) named as a PATH or found in a PATH's folder. The output is
     * never read as an input, but it is emptied before the run: without this check the symptom file was gone. A results
     * file of an earlier run (a glob that takes in results.json, an output kept beside the inputs) stays allowed.
     */
    private String replacedInput() {
        if (out == null || resume || !Files.isRegularFile(out)) {
            return null; // --resume keeps what it finds, and refuses a file that is not results without writing
        }
        Path real;
        try {
            real = out.toRealPath();
        } catch (IOException | SecurityException e) {
            return null;
        }
        for (String arg : paths) {
            Path p;
            try {
                p = arg.equals("-") ? null : Path.of(arg).toRealPath();
            } catch (IOException | java.nio.file.InvalidPathException | SecurityException e) {
                continue;
            }
            if (p != null && (p.equals(real) || Files.isDirectory(p) && real.startsWith(p)
                    && io.github.rdpdoctor.symptoms.SymptomLoader.isSymptomFile(real)) && !isBatchOutput(out)) {
                return arg;
            }
        }
        return null;
    }

    /** Whether a file is empty or starts with a batch result line ({"file": ..., "status": ...}). */
    private static boolean isBatchOutput(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            io.github.rdpdoctor.batch.BoundedLines lines = new io.github.rdpdoctor.batch.BoundedLines(in, BatchRunner.MAX_LINE);
            if (!lines.next()) {
                return true;
            }
            com.fasterxml.jackson.databind.JsonNode first = Json.COMPACT.readTree(lines.line() == null ? new byte[0] : lines.line());
            return first != null && first.path("file").isTextual() && first.path("status").isTextual();
        } catch (IOException e) {
            return false;
        }
    }

    private static <T> Iterator<T> concat(Iterator<T> first, Iterator<T> second) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return first.hasNext() || second.hasNext();
            }

            @Override
            public T next() {
                if (first.hasNext()) {
                    return first.next();
                }
                if (second.hasNext()) {
                    return second.next();
                }
                throw new NoSuchElementException();
            }
        };
    }

    static void printSummary(PrintWriter err, BatchSummary s) {
        err.printf(Locale.ROOT, "%d %s: %d diagnosed, %d rejected%s; %.0f files/s%n", s.total(), s.total() == 1 ? "input" : "inputs",
                s.ok(), s.rejected(),
                s.resumed() > 0 ? " (" + s.resumed() + " kept from the earlier run)" : "", s.filesPerSecond());
        if (!s.topCauses().isEmpty()) {
            err.println("Top causes:");
            s.topCauses().entrySet().stream().limit(10)
                    .forEach(e -> err.printf(Locale.ROOT, "  %7d  %s%n", e.getValue(), e.getKey()));
        }
        err.flush();
    }

    /** Set by {@code bin/rdp-doctor} to whether standard error is a terminal ({@code [ -t 2 ]}): Java 17 cannot ask. */
    static final String STDERR_TERMINAL = "rdp-doctor.stderr.terminal";

    /**
     * Whether standard error is a terminal: the launcher's word when it gave one; else where file descriptor 2 leads
     * ({@code /proc/self/fd/2} on Linux: a terminal device, not a file or pipe); else (no /proc) no.
     *
     * @param launcherSays the {@value #STDERR_TERMINAL} property, or null
     * @param fd2          the target of {@code /proc/self/fd/2}, or null when it cannot be read
     */
    static boolean stderrIsTerminal(String launcherSays, String fd2) {
        if (launcherSays != null) {
            return Boolean.parseBoolean(launcherSays);
        }
        return fd2 != null && (fd2.startsWith("/dev/pts/") || fd2.startsWith("/dev/tty") || fd2.equals("/dev/console"));
    }

    private static String fd2() {
        try {
            return Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return null; // no /proc (not Linux), or not allowed to look: the caller shows no bar
        }
    }

    /** A progress bar on stderr exactly when stderr is a terminal (a person watches it); otherwise silent. */
    private static final class Progress implements LongConsumer, AutoCloseable {
        private final ProgressBar bar;

        private Progress(ProgressBar bar) {
            this.bar = bar;
        }

        static Progress start(List<String> paths, Path out, int moreInputs) {
            if (!stderrIsTerminal(System.getProperty(STDERR_TERMINAL), fd2())) {
                return new Progress(null);
            }
            long total = -1;
            if (!paths.contains("-")) { // count the inputs first (names only) so the bar can show a percentage
                total = 0;
                for (BatchInputs it = new BatchInputs(paths, InputStream.nullInputStream(), out); it.hasNext(); it.next()) {
                    total++;
                }
                total += moreInputs;
            }
            return new Progress(new ProgressBarBuilder().setTaskName("diagnosing").setInitialMax(total)
                    .setStyle(ProgressBarStyle.ASCII).setUnit(" files", 1).setUpdateIntervalMillis(250)
                    .showSpeed().build());
        }

        @Override
        public void accept(long done) {
            if (bar != null) {
                bar.stepTo(done);
            }
        }

        @Override
        public void close() {
            if (bar != null) {
                bar.close();
            }
        }
    }
}

package io.github.rdpdoctor.cli;

import io.github.rdpdoctor.report.FleetReport;
import io.github.rdpdoctor.report.HtmlReport;
import io.github.rdpdoctor.report.MarkdownReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code report RESULTS.jsonl [--html FILE] [--markdown FILE]}. */
@Command(name = "report", description = "Summarises batch results: HTML page and/or Markdown (to standard output when neither file is given).")
final class ReportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "RESULTS.jsonl", description = "Output of 'rdp-doctor batch'.")
    Path results;

    @Option(names = "--html", paramLabel = "FILE", description = "Write a self-contained HTML page.")
    Path html;

    @Option(names = "--markdown", paramLabel = "FILE", description = "Write the summary as Markdown.")
    Path markdown;

    @Option(names = "--hosts", paramLabel = "N", description = "Hosts listed per cause in Markdown (default 20).")
    int hosts = 20;

    @Override
    public Integer call() throws IOException {
        if (hosts < 0) {
            throw new ParameterException(spec.commandLine(), "--hosts must be 0 or more (0: counts only, no host rows)");
        }
        // a report written over the results would replace them (read first, then gone); two reports over each other
        // would leave one
        for (Path report : new Path[] {html, markdown}) {
            if (report != null && sameFile(report, results)) {
                throw new ParameterException(spec.commandLine(), (report == html ? "--html " : "--markdown ") + report
                        + " is the results file; writing the report there would replace the results");
            }
        }
        if (html != null && markdown != null && sameFile(html, markdown)) {
            throw new ParameterException(spec.commandLine(), "--html and --markdown name the same file " + html
                    + "; give each report its own file");
        }
        FleetReport r = FleetReport.read(results);
        if (html != null) {
            write(html, HtmlReport.render(r));
        }
        if (markdown != null) {
            write(markdown, MarkdownReport.render(r, hosts));
        }
        if (html == null && markdown == null) {
            spec.commandLine().getOut().print(MarkdownReport.render(r, hosts));
            if (!r.unreadable().isEmpty()) { // exit 1 comes with its one line on stderr; the report lists them
                long n = r.unreadableCount();
                spec.commandLine().getErr().printf("rdp-doctor: %s: %d %s (listed in the report)%n", results, n,
                        n == 1 ? "line is not a batch result line" : "lines are not batch result lines");
            }
        } else {
            spec.commandLine().getErr().printf("%d %s: %d diagnosed, %d rejected%s%n", r.total(), r.total() == 1 ? "result" : "results", r.ok(), r.rejectedCount(),
                    r.unreadable().isEmpty() ? "" : "; " + r.unreadableCount() + " unreadable lines");
        }
        return r.unreadable().isEmpty() ? Main.OK : Main.BAD_INPUT;
    }

    /** Whether two paths are one file: the same file on disk (through links too), or the same path when one is missing. */
    static boolean sameFile(Path a, Path b) {
        try {
            return Files.isSameFile(a, b);
        } catch (IOException | SecurityException e) {
            return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
        }
    }

    /** Writes a report file; a failure names the file (a full disk's IOException does not). */
    private static void write(Path file, String text) throws IOException {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (java.nio.file.FileSystemException e) {
            throw e; // names the file already
        } catch (IOException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }
}

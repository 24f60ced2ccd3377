package io.github.rdpdoctor.cli;

import io.github.rdpdoctor.batch.BatchInput;
import io.github.rdpdoctor.batch.BoundedLines;
import io.github.rdpdoctor.batch.BatchRunner;
import io.github.rdpdoctor.batch.BatchSummary;
import io.github.rdpdoctor.collectors.CollectedSymptoms;
import io.github.rdpdoctor.collectors.CollectionReport;
import io.github.rdpdoctor.collectors.CollectionTarget;
import io.github.rdpdoctor.collectors.CollectorOutcome;
import io.github.rdpdoctor.collectors.CollectorRunner;
import io.github.rdpdoctor.collectors.freerdp.FreerdpLogCollector;
import io.github.rdpdoctor.collectors.network.GatewayCollector;
import io.github.rdpdoctor.collectors.network.Prober;
import io.github.rdpdoctor.engine.Diagnosis;
import io.github.rdpdoctor.engine.RdpDoctor;
import io.github.rdpdoctor.engine.RdpDoctorException;
import io.github.rdpdoctor.symptoms.ReadProblem;
import io.github.rdpdoctor.symptoms.Symptom;
import io.github.rdpdoctor.symptoms.SymptomSet;
import io.github.rdpdoctor.symptoms.SymptomWriter;
import java.io.InputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code probe HOST[:PORT] [--expect-ip IP] [--gateway GATEWAY[:PORT]] [--timeout MS] [--format text|json|markdown] [--save FILE]} and
 * {@code probe --hosts FILE [--concurrency N] [--out FILE]}: asks the host what mstsc asks it (DNS, TCP, RDP
 * negotiation, TLS, NTLM identity) plus whatever other collectors are on the class path, and diagnoses the
 * answers.
 */
@Command(name = "probe", sortOptions = false, description = {
        "Probes an RDP host from this machine (DNS, TCP connect, RDP security negotiation, TLS, NTLM host identity; "
                + "with --gateway also the RD Gateway's HTTPS port and certificate) "
                + "and diagnoses what it observed. No credentials are sent.",
        "With --hosts FILE (- for standard input): one HOST[:PORT] per line (blank lines and text after # are ignored); one JSON line per "
                + "host in file order, like batch.",
        "Exit codes: 0 diagnosed, 1 bad input or fatal error, 2 usage, 3 (--hosts) some lines rejected."})
final class ProbeCommand implements Callable<Integer> {
    static final int SOME_REJECTED = 3;
    static final int MAX_CONCURRENCY = 1024;
    private static final Pattern HOST_NAME = Pattern.compile("[\\p{L}\\p{N}_-]+(\\.[\\p{L}\\p{N}_-]+)*\\.?");
    /** Looks like an IPv6 literal; starting with a hex digit or ':' makes InetAddress parse it, never look it up. */
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:][0-9A-Fa-f:.]*(%[\\p{Alnum}_.-]+)?");
    private static final Pattern IPV4 = Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");

    @Spec
    CommandSpec spec;

    @ParentCommand
    Main main;

    @Mixin
    RulesOptions rules;

    @Parameters(arity = "0..1", paramLabel = "HOST[:PORT]", description = "The RDP host as you would type it in mstsc (port 3389 unless given; IPv6 as [addr]:port).")
    String target;

    @Option(names = "--expect-ip", paramLabel = "IP", description = "The host's real address, when known: a name resolving elsewhere points at DNS.")
    String expectIp;

    @Option(names = "--gateway", paramLabel = "GATEWAY[:PORT]", description = "The RD Gateway the client goes through (its .rdp file's "
            + "gateway name; port 443 unless given): also checks the gateway's HTTPS port, TLS and certificate as mstsc does.")
    String gateway;

    @Option(names = "--client-log", paramLabel = "FILE", description = "The output of a FreeRDP client (xfreerdp, Remmina) for the failed "
            + "attempt on this machine: its last ERRCONNECT_ and ERRINFO_ codes become client.freerdp_error and client.extended_error_code.")
    Path clientLog;

    @Option(names = "--timeout", paramLabel = "MS", description = "Timeout of one network step in milliseconds (default ${DEFAULT-VALUE}); each collector gets "
            + Prober.BUDGET_FACTOR + " times this.")
    long timeoutMs = Prober.DEFAULT_TIMEOUT.toMillis();

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text (default), json (the diagnosis contract) or markdown.")
    DiagnoseCommand.Format format;

    @Option(names = "--save", paramLabel = "FILE", description = "Also write the observed facts as a symptom file (.yaml/.yml or .json) for `diagnose --merge`.")
    Path save;

    @Option(names = "--hosts", paramLabel = "FILE", description = "Probe every HOST[:PORT] listed in FILE, one per line; - reads them from standard input.")
    Path hosts;

    @Option(names = "--concurrency", paramLabel = "N", description = "With --hosts: probes at a time (default ${DEFAULT-VALUE}).")
    int concurrency = 16;

    @Option(names = "--out", paramLabel = "FILE", description = "With --hosts: write JSON Lines here (default: standard output).")
    Path out;

    @Override
    public Integer call() throws IOException {
        if (timeoutMs < 1 || timeoutMs > 600_000) {
            throw usage("--timeout must be 1..600000 milliseconds");
        }
        if ((target == null) == (hosts == null)) {
            throw usage(target == null ? "give a HOST[:PORT] or --hosts FILE" : "give either HOST[:PORT] or --hosts FILE, not both");
        }
        if (gateway != null) {
            try {
                parseTarget(gateway.strip(), GatewayCollector.DEFAULT_PORT);
            } catch (RdpDoctorException e) {
                throw usage("--gateway: " + e.getMessage());
            }
        }
        return hosts != null ? probeMany() : probeOne();
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    private Duration timeout() {
        return Duration.ofMillis(timeoutMs);
    }

    /** A runner with every collector on the class path (network probes, plus host-side ones where they apply). */
    private CollectorRunner runner() {
        return CollectorRunner.discover(ProbeCommand.class.getClassLoader(), timeout(),
                timeout().multipliedBy(Prober.BUDGET_FACTOR));
    }

    // ------------------------------------------------------------------------------------------------------------
    // one host

    private int probeOne() throws IOException {
        if (out != null || spec.commandLine().getParseResult().hasMatchedOption("--concurrency")) {
            throw usage("--out and --concurrency go with --hosts FILE");
        }
        if (expectIp != null && !isAddress(expectIp.strip())) {
            throw usage("--expect-ip needs an IPv4 or IPv6 address, got '" + expectIp + "'");
        }
        if (save != null) {
            try {
                SymptomWriter.Format.of(save);
            } catch (IllegalArgumentException e) {
                throw usage("--save: " + e.getMessage());
            }
        }
        if (clientLog != null && !Files.isRegularFile(clientLog)) {
            throw new RdpDoctorException("--client-log " + clientLog + ": no such file");
        }
        String typed = target.strip();
        CollectionTarget t = parseTarget(typed).withExpectedIp(expectIp == null ? null : expectIp.strip())
                .withOption(GatewayCollector.OPTION, gateway == null ? null : gateway.strip())
                .withOption(FreerdpLogCollector.OPTION, clientLog == null ? null : clientLog.toString());
        RdpDoctor doctor = rules.doctor(spec.commandLine().getErr());
        CollectionReport report = runner().run(t);
        SymptomSet facts = CollectedSymptoms.toSymptomSet(report, doctor.loader().vocabulary(), typed,
                CollectedSymptoms.SOURCE, Instant.now());
        Diagnosis d = doctor.diagnose(facts);
        PrintWriter o = spec.commandLine().getOut();
        switch (format) {
            case json -> o.println(Json.PRETTY.writeValueAsString(d));
            case markdown -> {
                MarkdownRenderer.render(o, d, MoreFacts.advice(facts));
                o.println();
                o.println("### Observed by the probe");
                o.println();
                o.println(collectorLine(report));
                o.println();
                facts.symptoms().forEach(s -> o.println("- `" + s.getName() + "`: " + s.getText()));
            }
            case text -> {
                printFacts(o, report, facts);
                o.println();
                TextRenderer.render(o, d, MoreFacts.advice(facts));
            }
        }
        o.flush();
        if (save != null) {
            List<String> comments = new ArrayList<>();
            comments.add("rdp-doctor probe of " + t.display() + " at " + facts.collectedAt());
            report.warnings().forEach(w -> comments.add("warning: " + w));
            try {
                SymptomWriter.write(facts, save, comments);
            } catch (IOException e) {
                throw new RdpDoctorException("cannot save the facts to " + save + ": "
                        + (e instanceof NoSuchFileException ? "no such directory" : e.getMessage()), e);
            }
            spec.commandLine().getErr().println("rdp-doctor: facts saved to " + save);
        }
        return Main.OK;
    }

    static void printFacts(PrintWriter o, CollectionReport report, SymptomSet facts) {
        int n = facts.symptoms().size();
        o.printf(Locale.ROOT, "Probe of %s: %d %s in %d ms%n", report.target().display(), n, n == 1 ? "fact" : "facts",
                report.elapsed().toMillis());
        o.println("  " + collectorLine(report));
        int width = facts.symptoms().stream().mapToInt(s -> s.getName().length()).max().orElse(0);
        for (Symptom s : facts.symptoms()) {
            o.printf(Locale.ROOT, "  %-" + width + "s  %s%n", s.getName(), s.getText());
        }
    }

    /** "collectors: dns 2 ms, tcp-connect 1 ms, ...; did not apply: tls, host-identity". */
    static String collectorLine(CollectionReport report) {
        List<String> ran = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (CollectorOutcome c : report.outcomes()) {
            switch (c.status()) {
                case OK -> ran.add(c.collector() + " " + c.elapsed().toMillis() + " ms");
                case FAILED -> ran.add(c.collector() + " failed");
                case TIMED_OUT -> ran.add(c.collector() + " timed out");
                case SKIPPED -> skipped.add(c.collector());
            }
        }
        return "collectors: " + (ran.isEmpty() ? "none ran" : String.join(", ", ran))
                + (skipped.isEmpty() ? "" : "; did not apply: " + String.join(", ", grouped(skipped)));
    }

    /** Names with three or more sharing the part before the first '-' folded into "part-* (n)", e.g. windows-* (13). */
    static List<String> grouped(List<String> names) {
        java.util.Map<String, Long> perPrefix = names.stream().collect(java.util.stream.Collectors.groupingBy(
                ProbeCommand::prefix, java.util.LinkedHashMap::new, java.util.stream.Collectors.counting()));
        List<String> out = new ArrayList<>();
        java.util.Set<String> folded = new java.util.HashSet<>();
        for (String n : names) {
            String p = prefix(n);
            if (perPrefix.get(p) < 3) {
                out.add(n);
            } else if (folded.add(p)) {
                out.add(p + "-* (" + perPrefix.get(p) + ")");
            }
        }
        return out;
    }

    private static String prefix(String name) {
        int dash = name.indexOf('-');
        return dash > 0 ? name.substring(0, dash) : name;
    }

    // ------------------------------------------------------------------------------------------------------------
    // many hosts

    private int probeMany() throws IOException {
        var parsed = spec.commandLine().getParseResult();
        for (String single : List.of("--save", "--expect-ip", "--format", "--client-log")) {
            if (parsed.hasMatchedOption(single)) {
                throw usage(single + " goes with a single HOST[:PORT]; --hosts writes one JSON line per host");
            }
        }
        if (concurrency < 1 || concurrency > MAX_CONCURRENCY) {
            throw usage("--concurrency must be 1.." + MAX_CONCURRENCY);
        }
        boolean stdin = hosts.toString().equals("-");
        if (out != null && !stdin && ReportCommand.sameFile(out, hosts)) {
            // opened for writing, the hosts file would be emptied while it is read: hosts lost, a cut-off name probed
            throw usage("--out " + out + " is the --hosts file; writing the results there would replace the host list");
        }
        RdpDoctor doctor = rules.doctor(spec.commandLine().getErr());
        CollectorRunner runner = runner();
        BatchRunner batch = new BatchRunner(doctor, concurrency, BatchRunner.DEFAULT_MAX_CAUSES, false,
                in -> probeLine(runner, doctor, gateway, in));
        BatchSummary summary;
        try (HostLines lines = stdin ? HostLines.of(DiagnoseCommand.STDIN, main.stdin) : HostLines.open(hosts)) {
            if (out != null) {
                summary = batch.runToFile(lines, out, false, n -> { });
            } else {
                summary = batch.run(lines, spec.commandLine().getOut(), n -> { });
            }
        }
        PrintWriter err = spec.commandLine().getErr();
        err.printf(Locale.ROOT, "%d %s: %d diagnosed, %d rejected; %.1f s%n", summary.total(),
                summary.total() == 1 ? "host" : "hosts", summary.ok(),
                summary.rejected(), summary.seconds());
        if (!summary.topCauses().isEmpty()) {
            err.println("Top causes:");
            summary.topCauses().entrySet().stream().limit(10)
                    .forEach(e -> err.printf(Locale.ROOT, "  %7d  %s%n", e.getValue(), e.getKey()));
        }
        err.flush();
        return summary.rejected() > 0 ? SOME_REJECTED : Main.OK;
    }

    /** The BatchRunner reader: probes the line's target (already checked by {@link HostLines}) and converts the report. */
    private static SymptomSet probeLine(CollectorRunner runner, RdpDoctor doctor, String gateway, BatchInput in) {
        String typed = new String(in.content(), StandardCharsets.UTF_8);
        try {
            CollectionReport report = runner.run(parseTarget(typed).withOption(GatewayCollector.OPTION, gateway == null ? null : gateway.strip()));
            return CollectedSymptoms.toSymptomSet(report, doctor.loader().vocabulary(), typed, CollectedSymptoms.SOURCE,
                    Instant.now());
        } catch (RdpDoctorException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new RdpDoctorException("probe of " + typed + " failed: " + e, e);
        }
    }

    /**
     * The lines of a hosts file as batch inputs, read lazily: blank lines and comments are skipped, a line that is
     * not a HOST[:PORT] becomes a broken input (an error line in the output), never dropped.
     */
    static final class HostLines implements Iterator<BatchInput>, AutoCloseable {
        /** The hosts file as error lines name it: its path, or {@code <stdin>}. */
        private final String file;
        private final InputStream in;
        private final BoundedLines lines;
        private int lineNo;
        private BatchInput next;

        private HostLines(String file, InputStream in) {
            this.file = file;
            this.in = in;
            this.lines = new BoundedLines(in, MAX_LINE);
        }

        static HostLines open(Path file) {
            if (Files.isDirectory(file)) {
                throw new RdpDoctorException(file + ": is a directory, not a hosts file");
            }
            try {
                // UTF-16 as Windows PowerShell 5.1 writes it (Get-ADComputer ... > hosts.txt), read as its text
                InputStream raw = Files.newInputStream(file);
                try {
                    return of(file.toString(), raw);
                } catch (IOException | RuntimeException e) {
                    raw.close(); // its first bytes could not be read: not left open
                    throw e;
                }
            } catch (NoSuchFileException e) {
                throw new RdpDoctorException(file + ": " + ReadProblem.missing(file));
            } catch (IOException e) {
                throw new RdpDoctorException(file + ": cannot read: " + ReadProblem.of(file, e), e);
            }
        }

        /** The lines of a stream (standard input), named {@code name} in error lines; UTF-16 is read as its text. */
        static HostLines of(String name, InputStream in) throws IOException {
            return new HostLines(name, io.github.rdpdoctor.symptoms.Utf16.asUtf8(in));
        }

        @Override
        public boolean hasNext() {
            while (next == null) {
                try {
                    if (!lines.next()) {
                        return false;
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(file + ": cannot read: " + ReadProblem.of(Path.of(file), e), e);
                }
                lineNo++;
                byte[] bytes = lines.line();
                if (bytes == null) {
                    next = BatchInput.broken(new String(lines.head(), 0, 40, StandardCharsets.ISO_8859_1).strip() + "...", "line " + lineNo
                            + " of " + file + ": longer than " + MAX_LINE + " bytes; expected one HOST[:PORT] per line");
                    continue;
                }
                // each line is decoded alone: one not in UTF-8 (a name in the ANSI code page) is an error line, not the end
                int bad = io.github.rdpdoctor.symptoms.Utf8.firstInvalid(bytes);
                if (bad >= 0) {
                    next = BatchInput.broken(new String(bytes, StandardCharsets.UTF_8).strip(), "line " + lineNo + " of " + file
                            + ": " + io.github.rdpdoctor.symptoms.Utf8.notUtf8(bytes, bad));
                    continue;
                }
                String line = new String(bytes, StandardCharsets.UTF_8);
                if (lineNo == 1 && line.startsWith("\uFEFF")) {
                    line = line.substring(1); // a UTF-8 byte order mark, as Windows editors write
                }
                int hash = line.indexOf('#');
                String text = (hash >= 0 ? line.substring(0, hash) : line).strip();
                if (text.isEmpty()) {
                    continue;
                }
                try {
                    CollectionTarget t = parseTarget(text);
                    next = BatchInput.line(t.display(), text.getBytes(StandardCharsets.UTF_8));
                } catch (RdpDoctorException e) {
                    next = BatchInput.broken(text, "line " + lineNo + " of " + file + ": " + e.getMessage());
                }
            }
            return true;
        }

        /** A host name is at most 253 characters; a longer line is an error line (a binary file has no line ends). */
        static final int MAX_LINE = 1024;

        @Override
        public BatchInput next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            BatchInput n = next;
            next = null;
            return n;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    /**
     * Parses {@code HOST}, {@code HOST:PORT}, {@code [IPv6]:PORT}; the host must be a DNS name or an address.
     *
     * @throws RdpDoctorException with a message for a person
     */
    static CollectionTarget parseTarget(String text) {
        return parseTarget(text, CollectionTarget.DEFAULT_PORT);
    }

    /** {@link #parseTarget(String)} with another port when the text names none. */
    static CollectionTarget parseTarget(String text, int defaultPort) {
        CollectionTarget t;
        try {
            t = CollectionTarget.parse(text, defaultPort);
        } catch (IllegalArgumentException e) {
            throw new RdpDoctorException("not a HOST[:PORT]: " + e.getMessage());
        }
        String h = t.host();
        if (h.indexOf(':') >= 0 && !isAddress(h)) { // e.g. 1.2.3.4:3389:1, never an IPv6 literal
            throw new RdpDoctorException("not a HOST[:PORT]: '" + text + "' (more than one ':' but not an IPv6 address;"
                    + " an IPv6 address with a port is written [addr]:port)");
        }
        if (h.indexOf(':') < 0 && !HOST_NAME.matcher(h).matches()) {
            throw new RdpDoctorException("not a HOST[:PORT]: '" + text + "' (a host is a DNS name or an IP address)");
        }
        return t;
    }

    /** An IPv4 or IPv6 literal (no name lookup). */
    static boolean isAddress(String s) {
        if (IPV4.matcher(s).matches()) {
            return true;
        }
        String v6 = s.startsWith("[") && s.endsWith("]") ? s.substring(1, s.length() - 1) : s;
        if (v6.indexOf(':') < 0 || !IPV6.matcher(v6).matches()) {
            return false;
        }
        try {
            java.net.InetAddress.getByName(v6); // an IPv6 literal (::ffff:a.b.c.d comes back as IPv4); never a lookup
            return true;
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }
}

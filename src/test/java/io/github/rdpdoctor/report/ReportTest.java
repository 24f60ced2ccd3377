package io.github.rdpdoctor.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.rdpdoctor.cli.CliRun;
import io.github.rdpdoctor.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class ReportTest {
    @TempDir
    static Path dir;
    static Path results;

    static int cli(String... args) {
        return Main.run(args, new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
    }

    /** Three hosts with the service stopped, two with RDP disabled, one bad file. */
    @BeforeAll
    static void batch() throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        for (int i = 0; i < 3; i++) {
            Files.writeString(in.resolve("svc-" + i + ".yaml"), "host: svc-" + i + ".corp.example\nsymptoms:\n"
                    + "  server.service.termservice: stopped\n  server.listener_state: down\n  network.rdp_port_state: closed\n");
        }
        for (int i = 0; i < 2; i++) {
            Files.writeString(in.resolve("off-" + i + ".yaml"), "host: off-" + i + ".corp.example\nsymptoms:\n"
                    + "  server.rdp_enabled: false\n  server.service.termservice: running\n  server.listener_state: down\n");
        }
        Files.writeString(in.resolve("zz-bad.yaml"), "host: bad.example\nsymptoms:\n  network.rdp_port: <script>alert(1)</script>\n");
        results = dir.resolve("results.jsonl");
        assertEquals(3, cli("batch", "--out", results.toString(), in.toString()));
    }

    @Test
    void aggregatesCountsCausesAndRejectedFiles() {
        FleetReport r = FleetReport.read(results);
        assertEquals(6, r.total());
        assertEquals(5, r.ok());
        assertEquals(1, r.rejectedCount());
        List<FleetReport.CauseStats> causes = r.causes();
        assertEquals("rdp-service-failure", causes.get(0).id());
        assertEquals(3, causes.get(0).topCount());
        assertEquals("rdp-disabled", causes.get(1).id());
        assertEquals(2, causes.get(1).topCount());
        assertTrue(causes.get(0).firstStep() != null && !causes.get(0).firstStep().isBlank());
        assertEquals(3, causes.get(0).hosts().size());
    }

    @Test
    void causeStatsHostsCannotBeChangedByTheCaller() {
        FleetReport.CauseStats top = FleetReport.read(results).causes().get(0);
        assertThrows(UnsupportedOperationException.class, () -> top.hosts().clear());
        assertThrows(UnsupportedOperationException.class, () -> top.hosts().add(new FleetReport.HostRow("x", "x.yaml", 1)));
        List<FleetReport.HostRow> given = new ArrayList<>(top.hosts());
        FleetReport.CauseStats copy = new FleetReport.CauseStats("id", "title", 1, 1, "step", null, given, 3389);
        given.clear();
        assertEquals(3, copy.hosts().size());
    }

    @Test
    void markdownHasTheSameSummary() throws Exception {
        Path md = dir.resolve("r.md");
        assertEquals(0, cli("report", results.toString(), "--markdown", md.toString()));
        String text = Files.readString(md);
        assertTrue(text.contains("6 inputs: 5 diagnosed, 1 rejected"), text);
        assertTrue(text.contains("| `rdp-service-failure` |"), text);
        assertTrue(text.contains("svc-0.corp.example"), text);
        assertTrue(text.contains("zz-bad.yaml"), text);
        FleetReport.CauseStats top = FleetReport.read(results).causes().get(0);
        assertTrue(text.contains("First step: " + top.firstStep()), text);
        assertTrue(Pattern.compile("(?m)^\\| svc-0\\.corp\\.example \\| 0\\.\\d\\d \\|").matcher(text).find(),
                "hosts per cause with their confidence: " + text);
        assertTrue(text.contains("zz-bad.yaml:3: symptoms.network.rdp_port: expected an integer"), "the rejected file's error: " + text);
        // a ticket shows the bad value as written; unescaped, GitHub takes it for a tag and drops it
        assertTrue(text.contains("got \"\\<script\\>alert(1)\\</script\\>\""), text);
        assertFalse(text.contains("<script>"), text);
    }

    @Test
    void markdownTextShowsAsWrittenAndKeepsTablesWhole() {
        assertEquals("a \\| b \\<i\\> \\*c\\* d_e", MarkdownReport.text("a | b <i> *c* d_e"));
        assertEquals("`x|y.yaml`", MarkdownReport.code("x|y.yaml"), "outside a table a | needs no escape");
        assertEquals("`` we`ird.yaml ``", MarkdownReport.code("we`ird.yaml"));
    }

    @Test
    void aPipeInAFileNameDoesNotSplitItsTableCell() throws Exception {
        Path lines = Files.writeString(dir.resolve("pipe.jsonl"),
                "{\"file\":\"in/a|b.yaml\",\"status\":\"error\",\"error\":{\"message\":\"in/a|b.yaml: empty file\",\"line\":0}}\n");
        String md = MarkdownReport.render(FleetReport.read(lines), 20);
        assertTrue(md.contains("| `in/a\\|b.yaml` | in/a\\|b.yaml: empty file |"), md);
    }

    @Test
    void unreadableResultLinesAreReportedWithTheirLine() throws Exception {
        Path broken = dir.resolve("broken.jsonl");
        Files.writeString(broken, Files.readString(results) + "{not json\n");
        FleetReport r = FleetReport.read(broken);
        assertEquals(List.of(broken + ":7: not a JSON result line"), r.unreadable());
        assertEquals(1, cli("report", broken.toString(), "--markdown", dir.resolve("x.md").toString()));
        // to standard output: exit 1 with its one line on stderr
        CliRun run = CliRun.run("report", broken.toString());
        assertEquals(1, run.code());
        assertEquals("rdp-doctor: " + broken + ": 1 line is not a batch result line (listed in the report)\n", run.err());
    }

    /** A last line cut short (a run still writing, or killed) is told apart from a bad line, with what to do. */
    @Test
    void anIncompleteLastLineSaysWhyAndWhatToDo() throws Exception {
        String text = Files.readString(results);
        Path partial = Files.writeString(dir.resolve("partial.jsonl"), text.substring(0, text.length() - 40));
        assertEquals(List.of(partial + ":6: incomplete last line (no newline at its end): a batch run is still writing"
                + " this file, or was killed; 'batch --resume' finishes it"), FleetReport.read(partial).unreadable());
        Path ended = Files.writeString(dir.resolve("ended.jsonl"), text.substring(0, text.length() - 40) + "\n");
        assertEquals(List.of(ended + ":6: not a JSON result line"), FleetReport.read(ended).unreadable(),
                "a whole line that is not JSON is not 'incomplete'");
    }

    /**
     * A results file as Windows keeps it: a batch run's standard output redirected with Windows PowerShell 5.1's '>'
     * is UTF-16 (it ended the report with "cannot read: Input length = 1"), Notepad's save adds a byte order mark (the
     * first result was lost as "not a JSON result line"), CRLF line ends. Each is read as its text.
     */
    @Test
    void resultsInTheEncodingsWindowsWritesAreReadAsTheirText() throws Exception {
        String text = Files.readString(results);
        FleetReport utf8 = FleetReport.read(results);
        java.util.Map<String, byte[]> variants = new java.util.LinkedHashMap<>();
        variants.put("utf16le-bom.jsonl", concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, text.getBytes(StandardCharsets.UTF_16LE)));
        variants.put("utf16be-bom.jsonl", concat(new byte[] {(byte) 0xFE, (byte) 0xFF}, text.getBytes(StandardCharsets.UTF_16BE)));
        variants.put("utf8-bom.jsonl", concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, text.getBytes(StandardCharsets.UTF_8)));
        variants.put("crlf.jsonl", text.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8));
        for (var v : variants.entrySet()) {
            Path f = Files.write(dir.resolve(v.getKey()), v.getValue());
            FleetReport r = FleetReport.read(f);
            assertEquals(List.of(), r.unreadable(), v.getKey());
            assertEquals(List.of(6L, 5L, 1L), List.of(r.total(), r.ok(), r.rejectedCount()), v.getKey());
            assertEquals(utf8.causes().stream().map(c -> c.id() + "=" + c.topCount()).toList(),
                    r.causes().stream().map(c -> c.id() + "=" + c.topCount()).toList(), v.getKey());
            CliRun run = CliRun.run("report", f.toString());
            assertEquals(0, run.code(), v.getKey() + ": " + run.err());
        }
    }

    /**
     * A line in another encoding, or binary data, is one unreadable line named with its line and why; the others still
     * count (the whole report ended with "cannot read: Input length = 1").
     */
    @Test
    void aLineNotInUtf8IsOneUnreadableLineTheOthersCount() throws Exception {
        List<String> lines = Files.readAllLines(results);
        byte[] ansi = lines.get(1).replace("\"host\":\"", "\"host\":\"f\u00fcr-").getBytes(StandardCharsets.ISO_8859_1);
        java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
        all.write((lines.get(0) + "\n").getBytes(StandardCharsets.UTF_8));
        all.write(ansi);
        all.write('\n');
        for (String l : lines.subList(2, lines.size())) {
            all.write((l + "\n").getBytes(StandardCharsets.UTF_8));
        }
        all.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, (byte) 0xFF, '\n'});
        Path f = Files.write(dir.resolve("ansi-line.jsonl"), all.toByteArray());
        FleetReport r = FleetReport.read(f);
        assertEquals(5, r.total(), "the six results but the damaged one");
        assertEquals(2, r.unreadable().size(), r.unreadable().toString());
        assertTrue(r.unreadable().get(0).startsWith(f + ":2: not UTF-8 text (byte 0xFC at offset "), r.unreadable().toString());
        assertTrue(r.unreadable().get(0).contains("'\u00fc' in Windows-1252"), r.unreadable().toString());
        assertTrue(r.unreadable().get(1).startsWith(f + ":7: not UTF-8 text (byte 0x89 at offset 0"), r.unreadable().toString());
        CliRun run = CliRun.run("report", f.toString());
        assertEquals(1, run.code());
        assertEquals("rdp-doctor: " + f + ": 2 lines are not batch result lines (listed in the report)\n", run.err());
        assertTrue(run.out().contains("5 inputs: "), run.out());
    }

    /**
     * A file without line ends given by mistake (an image, a log) is not held in memory: a line longer than the limit
     * is one unreadable line (a 3 GB file ended in an OutOfMemoryError and its stack trace). Unreadable lines are all
     * counted, the first 200 listed.
     */
    @Test
    @Timeout(60)
    void aHugeLineOrManyBadLinesAreCountedWithoutTheirMemory() throws Exception {
        Path huge = dir.resolve("huge.jsonl");
        try (var out = new java.io.BufferedOutputStream(Files.newOutputStream(huge))) {
            out.write(Files.readAllBytes(results));
            byte[] block = new byte[1 << 20];
            java.util.Arrays.fill(block, (byte) 'x');
            for (int i = 0; i < 17; i++) {
                out.write(block);
            }
            out.write('\n');
        }
        FleetReport r = FleetReport.read(huge);
        assertEquals(6, r.total());
        assertEquals(List.of(huge + ":7: line is " + (17 << 20) + " bytes; the limit is " + FleetReport.MAX_LINE
                + " (not a batch result line)"), r.unreadable());

        Path many = Files.writeString(dir.resolve("many.jsonl"), "not a result\n".repeat(250));
        FleetReport m = FleetReport.read(many);
        assertEquals(250, m.unreadableCount());
        assertEquals(FleetReport.MAX_ROWS, m.unreadable().size());
        String md = MarkdownReport.render(m, 20);
        assertTrue(md.contains("## Unreadable result lines (250)") && md.contains("… and 230 more."), md);
        assertTrue(HtmlReport.render(m).contains("… and 50 more."));
        CliRun run = CliRun.run("report", many.toString());
        assertEquals("rdp-doctor: " + many + ": 250 lines are not batch result lines (listed in the report)\n", run.err());
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    /**
     * A report written over the results file replaced the results with the report (exit 0, results gone); two reports
     * on one file left one. Both are usage errors before anything is written; a negative --hosts was an "internal
     * error: java.lang.IllegalArgumentException: -1".
     */
    @Test
    void aReportOverTheResultsOrOverTheOtherReportIsRefused(@TempDir Path tmp) throws Exception {
        Path copy = Files.copy(results, tmp.resolve("results.jsonl"));
        String text = Files.readString(copy);
        Path link = Files.createSymbolicLink(tmp.resolve("latest.jsonl"), copy);
        for (String option : new String[] {"--html", "--markdown"}) {
            for (Path target : new Path[] {copy, link}) {
                CliRun r = CliRun.run("report", copy.toString(), option, target.toString());
                assertEquals(2, r.code(), option + " " + target + ": " + r.err());
                assertTrue(r.err().startsWith(option + " " + target + " is the results file; writing the report there"
                        + " would replace the results\n"), r.err());
                assertEquals(text, Files.readString(copy));
            }
        }
        Path page = tmp.resolve("fleet.html");
        CliRun both = CliRun.run("report", copy.toString(), "--html", page.toString(), "--markdown", page.toString());
        assertEquals(2, both.code());
        assertTrue(both.err().startsWith("--html and --markdown name the same file " + page + "; give each report its own"
                + " file\n"), both.err());
        assertFalse(Files.exists(page));

        CliRun negative = CliRun.run("report", copy.toString(), "--hosts", "-1");
        assertEquals(2, negative.code());
        assertTrue(negative.err().startsWith("--hosts must be 0 or more (0: counts only, no host rows)\n"), negative.err());
        CliRun none = CliRun.run("report", copy.toString(), "--hosts", "0");
        assertEquals(0, none.code(), none.err());
        assertTrue(none.out().contains("… and 3 more."), none.out());
    }

    /** A report that cannot be written names the file and the reason (a full disk's error names neither file). */
    @Test
    void aReportThatCannotBeWrittenNamesTheFileAndWhy() {
        for (String option : new String[] {"--html", "--markdown"}) {
            CliRun r = CliRun.run("report", results.toString(), option, "/dev/full");
            assertEquals(1, r.code(), option);
            assertEquals("rdp-doctor: /dev/full: No space left on device\n", r.err(), option);
        }
        CliRun r = CliRun.run("report", results.toString(), "--html", dir.resolve("no/such/dir/r.html").toString());
        assertEquals("rdp-doctor: " + dir.resolve("no/such/dir/r.html") + ": no such file or directory\n", r.err());
    }

    /**
     * The first step names the hosts' RDP port where the knowledge base says PORT when they all use one (each result
     * says its port); when they differ, or a result is from before results said it, PORT stays with a note.
     */
    @Test
    void theFirstStepNamesTheHostsRdpPort(@TempDir Path tmp) throws Exception {
        Path in = Files.createDirectories(tmp.resolve("in"));
        String facts = "symptoms:\n  client.error_code: \"0x904\"\n  network.rdp_port_state: filtered\n"
                + "  server.firewall_rdp_allowed: false\n";
        for (int i = 0; i < 2; i++) {
            Files.writeString(in.resolve("fw-" + i + ".yaml"), "host: fw-" + i + ".corp.example\n" + facts
                    + "  network.rdp_port: 3390\n");
        }
        Path same = tmp.resolve("same.jsonl");
        assertEquals(0, cli("batch", "--out", same.toString(), in.toString()));
        FleetReport.CauseStats fw = FleetReport.read(same).causes().get(0);
        assertEquals("firewall-blocking", fw.id());
        assertEquals(3390, fw.port());
        assertEquals("Test-NetConnection -ComputerName HOST -Port 3390", fw.firstCommand(), "HOST stays: one step for every host");
        assertFalse(fw.portPerHost());
        String md = MarkdownReport.render(FleetReport.read(same), 20);
        assertTrue(md.contains("    Test-NetConnection -ComputerName HOST -Port 3390\n"), md);
        assertFalse(md.contains(HtmlReport.PORT_PER_HOST.substring(0, 20)), md);
        assertTrue(HtmlReport.render(FleetReport.read(same)).contains("<code>Test-NetConnection -ComputerName HOST -Port 3390</code>"));

        Files.writeString(in.resolve("fw-2.yaml"), "host: fw-2.corp.example\n" + facts);
        Path mixed = tmp.resolve("mixed.jsonl");
        assertEquals(0, cli("batch", "--out", mixed.toString(), in.toString()));
        fw = FleetReport.read(mixed).causes().get(0);
        assertEquals(null, fw.port(), "3390 and 3389");
        assertEquals("Test-NetConnection -ComputerName HOST -Port PORT", fw.firstCommand());
        assertTrue(fw.portPerHost());
        assertTrue(MarkdownReport.render(FleetReport.read(mixed), 20).contains(MarkdownReport.text(HtmlReport.PORT_PER_HOST)));
        String html = HtmlReport.render(FleetReport.read(mixed));
        assertTrue(html.contains("-Port PORT</code>") && html.contains(HtmlReport.esc(HtmlReport.PORT_PER_HOST)), html);

        // a result written before results said their port: PORT stays
        Path old = Files.writeString(tmp.resolve("old.jsonl"), Files.readString(same).replaceAll("\"port\":3390,", ""));
        assertFalse(Files.readString(old).contains("\"port\""));
        assertEquals(null, FleetReport.read(old).causes().get(0).port());
        assertEquals("Test-NetConnection -ComputerName HOST -Port PORT", FleetReport.read(old).causes().get(0).firstCommand());
    }

    @Test
    void htmlIsSelfContainedAndEscapesInput() throws Exception {
        Path html = dir.resolve("static.html");
        assertEquals(0, cli("report", results.toString(), "--html", html.toString()));
        String page = Files.readString(html);
        assertFalse(Pattern.compile("(src|href)=\"https?:").matcher(page).find(), "no network fetches");
        assertFalse(page.contains("<script>alert(1)"), "input text must be escaped");
        assertTrue(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    }

    /** Loads the page from disk in a real headless Chromium, reads the rendered DOM and saves a screenshot. */
    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void rendersInHeadlessChromium() throws Exception {
        Path chromium = Path.of("/usr/bin/chromium");
        boolean ci = "true".equals(System.getenv("CI"));
        assumeTrue(ci || Files.isExecutable(chromium), "chromium not installed (CI installs it)");
        Path html = dir.resolve("report.html");
        assertEquals(0, cli("report", results.toString(), "--html", html.toString()));

        String dom = chromium(chromium, "--dump-dom", html.toUri().toString());
        assertTrue(dom.contains("data-chart-bars=\"2\""), "the page's script drew the chart");
        List<String> bars = new ArrayList<>();
        Matcher m = Pattern.compile("<rect [^>]*data-cause=\"([^\"]+)\" data-count=\"(\\d+)\"").matcher(dom);
        while (m.find()) {
            bars.add(m.group(1) + "=" + m.group(2));
        }
        assertEquals(List.of("rdp-service-failure=3", "rdp-disabled=2"), bars);
        assertTrue(dom.contains("id=\"count-total\"><b>6</b>"), "total count rendered");
        assertTrue(dom.contains("id=\"count-rejected\"><b>1</b>"), "rejected count rendered");
        assertTrue(Pattern.compile("<tr data-cause=\"rdp-service-failure\">.*?<td class=\"num\">3</td>", Pattern.DOTALL).matcher(dom).find());
        assertTrue(dom.contains("zz-bad.yaml"));

        // hosts per cause with their confidence and the cause's first step, as the batch lines have them
        JsonNode svc0 = null;
        for (String line : Files.readAllLines(results)) {
            JsonNode n = new ObjectMapper().readTree(line);
            if (n.at("/diagnosis/host").asText().equals("svc-0.corp.example")) {
                svc0 = n.at("/diagnosis/causes/0");
            }
        }
        assertEquals("rdp-service-failure", svc0.get("id").asText());
        String confidence = String.format(Locale.ROOT, "%.2f", svc0.get("confidence").asDouble());
        String hosts = section(dom, "<table class=\"hosts\" data-cause=\"rdp-service-failure\">", "</table>");
        assertTrue(hosts.contains("<tr><td>svc-0.corp.example</td><td class=\"num\">" + confidence + "</td>"), hosts);
        assertEquals(3, hosts.split("<tr><td>svc-", -1).length - 1, hosts);
        String step = svc0.at("/remediation/0/text").asText();
        assertTrue(section(dom, "<h2 id=\"rdp-service-failure\">", "<table").contains(
                step.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")), "first step of the cause shown: " + step);
        // the rejected file with its error
        String rejected = section(dom, "<table id=\"rejected-table\">", "</table>");
        assertTrue(rejected.contains("zz-bad.yaml:3: symptoms.network.rdp_port: expected an integer"), rejected);

        Path shot = Path.of("target", "report-screenshot.png");
        Files.deleteIfExists(shot);
        chromium(chromium, "--screenshot=" + shot.toAbsolutePath(), "--window-size=1200,1600", html.toUri().toString());
        assertTrue(Files.size(shot) > 10_000, "screenshot written");
        byte[] png = Files.readAllBytes(shot);
        assertEquals("PNG", new String(png, 1, 3, StandardCharsets.US_ASCII));
    }

    /** The text of {@code page} from {@code start} to the next {@code end}. */
    private static String section(String page, String start, String end) {
        int from = page.indexOf(start);
        assertTrue(from >= 0, "no " + start + " in " + page);
        int to = page.indexOf(end, from + start.length());
        return page.substring(from, to < 0 ? page.length() : to);
    }

    private static String chromium(Path exe, String... args) throws Exception {
        Path profile = Files.createTempDirectory(dir, "chromium-profile");
        List<String> cmd = new ArrayList<>(List.of(exe.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile));
        cmd.addAll(List.of(args));
        Path stdout = dir.resolve("chromium.out");
        Process p = new ProcessBuilder(cmd).redirectOutput(stdout.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(90, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("chromium did not finish in 90 s");
        }
        assertEquals(0, p.exitValue(), "chromium exit code");
        return Files.readString(stdout);
    }
}

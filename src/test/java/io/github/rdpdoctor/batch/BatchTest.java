package io.github.rdpdoctor.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.rdpdoctor.bench.FleetGenerator;
import io.github.rdpdoctor.cli.CliRun;
import io.github.rdpdoctor.cli.Main;
import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.RandomAccessFile;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class BatchTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path fleet;
    static int broken;
    static final int COUNT = 600;

    @BeforeAll
    static void generate() throws Exception {
        broken = FleetGenerator.generate(Path.of("examples"), fleet, COUNT, 0.05, 11);
        assertTrue(broken > 10);
    }

    static List<JsonNode> lines(String text) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        for (String l : text.split("\n")) {
            if (!l.isEmpty()) {
                out.add(JSON.readTree(l));
            }
        }
        return out;
    }

    static List<String> expectedOrder() throws Exception {
        try (var s = Files.walk(fleet)) {
            return s.filter(Files::isRegularFile).map(Path::toString).sorted().toList();
        }
    }

    @Test
    void nInputsGiveNLinesInDeterministicOrderWithErrorsReported() throws Exception {
        Path out1 = fleet.resolveSibling(fleet.getFileName() + "-a.jsonl");
        Path out2 = fleet.resolveSibling(fleet.getFileName() + "-b.jsonl");
        CliRun r1 = CliRun.run("batch", "--threads", "2", "--out", out1.toString(), fleet.toString());
        CliRun r2 = CliRun.run("batch", "--threads", "1", "--out", out2.toString(), fleet.toString());
        assertEquals(3, r1.code(), r1.err());
        assertEquals(3, r2.code(), r2.err());
        assertEquals(Files.readString(out1), Files.readString(out2), "same output on 1 and 2 threads");
        List<JsonNode> lines = lines(Files.readString(out1));
        assertEquals(COUNT, lines.size());
        assertEquals(expectedOrder(), lines.stream().map(n -> n.get("file").asText()).toList());
        long errors = lines.stream().filter(n -> n.get("status").asText().equals("error")).count();
        assertEquals(broken, errors);
        JsonNode err = lines.stream().filter(n -> n.get("status").asText().equals("error")
                && n.get("error").has("field")).findFirst().orElseThrow();
        assertTrue(err.get("error").get("message").asText().startsWith(err.get("file").asText()), err.toString());
        JsonNode ok = lines.stream().filter(n -> n.get("status").asText().equals("ok")).findFirst().orElseThrow();
        assertTrue(ok.get("diagnosis").get("causes").size() > 0);
        assertTrue(r1.err().contains(COUNT + " inputs: " + (COUNT - broken) + " diagnosed, " + broken + " rejected"), r1.err());
        assertTrue(r1.err().contains("Top causes:"), r1.err());
        assertClosingSummary(r1.err(), lines);
    }

    /** The closing summary: files, ok, rejected, files/s, and the top causes with how many inputs have each first. */
    static void assertClosingSummary(String err, List<JsonNode> lines) {
        long ok = lines.stream().filter(n -> n.get("status").asText().equals("ok")).count();
        assertTrue(java.util.regex.Pattern.compile("(?m)^" + lines.size() + " inputs: " + ok + " diagnosed, "
                + (lines.size() - ok) + " rejected; \\d+ files/s$").matcher(err).find(), err);
        java.util.Map<String, Long> top = new java.util.HashMap<>();
        for (JsonNode n : lines) {
            JsonNode causes = n.path("diagnosis").path("causes");
            if (causes.size() > 0) {
                top.merge(causes.get(0).get("id").asText(), 1L, Long::sum);
            }
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?m)^ +(\\d+)  (\\S+)$")
                .matcher(err.substring(err.indexOf("Top causes:")));
        List<Long> printed = new ArrayList<>();
        while (m.find()) {
            assertEquals(top.get(m.group(2)), Long.valueOf(m.group(1)), m.group(2) + " in " + err);
            printed.add(Long.valueOf(m.group(1)));
        }
        assertEquals(Math.min(10, top.size()), printed.size(), err);
        assertEquals(top.values().stream().max(Long::compare).orElseThrow(), printed.get(0), "most frequent first: " + err);
    }

    @Test
    void missingPathsAreReportedNotSkipped() throws Exception {
        CliRun r = CliRun.run("batch", "examples/minimal-0x904-0x7.yaml", "no/such/file.yaml");
        assertEquals(3, r.code());
        List<JsonNode> lines = lines(r.out());
        assertEquals(2, lines.size());
        assertEquals("ok", lines.get(0).get("status").asText());
        assertEquals("no/such/file.yaml", lines.get(1).get("file").asText());
        assertTrue(lines.get(1).get("error").get("message").asText().contains("no such file"));
    }

    /** A results file named .json inside an input directory is not read back as an input, on a first run nor on a second. */
    @Test
    void theOutputFileIsNotAnInput(@TempDir Path dir) throws Exception {
        Path in = Files.createDirectories(dir.resolve("collected"));
        Files.copy(Path.of("examples/minimal-0x904-0x7.yaml"), in.resolve("a.yaml"));
        Files.copy(Path.of("examples/rdp-disabled-fresh-vm-from-template.yaml"), in.resolve("b.yaml"));
        Path out = in.resolve("results.json");
        for (int run = 1; run <= 2; run++) {
            CliRun r = CliRun.run("batch", "--out", out.toString(), in.toString());
            assertEquals(0, r.code(), "run " + run + ": " + r.err());
            List<JsonNode> lines = lines(Files.readString(out));
            assertEquals(List.of(in.resolve("a.yaml").toString(), in.resolve("b.yaml").toString()),
                    lines.stream().map(l -> l.get("file").asText()).toList(), "run " + run);
        }
        CliRun named = CliRun.run("batch", "--out", out.toString(), in.resolve("a.yaml").toString(), out.toString());
        assertEquals(3, named.code());
        List<JsonNode> lines = lines(Files.readString(out));
        assertEquals(2, lines.size(), "a PATH naming the output is an error line, not a silent skip");
        assertEquals(out + ": is this run's --out file; not read as an input", lines.get(1).get("error").get("message").asText());
    }

    /**
     * A symptom file given as --out, named as a PATH or lying in a PATH's folder, was emptied by the run and then left out
     * as "this run's --out file": the facts, collected at the time of the failure, were gone. It is a usage error
     * before anything is written; an earlier run's results file in the same places stays allowed (above).
     */
    @Test
    void anOutThatWouldReplaceASymptomFileIsRefused(@TempDir Path dir) throws Exception {
        Path in = Files.createDirectories(dir.resolve("collected"));
        Path a = Files.copy(Path.of("examples/minimal-0x904-0x7.yaml"), in.resolve("a.yaml"));
        Path b = Files.copy(Path.of("examples/rdp-disabled-fresh-vm-from-template.yaml"), in.resolve("b.yaml"));
        String facts = Files.readString(b);
        String[][] runs = {{b.toString(), a.toString(), b.toString()}, {b.toString(), in.toString()},
                {in.resolve("../collected/b.yaml").toString(), a.toString(), b.toString()}};
        for (String[] run : runs) {
            java.util.List<String> args = new java.util.ArrayList<>(List.of("batch", "--out", run[0]));
            args.addAll(List.of(run).subList(1, run.length));
            CliRun r = CliRun.run(args.toArray(String[]::new));
            assertEquals(2, r.code(), String.join(" ", args) + ": " + r.err());
            assertTrue(r.err().startsWith("--out " + run[0] + " is an input (" + run[run.length - 1] + ") and not a batch"
                    + " results file; writing the results there would replace it: give another --out\n"), r.err());
            assertEquals(facts, Files.readString(b), "the symptom file is left as it was");
        }
    }

    /** An --out that is a link to a file in an input directory (latest.json -> collected/results.json) is not read either. */
    @Test
    void theOutputFileIsNotAnInputThroughALink(@TempDir Path dir) throws Exception {
        Path in = Files.createDirectories(dir.resolve("collected"));
        Files.copy(Path.of("examples/minimal-0x904-0x7.yaml"), in.resolve("a.yaml"));
        Path target = Files.writeString(in.resolve("results.json"), "");
        Path out = Files.createSymbolicLink(dir.resolve("latest.json"), target);
        CliRun r = CliRun.run("batch", "--out", out.toString(), in.toString());
        assertEquals(0, r.code(), r.err());
        List<JsonNode> lines = lines(Files.readString(target));
        assertEquals(List.of(in.resolve("a.yaml").toString()), lines.stream().map(l -> l.get("file").asText()).toList());
        assertTrue(Files.isSymbolicLink(out), "written through the link");
    }

    /** The error object is {"message", "line"} for every error: problems of the whole input have line 0. */
    @Test
    void everyErrorCarriesALineZeroForWholeFileProblems(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("empty.yaml"), "");
        Files.createSymbolicLink(dir.resolve("dangling.yaml"), dir.resolve("gone.yaml"));
        Files.writeString(dir.resolve("bad.yaml"), "host: h\nsymptoms:\n  network.rdp_port: lots\n");
        CliRun r = CliRun.run("batch", dir.resolve("missing.yaml").toString(), dir.resolve("empty.yaml").toString(),
                dir.resolve("dangling.yaml").toString(), "/dev/null", dir.resolve("bad.yaml").toString());
        assertEquals(3, r.code(), r.err());
        List<JsonNode> lines = lines(r.out());
        assertEquals(5, lines.size(), r.out());
        for (int i = 0; i < 4; i++) {
            JsonNode error = lines.get(i).get("error");
            assertTrue(error.has("line") && error.get("line").isInt(), lines.get(i).toString());
            assertEquals(0, error.get("line").asInt(), lines.get(i).toString());
        }
        assertTrue(lines.get(3).at("/error/message").asText().contains("not a regular file"), lines.get(3).toString());
        assertEquals(3, lines.get(4).at("/error/line").asInt(), lines.get(4).toString());
    }

    /** A 3 GB (sparse) file was read whole before: OutOfMemoryError, no lines. Now it is refused by its size. */
    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void anOversizedFileIsOneErrorLineAndTheRunGoesOn(@TempDir Path dir) throws Exception {
        try (RandomAccessFile f = new RandomAccessFile(dir.resolve("huge.json").toFile(), "rw")) {
            f.setLength(3L << 30);
        }
        Files.copy(Path.of("examples/minimal-0x904-0x7.yaml"), dir.resolve("ok.yaml"));
        CliRun r = CliRun.run("batch", dir.toString());
        assertEquals(3, r.code(), r.err());
        List<JsonNode> lines = lines(r.out());
        assertEquals(2, lines.size(), r.out());
        assertEquals(dir.resolve("huge.json") + ": file is 3221225472 bytes; the limit is 1048576",
                lines.get(0).at("/error/message").asText());
        assertEquals("ok", lines.get(1).get("status").asText());
    }

    /** A real process on a small heap: a 200 MB line on stdin is read and dropped, not held (OutOfMemoryError before). */
    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void aHugeStdinLineDoesNotNeedTheMemoryOfTheLine(@TempDir Path dir) throws Exception {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Xmx64m", "-XX:+UseSerialGC", Main.class.getName(), "batch", "-")
                .redirectOutput(dir.resolve("out.jsonl").toFile()).redirectError(dir.resolve("err.txt").toFile()).start();
        try (OutputStream stdin = p.getOutputStream()) {
            stdin.write("{\"host\": \"a.example\"}\n".getBytes(StandardCharsets.UTF_8));
            byte[] chunk = new byte[1 << 20];
            Arrays.fill(chunk, (byte) 'x');
            for (int i = 0; i < 200; i++) {
                stdin.write(chunk);
            }
            stdin.write("\n{\"host\": \"b.example\"}\n".getBytes(StandardCharsets.UTF_8));
        }
        assertTrue(p.waitFor(100, TimeUnit.SECONDS));
        String err = Files.readString(dir.resolve("err.txt"));
        assertEquals(3, p.exitValue(), err);
        List<JsonNode> lines = lines(Files.readString(dir.resolve("out.jsonl")));
        assertEquals(List.of("ok", "error", "ok"), lines.stream().map(n -> n.get("status").asText()).toList());
        assertEquals("<stdin>:2: line is " + (200L << 20) + " bytes; the limit is 1048576", lines.get(1).at("/error/message").asText());
        assertEquals("b.example", lines.get(2).at("/diagnosis/host").asText());
    }

    /**
     * A heap too small for the run (many threads, each on a 1 MB file, under -Xmx32m) ends with one line saying so and
     * what to do, not "Exception in thread main java.lang.OutOfMemoryError" and its stack trace.
     */
    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void runningOutOfMemoryIsOneLineNotAStackTrace(@TempDir Path dir) throws Exception {
        StringBuilder doc = new StringBuilder("host: h\nevents:\n");
        for (int i = 0; doc.length() < 1_000_000; i++) {
            doc.append("  - { log: System, id: 1058, message: \"the RDP certificate could not be replaced ").append(i).append("\" }\n");
        }
        Path in = Files.createDirectories(dir.resolve("in"));
        for (int i = 0; i < 16; i++) {
            Files.writeString(in.resolve("f" + i + ".yaml"), doc);
        }
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Xmx32m", "-XX:+UseSerialGC", Main.class.getName(), "batch",
                "--threads", "16", in.toString())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(dir.resolve("err.txt").toFile()).start();
        assertTrue(p.waitFor(100, TimeUnit.SECONDS));
        String err = Files.readString(dir.resolve("err.txt"));
        assertEquals(1, p.exitValue(), err);
        assertTrue(err.matches("rdp-doctor: out of memory \\([^\n]*\\); give Java more, e\\.g\\. RDP_DOCTOR_JAVA_OPTS="
                + "\"-XX:\\+UseSerialGC -Xmx2g\", or use fewer --threads\n"), err);
    }

    /**
     * Under cron or systemd there is often no locale: Java then reads arguments as ASCII and a non-ASCII name was an
     * InvalidPathException that ended the whole run with no lines. Now that argument is one error line.
     */
    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void withoutALocaleANonAsciiArgumentIsOneErrorLine(@TempDir Path dir) throws Exception {
        Files.copy(Path.of("examples/minimal-0x904-0x7.yaml"), dir.resolve("good.yaml"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String script = "name=\"$(printf '\\303\\244.yaml')\"; cp good.yaml \"$name\"; " // ä in UTF-8, whatever this JVM's locale
                + "exec \"$0\" -cp \"$1\" " + Main.class.getName() + " batch good.yaml \"$name\"";
        ProcessBuilder pb = new ProcessBuilder("bash", "-c", script, java, System.getProperty("java.class.path"))
                .directory(dir.toFile()).redirectError(dir.resolve("err.txt").toFile());
        pb.environment().keySet().removeIf(k -> k.equals("LANG") || k.startsWith("LC_"));
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(100, TimeUnit.SECONDS));
        assertEquals(3, p.exitValue(), Files.readString(dir.resolve("err.txt")));
        List<JsonNode> lines = lines(out);
        assertEquals(List.of("ok", "error"), lines.stream().map(n -> n.get("status").asText()).toList());
        assertTrue(lines.get(1).at("/error/message").asText().contains("run with a UTF-8 locale, e.g. LC_ALL=C.UTF-8"), out);
    }

    /**
     * Names that are not UTF-8 (Latin-1 bytes) decode lossily in Java: such an argument cannot be found and says why;
     * the same file found in a directory walk is read by its real bytes. Each gives its own line.
     */
    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void latin1NamesEachGiveTheirOwnLine(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("fleet"));
        Files.copy(Path.of("examples/minimal-0x904-0x7.yaml"), dir.resolve("good.yaml"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String script = "latin1=\"$(printf 'caf\\351.yaml')\"; cp good.yaml \"$latin1\"; cp good.yaml \"fleet/$latin1\"; "
                + "exec \"$0\" -cp \"$1\" " + Main.class.getName() + " batch \"$latin1\" fleet good.yaml";
        ProcessBuilder pb = new ProcessBuilder("bash", "-c", script, java, System.getProperty("java.class.path"))
                .directory(dir.toFile()).redirectError(dir.resolve("err.txt").toFile());
        pb.environment().put("LC_ALL", "C.UTF-8");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(100, TimeUnit.SECONDS));
        assertEquals(3, p.exitValue(), Files.readString(dir.resolve("err.txt")));
        List<JsonNode> lines = lines(out);
        assertEquals(List.of("error", "ok", "ok"), lines.stream().map(n -> n.get("status").asText()).toList(), out);
        assertEquals("caf\uFFFD.yaml", lines.get(0).get("file").asText());
        assertTrue(lines.get(0).at("/error/message").asText().contains("no such file or directory (the name was not valid UTF-8"), out);
        assertEquals("fleet/caf\uFFFD.yaml", lines.get(1).get("file").asText());
    }

    @Test
    void everyInputDiagnosedExitsZero() throws Exception {
        CliRun r = CliRun.run("batch", "examples");
        assertEquals(0, r.code(), r.err());
        try (var s = Files.list(Path.of("examples"))) {
            long n = s.filter(io.github.rdpdoctor.symptoms.SymptomLoader::isSymptomFile).count();
            assertEquals(n, lines(r.out()).size());
        }
    }

    @Test
    void readsAStreamOfJsonDocumentsOnStdin() throws Exception {
        String stdin = """
                {"host": "a.example", "symptoms": {"client.error_code": "0x904", "server.service.termservice": "stopped"}}
                {"host": "b.example", "symptoms": {"network.rdp_port": "x"}}
                not json at all

                {"host": "c.example", "symptoms": {"network.rdp_port_state": "closed", "server.rdp_enabled": false}}
                """;
        CliRun r = CliRun.withStdin(stdin, "batch", "-");
        assertEquals(3, r.code(), r.err());
        List<JsonNode> lines = lines(r.out());
        assertEquals(5, lines.size());
        assertEquals(List.of("<stdin>:1", "<stdin>:2", "<stdin>:3", "<stdin>:4", "<stdin>:5"),
                lines.stream().map(n -> n.get("file").asText()).toList());
        assertEquals(List.of("ok", "error", "error", "error", "ok"), lines.stream().map(n -> n.get("status").asText()).toList());
        assertEquals("symptoms.network.rdp_port", lines.get(1).get("error").get("field").asText());
        assertEquals("rdp-service-failure", lines.get(0).get("diagnosis").get("causes").get(0).get("id").asText());
    }

    /** The facts of a German host: the user's name in client.user and in a profile event, which the rules compare. */
    static final String PROFILE_YAML = "host: fin-app-07.corp.example\nsymptoms:\n  client.error_code: \"0x904\"\n"
            + "  client.user: 'CORP\\j\u00fcrgen.m\u00fcller'\nevents:\n  - { log: Application, id: 1508, message: "
            + "'Windows konnte C:\\Users\\j\u00fcrgen.m\u00fcller\\ntuser.dat nicht laden.' }\n";
    static final String PROFILE_JSON = "{\"host\": \"fin-app-07.corp.example\", \"symptoms\": {\"client.error_code\": \"0x904\", "
            + "\"client.user\": \"CORP\\\\j\u00fcrgen.m\u00fcller\"}, \"events\": [{\"log\": \"Application\", \"id\": 1508, "
            + "\"message\": \"Windows konnte C:\\\\Users\\\\j\u00fcrgen.m\u00fcller\\\\ntuser.dat nicht laden.\"}]}";

    static byte[] bytes(int[] mark, String text, java.nio.charset.Charset cs) {
        byte[] body = text.getBytes(cs);
        byte[] all = new byte[mark.length + body.length];
        for (int i = 0; i < mark.length; i++) {
            all[i] = (byte) mark[i];
        }
        System.arraycopy(body, 0, all, mark.length, body.length);
        return all;
    }

    /** The causes as "id confidence", best first. */
    static List<String> ranking(JsonNode causes, int max) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < Math.min(max, causes.size()); i++) {
            out.add(causes.get(i).get("id").asText() + " " + causes.get(i).get("confidence").asText());
        }
        return out;
    }

    /** Files as Windows tools write them: one line each, in order; the text ones diagnosed alike, the others refused. */
    @Test
    void symptomFilesInTheEncodingsWindowsWritesEachGiveTheirLine(@TempDir Path dir) throws Exception {
        int[] none = {};
        int[] utf8Bom = {0xEF, 0xBB, 0xBF};
        int[] le = {0xFF, 0xFE};
        int[] be = {0xFE, 0xFF};
        String crlf = PROFILE_YAML.replace("\n", "\r\n");
        java.util.Map<String, byte[]> files = new java.util.TreeMap<>();
        files.put("a-utf8.yaml", bytes(none, PROFILE_YAML, StandardCharsets.UTF_8));
        files.put("b-notepad-utf8-bom.yaml", bytes(utf8Bom, crlf, StandardCharsets.UTF_8));
        files.put("c-set-content-utf8-bom.json", bytes(utf8Bom, PROFILE_JSON, StandardCharsets.UTF_8));
        files.put("d-out-file-utf16le.json", bytes(le, PROFILE_JSON + "\r\n", StandardCharsets.UTF_16LE));
        files.put("e-out-file-utf16le.yaml", bytes(le, crlf, StandardCharsets.UTF_16LE));
        files.put("f-utf16be.yaml", bytes(be, PROFILE_YAML, StandardCharsets.UTF_16BE));
        files.put("g-utf16le-no-bom.json", bytes(none, PROFILE_JSON, StandardCharsets.UTF_16LE));
        files.put("h-set-content-ansi.yaml", bytes(none, crlf, java.nio.charset.Charset.forName("windows-1252")));
        files.put("i-picture.json", new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, '\r', 'I', 'H', 'D', 'R'});
        for (var f : files.entrySet()) {
            Files.write(dir.resolve(f.getKey()), f.getValue());
        }
        CliRun r = CliRun.run("batch", dir.toString());
        assertEquals(3, r.code(), r.err());
        List<JsonNode> lines = lines(r.out());
        assertEquals(files.keySet().stream().map(n -> dir.resolve(n).toString()).toList(),
                lines.stream().map(n -> n.get("file").asText()).toList());
        JsonNode reference = lines.get(0).get("diagnosis").get("causes");
        // the event names the connecting user: the profile is theirs and comes first
        assertEquals("user-profile-corrupt", reference.get(0).get("id").asText(), reference.toString());
        for (JsonNode line : lines.subList(0, 7)) {
            assertEquals("ok", line.get("status").asText(), line.toString());
            assertEquals(reference, line.get("diagnosis").get("causes"), line.get("file").asText());
            assertEquals(0, line.get("diagnosis").get("warnings").size(), line.toString());
        }
        JsonNode ansi = lines.get(7).get("error");
        assertEquals(4, ansi.get("line").asInt(), ansi.toString());
        assertTrue(ansi.get("message").asText().startsWith(dir.resolve("h-set-content-ansi.yaml") + ":4: not UTF-8 text (byte 0xFC at offset "),
                ansi.toString());
        assertTrue(ansi.get("message").asText().contains("'\u00fc' in Windows-1252): a binary file, or text in another encoding; "
                + "save it as UTF-8 (Windows PowerShell 5.1: Set-Content -Encoding UTF8"), ansi.toString());
        assertTrue(lines.get(8).get("error").get("message").asText().contains("binary data (NUL byte at offset 8)"), lines.get(8).toString());
        assertClosingSummary(r.err(), lines);

        // the same documents as JSON Lines on standard input, in UTF-16 (cmd: batch - < results.jsonl that Windows
        // PowerShell 5.1 wrote with '>'): one line per document, none more
        String stream = PROFILE_JSON + "\r\n" + PROFILE_JSON.replace("fin-app-07", "fin-app-08") + "\r\n" + PROFILE_JSON.replace("fin-app-07", "fin-app-09") + "\r\n";
        for (byte[] in : List.of(bytes(le, stream, StandardCharsets.UTF_16LE), bytes(be, stream, StandardCharsets.UTF_16BE),
                bytes(none, stream, StandardCharsets.UTF_16LE), bytes(utf8Bom, stream, StandardCharsets.UTF_8))) {
            CliRun s = CliRun.withStdin(in, "batch", "-");
            assertEquals(0, s.code(), s.err());
            List<JsonNode> got = lines(s.out());
            assertEquals(List.of("<stdin>:1", "<stdin>:2", "<stdin>:3"), got.stream().map(n -> n.get("file").asText()).toList(), s.out());
            assertEquals(List.of("fin-app-07.corp.example", "fin-app-08.corp.example", "fin-app-09.corp.example"),
                    got.stream().map(n -> n.get("diagnosis").get("host").asText()).toList());
            for (JsonNode line : got) {
                assertEquals(reference, line.get("diagnosis").get("causes"), line.toString());
            }
        }
        // diagnose - reads one such document
        CliRun one = CliRun.withStdin(bytes(le, PROFILE_YAML, StandardCharsets.UTF_16LE), "diagnose", "--format", "json", "-");
        assertEquals(0, one.code(), one.err());
        assertEquals(ranking(reference, 99), ranking(JSON.readTree(one.out()).get("causes"), reference.size()));
    }

    @Test
    void linesKeepTheBestCausesAndTheFirstStepUnlessToldOtherwise() throws Exception {
        JsonNode small = lines(CliRun.run("batch", "examples/minimal-0x904-0x7.yaml").out()).get(0).get("diagnosis");
        JsonNode all = lines(CliRun.run("batch", "--max-causes", "0", "--full-remediation", "examples/minimal-0x904-0x7.yaml").out())
                .get(0).get("diagnosis");
        assertEquals(5, small.get("causes").size());
        assertTrue(all.get("causes").size() > 5, all.toString());
        for (int i = 0; i < 5; i++) {
            assertEquals(all.get("causes").get(i).get("id"), small.get("causes").get(i).get("id"), "same ranking");
            assertEquals(1, small.get("causes").get(i).get("remediation").size());
        }
        assertTrue(all.get("causes").get(0).get("remediation").size() > 1);
    }

    /**
     * The bar appears exactly when stderr is a terminal (a pseudo-terminal made by util-linux's script), whatever stdin
     * and stdout are; here without the launcher, so the JVM looks where its file descriptor 2 leads.
     */
    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void progressBarExactlyWhenStderrIsATerminal(@TempDir Path dir) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String batch = String.join(" ", java, "-cp", "'" + System.getProperty("java.class.path") + "'", Main.class.getName(),
                "batch", "'" + fleet + "'");
        String out = dir.resolve("o.jsonl").toString();

        String screen = onTerminal(dir, batch + " --out '" + out + "'");
        assertTrue(screen.contains("diagnosing 100%") && screen.contains(COUNT + "/" + COUNT), screen);

        // stdout to a file and stdin from one (System.console() is null): stderr is still the terminal
        screen = onTerminal(dir, batch + " > '" + out + "' < /dev/null");
        assertTrue(screen.contains("diagnosing 100%"), screen);
        assertEquals(COUNT, lines(Files.readString(Path.of(out))).size());

        // stdin and stdout on the terminal, stderr to a file: no bar, no \r or escape codes in the file
        Path errFile = dir.resolve("err.txt");
        onTerminal(dir, batch + " --out '" + out + "' 2> '" + errFile + "'");
        String err = Files.readString(errFile);
        assertTrue(err.contains(COUNT + " inputs:"), err);
        assertTrue(!err.contains("diagnosing") && err.indexOf('\r') < 0 && err.indexOf('\u001b') < 0, err);

        Process piped = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "batch", "--out", out, fleet.toString()).redirectErrorStream(true).start();
        String text = new String(piped.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(piped.waitFor(100, TimeUnit.SECONDS));
        assertTrue(!text.contains("diagnosing") && text.contains(COUNT + " inputs:"), text);
    }

    /** What a terminal shows while {@code command} runs in a shell on it. */
    private static String onTerminal(Path dir, String command) throws Exception {
        Path log = dir.resolve("tty.log");
        Process tty = new ProcessBuilder("script", "-qec", command, log.toString())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        assertTrue(tty.waitFor(100, TimeUnit.SECONDS));
        return Files.readString(log);
    }

    /** A real process writing to its standard output gives, byte for byte, what the in-process run prints. */
    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void standardOutputOfARealProcessCarriesTheSameUtf8Lines(@TempDir Path dir) throws Exception {
        Files.copy(Path.of("examples/minimal-0x904-0x7.yaml"), dir.resolve("a.yaml"));
        Files.writeString(dir.resolve("café.yaml"), "host: сервер-1.example\nsymptoms:\n  client.error_code: 0x904\n"
                + "  client.user: 用户\n", StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("z-broken.yaml"), "host: ü\nsymptoms:\n  network.rdp_port: lots\n", StandardCharsets.UTF_8);
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "batch", dir.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] stdout = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(100, TimeUnit.SECONDS));
        assertEquals(3, p.exitValue());
        String text = new String(stdout, StandardCharsets.UTF_8);
        assertEquals(CliRun.run("batch", dir.toString()).out(), text);
        List<JsonNode> lines = lines(text);
        assertEquals(3, lines.size());
        assertEquals(dir.resolve("café.yaml").toString(), lines.get(1).get("file").asText());
        assertEquals("сервер-1.example", lines.get(1).at("/diagnosis/host").asText());
        assertEquals("error", lines.get(2).get("status").asText());
    }

    @Test
    void usageErrorsExitTwo() {
        assertEquals(2, CliRun.run("batch").code());
        assertEquals(2, CliRun.run("batch", "--resume", "examples").code());
        assertEquals(2, CliRun.run("batch", "--threads", "0", "examples").code());
    }

    /**
     * Options that did something else than asked, without a word: '- -' read standard input once (the second added
     * nothing), --osquery-host without --osquery was ignored, --threads 1000000 started a million threads (minutes, and
     * an OutOfMemoryError under -Xmx256m), --out naming an --osquery log emptied the log after reading it.
     */
    @Test
    void optionsThatCannotDoWhatTheySayAreUsageErrors(@TempDir Path dir) throws Exception {
        String[][] cases = {
                {"- (standard input) can be given once", "batch", "-", "-"},
                {"--threads must be 1..1024", "batch", "--threads", "1025", "examples"},
                {"--threads must be 1..1024", "batch", "--threads", "-1", "examples"},
                {"--osquery-host names the host or query of --osquery files; give those with --osquery FILE",
                        "batch", "--osquery-host", "web01", "examples"},
                {"--osquery-query names the host or query of --osquery files; give those with --osquery FILE",
                        "batch", "--osquery-query", "rdp_services", "examples"},
        };
        for (String[] c : cases) {
            CliRun r = CliRun.withStdin("{\"host\": \"a\"}\n", java.util.Arrays.copyOfRange(c, 1, c.length));
            assertEquals(2, r.code(), String.join(" ", c) + ": " + r.err());
            assertTrue(r.err().startsWith(c[0] + "\n"), r.err());
            assertEquals("", r.out());
        }
        String log = "{\"name\":\"rdp_services\",\"hostIdentifier\":\"web01\",\"unixTime\":1795000440,"
                + "\"snapshot\":[{\"name\":\"TermService\",\"status\":\"STOPPED\"}],\"action\":\"snapshot\"}\n";
        Path osq = Files.writeString(dir.resolve("osqueryd.results.log"), log);
        CliRun r = CliRun.run("batch", "--osquery", osq.toString(), "--out", osq.toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().startsWith("--out " + osq + " is an --osquery input; writing the results there would replace"
                + " the log\n"), r.err());
        assertEquals(log, Files.readString(osq));
    }

    /** A write that fails names the --out file and why ("rdp-doctor: No space left on device" named no file). */
    @Test
    void aFailedWriteNamesTheOutFile() {
        Path full = Path.of("/dev/full");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(full), "no /dev/full here");
        CliRun r = CliRun.run("batch", "--out", full.toString(), "examples/minimal-0x904-0x7.yaml");
        assertEquals(1, r.code());
        assertEquals("rdp-doctor: /dev/full: No space left on device\n", r.err());
    }

    /** --out is opened like the shell's '>': a link is written through and stays a link (it was deleted and replaced by a file). */
    @Test
    void outThroughALinkWritesTheFileItPointsTo(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("results.jsonl");
        Files.writeString(target, "an older, longer run's output that must not survive\n".repeat(100));
        Path link = Files.createSymbolicLink(dir.resolve("latest.jsonl"), target);
        assertEquals(0, CliRun.run("batch", "--out", link.toString(), "examples/minimal-0x904-0x7.yaml").code());
        assertTrue(Files.isSymbolicLink(link), "the link is still a link");
        List<JsonNode> lines = lines(Files.readString(target));
        assertEquals(1, lines.size());
        assertEquals("ok", lines.get(0).get("status").asText());
    }

    /** A named pipe (or a device such as /dev/null) given to --out is written to, never deleted and replaced by a regular file. */
    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void outToANamedPipeWritesIntoThePipe(@TempDir Path dir) throws Exception {
        Path fifo = dir.resolve("results.pipe");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        var reader = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return Files.readString(fifo); // opens the pipe's reading end: the batch's open for writing goes on
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        assertEquals(0, CliRun.run("batch", "--out", fifo.toString(), "examples/minimal-0x904-0x7.yaml",
                "examples/rdp-disabled-fresh-vm-from-template.yaml").code());
        assertEquals(2, lines(reader.get(30, TimeUnit.SECONDS)).size());
        assertTrue(Files.readAttributes(fifo, java.nio.file.attribute.BasicFileAttributes.class).isOther(), "the pipe is still a pipe");

        CliRun resume = CliRun.run("batch", "--resume", "--out", fifo.toString(), "examples/minimal-0x904-0x7.yaml");
        assertEquals(1, resume.code());
        assertEquals("rdp-doctor: " + fifo + ": --resume continues an output file, and this is not a regular file\n", resume.err());
    }

    @Test
    void resumeRefusesAnOutputOfOtherInputs(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("r.jsonl");
        Files.writeString(out, "{\"file\":\"other.yaml\",\"status\":\"ok\",\"diagnosis\":{\"causes\":[]}}\n");
        CliRun r = CliRun.run("batch", "--resume", "--out", out.toString(), "examples");
        assertEquals(1, r.code());
        assertTrue(r.err().contains("resume needs the same inputs in the same order"), r.err());
    }

    @Test
    void resumeRefusesAnOutputWithADamagedLineInTheMiddle(@TempDir Path dir) throws Exception {
        Path full = dir.resolve("full.jsonl");
        assertEquals(0, CliRun.run("batch", "--out", full.toString(), "examples/minimal-0x904-0x7.yaml",
                "examples/minimal-0x904-0x7.yaml", "examples/minimal-0x904-0x7.yaml").code());
        List<String> lines = Files.readAllLines(full);
        Path out = dir.resolve("r.jsonl");
        Files.write(out, List.of(lines.get(0), "garbage", lines.get(2)));
        String before = Files.readString(out);
        CliRun r = CliRun.run("batch", "--resume", "--out", out.toString(), "examples/minimal-0x904-0x7.yaml",
                "examples/minimal-0x904-0x7.yaml", "examples/minimal-0x904-0x7.yaml");
        assertEquals(1, r.code());
        assertTrue(r.err().contains(out + ":2: not a result line of a batch run"), r.err());
        assertEquals(before, Files.readString(out), "the file is left as it was");
    }

    /**
     * --resume given a file without line ends (an image, a log named by mistake) read its first line to the end into
     * memory: a 3 GB file ended in an OutOfMemoryError and its stack trace. Refused at the limit, the file left alone.
     */
    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void resumeRefusesALineLongerThanAResultWithoutReadingItAll(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("disk.img");
        try (var ch = java.nio.channels.FileChannel.open(out, java.nio.file.StandardOpenOption.CREATE_NEW,
                java.nio.file.StandardOpenOption.WRITE)) {
            ch.write(java.nio.ByteBuffer.wrap(new byte[] {1}), (3L << 30) - 1); // 3 GB of NUL bytes, no line end (sparse)
        }
        CliRun r = CliRun.run("batch", "--resume", "--out", out.toString(), "examples/minimal-0x904-0x7.yaml");
        assertEquals(1, r.code());
        assertEquals("rdp-doctor: " + out + ":1: not a result line of a batch run (longer than " + BatchRunner.MAX_LINE
                + " bytes); resume continues only an output it wrote\n", r.err());
        assertEquals(3L << 30, Files.size(out), "the file is left as it was");
    }

    /**
     * Two runs on one --out (an overlapping cron job): while a real process writes the file, a second run is refused
     * and leaves the file alone, fresh or with --resume; the first run finishes with all its lines.
     */
    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void aSecondRunOnTheSameOutputIsRefusedWhileTheFirstWrites(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("out.jsonl");
        Process first = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "batch", "--out", out.toString(), "-")
                .redirectErrorStream(true).redirectOutput(dir.resolve("first.log").toFile()).start();
        String doc = "{\"host\": \"a.example\", \"symptoms\": {\"server.rdp_enabled\": false}}\n";
        try (OutputStream stdin = first.getOutputStream()) {
            stdin.write(doc.getBytes(StandardCharsets.UTF_8));
            stdin.flush();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while ((!Files.exists(out) || Files.size(out) == 0) && first.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(20); // the first run has its line out, and waits for more on its stdin
            }
            assertEquals(1, Files.readAllLines(out).size(), Files.readString(dir.resolve("first.log")));
            for (String[] args : new String[][] {{"batch", "--out", out.toString(), "examples"},
                    {"batch", "--resume", "--out", out.toString(), "examples"}}) {
                CliRun second = CliRun.run(args);
                assertEquals(1, second.code(), second.err());
                assertEquals("rdp-doctor: " + out + ": another batch run is writing this file; let it finish, or give another --out\n",
                        second.err());
                assertEquals(1, Files.readAllLines(out).size(), "the second run left the file alone");
            }
            stdin.write(doc.getBytes(StandardCharsets.UTF_8));
        }
        assertTrue(first.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, first.exitValue(), Files.readString(dir.resolve("first.log")));
        assertEquals(2, lines(Files.readString(out)).size());
        assertEquals(0, CliRun.run("batch", "--out", out.toString(), "examples/minimal-0x904-0x7.yaml").code(),
                "the lock goes with the run");
    }

    /** A real process killed with SIGKILL mid-run; --resume then finishes with no file missing and none twice. */
    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void resumeAfterKillNineFinishesTheJob(@TempDir Path dir) throws Exception {
        Path big = dir.resolve("fleet");
        int count = 4000;
        FleetGenerator.generate(Path.of("examples"), big, count, 0.02, 5);
        Path out = dir.resolve("out.jsonl");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Xmx256m", Main.class.getName(),
                "batch", "--threads", "1", "--out", out.toString(), big.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (p.isAlive() && (!Files.exists(out) || Files.size(out) < 200_000) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(p.isAlive(), "the child finished before it could be killed; log: " + Files.readString(dir.resolve("child.log")));
        p.destroyForcibly(); // SIGKILL
        p.waitFor(30, TimeUnit.SECONDS);
        long before = Files.readString(out).lines().count();
        assertTrue(before > 0 && before < count, "killed mid-run after " + before + " lines");

        CliRun r = CliRun.run("batch", "--resume", "--threads", "2", "--out", out.toString(), big.toString());
        assertEquals(3, r.code(), r.err());
        List<JsonNode> lines = lines(Files.readString(out));
        assertEquals(count, lines.size());
        Set<String> seen = new HashSet<>();
        for (JsonNode n : lines) {
            assertTrue(seen.add(n.get("file").asText()), "twice: " + n.get("file"));
        }
        try (var s = Files.walk(big)) {
            assertEquals(s.filter(Files::isRegularFile).map(Path::toString).sorted().toList(),
                    lines.stream().map(n -> n.get("file").asText()).toList());
        }
        assertTrue(r.err().contains("kept from the earlier run"), r.err());
    }
}

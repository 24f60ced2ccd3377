package io.github.rdpdoctor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code rdp-doctor probe}: usage errors exit 2, bad input exits 1, never with a stack trace. No network needed. */
class ProbeUsageTest {

    private static void usage(String expectedMessage, String... args) {
        CliRun r = CliRun.run(args);
        assertEquals(2, r.code(), r.out() + r.err());
        assertTrue(r.err().contains(expectedMessage), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
    }

    @Test
    void usageErrorsExitTwo(@TempDir Path dir) throws Exception {
        Path hosts = Files.writeString(dir.resolve("hosts.txt"), "127.0.0.1\n");
        usage("give a HOST[:PORT] or --hosts FILE", "probe");
        usage("give either HOST[:PORT] or --hosts FILE, not both", "probe", "h.example", "--hosts", hosts.toString());
        usage("--save: cannot tell the format of 'facts.txt': name it .yaml, .yml or .json", "probe", "h.example", "--save", "facts.txt");
        usage("--timeout must be 1..600000 milliseconds", "probe", "h.example", "--timeout", "0");
        usage("--expect-ip needs an IPv4 or IPv6 address, got 'db.example'", "probe", "h.example", "--expect-ip", "db.example");
        usage("--expect-ip needs an IPv4 or IPv6 address, got '10.0.0.256'", "probe", "h.example", "--expect-ip", "10.0.0.256");
        usage("--out and --concurrency go with --hosts FILE", "probe", "h.example", "--concurrency", "4");
        usage("--format goes with a single HOST[:PORT]", "probe", "--hosts", hosts.toString(), "--format", "json");
        usage("--save goes with a single HOST[:PORT]", "probe", "--hosts", hosts.toString(), "--save", "x.yaml");
        usage("--client-log goes with a single HOST[:PORT]", "probe", "--hosts", hosts.toString(), "--client-log", hosts.toString());
        usage("--concurrency must be 1..1024", "probe", "--hosts", hosts.toString(), "--concurrency", "0");
        usage("Invalid value for option '--format'", "probe", "h.example", "--format", "xml");
    }

    /**
     * --out naming the hosts file emptied it while it was read: every host after the first few bytes was lost, and a
     * cut-off name ("127.") was probed. Refused before anything is opened, also through a link; the list stays.
     */
    @Test
    void outNamingTheHostsFileIsRefusedAndTheListStays(@TempDir Path dir) throws Exception {
        String list = "127.0.0.1:1\n127.0.0.1:2\n";
        Path hosts = Files.writeString(dir.resolve("hosts.txt"), list);
        Path link = Files.createSymbolicLink(dir.resolve("latest.txt"), hosts);
        for (Path out : new Path[] {hosts, link, dir.resolve(".").resolve("hosts.txt")}) {
            usage("--out " + out + " is the --hosts file; writing the results there would replace the host list",
                    "probe", "--hosts", hosts.toString(), "--out", out.toString());
            assertEquals(list, Files.readString(hosts));
        }
    }

    @Test
    void aMalformedTargetOrAMissingHostsFileExitsOne(@TempDir Path dir) {
        CliRun r = CliRun.run("probe", "127.0.0.1:99999");
        assertEquals(1, r.code());
        assertEquals("rdp-doctor: not a HOST[:PORT]: port out of range in 127.0.0.1:99999\n", r.err());
        r = CliRun.run("probe", "bad host!");
        assertEquals(1, r.code());
        assertEquals("rdp-doctor: not a HOST[:PORT]: 'bad host!' (a host is a DNS name or an IP address)\n", r.err());
        int closed = io.github.rdpdoctor.collectors.network.RealServers.freePort();
        Path nowhere = dir.resolve("no-such-dir").resolve("facts.yaml");
        r = CliRun.run("probe", "127.0.0.1:" + closed, "--save", nowhere.toString());
        assertEquals(1, r.code());
        assertTrue(r.out().contains("[rdp-disabled]"), "the diagnosis is printed before the save fails: " + r.out());
        assertEquals("rdp-doctor: cannot save the facts to " + nowhere + ": no such directory\n", r.err());
        Path missing = dir.resolve("missing.txt");
        r = CliRun.run("probe", "--hosts", missing.toString());
        assertEquals(1, r.code());
        assertEquals("rdp-doctor: " + missing + ": no such file\n", r.err());
        r = CliRun.run("probe", "--hosts", dir.toString());
        assertEquals(1, r.code());
        assertEquals("rdp-doctor: " + dir + ": is a directory, not a hosts file\n", r.err());
        r = CliRun.run("probe", "127.0.0.1:" + closed, "--client-log", missing.toString());
        assertEquals(1, r.code());
        assertEquals("", r.out(), "nothing is probed for a client log that is not there");
        assertEquals("rdp-doctor: --client-log " + missing + ": no such file\n", r.err());
    }

    @Test
    void anAddressWithTwoPortsIsAMalformedTargetNotAnIpv6Address(@TempDir Path dir) throws Exception {
        CliRun r = CliRun.run("probe", "1.2.3.4:3389:1");
        assertEquals(1, r.code(), r.out());
        assertEquals("", r.out());
        assertEquals("rdp-doctor: not a HOST[:PORT]: '1.2.3.4:3389:1' (more than one ':' but not an IPv6 address; an"
                + " IPv6 address with a port is written [addr]:port)\n", r.err());
        Path hosts = Files.writeString(dir.resolve("hosts.txt"), "1.2.3.4:3389:1\n");
        r = CliRun.run("probe", "--hosts", hosts.toString());
        assertEquals(3, r.code(), r.err());
        assertTrue(r.out().startsWith("{\"file\":\"1.2.3.4:3389:1\",\"status\":\"error\""), r.out());
        assertTrue(r.out().contains("line 1 of " + hosts + ": not a HOST[:PORT]: '1.2.3.4:3389:1' (more than one ':'"),
                r.out());
        // unbracketed IPv6 literals without a port still work
        assertEquals("[::1]:3389", ProbeCommand.parseTarget("::1").display());
        assertEquals("[fe80::1]:3389", ProbeCommand.parseTarget("fe80::1").display());
        assertEquals("[::ffff:10.0.0.1]:3389", ProbeCommand.parseTarget("::ffff:10.0.0.1").display());
    }

    @Test
    void aHostsFileWithAByteOrderMarkKeepsItsFirstHost(@TempDir Path dir) throws Exception {
        int closed = io.github.rdpdoctor.collectors.network.RealServers.freePort();
        Path hosts = Files.writeString(dir.resolve("hosts.txt"), "\uFEFF127.0.0.1:" + closed + "\r\n");
        CliRun r = CliRun.run("probe", "--hosts", hosts.toString(), "--timeout", "2000");
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().startsWith("{\"file\":\"127.0.0.1:" + closed + "\",\"status\":\"ok\""), r.out());
    }

    /** Windows PowerShell 5.1's {@code >} and {@code Out-File} write UTF-16LE with a byte order mark. */
    @Test
    void aHostsFileInUtf16IsReadAsItsText(@TempDir Path dir) throws Exception {
        int closed = io.github.rdpdoctor.collectors.network.RealServers.freePort();
        String text = "\uFEFF127.0.0.1:" + closed + "\r\n# lab hosts\r\nnot a host!\r\n127.0.0.1:" + closed + "\r\n";
        Path hosts = Files.write(dir.resolve("hosts.txt"), text.getBytes(java.nio.charset.StandardCharsets.UTF_16LE));
        CliRun r = CliRun.run("probe", "--hosts", hosts.toString(), "--timeout", "2000");
        assertEquals(3, r.code(), r.out() + r.err());
        java.util.List<String> lines = r.out().lines().toList();
        assertEquals(3, lines.size(), r.out());
        assertTrue(lines.get(0).startsWith("{\"file\":\"127.0.0.1:" + closed + "\",\"status\":\"ok\""), r.out());
        assertTrue(lines.get(1).startsWith("{\"file\":\"not a host!\",\"status\":\"error\""), r.out());
        assertTrue(lines.get(1).contains("line 3 of " + hosts), r.out());
        assertTrue(lines.get(2).startsWith("{\"file\":\"127.0.0.1:" + closed + "\",\"status\":\"ok\""), r.out());
    }

    /** A line in the ANSI code page or a line with no end is an error line of its own; the lines after it are probed. */
    @Test
    void aHostsLineThatIsNotUtf8OrTooLongIsAnErrorLineAndTheRestIsProbed(@TempDir Path dir) throws Exception {
        int closed = io.github.rdpdoctor.collectors.network.RealServers.freePort();
        java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
        b.writeBytes(("127.0.0.1:" + closed + "\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        b.writeBytes("J\u00fcrgen-pc\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        b.writeBytes(("x".repeat(5000) + "\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        b.writeBytes(("127.0.0.1:" + closed).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        Path hosts = Files.write(dir.resolve("hosts.txt"), b.toByteArray());
        CliRun r = CliRun.run("probe", "--hosts", hosts.toString(), "--timeout", "2000");
        assertEquals(3, r.code(), r.out() + r.err());
        java.util.List<String> lines = r.out().lines().toList();
        assertEquals(4, lines.size(), r.out());
        assertTrue(lines.get(0).contains("\"status\":\"ok\""), r.out());
        assertTrue(lines.get(1).contains("\"status\":\"error\"") && lines.get(1).contains("line 2 of " + hosts
                + ": not UTF-8 text (byte 0xFC at offset 1, '\u00fc' in Windows-1252)"), r.out());
        assertTrue(lines.get(2).contains("\"status\":\"error\"") && lines.get(2).contains("line 3 of " + hosts
                + ": longer than 1024 bytes"), r.out());
        assertTrue(lines.get(3).startsWith("{\"file\":\"127.0.0.1:" + closed + "\",\"status\":\"ok\""), r.out());
    }

    @Test
    void targetsAndAddressesParseLikeTheyAreTyped() {
        assertEquals("[fe80::1]:3390", ProbeCommand.parseTarget("[fe80::1]:3390").display());
        assertEquals("fin-app-07.corp.example:3389", ProbeCommand.parseTarget("fin-app-07.corp.example").display());
        assertEquals("xn--bcher-kva.example:3389", ProbeCommand.parseTarget("xn--bcher-kva.example").display());
        assertTrue(ProbeCommand.isAddress("10.1.2.3"));
        assertTrue(ProbeCommand.isAddress("::1"));
        assertTrue(ProbeCommand.isAddress("[fe80::1]"));
        assertFalse(ProbeCommand.isAddress("10.1.2"));
        assertFalse(ProbeCommand.isAddress("dead:beef:zz::1"));
        assertFalse(ProbeCommand.isAddress("localhost"));
    }

    @Test
    void oneFactIsOneFact() {
        io.github.rdpdoctor.collectors.network.DnsCollector.Resolver nxdomain = host -> {
            throw new java.net.UnknownHostException(host);
        };
        io.github.rdpdoctor.collectors.CollectionReport report = new io.github.rdpdoctor.collectors.CollectorRunner(
                java.util.List.of(new io.github.rdpdoctor.collectors.network.DnsCollector(nxdomain)),
                java.time.Duration.ofSeconds(1), java.time.Duration.ofSeconds(4))
                .run(io.github.rdpdoctor.collectors.CollectionTarget.of("nosuchhost.invalid"));
        java.io.StringWriter text = new java.io.StringWriter();
        ProbeCommand.printFacts(new java.io.PrintWriter(text), report,
                io.github.rdpdoctor.collectors.CollectedSymptoms.toSymptomSet(report));
        assertTrue(text.toString().startsWith("Probe of nosuchhost.invalid:3389: 1 fact in "), text.toString());
    }

    @Test
    void collectorsThatDidNotApplyAreFoldedByFamily() {
        assertEquals(java.util.List.of("symptom-file", "host-identity", "windows-* (3)", "osquery-hosts"),
                ProbeCommand.grouped(java.util.List.of("symptom-file", "host-identity", "windows-events", "windows-os",
                        "osquery-hosts", "windows-sessions")));
    }
}

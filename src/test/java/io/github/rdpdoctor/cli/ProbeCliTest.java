package io.github.rdpdoctor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.rdpdoctor.collectors.freerdp.FreerdpLogCollector;
import io.github.rdpdoctor.collectors.network.RealServers;
import io.github.rdpdoctor.symptoms.HexCode;
import io.github.rdpdoctor.symptoms.Symptom;
import io.github.rdpdoctor.symptoms.SymptomLoader;
import io.github.rdpdoctor.symptoms.SymptomSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code rdp-doctor probe} against real servers on 127.0.0.1 (started with the probe tests' {@link RealServers}):
 * xrdp with TLS and a valid certificate, xrdp with an expired certificate, the FreeRDP shadow server requiring NLA,
 * and a closed port.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ProbeCliTest {

    private RealServers.Started servers;
    private RealServers.Xrdp tls;
    private RealServers.Xrdp expired;
    private RealServers.ShadowNla shadow;
    private final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    void startServers() throws IOException {
        RealServers.requireTools("xrdp", "openssl", "freerdp-shadow-cli", "winpr-hash", "Xvfb");
        servers = RealServers.Started.start("rdp-doctor-probe-cli", s -> {
            Path dir = s.dir;
            RealServers.Cert good = RealServers.selfSigned(dir, "tls", "tls.test", "IP:127.0.0.1", 400);
            RealServers.Cert old = RealServers.selfSignedWithDates(dir, "expired", "expired.test",
                    "20200101000000Z", "20200301000000Z");
            tls = s.track(RealServers.Xrdp.start(dir, "xrdp-tls", Map.of("security_layer", "tls",
                    "certificate", good.cert().toString(), "key_file", good.key().toString())));
            expired = s.track(RealServers.Xrdp.start(dir, "xrdp-expired", Map.of("security_layer", "tls",
                    "certificate", old.cert().toString(), "key_file", old.key().toString())));
            shadow = s.track(RealServers.ShadowNla.start(dir));
        });
    }

    @AfterAll
    void stopServers() {
        RealServers.Started.close(servers);
    }

    private static boolean hasLine(String text, String regex) {
        return Pattern.compile("(?m)^" + regex + "$").matcher(text).find();
    }

    /** A real xfreerdp's whole output of one failed attempt, saved as an admin would (2>&1 | tee FILE); its exit code. */
    private RealServers.Result xfreerdp(Path log, String target, String... more) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(RealServers.tool("xfreerdp"), "/v:" + target, "/cert:ignore", "+auth-only",
                "/u:" + RealServers.ShadowNla.USER, "/p:" + RealServers.ShadowNla.PASSWORD, "/timeout:5000"));
        cmd.addAll(List.of(more));
        RealServers.Result r = RealServers.run(Duration.ofSeconds(60), Map.of("DISPLAY", shadow.xvfb.display, "HOME",
                servers.dir.toString()), servers.dir, cmd.toArray(String[]::new));
        Files.writeString(log, r.output());
        return r;
    }

    /**
     * What a real xfreerdp logs for three failures is what the collector reads and the vocabulary knows (the exit codes
     * are those of domain-notes.md): a refused port (ERRCONNECT_CONNECT_TRANSPORT_FAILED, 147), a name that does not
     * resolve (ERRCONNECT_DNS_NAME_NOT_FOUND, 140), TLS-only security against the NLA-only shadow server
     * (ERRCONNECT_SECURITY_NEGO_CONNECT_FAILED, 133); and `probe --client-log` adds that code to the probe's facts, where
     * it turns the diagnosis of the NLA-only server to credssp-nla-mismatch.
     */
    @Test
    void aFreerdpClientLogAddsTheClientsErrconnectCodeToTheProbe(@TempDir Path dir) throws Exception {
        record Attempt(String target, List<String> options, int exitCode, String errconnect) {
        }
        int closed = RealServers.freePort();
        for (Attempt a : List.of(new Attempt("127.0.0.1:" + closed, List.of(), 147, "ERRCONNECT_CONNECT_TRANSPORT_FAILED"),
                new Attempt("no-such-host.invalid", List.of(), 140, "ERRCONNECT_DNS_NAME_NOT_FOUND"),
                new Attempt("127.0.0.1:" + shadow.port, List.of("/sec:tls"), 133, "ERRCONNECT_SECURITY_NEGO_CONNECT_FAILED"))) {
            Path log = dir.resolve("xfreerdp-" + a.exitCode() + ".log");
            RealServers.Result r = xfreerdp(log, a.target(), a.options().toArray(String[]::new));
            assertEquals(a.exitCode(), r.exitCode(), r.output());
            assertEquals(a.errconnect(), FreerdpLogCollector.read(log).errconnect(), r.output());
            SymptomSet facts = new SymptomLoader().parse("f.yaml", ("schema: rdp-symptoms/v1\nhost: h\nsymptoms:\n  client.freerdp_error: "
                    + a.errconnect() + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            assertTrue(facts.warnings().isEmpty(), a.errconnect() + " is a known value: " + facts.warnings());
        }

        Path log = dir.resolve("xfreerdp-133.log");
        String target = "127.0.0.1:" + shadow.port;
        CliRun without = CliRun.run("probe", target, "--format", "json", "--timeout", "2000");
        CliRun with = CliRun.run("probe", target, "--client-log", log.toString(), "--format", "json", "--timeout", "2000");
        assertEquals(0, with.code(), with.err());
        JsonNode top = json.readTree(with.out()).get("causes").get(0);
        assertEquals("credssp-nla-mismatch", top.get("id").asText(), with.out());
        assertTrue(top.get("evidence").toString().contains("the FreeRDP client's security negotiation with the host failed"), with.out());
        assertTrue(top.get("confidence").asDouble() > confidenceOf(json.readTree(without.out()), "credssp-nla-mismatch"), without.out());
        CliRun text = CliRun.run("probe", target, "--client-log", log.toString(), "--timeout", "2000");
        assertTrue(hasLine(text.out(), "  client.freerdp_error +ERRCONNECT_SECURITY_NEGO_CONNECT_FAILED"), text.out());
        assertTrue(hasLine(text.out(), "  collectors: freerdp-log \\d+ ms, dns \\d+ ms.*"), text.out());
    }

    private static double confidenceOf(JsonNode diagnosis, String cause) {
        for (JsonNode c : diagnosis.get("causes")) {
            if (c.get("id").asText().equals(cause)) {
                return c.get("confidence").asDouble();
            }
        }
        return 0;
    }

    @Test
    void textShowsWhatTheProbeSawAndTheDiagnosis() {
        String target = "127.0.0.1:" + tls.port;
        CliRun r = CliRun.run("probe", target, "--timeout", "2000");
        assertEquals(0, r.code(), r.err());
        String out = r.out();
        assertTrue(out.startsWith("Probe of " + target + ": 19 facts in "), out);
        assertTrue(hasLine(out, "  collectors: dns \\d+ ms, tcp-connect \\d+ ms, rdp-negotiation \\d+ ms, tls \\d+ ms; "
                + "did not apply: .*host-identity.*"), out);
        for (String fact : List.of("network.rdp_port_state +open", "rdp.negotiation +ssl",
                "rdp.negotiation.rdp +failure:ssl_required_by_server", "rdp.nla_required +false", "tls.handshake_ok +true",
                "tls.max_version +1.3", "tls.cert_days_left +399", "tls.cert_name_match +true", "tls.cert_subject +CN=tls.test",
                "tls.cert_thumbprint +[0-9A-F]{40}")) {
            assertTrue(hasLine(out, "  " + fact), fact + " in\n" + out);
        }
        // then the diagnosis, rendered like `diagnose`: this server is healthy as far as a client can see
        assertTrue(out.contains("\n== " + target + "  (probe)\nNo cause is supported by these facts."), out);
        // right after a live probe the advice is what to add to it, not "a live probe"
        String flat = out.replace("\n", " ");
        assertTrue(flat.contains("collect --client-side") && flat.contains("collect --host-side"), out);
        assertTrue(flat.contains("Merge them with these: probe --save FILE, then diagnose --merge"), out);
        assertFalse(out.contains("a live probe"), out);
        assertFalse(out.contains("Warnings:"), out);
        assertEquals("", r.err());
    }

    @Test
    void jsonIsTheDiagnosisContract() throws Exception {
        String target = "127.0.0.1:" + expired.port;
        CliRun r = CliRun.run("probe", target, "--format", "json", "--timeout", "2000");
        assertEquals(0, r.code(), r.err());
        JsonNode d = json.readTree(r.out());
        assertEquals(target, d.get("host").asText());
        assertEquals("probe", d.get("source").asText());
        JsonNode top = d.get("causes").get(0);
        assertEquals("rdp-certificate-problem", top.get("id").asText(), r.out());
        assertTrue(top.get("evidence").toString().contains("has expired"), r.out());
        assertEquals(0, d.get("warnings").size(), r.out());
    }

    @Test
    void markdownHasTheDiagnosisAndTheObservedFacts() {
        CliRun r = CliRun.run("probe", "127.0.0.1:" + expired.port, "--format", "markdown", "--timeout", "2000");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("## RDP diagnosis: 127.0.0.1:" + expired.port), r.out());
        assertTrue(r.out().contains("| 1 | ") && r.out().contains("(`rdp-certificate-problem`)"), r.out());
        assertTrue(r.out().contains("### Observed by the probe") && r.out().contains("- `tls.cert_subject`: CN=expired.test"), r.out());
    }

    @Test
    void anExpectedAddressElsewherePointsAtDns() throws Exception {
        CliRun r = CliRun.run("probe", "localhost:" + tls.port, "--expect-ip", "127.0.0.2", "--format", "json");
        assertEquals(0, r.code(), r.err());
        assertEquals("dns-wrong-host", json.readTree(r.out()).get("causes").get(0).get("id").asText(), r.out());
    }

    @Test
    void anExpectedAddressForAnAddressTargetIsIgnoredWithAWarningAndDoesNotBlameDns() throws Exception {
        CliRun r = CliRun.run("probe", "127.0.0.1:" + tls.port, "--expect-ip", "127.0.0.2", "--format", "json");
        assertEquals(0, r.code(), r.err());
        JsonNode d = json.readTree(r.out());
        assertEquals(0, d.get("causes").size(), r.out());
        assertEquals("dns: expected address 127.0.0.2 ignored: it only applies to host names, and 127.0.0.1 is an"
                + " address (no DNS lookup)", d.get("warnings").get(0).asText(), r.out());
    }

    @Test
    void savedFactsLoadWithoutWarningsAndMergeWithHostSideFacts(@TempDir Path tmp) throws Exception {
        String target = "127.0.0.1:" + shadow.port;
        Path yaml = tmp.resolve("probe.yaml");
        CliRun r = CliRun.run("probe", target, "--save", yaml.toString(), "--format", "json", "--timeout", "2000");
        assertEquals(0, r.code(), r.err());
        assertEquals("rdp-doctor: facts saved to " + yaml + "\n", r.err());
        // alone, the NLA-only shadow server shows nothing wrong
        assertEquals(0, json.readTree(r.out()).get("causes").size(), r.out());

        SymptomSet saved = new SymptomLoader().load(yaml);
        assertEquals(List.of(), saved.warnings(), "every name the probe writes is in the vocabulary");
        assertEquals(target, saved.host());
        OffsetDateTime.parse(saved.collectedAt());
        assertEquals(true, saved.symptom("rdp.nla_required").orElseThrow().getValue());
        assertEquals("hybrid", saved.symptom("rdp.negotiation").orElseThrow().getValue());
        assertEquals(6L, saved.symptom("server.credssp_version").orElseThrow().getValue());
        assertTrue(saved.symptom("ntlm.dns_computer_name").isPresent());
        assertTrue(Files.readString(yaml).startsWith("# rdp-doctor probe of " + target + " at "), Files.readString(yaml));

        Path jsonFile = tmp.resolve("probe.json");
        assertEquals(0, CliRun.run("probe", target, "--save", jsonFile.toString(), "--timeout", "2000").code());
        SymptomSet savedJson = new SymptomLoader().load(jsonFile);
        assertEquals(List.of(), savedJson.warnings());
        assertEquals(names(saved), names(savedJson));

        // merged with what the client side knows: an XP Embedded thin client cannot do the NLA this host requires
        Path client = Files.writeString(tmp.resolve("client.yaml"), "host: " + target + "\nsymptoms:\n"
                + "  client.error_code: \"0x904\"\n  client.extended_error_code: \"0x7\"\n  client.os: Windows XP Embedded\n");
        CliRun merged = CliRun.run("diagnose", "--merge", "--format", "json", yaml.toString(), client.toString());
        assertEquals(0, merged.code(), merged.err());
        JsonNode d = json.readTree(merged.out());
        assertEquals("credssp-nla-mismatch", d.get("causes").get(0).get("id").asText(), merged.out());
        assertTrue(d.get("causes").get(0).get("evidence").toString().contains("accepts only NLA"), merged.out());
        assertEquals(0, d.get("warnings").size(), merged.out());
        assertEquals(new HexCode(0x904), new SymptomLoader().load(client).symptom("client.error_code").orElseThrow().getValue());
    }

    private static Set<String> names(SymptomSet s) {
        return s.symptoms().stream().map(Symptom::getName).collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void hostsFileGivesOneJsonLinePerHostInOrderAndRejectsMalformedLines(@TempDir Path tmp) throws Exception {
        int closed = RealServers.freePort();
        Path hosts = Files.writeString(tmp.resolve("hosts.txt"), String.join("\n",
                "# RDP hosts of the fleet",
                "127.0.0.1:" + tls.port + "   # healthy xrdp",
                "",
                "127.0.0.1:" + closed,
                "127.0.0.1:99999",
                "127.0.0.1:" + expired.port,
                ""));
        CliRun r = CliRun.run("probe", "--hosts", hosts.toString(), "--concurrency", "2", "--timeout", "2000");
        assertEquals(3, r.code(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals(4, lines.size(), r.out());
        List<JsonNode> nodes = new ArrayList<>();
        for (String l : lines) {
            nodes.add(json.readTree(l));
        }
        assertEquals(List.of("127.0.0.1:" + tls.port, "127.0.0.1:" + closed, "127.0.0.1:99999", "127.0.0.1:" + expired.port),
                nodes.stream().map(n -> n.get("file").asText()).toList());
        assertEquals(List.of("ok", "ok", "error", "ok"), nodes.stream().map(n -> n.get("status").asText()).toList());
        assertEquals(0, nodes.get(0).get("diagnosis").get("causes").size(), lines.get(0));
        assertEquals("rdp-disabled", nodes.get(1).get("diagnosis").get("causes").get(0).get("id").asText(), lines.get(1));
        assertEquals(List.of("tcp-connect: connection to 127.0.0.1:" + closed + " refused"),
                List.of(nodes.get(1).get("diagnosis").get("warnings").get(0).asText()));
        assertEquals("127.0.0.1:99999: line 5 of " + hosts + ": not a HOST[:PORT]: port out of range in 127.0.0.1:99999",
                nodes.get(2).get("error").get("message").asText());
        assertEquals("rdp-certificate-problem", nodes.get(3).get("diagnosis").get("causes").get(0).get("id").asText());
        assertTrue(r.err().startsWith("4 hosts: 3 diagnosed, 1 rejected; "), r.err());

        Path out = tmp.resolve("probe.jsonl");
        CliRun toFile = CliRun.run("probe", "--hosts", hosts.toString(), "--out", out.toString());
        assertEquals(3, toFile.code(), toFile.err());
        assertEquals("", toFile.out());
        List<String> written = Files.readAllLines(out);
        assertEquals(4, written.size());
        for (int i = 0; i < 4; i++) {
            assertEquals(nodes.get(i).get("file"), json.readTree(written.get(i)).get("file"));
            assertEquals(nodes.get(i).get("status"), json.readTree(written.get(i)).get("status"));
        }
    }

    /** {@code --hosts -} reads the host list from standard input (another tool's output piped in), like batch's {@code -}. */
    @Test
    void hostsFromStandardInputAreProbedInOrderAndABadLineNamesStdin() throws Exception {
        int closed = RealServers.freePort();
        String list = "127.0.0.1:" + closed + "\n# from Get-ADComputer\nnot a host name!\n";
        CliRun r = CliRun.withStdin(list, "probe", "--hosts", "-", "--timeout", "2000");
        assertEquals(3, r.code(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals(2, lines.size(), r.out());
        JsonNode first = json.readTree(lines.get(0));
        assertEquals("127.0.0.1:" + closed, first.get("file").asText());
        assertEquals("rdp-disabled", first.get("diagnosis").get("causes").get(0).get("id").asText(), lines.get(0));
        JsonNode second = json.readTree(lines.get(1));
        assertEquals("error", second.get("status").asText());
        assertTrue(second.get("error").get("message").asText().startsWith("not a host name!: line 3 of <stdin>: not a HOST[:PORT]"),
                lines.get(1));
        assertTrue(r.err().startsWith("2 hosts: 1 diagnosed, 1 rejected; "), r.err());
    }
}

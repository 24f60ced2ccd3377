package io.github.rdpdoctor.collectors.network;

import static io.github.rdpdoctor.collectors.network.ProbeAssertions.assertSymptoms;
import static io.github.rdpdoctor.collectors.network.ProbeAssertions.m;
import static io.github.rdpdoctor.collectors.network.ProbeAssertions.openLoopback;
import static io.github.rdpdoctor.collectors.network.ScriptedServer.failure;
import static io.github.rdpdoctor.collectors.network.ScriptedServer.readRequest;
import static io.github.rdpdoctor.collectors.network.ScriptedServer.selected;
import static io.github.rdpdoctor.collectors.network.ScriptedServer.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rdpdoctor.collectors.CollectionReport;
import io.github.rdpdoctor.collectors.CollectorOutcome;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Servers that misbehave at each step: every probe ends within its time with a symptom or a
 * warning that says what happened, and no collector fails with an exception.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class HostileServerTest {

    static final Duration IO = Duration.ofSeconds(1);
    static Path dir;
    static SSLContext serverTls;
    static String serverThumbprint;
    private final Prober prober = Prober.networkOnly();

    @BeforeAll
    static void keys() throws Exception {
        dir = Files.createTempDirectory("rdp-doctor-hostile");
        serverTls = ScriptedServer.serverTls(dir);
        serverThumbprint = ScriptedServer.serverThumbprint(dir);
    }

    @AfterAll
    static void cleanup() throws Exception {
        try (var s = Files.walk(dir)) {
            s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** Probes the server; asserts it took less than {@code maxMs} and that no collector failed or timed out. */
    private CollectionReport probe(ScriptedServer server, long maxMs) {
        long start = System.nanoTime();
        CollectionReport r = prober.probe("127.0.0.1", server.port(), null, IO);
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertTrue(ms < maxMs, "probe took " + ms + " ms");
        for (CollectorOutcome o : r.outcomes()) {
            assertTrue(o.status() == CollectorOutcome.Status.OK || o.status() == CollectorOutcome.Status.SKIPPED,
                    () -> o + " / " + r.warnings());
        }
        assertEquals(List.of(), server.errors(), "script errors");
        return r;
    }

    private static Map<String, Object> open(ScriptedServer s, Object... more) {
        Map<String, Object> want = openLoopback(s.port());
        want.putAll(m(more));
        return want;
    }

    @Test
    void garbageInsteadOfConnectionConfirm() throws Exception {
        try (ScriptedServer s = new ScriptedServer(c -> {
            readRequest(c);
            send(c, "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        })) {
            CollectionReport r = probe(s, 3000);
            assertSymptoms(r, open(s, "rdp.negotiation.hybrid_ssl", "invalid", "rdp.invalid_response", true));
            assertEquals(List.of("rdp-negotiation: request HYBRID|SSL: not a TPKT header (version byte 0x48)",
                    "rdp-negotiation: remaining requests skipped after invalid"), r.warnings());
            // a web server on the RDP port: a port forward or NAT rule leads elsewhere
            ProbeAssertions.assertTopCause(r, "rd-gateway-or-nat");
        }
    }

    @Test
    void truncatedTpkt() throws Exception {
        try (ScriptedServer s = new ScriptedServer(c -> {
            readRequest(c);
            send(c, Arrays.copyOf(selected(1), 7));
        })) {
            CollectionReport r = probe(s, 3000);
            assertSymptoms(r, open(s, "rdp.negotiation.hybrid_ssl", "invalid", "rdp.invalid_response", true));
            assertEquals("rdp-negotiation: request HYBRID|SSL: truncated answer: connection ended after 7 bytes",
                    r.warnings().get(0));
        }
    }

    @Test
    void absurdTpktLengthIsRejectedWithoutReadingIt() throws Exception {
        try (ScriptedServer s = new ScriptedServer(c -> {
            readRequest(c);
            OutputStream out = c.getOutputStream();
            out.write(new byte[] {3, 0, (byte) 0xFF, (byte) 0xFF});
            byte[] junk = new byte[64 * 1024];
            for (int i = 0; i < 16; i++) {
                out.write(junk); // 1 MiB nobody should buffer
            }
        })) {
            CollectionReport r = probe(s, 3000);
            assertSymptoms(r, open(s, "rdp.negotiation.hybrid_ssl", "invalid", "rdp.invalid_response", true));
            assertEquals("rdp-negotiation: request HYBRID|SSL: TPKT length 65535 exceeds limit 1024", r.warnings().get(0));
        }
    }

    @Test
    void absurdX224LengthIndicator() throws Exception {
        try (ScriptedServer s = new ScriptedServer(c -> {
            readRequest(c);
            byte[] b = selected(1);
            b[4] = (byte) 0xFE;
            send(c, b);
        })) {
            CollectionReport r = probe(s, 3000);
            assertSymptoms(r, open(s, "rdp.negotiation.hybrid_ssl", "invalid", "rdp.invalid_response", true));
            assertEquals("rdp-negotiation: request HYBRID|SSL: X.224 length indicator 254 exceeds TPKT length 19",
                    r.warnings().get(0));
        }
    }

    @Test
    void resetInsteadOfAnswer() throws Exception {
        try (ScriptedServer s = new ScriptedServer(c -> {
            readRequest(c);
            ScriptedServer.reset(c);
        })) {
            CollectionReport r = probe(s, 3000);
            assertSymptoms(r, open(s, "rdp.negotiation.hybrid_ssl", "closed", "rdp.negotiation.ssl", "closed",
                    "rdp.negotiation.rdp", "closed", "rdp.negotiation", "closed"));
            assertEquals(3, r.warnings().size(), r.warnings()::toString);
            assertTrue(r.warnings().get(0).startsWith(
                    "rdp-negotiation: request HYBRID|SSL: host closed the connection without answering"), r.warnings()::toString);
        }
    }

    @Test
    void tricklingOneBytePer100msRunsIntoTheTimeout() throws Exception {
        try (ScriptedServer s = new ScriptedServer(c -> {
            readRequest(c);
            ScriptedServer.trickle(c, selected(1), 100);
        })) {
            CollectionReport r = probe(s, 3000);
            assertSymptoms(r, open(s, "rdp.negotiation.hybrid_ssl", "no_response", "rdp.negotiation", "no_response"));
            String w = r.warnings().get(0);
            assertTrue(w.matches("rdp-negotiation: request HYBRID\\|SSL: answer incomplete after \\d+ bytes within 1000 ms"), w);
        }
    }

    /** The host selects TLS for every request that offers it, then does what {@code afterConfirm} says. */
    private static ScriptedServer tlsSelected(ScriptedServer.Script afterConfirm) throws Exception {
        return new ScriptedServer(c -> {
            int req = readRequest(c);
            if ((req & 1) == 0) {
                send(c, failure(1));
                return;
            }
            send(c, selected(1));
            afterConfirm.run(c);
        });
    }

    private static Map<String, Object> sslOnly(ScriptedServer s, Object... more) {
        Map<String, Object> want = open(s, "rdp.negotiation.hybrid_ssl", "ssl", "rdp.negotiation.ssl", "ssl",
                "rdp.negotiation.rdp", "failure:ssl_required_by_server", "rdp.negotiation", "ssl", "rdp.nla_required", false);
        want.putAll(m(more));
        return want;
    }

    @Test
    void garbageWhereTheServerHelloShouldBe() throws Exception {
        try (ScriptedServer s = tlsSelected(c -> {
            c.getInputStream().readNBytes(5);
            send(c, "SSH-2.0-OpenSSH_9.2\r\n".getBytes(StandardCharsets.US_ASCII));
            ScriptedServer.drain(c);
        })) {
            CollectionReport r = probe(s, 4000);
            assertSymptoms(r, sslOnly(s, "tls.handshake_ok", false));
            assertTrue(r.warnings().contains("tls: TLS version scan up to 1.3: MalformedMessageException: "
                    + "not a TLS record (content type 0x53)"), r.warnings()::toString);
        }
    }

    @Test
    void absurdTlsRecordLength() throws Exception {
        try (ScriptedServer s = tlsSelected(c -> {
            c.getInputStream().readNBytes(5);
            send(c, new byte[] {22, 3, 3, (byte) 0xFF, (byte) 0xFF});
            ScriptedServer.drain(c);
        })) {
            CollectionReport r = probe(s, 4000);
            assertSymptoms(r, sslOnly(s, "tls.handshake_ok", false));
            assertTrue(r.warnings().contains("tls: TLS version scan up to 1.3: MalformedMessageException: "
                    + "TLS record length 65535 out of range"), r.warnings()::toString);
        }
    }

    @Test
    void endlessHandshakeFlightIsCutAtItsLimit() throws Exception {
        byte[] serverHello = {22, 3, 3, 0, 42, 2, 0, 0, 38, 3, 3, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
            1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0x2F, 0};
        try (ScriptedServer s = tlsSelected(c -> {
            c.getInputStream().readNBytes(5);
            OutputStream out = c.getOutputStream();
            out.write(serverHello);
            byte[] rec = new byte[5 + 16384];
            rec[0] = 22;
            rec[1] = 3;
            rec[2] = 3;
            rec[3] = 0x40;
            rec[4] = 0;
            rec[5] = 99; // unknown handshake message that claims 63 KiB, then more of the same
            rec[6] = 0;
            rec[7] = (byte) 0xFC;
            rec[8] = 0;
            for (int i = 0; i < 64; i++) {
                out.write(rec);
            }
            ScriptedServer.drain(c);
        })) {
            CollectionReport r = probe(s, 4000);
            assertSymptoms(r, sslOnly(s, "tls.handshake_ok", false));
            assertTrue(r.warnings().stream().anyMatch(w -> w.contains("server flight exceeds 131072 bytes")
                    || w.contains("handshake message of")), r.warnings()::toString);
        }
    }

    @Test
    void resetInTheMiddleOfTheTlsHandshake() throws Exception {
        try (ScriptedServer s = tlsSelected(c -> {
            c.getInputStream().readNBytes(5);
            send(c, new byte[] {22, 3, 3, 0, 80, 2, 0});
            ScriptedServer.reset(c);
        })) {
            CollectionReport r = probe(s, 4000);
            assertSymptoms(r, sslOnly(s, "tls.handshake_ok", false));
            assertTrue(r.warnings().get(0).startsWith("tls: TLS handshake failed:"), r.warnings()::toString);
        }
    }

    @Test
    void tlsBytesTrickledOnePer100msAreCutByTheDeadline() throws Exception {
        try (ScriptedServer s = tlsSelected(c -> {
            c.getInputStream().readNBytes(5);
            byte[] slow = new byte[200];
            slow[0] = 22;
            slow[1] = 3;
            slow[2] = 3;
            slow[3] = 0;
            slow[4] = (byte) 195;
            ScriptedServer.trickle(c, slow, 100);
        })) {
            // JSSE handshake (1 s), then raw scans (1 s each) until the TLS collector's 4 s budget is used up
            CollectionReport r = probe(s, 6000);
            assertSymptoms(r, sslOnly(s, "tls.handshake_ok", false));
            assertTrue(r.warnings().contains("tls: TLS version scan stopped: not enough time left"), r.warnings()::toString);
        }
    }

    /**
     * The host selects TLS and then never answers the ClientHello. The warnings say that it did not answer in time;
     * the JSSE handshake's used to say "SocketException: Socket closed" (the probe's own timer closing the socket,
     * as if the host had closed it) and the version scans' "SocketTimeoutException: Read timed out".
     */
    @Test
    void silenceAfterTlsWasSelectedIsATimeoutThatSaysSo() throws Exception {
        try (ScriptedServer s = tlsSelected(ScriptedServer::drain)) {
            // JSSE handshake (1 s), then raw scans (1 s each) until the TLS collector's 4 s budget is used up
            CollectionReport r = probe(s, 6000);
            assertSymptoms(r, sslOnly(s, "tls.handshake_ok", false));
            // a scan's wait is what is left of its exchange after the X.224 request: up to 1000 ms (down to about 800 on a busy machine, where the X.224 exchange takes longer)
            String warnings = String.join("\n", r.warnings());
            assertTrue(warnings.matches("tls: TLS handshake failed: not finished within 1000 ms\n"
                    + "tls: TLS version scan up to 1\\.3: no answer within ([5-9]\\d\\d|1000) ms\n"
                    + "tls: TLS version scan up to 1\\.2: no answer within ([5-9]\\d\\d|1000) ms\n"
                    + "tls: TLS version scan stopped: not enough time left\n"
                    + "tls: no certificate seen"), warnings);
        }
    }

    /** Negotiation picks HYBRID; TLS is real; the CredSSP answer is hostile. */
    private static ScriptedServer credssp(ScriptedServer.Script afterTls) throws Exception {
        return new ScriptedServer(c -> {
            int req = readRequest(c);
            if ((req & 2) == 0) {
                send(c, failure(5));
                return;
            }
            send(c, selected(2));
            SSLSocket tls = ScriptedServer.acceptTls(serverTls, c);
            afterTls.run(tls);
        });
    }

    private static Map<String, Object> nla(ScriptedServer s, Object... more) {
        Map<String, Object> want = open(s, "rdp.negotiation.hybrid_ssl", "hybrid",
                "rdp.negotiation.ssl", "failure:hybrid_required_by_server",
                "rdp.negotiation.rdp", "failure:hybrid_required_by_server", "rdp.negotiation", "hybrid",
                "rdp.nla_required", true, "tls.handshake_ok", true, "tls.max_version", "1.3",
                "tls.cert_days_left", 29L, "tls.cert_self_signed", true, "tls.cert_name_match", false,
                "tls.cert_subject", "CN=scripted.test", "tls.cert_thumbprint", serverThumbprint);
        want.putAll(m(more));
        return want;
    }

    private static void readTsRequest(Socket tls) throws Exception {
        byte[] h = tls.getInputStream().readNBytes(2);
        tls.getInputStream().readNBytes(h[1] & 0x7F);
    }

    @Test
    void absurdTsRequestLength() throws Exception {
        try (ScriptedServer s = credssp(tls -> {
            readTsRequest(tls);
            send(tls, new byte[] {0x30, (byte) 0x84, 0x7F, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF});
            ScriptedServer.drain(tls);
        })) {
            CollectionReport r = probe(s, 3000);
            assertSymptoms(r, nla(s));
            assertEquals(List.of("host-identity: CredSSP exchange failed: MalformedMessageException: "
                    + "TSRequest length 2147483647 exceeds limit 65536"), r.warnings());
        }
    }

    @Test
    void tsRequestWithoutNtlmChallenge() throws Exception {
        byte[] ntlmGarbage = "NTLMSSP\0\2\0\0\0 too short".getBytes(StandardCharsets.ISO_8859_1);
        try (ScriptedServer s = credssp(tls -> {
            readTsRequest(tls);
            send(tls, TsRequest.encode(6, ntlmGarbage));
        })) {
            CollectionReport r = probe(s, 3000);
            assertSymptoms(r, nla(s, "server.credssp_version", 6L));
            assertEquals(List.of("host-identity: CredSSP exchange failed: MalformedMessageException: "
                    + "NTLM CHALLENGE too short (22 bytes)"), r.warnings());
        }
    }

    @Test
    void challengeWithOffsetsOutsideTheMessage() throws Exception {
        byte[] ch = NtlmFixtures.challenge("HOST", "host.example", 0L);
        ch[44] = (byte) 0xF0; // TargetInfo offset far outside
        try (ScriptedServer s = credssp(tls -> {
            readTsRequest(tls);
            send(tls, TsRequest.encode(6, ch));
        })) {
            CollectionReport r = probe(s, 3000);
            assertSymptoms(r, nla(s, "server.credssp_version", 6L));
            assertTrue(r.warnings().get(0).contains("TargetInfo field"), r.warnings()::toString);
        }
    }

    @Test
    void resetAfterTheNegotiateMessage() throws Exception {
        try (ScriptedServer s = credssp(tls -> {
            readTsRequest(tls);
            ScriptedServer.reset(tls);
        })) {
            CollectionReport r = probe(s, 3000);
            assertSymptoms(r, nla(s));
            assertEquals(1, r.warnings().size());
            assertTrue(r.warnings().get(0).startsWith("host-identity: CredSSP exchange failed:"), r.warnings()::toString);
        }
    }

    @Test
    void wellFormedChallengeFromAScriptedHost() throws Exception {
        try (ScriptedServer s = credssp(tls -> {
            readTsRequest(tls);
            // the host's clock is one hour ahead; a member of the domain CORP (corp.example), where Kerberos' 5-minute
            // tolerance applies (a workgroup computer's challenge would name itself as its NetBIOS domain)
            byte[] ch = NtlmFixtures.challenge("FIN-APP-07", "CORP", "fin-app-07.corp.example",
                    System.currentTimeMillis() + 3_600_000L);
            send(tls, TsRequest.encode(3, ch));
        })) {
            CollectionReport r = probe(s, 3000);
            assertSymptoms(r, nla(s, "server.credssp_version", 3L, "ntlm.dns_computer_name", "fin-app-07.corp.example",
                    "ntlm.nb_computer_name", "FIN-APP-07", "ntlm.nb_domain_name", "CORP",
                    "ntlm.dns_domain_name", "corp.example", "server.os_version", "10.0.17763", "server.os_build", 17763L,
                    "server.clock_skew_s", 3600L));
            assertEquals(List.of(), r.warnings());
            // CredSSP version 3 (no CVE-2018-0886 update) and a clock an hour off: both break NLA
            io.github.rdpdoctor.engine.Diagnosis d = ProbeAssertions.assertTopCause(r, "credssp-nla-mismatch");
            assertEquals(2, d.causes().get(0).evidence().stream().filter(e -> e.supports()).count(), d::toString);
        }
    }
}

package io.github.rdpdoctor.collectors.network;

import static io.github.rdpdoctor.collectors.network.ProbeAssertions.assertNoCause;
import static io.github.rdpdoctor.collectors.network.ProbeAssertions.assertSymptoms;
import static io.github.rdpdoctor.collectors.network.ProbeAssertions.assertTopCause;
import static io.github.rdpdoctor.collectors.network.ProbeAssertions.diagnose;
import static io.github.rdpdoctor.collectors.network.ProbeAssertions.ids;
import static io.github.rdpdoctor.collectors.network.ProbeAssertions.ranking;
import static io.github.rdpdoctor.collectors.network.ProbeAssertions.m;
import static io.github.rdpdoctor.collectors.network.ProbeAssertions.openLoopback;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rdpdoctor.collectors.CollectedSymptoms;
import io.github.rdpdoctor.collectors.CollectionReport;
import io.github.rdpdoctor.collectors.CollectorOutcome;
import io.github.rdpdoctor.engine.Diagnosis;
import io.github.rdpdoctor.engine.RankedCause;
import io.github.rdpdoctor.symptoms.SymptomSet;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Security;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * The probe against real RDP servers on 127.0.0.1: xrdp in each security layer, with an expired
 * certificate, restricted to TLS 1.0, without a usable certificate; the FreeRDP shadow server
 * requiring NLA; a closed port; a port that accepts and never answers; an HTTPS server (openssl s_server). Each
 * test asserts the exact symptoms and what the bundled rules conclude from them (the diagnosis {@code rdp-doctor
 * probe} prints): the top cause, or no cause at all for a server that is healthy as far as a client can see.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RealServerProbeTest {

    static final Duration IO = Duration.ofSeconds(2);
    /** Validity of the expired certificate. */
    static final Instant EXPIRED_NOT_AFTER = Instant.parse("2020-03-01T00:00:00Z");

    private RealServers.Started servers;
    /** The certificates the servers present, for their thumbprints. */
    private RealServers.Cert tlsCert;
    private RealServers.Cert negCert;
    private RealServers.Cert expCert;
    private RealServers.Cert oldCert;
    private Path shadowCert;
    private RealServers.Xrdp rdp;
    private RealServers.Xrdp tls;
    private RealServers.Xrdp negotiate;
    private RealServers.Xrdp expired;
    private RealServers.Xrdp oldTls;
    private RealServers.Xrdp tls11;
    private RealServers.Xrdp tls12;
    private RealServers.Xrdp oldTlsDefaultSeclevel;
    private RealServers.Xrdp noCert;
    private RealServers.ShadowNla shadow;
    private RealServers.Https https;
    private ServerSocket silent;
    private final List<Socket> silentClients = new CopyOnWriteArrayList<>();
    private final Prober prober = Prober.networkOnly();

    @BeforeAll
    void startServers() throws IOException {
        RealServers.requireTools("xrdp", "openssl", "freerdp-shadow-cli", "winpr-hash", "Xvfb");
        servers = RealServers.Started.start("rdp-doctor-servers", s -> {
            Path dir = s.dir;
            RealServers.Cert rdpCert = RealServers.selfSigned(dir, "rdp", "rdp.test", null, 30);
            tlsCert = RealServers.selfSigned(dir, "tls", "tls.test", "IP:127.0.0.1", 30);
            negCert = RealServers.selfSigned(dir, "neg", "other.example", null, 400);
            expCert = RealServers.selfSignedWithDates(dir, "expired", "expired.test",
                    "20200101000000Z", "20200301000000Z");
            oldCert = RealServers.selfSigned(dir, "old", "old.test", "IP:127.0.0.1", 10);
            rdp = s.track(RealServers.Xrdp.start(dir, "xrdp-rdp", xrdp("rdp", rdpCert)));
            tls = s.track(RealServers.Xrdp.start(dir, "xrdp-tls", xrdp("tls", tlsCert)));
            negotiate = s.track(RealServers.Xrdp.start(dir, "xrdp-negotiate", xrdp("negotiate", negCert)));
            expired = s.track(RealServers.Xrdp.start(dir, "xrdp-expired", xrdp("tls", expCert)));
            Map<String, String> old = xrdp("tls", oldCert);
            old.put("ssl_protocols", "TLSv1");
            old.put("tls_ciphers", "DEFAULT:@SECLEVEL=0"); // OpenSSL 3 allows TLS 1.0 only at security level 0
            oldTls = s.track(RealServers.Xrdp.start(dir, "xrdp-oldtls", old));
            Map<String, String> only11 = xrdp("tls", oldCert);
            only11.put("ssl_protocols", "TLSv1.1");
            only11.put("tls_ciphers", "DEFAULT:@SECLEVEL=0");
            tls11 = s.track(RealServers.Xrdp.start(dir, "xrdp-tls11", only11));
            Map<String, String> only12 = xrdp("tls", oldCert);
            only12.put("ssl_protocols", "TLSv1.2");
            tls12 = s.track(RealServers.Xrdp.start(dir, "xrdp-tls12", only12));
            Map<String, String> oldDefault = xrdp("tls", oldCert);
            oldDefault.put("ssl_protocols", "TLSv1");
            oldTlsDefaultSeclevel = s.track(RealServers.Xrdp.start(dir, "xrdp-oldtls-seclevel", oldDefault));
            Map<String, String> none = xrdp("tls", new RealServers.Cert(dir.resolve("missing.crt"), dir.resolve("missing.key")));
            noCert = s.track(RealServers.Xrdp.start(dir, "xrdp-nocert", none));
            shadow = s.track(RealServers.ShadowNla.start(dir));
            shadowCert = dir.resolve("shadow-home/.config/freerdp/shadow/shadow.crt"); // the shadow server makes it at start
            https = s.track(RealServers.Https.start(dir, tlsCert));
            silent = new ServerSocket();
            silent.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            Thread acceptor = new Thread(() -> {
                while (!silent.isClosed()) {
                    try {
                        silentClients.add(silent.accept()); // accept, read nothing, answer nothing
                    } catch (IOException e) {
                        return;
                    }
                }
            }, "silent-acceptor");
            acceptor.setDaemon(true);
            acceptor.start();
        });
    }

    private static Map<String, String> xrdp(String layer, RealServers.Cert cert) {
        Map<String, String> g = new java.util.LinkedHashMap<>();
        g.put("security_layer", layer);
        g.put("certificate", cert.cert().toString());
        g.put("key_file", cert.key().toString());
        return g;
    }

    @AfterAll
    void stopServers() {
        try {
            if (silent != null) {
                silent.close();
            }
            for (Socket s : silentClients) {
                s.close();
            }
        } catch (IOException ignored) {
            // best effort
        }
        RealServers.Started.close(servers);
    }

    private CollectionReport probe(int port) {
        return prober.probe("127.0.0.1", port, null, IO);
    }

    @Test
    void xrdpStandardRdpSecuritySelectsRdpWhateverIsAsked() {
        CollectionReport r = probe(rdp.port);
        Map<String, Object> want = openLoopback(rdp.port);
        want.putAll(m("rdp.negotiation.hybrid_ssl", "rdp", "rdp.negotiation.ssl", "rdp", "rdp.negotiation.rdp", "rdp",
                "rdp.negotiation", "rdp", "rdp.nla_required", false));
        assertSymptoms(r, want);
        assertEquals(List.of(), r.warnings());
        assertEquals(CollectorOutcome.Status.SKIPPED, outcome(r, "tls").status());
        // no TLS offered: the only finding, and a weak one (mstsc still connects unless it insists on TLS/NLA)
        Diagnosis d = assertTopCause(r, "tls-protocol-mismatch");
        assertTrue(d.causes().get(0).confidence() < 0.5, d::toString);
        assertEquals(1, d.causes().size(), d::toString);
    }

    @Test
    void xrdpTlsRequiresSslAndPresentsItsCertificate() {
        CollectionReport r = probe(tls.port);
        Map<String, Object> want = openLoopback(tls.port);
        want.putAll(m("rdp.negotiation.hybrid_ssl", "ssl", "rdp.negotiation.ssl", "ssl",
                "rdp.negotiation.rdp", "failure:ssl_required_by_server",
                "rdp.negotiation", "ssl", "rdp.nla_required", false,
                "tls.handshake_ok", true, "tls.max_version", "1.3", "tls.cert_days_left", 29L,
                "tls.cert_self_signed", true, "tls.cert_name_match", true, "tls.cert_subject", "CN=tls.test",
                "tls.cert_thumbprint", tlsCert.thumbprint()));
        assertSymptoms(r, want);
        assertEquals(List.of(), r.warnings());
        assertNoCause(r); // healthy as far as a client can see: TLS 1.3, certificate valid and matching
    }

    @Test
    void xrdpNegotiateOffersSslAndRdpButNotCredssp() {
        CollectionReport r = probe(negotiate.port);
        Map<String, Object> want = openLoopback(negotiate.port);
        want.putAll(m("rdp.negotiation.hybrid_ssl", "ssl", "rdp.negotiation.ssl", "ssl", "rdp.negotiation.rdp", "rdp",
                "rdp.negotiation", "ssl", "rdp.nla_required", false,
                "tls.handshake_ok", true, "tls.max_version", "1.3", "tls.cert_days_left", 399L,
                "tls.cert_self_signed", true, "tls.cert_name_match", false, "tls.cert_subject", "CN=other.example",
                "tls.cert_thumbprint", negCert.thumbprint()));
        assertSymptoms(r, want);
        assertEquals(CollectorOutcome.Status.SKIPPED, outcome(r, "host-identity").status(), "xrdp has no CredSSP");
        // a self-signed certificate naming another machine is expected when the target is an IP address
        assertNoCause(r);
    }

    @Test
    void expiredCertificateHasNegativeDaysLeft() {
        CollectionReport r = probe(expired.port);
        long days = Math.floorDiv(EXPIRED_NOT_AFTER.toEpochMilli() - System.currentTimeMillis(), 86_400_000L);
        Object got = r.get("tls.cert_days_left");
        assertTrue(got instanceof Long l && (l == days || l == days + 1), "days left " + got + ", expected " + days);
        assertTrue(days < -365);
        Map<String, Object> want = openLoopback(expired.port);
        want.putAll(m("rdp.negotiation.hybrid_ssl", "ssl", "rdp.negotiation.ssl", "ssl",
                "rdp.negotiation.rdp", "failure:ssl_required_by_server",
                "rdp.negotiation", "ssl", "rdp.nla_required", false,
                "tls.handshake_ok", true, "tls.max_version", "1.3", "tls.cert_days_left", got,
                "tls.cert_self_signed", true, "tls.cert_name_match", false, "tls.cert_subject", "CN=expired.test",
                "tls.cert_thumbprint", expCert.thumbprint()));
        assertSymptoms(r, want);
        Diagnosis d = assertTopCause(r, "rdp-certificate-problem");
        assertTrue(d.causes().get(0).evidence().stream().anyMatch(e -> e.rule().startsWith(
                "rdp-certificate-problem: certificate presented on the RDP port is expired")), d::toString);
    }

    @Test
    void tls10OnlyHostIsFoundWithoutChangingJvmSettings() {
        String before = Security.getProperty("jdk.tls.disabledAlgorithms");
        CollectionReport r = probe(oldTls.port);
        assertEquals(before, Security.getProperty("jdk.tls.disabledAlgorithms"), "JVM-wide TLS settings untouched");
        Map<String, Object> want = openLoopback(oldTls.port);
        want.putAll(m("rdp.negotiation.hybrid_ssl", "ssl", "rdp.negotiation.ssl", "ssl",
                "rdp.negotiation.rdp", "failure:ssl_required_by_server",
                "rdp.negotiation", "ssl", "rdp.nla_required", false,
                // JSSE (TLS 1.2/1.3 only on a default JDK) cannot finish; the raw ClientHello finds 1.0, and the host
                // completes its side of that handshake: handshake_ok, since it is the JDK that refuses, not the host
                "tls.handshake_ok", true, "tls.handshake_alert", "protocol_version", "tls.max_version", "1.0",
                "tls.cert_days_left", 9L, "tls.cert_self_signed", true, "tls.cert_name_match", true,
                "tls.cert_subject", "CN=old.test", "tls.cert_thumbprint", oldCert.thumbprint()));
        assertSymptoms(r, want);
        assertEquals(List.of("tls: TLS handshake failed: SSLHandshakeException: Received fatal alert: protocol_version",
                "tls: the host completed its side of a TLS 1.0 handshake (ServerHello and certificate) with the probe's own"
                + " ClientHello: the failure is this JDK refusing TLS 1.0, so tls.handshake_ok is true"), r.warnings());
        Diagnosis d = assertTopCause(r, "tls-protocol-mismatch"); // TLS 1.0 at most, protocol_version alert
        assertTrue(d.causes().get(0).confidence() >= 0.6, d::toString);
        assertEquals(List.of("tls-protocol-mismatch"), ids(d), "a working handshake is no certificate problem");
    }

    @Test
    void tls11OnlyHostCompletesItsHandshakeSoNoCertificateCauseIsAdded() {
        CollectionReport r = probe(tls11.port);
        Map<String, Object> want = openLoopback(tls11.port);
        want.putAll(m("rdp.negotiation.hybrid_ssl", "ssl", "rdp.negotiation.ssl", "ssl",
                "rdp.negotiation.rdp", "failure:ssl_required_by_server",
                "rdp.negotiation", "ssl", "rdp.nla_required", false,
                "tls.handshake_ok", true, "tls.handshake_alert", "protocol_version", "tls.max_version", "1.1",
                "tls.cert_days_left", 9L, "tls.cert_self_signed", true, "tls.cert_name_match", true,
                "tls.cert_subject", "CN=old.test", "tls.cert_thumbprint", oldCert.thumbprint()));
        assertSymptoms(r, want);
        Diagnosis d = assertTopCause(r, "tls-protocol-mismatch");
        assertEquals(List.of("tls-protocol-mismatch"), ids(d), d::toString);
    }

    @Test
    void tls12HostLikeWindowsServer2019() {
        CollectionReport r = probe(tls12.port);
        Map<String, Object> want = openLoopback(tls12.port);
        want.putAll(m("rdp.negotiation.hybrid_ssl", "ssl", "rdp.negotiation.ssl", "ssl",
                "rdp.negotiation.rdp", "failure:ssl_required_by_server",
                "rdp.negotiation", "ssl", "rdp.nla_required", false,
                "tls.handshake_ok", true, "tls.max_version", "1.2",
                "tls.cert_days_left", 9L, "tls.cert_self_signed", true, "tls.cert_name_match", true,
                "tls.cert_subject", "CN=old.test", "tls.cert_thumbprint", oldCert.thumbprint()));
        assertSymptoms(r, want);
        assertEquals(List.of(), r.warnings());
        assertNoCause(r);
    }

    @Test
    void tls10OnlyAtOpensslDefaultSecurityLevelAcceptsNoVersionAtAll() {
        CollectionReport r = probe(oldTlsDefaultSeclevel.port);
        Map<String, Object> want = openLoopback(oldTlsDefaultSeclevel.port);
        want.putAll(m("rdp.negotiation.hybrid_ssl", "ssl", "rdp.negotiation.ssl", "ssl",
                "rdp.negotiation.rdp", "failure:ssl_required_by_server",
                "rdp.negotiation", "ssl", "rdp.nla_required", false,
                "tls.handshake_ok", false, "tls.handshake_alert", "protocol_version"));
        assertSymptoms(r, want);
        assertTrue(r.warnings().contains("tls: no certificate seen"), r.warnings()::toString);
        Diagnosis d = assertTopCause(r, "tls-protocol-mismatch"); // the host completes no TLS handshake at all
        assertTrue(d.causes().get(0).confidence() >= 0.6, d::toString);
    }

    @Test
    void xrdpTlsWithoutUsableCertificateSendsFailure3() {
        CollectionReport r = probe(noCert.port);
        Map<String, Object> want = openLoopback(noCert.port);
        want.putAll(m("rdp.negotiation.hybrid_ssl", "failure:ssl_cert_not_on_server",
                "rdp.negotiation.ssl", "failure:ssl_cert_not_on_server",
                "rdp.negotiation.rdp", "failure:ssl_cert_not_on_server",
                "rdp.negotiation", "failure", "rdp.negotiation_failure", "ssl_cert_not_on_server"));
        assertSymptoms(r, want);
        Diagnosis d = assertTopCause(r, "rdp-certificate-problem");
        assertTrue(d.causes().get(0).confidence() >= 0.7, d::toString);
    }

    @Test
    void freerdpShadowWithNlaRequiresHybridAndNamesItself() throws IOException {
        CollectionReport r = prober.probe("127.0.0.1", shadow.port, null, IO);
        String hostname = Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
        String shortName = hostname.contains(".") ? hostname.substring(0, hostname.indexOf('.')) : hostname;
        Object dnsName = r.get("ntlm.dns_computer_name");
        assertTrue(hostname.equalsIgnoreCase(String.valueOf(dnsName)) || shortName.equalsIgnoreCase(String.valueOf(dnsName)),
                "NTLM DNS computer name " + dnsName + " vs hostname " + hostname);
        Object skew = r.get("server.clock_skew_s");
        assertTrue(skew instanceof Long s && Math.abs(s) <= 2, "clock skew " + skew);
        Object days = r.get("tls.cert_days_left");
        assertTrue(days instanceof Long d && d > 300, "shadow server certificate days left " + days);
        Map<String, Object> want = openLoopback(shadow.port);
        want.putAll(m("rdp.negotiation.hybrid_ssl", "hybrid",
                "rdp.negotiation.ssl", "failure:hybrid_required_by_server",
                "rdp.negotiation.rdp", "failure:hybrid_required_by_server",
                "rdp.negotiation", "hybrid", "rdp.nla_required", true,
                "tls.handshake_ok", true, "tls.max_version", "1.3", "tls.cert_days_left", days,
                "tls.cert_self_signed", true, "tls.cert_name_match", false,
                "tls.cert_subject", r.get("tls.cert_subject"), "tls.cert_thumbprint", RealServers.thumbprint(shadowCert),
                "ntlm.dns_computer_name", dnsName,
                "ntlm.nb_computer_name", r.get("ntlm.nb_computer_name"),
                "ntlm.nb_domain_name", r.get("ntlm.nb_domain_name"),
                "ntlm.dns_domain_name", r.get("ntlm.dns_domain_name"),
                // winpr announces a fixed NTLM version (Windows 7 SP1) and CredSSP version 6
                "server.os_version", "6.1.7601", "server.os_build", 7601L, "server.credssp_version", 6L,
                "server.clock_skew_s", skew));
        assertSymptoms(r, want);
        assertEquals(shortName.toUpperCase(java.util.Locale.ROOT), String.valueOf(r.get("ntlm.nb_computer_name")));
        assertTrue(String.valueOf(r.get("tls.cert_subject")).startsWith("CN="));
        assertEquals(List.of(), r.warnings());
        // A healthy NLA-only server: nothing a client sees is wrong (TLS 1.3, CredSSP 6, clocks agree); its claimed
        // Windows 7 build is outweighed by the TLS 1.3 handshake. No cause, in particular no firewall.
        assertNoCause(r);
        // The probe's facts matter once the client's are known: an XP client cannot do the NLA this host requires.
        SymptomSet client = SymptomSet.builder("127.0.0.1:" + shadow.port).source("client.yaml")
                .symptom("client.os", "Windows XP Embedded").symptom("client.error_code", "0x904")
                .symptom("client.extended_error_code", "0x7").build();
        Diagnosis merged = ProbeAssertions.doctor().diagnose(CollectedSymptoms.toSymptomSet(r).mergedWith(client));
        assertEquals("credssp-nla-mismatch", merged.top().map(RankedCause::id).orElse(null), () -> ranking(merged));
    }

    @Test
    void closedPort() {
        int port = RealServers.freePort();
        CollectionReport r = probe(port);
        assertSymptoms(r, m("network.dns_ok", true, "network.dns_resolved_ip", "127.0.0.1",
                "network.dns_all_ips", "127.0.0.1", "network.rdp_port", (long) port, "network.rdp_port_state", "closed"));
        assertEquals(List.of("tcp-connect: connection to 127.0.0.1:" + port + " refused"), r.warnings());
        // refused (RST) means nothing listens: RDP off or its service down; a firewall drops (filtered) instead
        Diagnosis d = assertTopCause(r, "rdp-disabled");
        assertEquals(List.of("rdp-disabled", "rdp-service-failure"), ids(d));
    }

    @Test
    void portThatAcceptsAndNeverAnswers() {
        long start = System.nanoTime();
        CollectionReport r = probe(silent.getLocalPort());
        long ms = (System.nanoTime() - start) / 1_000_000;
        Map<String, Object> want = openLoopback(silent.getLocalPort());
        want.putAll(m("rdp.negotiation.hybrid_ssl", "no_response", "rdp.negotiation", "no_response"));
        assertSymptoms(r, want);
        assertEquals(List.of("rdp-negotiation: request HYBRID|SSL: no answer within 2000 ms",
                "rdp-negotiation: remaining requests skipped after no_response"), r.warnings());
        assertTrue(ms >= IO.toMillis() - 100 && ms < IO.toMillis() + 1500, "took " + ms + " ms");
        Diagnosis d = assertTopCause(r, "rdp-service-failure"); // TCP accepted, no X.224 answer: the service hangs
        assertTrue(ids(d).indexOf("firewall-blocking") < 0, d::toString);
    }

    /**
     * An HTTPS server where RDP should be (the RD Gateway's 443 typed as the RDP port, a port forward to a web server):
     * it closes every X.224 request, which alone read as an RDP host that closes (antivirus, connection backlog); its
     * answer to a TLS ClientHello shows it is no RDP server at all. A port that accepts and closes every connection
     * stays what it was: closed.
     */
    @Test
    void httpsServerOnTheRdpPortIsNoRdpServer() throws IOException {
        CollectionReport r = probe(https.port);
        Map<String, Object> want = openLoopback(https.port);
        want.putAll(m("rdp.negotiation.hybrid_ssl", "closed", "rdp.negotiation.ssl", "closed",
                "rdp.negotiation.rdp", "closed", "rdp.invalid_response", true));
        assertSymptoms(r, want);
        assertEquals("rdp-negotiation: the port closed every RDP request but answered a TLS ClientHello (ServerHello,"
                + " TLS 1.3): it speaks TLS directly, as an HTTPS server or an RD Gateway does, not RDP",
                r.warnings().get(r.warnings().size() - 1));
        Diagnosis d = assertTopCause(r, "rd-gateway-or-nat");
        assertEquals(List.of("rd-gateway-or-nat"), ids(d), "no antivirus or backlog: nothing RDP closed the connection");

        try (ServerSocket closer = new ServerSocket()) {
            closer.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            Thread t = new Thread(() -> {
                while (!closer.isClosed()) {
                    try {
                        closer.accept().close();
                    } catch (IOException e) {
                        return;
                    }
                }
            }, "closing-acceptor");
            t.setDaemon(true);
            t.start();
            CollectionReport c = probe(closer.getLocalPort());
            Map<String, Object> closed = openLoopback(closer.getLocalPort());
            closed.putAll(m("rdp.negotiation.hybrid_ssl", "closed", "rdp.negotiation.ssl", "closed",
                    "rdp.negotiation.rdp", "closed", "rdp.negotiation", "closed"));
            assertSymptoms(c, closed);
            assertEquals(3, c.warnings().size(), c.warnings()::toString);
            assertEquals("security-software-interference", diagnose(c).top().map(RankedCause::id).orElse(null));
        }
    }

    @Test
    void anExpectedAddressIsIgnoredForAnAddressTargetBecauseNoLookupHappened() {
        CollectionReport r = prober.probe("127.0.0.1", rdp.port, "127.0.0.2", IO);
        assertEquals("127.0.0.1", r.get("network.dns_resolved_ip"));
        assertEquals(null, r.get("network.dns_expected_ip"));
        assertEquals(List.of("dns: expected address 127.0.0.2 ignored: it only applies to host names, and 127.0.0.1 is an"
                + " address (no DNS lookup)"), r.warnings());
        Diagnosis d = diagnose(r);
        assertTrue(!ids(d).contains("dns-wrong-host"), d::toString);
    }

    @Test
    void manyTargetsWithBoundedConcurrencyKeepTheirOrder() throws InterruptedException {
        List<io.github.rdpdoctor.collectors.CollectionTarget> targets = new ArrayList<>();
        int[] ports = {rdp.port, tls.port, negotiate.port, shadow.port, RealServers.freePort()};
        for (int i = 0; i < 4; i++) {
            for (int p : ports) {
                targets.add(io.github.rdpdoctor.collectors.CollectionTarget.of("127.0.0.1", p));
            }
        }
        List<CollectionReport> reports = prober.probeAll(targets, 4, IO);
        assertEquals(targets.size(), reports.size());
        for (int i = 0; i < reports.size(); i++) {
            assertEquals(targets.get(i), reports.get(i).target());
        }
        String[] headline = {"rdp", "ssl", "ssl", "hybrid", null};
        for (int i = 0; i < reports.size(); i++) {
            assertEquals(headline[i % ports.length], reports.get(i).get("rdp.negotiation"), reports.get(i).warnings()::toString);
        }
    }

    private static CollectorOutcome outcome(CollectionReport r, String name) {
        return r.outcomes().stream().filter(o -> o.collector().equals(name)).findFirst().orElseThrow();
    }
}

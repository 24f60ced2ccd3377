package io.github.rdpdoctor.collectors.network;

import static io.github.rdpdoctor.collectors.network.ProbeAssertions.diagnose;
import static io.github.rdpdoctor.collectors.network.ProbeAssertions.m;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rdpdoctor.cli.CliRun;
import io.github.rdpdoctor.collectors.CollectionReport;
import io.github.rdpdoctor.collectors.CollectionTarget;
import io.github.rdpdoctor.collectors.CollectorOutcome;
import io.github.rdpdoctor.engine.Diagnosis;
import io.github.rdpdoctor.engine.RankedCause;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * {@code probe HOST --gateway GATEWAY}: the RD Gateway's HTTPS side as mstsc meets it, against real TLS servers on
 * 127.0.0.1 ({@code openssl s_server}, as an RD Gateway's IIS answers a TLS client) in front of a real xrdp host: a
 * gateway with a CA-issued Server Authentication certificate for its name, one with an expired self-signed certificate
 * for its old name, one whose certificate is for client authentication only, one that speaks TLS 1.0 only, a port that
 * refuses, and a name that does not resolve. Each asserts the exact gateway facts and, where the gateway is the fault,
 * what the rules conclude.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class GatewayProbeTest {

    static final Duration IO = Duration.ofSeconds(2);

    private RealServers.Started servers;
    private RealServers.Xrdp host;
    private RealServers.Https good;
    private RealServers.Https expired;
    private RealServers.Https clientAuthOnly;
    private RealServers.Https tls10;
    private final Prober prober = Prober.networkOnly();

    @BeforeAll
    void startServers() throws IOException {
        RealServers.requireTools("xrdp", "openssl");
        servers = RealServers.Started.start("rdp-doctor-gateway", s -> {
            Path dir = s.dir;
            RealServers.Cert hostCert = RealServers.selfSigned(dir, "host", "127.0.0.1", "IP:127.0.0.1", 200);
            Map<String, String> tls = new LinkedHashMap<>();
            tls.put("security_layer", "tls");
            tls.put("certificate", hostCert.cert().toString());
            tls.put("key_file", hostCert.key().toString());
            host = s.track(RealServers.Xrdp.start(dir, "xrdp-host", tls));
            good = s.track(RealServers.Https.start(dir, "gw-good",
                    RealServers.issued(dir, "gw-good", "rdgw.test", "DNS:localhost,DNS:rdgw.test", "serverAuth", 90)));
            expired = s.track(RealServers.Https.start(dir, "gw-expired",
                    RealServers.selfSignedWithDates(dir, "gw-expired", "rdgw-old.corp.example", "20200101000000Z", "20200301000000Z")));
            clientAuthOnly = s.track(RealServers.Https.start(dir, "gw-client",
                    RealServers.issued(dir, "gw-client", "localhost", "DNS:localhost", "clientAuth", 90)));
            tls10 = s.track(RealServers.Https.start(dir, "gw-tls10",
                    RealServers.selfSigned(dir, "gw-tls10", "localhost", "DNS:localhost", 20),
                    "-tls1", "-cipher", "DEFAULT:@SECLEVEL=0"));
        });
    }

    @AfterAll
    void stopServers() {
        RealServers.Started.close(servers);
    }

    private CollectionReport probeVia(String gateway) {
        return prober.probe(new CollectionTarget("127.0.0.1", host.port, null, Map.of(GatewayCollector.OPTION, gateway)), IO);
    }

    /** The facts whose names the gateway collector owns, as reported. */
    private static Map<String, Object> gatewayFacts(CollectionReport r) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String name : new GatewayCollector().produces()) {
            if (r.get(name) != null) {
                out.put(name, r.get(name));
            }
        }
        return out;
    }

    private static Map<String, Object> without(Map<String, Object> facts, String... names) {
        Map<String, Object> copy = new LinkedHashMap<>(facts);
        for (String n : names) {
            copy.remove(n);
        }
        return copy;
    }

    @Test
    void aGatewayWithAnIssuedServerCertificateForItsNameIsHealthy() {
        CollectionReport r = probeVia("localhost:" + good.port);
        Map<String, Object> facts = gatewayFacts(r);
        long days = (Long) facts.get("gateway.cert_days_left");
        assertTrue(days == 89 || days == 90, "days left " + days);
        assertEquals(m("network.via_gateway", true, "gateway.dns_ok", true, "gateway.port_state", "open",
                "gateway.tls_handshake_ok", true, "gateway.tls_max_version", "1.3", "network.gateway_cert_name_match", true,
                "gateway.cert_self_signed", false, "gateway.cert_server_auth", true, "gateway.cert_subject", "CN=rdgw.test"),
                without(facts, "gateway.cert_days_left"));
        assertEquals("ssl", r.get("rdp.negotiation"), "the host itself is probed as before");
        List<String> gatewayFaults = diagnose(r).cause("rd-gateway-or-nat").stream()
                .flatMap(c -> c.evidence().stream()).filter(e -> e.weight() > 0).map(e -> e.rule())
                .filter(rule -> rule.contains("RD Gateway's") || rule.contains("RD Gateway uses")).toList();
        assertEquals(List.of(), gatewayFaults, "a healthy gateway gives no gateway fault");
    }

    @Test
    void anExpiredSelfSignedCertificateForTheGatewaysOldNameRanksTheGatewayFirst() {
        CollectionReport r = probeVia("localhost:" + expired.port);
        Map<String, Object> facts = gatewayFacts(r);
        assertTrue((Long) facts.get("gateway.cert_days_left") < -2000, facts::toString);
        assertEquals(m("network.via_gateway", true, "gateway.dns_ok", true, "gateway.port_state", "open",
                "gateway.tls_handshake_ok", true, "gateway.tls_max_version", "1.3", "network.gateway_cert_name_match", false,
                "gateway.cert_self_signed", true, "gateway.cert_server_auth", true,
                "gateway.cert_subject", "CN=rdgw-old.corp.example"), without(facts, "gateway.cert_days_left"));
        Diagnosis d = diagnose(r);
        assertEquals("rd-gateway-or-nat", d.top().map(RankedCause::id).orElse(null), d::toString);
        assertTrue(d.top().orElseThrow().confidence() >= 0.7, d::toString);
        List<String> rules = d.top().orElseThrow().evidence().stream().map(e -> e.rule()).toList();
        assertTrue(rules.containsAll(List.of("rd-gateway-or-nat: the RD Gateway's certificate is expired",
                "rd-gateway-or-nat: the RD Gateway uses a self-signed certificate",
                "rd-gateway-or-nat: RD Gateway certificate name does not match the gateway")), rules::toString);
    }

    @Test
    void aCertificateForClientAuthenticationOnlyIsNoServerCertificate() {
        CollectionReport r = probeVia("localhost:" + clientAuthOnly.port);
        assertEquals(false, r.get("gateway.cert_server_auth"));
        assertEquals(true, r.get("network.gateway_cert_name_match"));
        assertEquals(false, r.get("gateway.cert_self_signed"));
        Diagnosis d = diagnose(r);
        assertEquals("rd-gateway-or-nat", d.top().map(RankedCause::id).orElse(null), d::toString);
    }

    @Test
    void aTls10OnlyGatewayCompletesItsHandshakeAndShowsItsCertificate() {
        CollectionReport r = probeVia("localhost:" + tls10.port);
        assertEquals(true, r.get("gateway.tls_handshake_ok"), r.warnings()::toString);
        assertEquals("1.0", r.get("gateway.tls_max_version"));
        assertEquals(true, r.get("network.gateway_cert_name_match"));
        assertEquals(true, r.get("gateway.cert_self_signed"));
        assertTrue(r.warnings().stream().anyMatch(w -> w.contains("this JDK refusing TLS 1.0")), r.warnings()::toString);
    }

    @Test
    void aRefusedGatewayPortIsClosedAndNothingElseIsRead() {
        int port = RealServers.freePort();
        CollectionReport r = probeVia("localhost:" + port);
        assertEquals(m("network.via_gateway", true, "gateway.dns_ok", true, "gateway.port_state", "closed"), gatewayFacts(r));
        assertEquals("rd-gateway-or-nat", diagnose(r).top().map(RankedCause::id).orElse(null));
    }

    @Test
    void aGatewayNameThatDoesNotResolveIsSaidSo() {
        CollectionReport r = probeVia("rdgw.nosuchdomain.invalid");
        assertEquals(m("network.via_gateway", true, "gateway.dns_ok", false), gatewayFacts(r));
        assertTrue(r.warnings().contains("rd-gateway: the RD Gateway name rdgw.nosuchdomain.invalid does not resolve"),
                r.warnings()::toString);
    }

    @Test
    void withoutAGatewayTheCollectorDoesNotApply() {
        CollectionReport r = prober.probe("127.0.0.1", host.port, null, IO);
        assertNull(r.get("network.via_gateway"));
        CollectorOutcome o = r.outcomes().stream().filter(c -> c.collector().equals("rd-gateway")).findFirst().orElseThrow();
        assertEquals(CollectorOutcome.Status.SKIPPED, o.status());
    }

    @Test
    void theCommandLineTakesTheGatewayAndDefaultsItsPortTo443() {
        CliRun run = CliRun.run("probe", "127.0.0.1:" + host.port, "--gateway", "localhost:" + expired.port, "--timeout", "2000");
        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().contains("gateway.cert_subject"), run.out());
        assertTrue(run.out().contains("RD Gateway or NAT / port-forward misconfiguration"), run.out());
        assertEquals(443, GatewayCollector.gateway(new CollectionTarget("h", 3389, null,
                Map.of(GatewayCollector.OPTION, "rdgw.corp.example"))).port());
        CliRun many = CliRun.withStdin("127.0.0.1:" + host.port + "\n", "probe", "--hosts", "-", "--gateway",
                "localhost:" + expired.port, "--timeout", "2000");
        assertEquals(0, many.code(), many.err());
        assertTrue(many.out().contains("rd-gateway-or-nat: the RD Gateway's certificate is expired"), many.out());
        CliRun bad = CliRun.run("probe", "127.0.0.1:" + host.port, "--gateway", "rdgw.corp.example:99999");
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("--gateway: not a HOST[:PORT]"), bad.err());
        assertFalse(bad.err().contains("Exception"), bad.err());
    }
}

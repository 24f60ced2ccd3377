package io.github.rdpdoctor.collectors.network;

import static io.github.rdpdoctor.collectors.network.ProbeAssertions.diagnose;
import static io.github.rdpdoctor.collectors.network.ProbeAssertions.ids;
import static io.github.rdpdoctor.collectors.network.ProbeAssertions.m;
import static io.github.rdpdoctor.collectors.network.ProbeAssertions.assertSymptoms;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rdpdoctor.collectors.CollectionReport;
import io.github.rdpdoctor.collectors.CollectionTarget;
import io.github.rdpdoctor.engine.Diagnosis;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
 * A name with an IPv4 and an IPv6 address ({@code dual.test} → 127.0.0.1 and ::1, handed to the DNS collector in the
 * JVM's order, IPv4 first) against real xrdp servers listening on one family only. The probe connects like mstsc:
 * IPv6 first, then the next address, and probes the one that accepted.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DualStackProbeTest {

    static final Duration IO = Duration.ofSeconds(2);
    static final String V6 = "::1";

    private RealServers.Started servers;
    private RealServers.Xrdp onlyV6;
    private RealServers.Xrdp onlyV4;
    private Prober prober;

    @BeforeAll
    void startServers() throws IOException {
        RealServers.requireTools("xrdp", "openssl");
        servers = RealServers.Started.start("rdp-doctor-dual", s -> {
            RealServers.Cert cert = RealServers.selfSigned(s.dir, "dual", "dual.test", null, 30);
            Map<String, String> rdp = Map.of("security_layer", "rdp", "certificate", cert.cert().toString(),
                    "key_file", cert.key().toString());
            onlyV6 = s.track(RealServers.Xrdp.start(s.dir, "xrdp-v6", rdp, InetAddress.getByName("::1")));
            onlyV4 = s.track(RealServers.Xrdp.start(s.dir, "xrdp-v4", rdp));
        });
        InetAddress v4 = InetAddress.getByAddress("dual.test", new byte[] {127, 0, 0, 1});
        InetAddress v6 = InetAddress.getByAddress("dual.test", InetAddress.getByName("::1").getAddress());
        DnsCollector.Resolver dual = host -> new InetAddress[] {v4, v6};
        prober = new Prober(List.of(new DnsCollector(dual), new TcpConnectCollector(), new RdpNegotiationCollector(),
                new TlsCollector(), new HostIdentityCollector()));
    }

    @AfterAll
    void stopServers() {
        RealServers.Started.close(servers);
    }

    private static Map<String, Object> dual(int port, String connected) {
        return m("network.dns_ok", true, "network.dns_resolved_ip", V6, "network.dns_all_ips", V6 + ",127.0.0.1",
                "network.rdp_port", (long) port, "network.rdp_port_state", "open", "network.connected_ip", connected,
                "rdp.negotiation.hybrid_ssl", "rdp", "rdp.negotiation.ssl", "rdp", "rdp.negotiation.rdp", "rdp",
                "rdp.negotiation", "rdp", "rdp.nla_required", false);
    }

    @Test
    void serverOnlyOnIpv6IsFoundThereFirstAsWindowsWould() {
        CollectionReport r = prober.probe("dual.test", onlyV6.port, null, IO);
        assertSymptoms(r, dual(onlyV6.port, V6));
        assertEquals(List.of(), r.warnings());
        assertTrue(!ids(diagnose(r)).contains("rdp-disabled"), () -> ids(diagnose(r)).toString());
    }

    @Test
    void serverOnlyOnIpv4IsReachedAfterTheIpv6AddressRefuses() {
        CollectionReport r = prober.probe("dual.test", onlyV4.port, null, IO);
        assertSymptoms(r, dual(onlyV4.port, "127.0.0.1"));
        assertEquals(List.of("tcp-connect: connection to [" + V6 + "]:" + onlyV4.port + " refused",
                "tcp-connect: connected to 127.0.0.1 after the address(es) before it failed; a client tries them in"
                        + " the same order, so it waits for those failures first"), r.warnings());
    }

    @Test
    void anExpectedAddressAmongTheNamesAddressesIsAMatch() {
        for (String expected : List.of("::1", "127.0.0.1")) {
            CollectionReport r = prober.probe(CollectionTarget.of("dual.test", onlyV6.port, expected), IO);
            Diagnosis d = diagnose(r);
            assertTrue(!ids(d).contains("dns-wrong-host"), () -> expected + ": " + ProbeAssertions.ranking(d));
        }
        CollectionReport elsewhere = prober.probe(CollectionTarget.of("dual.test", onlyV6.port, "127.0.0.2"), IO);
        Diagnosis d = diagnose(elsewhere);
        assertEquals("dns-wrong-host", d.top().orElseThrow().id(), () -> ProbeAssertions.ranking(d));
    }

    @Test
    void connectOrderFollowsTheDefaultPrefixPolicy() throws IOException {
        InetAddress[] jvmOrder = {InetAddress.getByName("10.0.0.1"), InetAddress.getByName("fd00::1"),
                InetAddress.getByName("2001:0:53aa:64c::1"), InetAddress.getByName("2a00:1450::1"),
                InetAddress.getByName("::1"), InetAddress.getByName("10.0.0.1")};
        assertEquals(List.of("::1", "2a00:1450::1", "10.0.0.1", "2001:0:53aa:64c::1",
                "fd00::1"), DnsCollector.connectOrder(jvmOrder).stream().map(Addresses::text).toList());
    }
}

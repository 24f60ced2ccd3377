package io.github.rdpdoctor.collectors.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.rdpdoctor.collectors.CollectionReport;
import io.github.rdpdoctor.collectors.CollectionTarget;
import io.github.rdpdoctor.collectors.CollectorRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A TCP connect that fails is never a host that "closed the connection": an unreachable network is a filtered port
 * with no path (ping_ok false), and a later collector whose own connect fails records nothing about the host. A name
 * that does not resolve ends the probe after the DNS collector.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ConnectFailureTest {

    /**
     * The reviewer's repro: a client with no route to the host's network (a fresh network namespace with only
     * loopback up) gets ENETUNREACH from the kernel. Runs the real CLI in that namespace; needs {@code unshare -rn}
     * (root, or unprivileged user namespaces).
     */
    @Test
    void networkUnreachableIsAFilteredPortWithNoPathAndNothingElse(@TempDir Path tmp) throws Exception {
        Assumptions.assumeTrue(RealServers.which("unshare") != null && RealServers.which("ip") != null,
                "needs unshare and ip (util-linux, iproute2)");
        RealServers.Result probe = RealServers.run(Duration.ofSeconds(20), Map.of(), tmp,
                RealServers.tool("unshare"), "-rn", "true");
        Assumptions.assumeTrue(probe.exitCode() == 0, "cannot make a network namespace here (needs root or user"
                + " namespaces): " + probe.output());
        Path saved = tmp.resolve("facts.json");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        RealServers.Result r = RealServers.run(Duration.ofSeconds(45), Map.of(), tmp, RealServers.tool("unshare"), "-rn",
                "sh", "-c", "ip link set lo up && exec \"$0\" -cp \"$1\" io.github.rdpdoctor.cli.Main probe 10.9.0.2"
                        + " --timeout 1000 --format json --save \"$2\"",
                java, System.getProperty("java.class.path"), saved.toString());
        assertEquals(0, r.exitCode(), r.output());
        ObjectMapper json = new ObjectMapper();
        JsonNode facts = json.readTree(Files.readString(saved)).get("symptoms");
        assertEquals("filtered", facts.path("network.rdp_port_state").asText(), facts.toString());
        assertFalse(facts.path("network.ping_ok").asBoolean(true), facts.toString());
        facts.fieldNames().forEachRemaining(n -> assertFalse(n.startsWith("rdp.") || n.startsWith("tls."),
                "TCP never connected, so nothing about RDP or TLS: " + n));
        JsonNode d = json.readTree(r.output().substring(r.output().indexOf('{'), r.output().lastIndexOf('}') + 1));
        assertEquals("network-unreachable", d.get("causes").get(0).get("id").asText(), r.output());
        for (JsonNode c : d.get("causes")) {
            assertFalse(List.of("security-software-interference", "connection-backlog").contains(c.get("id").asText()),
                    r.output());
        }
        assertEquals("tcp-connect: connect to 10.9.0.2:3389 failed: network is unreachable (no route from this client"
                + " to that network)", d.get("warnings").get(0).asText(), r.output());
    }

    /**
     * A name that does not resolve: the DNS collector says so, and nothing after it runs. The negotiation collector
     * used to run anyway (its only check was the port state, which tcp-connect, skipped, never wrote), did its own
     * lookup and failed with "rdp-negotiation: failed: UnknownHostException: ...", listed as a failed collector.
     */
    @Test
    void aNameThatDoesNotResolveStopsAfterTheDnsCollector() {
        DnsCollector.Resolver nxdomain = host -> {
            throw new java.net.UnknownHostException(host + ": Name or service not known");
        };
        CollectionReport r = new Prober(List.of(new DnsCollector(nxdomain), new TcpConnectCollector(),
                new RdpNegotiationCollector(), new TlsCollector(), new HostIdentityCollector()))
                .probe("nosuchhost.invalid", 3389, null, Duration.ofSeconds(2));
        assertEquals(Map.of("network.dns_ok", false), r.symptoms());
        assertEquals(List.of("dns: cannot resolve nosuchhost.invalid: nosuchhost.invalid: Name or service not known"),
                r.warnings());
        for (io.github.rdpdoctor.collectors.CollectorOutcome o : r.outcomes()) {
            if (!o.collector().equals("dns")) {
                assertEquals(io.github.rdpdoctor.collectors.CollectorOutcome.Status.SKIPPED, o.status(), o::toString);
            }
        }
        assertEquals("dns-wrong-host", ProbeAssertions.diagnose(r).top().orElseThrow().id());
    }

    /** The negotiation collector on its own (no TCP facts before it) against a port where nothing listens. */
    @Test
    void aLaterCollectorsConnectFailureIsNotAClosedConnection() {
        int port = RealServers.freePort();
        CollectionReport r = new CollectorRunner(List.of(new RdpNegotiationCollector()), Duration.ofSeconds(2),
                Duration.ofSeconds(8)).run(CollectionTarget.of("127.0.0.1", port));
        assertEquals(Map.of(), r.symptoms(), r.warnings()::toString);
        assertEquals(List.of("rdp-negotiation: request HYBRID|SSL not sent: TCP connect to 127.0.0.1 failed: Connection"
                + " refused; remaining requests skipped"), r.warnings());
        assertTrue(ProbeAssertions.diagnose(r).causes().isEmpty(), () -> ProbeAssertions.ranking(ProbeAssertions.diagnose(r)));
    }
}

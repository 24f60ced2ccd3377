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
import io.github.rdpdoctor.collectors.CollectionTarget;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Negotiation answers real servers here do not give: old hosts, odd codes, protocol violations. */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class NegotiationScenariosTest {

    static final Duration IO = Duration.ofSeconds(1);
    private final Prober prober = Prober.networkOnly();

    private CollectionReport probe(ScriptedServer s) {
        return prober.probe("127.0.0.1", s.port(), null, IO);
    }

    private static Map<String, Object> open(ScriptedServer s, Object... more) {
        Map<String, Object> want = openLoopback(s.port());
        want.putAll(m(more));
        return want;
    }

    @Test
    void windowsXpEraHostSendsNoNegotiationData() throws Exception {
        try (ScriptedServer s = new ScriptedServer(c -> {
            readRequest(c);
            send(c, new byte[] {3, 0, 0, 11, 6, (byte) 0xD0, 0, 0, 0x12, 0x34, 0});
        })) {
            CollectionReport r = probe(s);
            assertSymptoms(r, open(s, "rdp.negotiation.hybrid_ssl", "rdp", "rdp.negotiation.ssl", "rdp",
                    "rdp.negotiation.rdp", "rdp", "rdp.negotiation", "rdp", "rdp.negotiation_legacy", true,
                    "rdp.nla_required", false));
            assertEquals(List.of(), r.warnings());
            // no TLS at all (and so no CredSSP): a current client that requires either cannot connect
            io.github.rdpdoctor.engine.Diagnosis d = ProbeAssertions.assertTopCause(r, "tls-protocol-mismatch");
            assertEquals(List.of("tls-protocol-mismatch", "credssp-nla-mismatch"), ProbeAssertions.ids(d));
        }
    }

    @Test
    void disconnectRequestCountsAsClosed() throws Exception {
        try (ScriptedServer s = new ScriptedServer(c -> {
            readRequest(c);
            send(c, new byte[] {3, 0, 0, 11, 6, (byte) 0x80, 0, 0, 0x12, 0x34, 0});
        })) {
            CollectionReport r = probe(s);
            assertSymptoms(r, open(s, "rdp.negotiation.hybrid_ssl", "closed", "rdp.negotiation.ssl", "closed",
                    "rdp.negotiation.rdp", "closed", "rdp.negotiation", "closed"));
            assertTrue(r.warnings().contains("rdp-negotiation: request HYBRID|SSL: host answered with an X.224 Disconnect Request"));
        }
    }

    @Test
    void unknownFailureCodeKeepsTheContractEnumClean() throws Exception {
        try (ScriptedServer s = new ScriptedServer(c -> {
            readRequest(c);
            send(c, failure(9));
        })) {
            CollectionReport r = probe(s);
            assertSymptoms(r, open(s, "rdp.negotiation.hybrid_ssl", "failure:code_9", "rdp.negotiation.ssl", "failure:code_9",
                    "rdp.negotiation.rdp", "failure:code_9", "rdp.negotiation", "failure"));
            assertEquals("rdp-negotiation: request HYBRID|SSL: unknown failure code 9", r.warnings().get(0));
        }
    }

    @Test
    void hostSelectingAProtocolThatWasNotRequested() throws Exception {
        try (ScriptedServer s = new ScriptedServer(c -> {
            readRequest(c);
            send(c, selected(8)); // HYBRID_EX for everything
            ScriptedServer.drain(c);
        })) {
            CollectionReport r = probe(s);
            assertEquals("hybrid_ex", r.get("rdp.negotiation.rdp"));
            assertTrue(r.warnings().contains("rdp-negotiation: request RDP: host selected hybrid_ex, which was not requested"),
                    r.warnings()::toString);
            assertEquals(null, r.get("rdp.nla_required"), "answers that break the protocol prove nothing about NLA");
        }
    }

    @Test
    void hostThatClosesOnlyForStandardRdpSecurity() throws Exception {
        try (ScriptedServer s = new ScriptedServer(c -> {
            int req = readRequest(c);
            if (req == 0) {
                return; // FIN without an answer
            }
            send(c, selected(1));
            ScriptedServer.drain(c);
        })) {
            CollectionReport r = prober.probe(new CollectionTarget("127.0.0.1", s.port(), null, Map.of()), IO);
            assertEquals("ssl", r.get("rdp.negotiation"));
            assertEquals("closed", r.get("rdp.negotiation.rdp"));
            assertEquals(false, r.get("rdp.nla_required"));
        }
    }
}

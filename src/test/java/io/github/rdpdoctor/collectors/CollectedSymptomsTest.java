package io.github.rdpdoctor.collectors;

import static io.github.rdpdoctor.collectors.CollectorRunnerTest.fake;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rdpdoctor.collectors.network.Prober;
import io.github.rdpdoctor.engine.Diagnosis;
import io.github.rdpdoctor.engine.RankedCause;
import io.github.rdpdoctor.engine.RdpDoctor;
import io.github.rdpdoctor.symptoms.HexCode;
import io.github.rdpdoctor.symptoms.HostEvent;
import io.github.rdpdoctor.symptoms.SymptomSet;
import io.github.rdpdoctor.symptoms.UserSession;
import io.github.rdpdoctor.symptoms.Vocabulary;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** From collectors to a diagnosis: values through the vocabulary, failures and misfits as warnings, never aborts. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CollectedSymptomsTest {

    static final CollectionTarget TARGET = CollectionTarget.of("fin-app-07.corp.example");
    static final Duration IO = Duration.ofMillis(300);
    static RdpDoctor doctor;

    @BeforeAll
    static void build() {
        doctor = RdpDoctor.builder().build();
    }

    private static CollectionReport run(SymptomCollector... collectors) {
        return new CollectorRunner(List.of(collectors), IO, Duration.ofMillis(600)).run(TARGET);
    }

    @Test
    void aFailingOrHangingCollectorBecomesADiagnosisWarningAndTheDiagnosisGoesOn() {
        SymptomCollector port = fake("port", 1, Set.of("network.rdp_port_state"),
                ctx -> CollectorResult.builder().put("network.rdp_port_state", "closed").build());
        SymptomCollector boom = fake("registry", 2, Set.of("server.rdp_enabled"), ctx -> {
            throw new IllegalStateException("remote registry unreachable");
        });
        SymptomCollector hang = fake("wmi", 3, Set.of("server.service.termservice"), ctx -> {
            Thread.sleep(60_000);
            return CollectorResult.empty();
        });
        // the same path as `rdp-doctor probe`: Prober -> report -> symptom set -> diagnosis
        CollectionReport r = new Prober(List.of(port, boom, hang)).probe(TARGET, IO);
        Diagnosis d = doctor.diagnose(CollectedSymptoms.toSymptomSet(r));
        assertEquals(List.of("registry: failed: IllegalStateException: remote registry unreachable",
                "wmi: timed out after " + IO.multipliedBy(Prober.BUDGET_FACTOR).toMillis() + " ms"), d.warnings());
        assertEquals("rdp-disabled", d.top().map(RankedCause::id).orElse(null), d::toString);
        assertEquals("fin-app-07.corp.example", d.host());
        assertEquals("probe", d.source());
    }

    @Test
    void aValueThatDoesNotFitTheVocabularyIsLeftOutWithAWarningNamingItsCollector() {
        SymptomCollector odd = fake("odd", 1, Set.of("rdp.negotiation", "server.credssp_version", "tls.max_version"),
                ctx -> CollectorResult.builder().put("rdp.negotiation", "carrier_pigeon")
                        .put("server.credssp_version", -1).put("tls.max_version", "1.0").build());
        SymptomSet set = CollectedSymptoms.toSymptomSet(run(odd));
        assertEquals(List.of("odd: symptom rdp.negotiation: expected one of rdp, ssl, hybrid, hybrid_ex, rdstls, failure,"
                        + " no_response, closed, got \"carrier_pigeon\"; the value was left out",
                "odd: symptom server.credssp_version: expected an integer of 0 or more, got -1 (out of range); the value was left out"),
                set.warnings());
        assertFalse(set.symptom("rdp.negotiation").isPresent());
        assertEquals("1.0", set.symptom("tls.max_version").orElseThrow().getValue());
        Diagnosis d = doctor.diagnose(set);
        assertEquals("tls-protocol-mismatch", d.top().map(RankedCause::id).orElse(null), d::toString);
        assertEquals(set.warnings(), d.warnings());
    }

    @Test
    void valuesAreConvertedToTheirVocabularyTypes() {
        SymptomCollector c = fake("c", 1, Set.of("client.error_code", "server.clock_skew_s", "network.rdp_port",
                "rdp.negotiation"), ctx -> CollectorResult.builder().put("client.error_code", "0x904")
                .put("server.clock_skew_s", 3L).put("network.rdp_port", 3390).put("rdp.negotiation", "SSL").build());
        SymptomSet set = CollectedSymptoms.toSymptomSet(run(c), Vocabulary.bundled(), "fin-app-07.corp.example:3390",
                "test", Instant.parse("2026-11-20T09:14:00.123Z"));
        assertEquals(new HexCode(0x904), set.symptom("client.error_code").orElseThrow().getValue());
        assertEquals(3.0, set.symptom("server.clock_skew_s").orElseThrow().getValue());
        assertEquals(3390L, set.symptom("network.rdp_port").orElseThrow().getValue());
        assertEquals("ssl", set.symptom("rdp.negotiation").orElseThrow().getValue());
        assertEquals("2026-11-20T09:14:00Z", set.collectedAt());
        assertEquals("fin-app-07.corp.example:3390", set.host());
        assertEquals("test", set.source());
        assertEquals(List.of(), set.warnings());
    }

    @Test
    void anUnknownNameIsKeptWithAWarningNamingItsCollector() {
        SymptomCollector site = fake("site", 1, Set.of("site.vlan"), ctx -> CollectorResult.builder().put("site.vlan", 42).build());
        SymptomSet set = CollectedSymptoms.toSymptomSet(run(site));
        assertEquals(42L, set.symptom("site.vlan").orElseThrow().getValue());
        assertEquals(List.of("site: unknown symptom name 'site.vlan' (kept and passed to the rules)"), set.warnings());
    }

    /**
     * The runner stamps the collection with the real clock, and events more than 7 days older are not used: the event is an
     * hour old (a fixed date here stopped counting 7 days after it was written).
     */
    @Test
    void hostEventsAndSessionsReachTheRules() {
        String anHourAgo = Instant.now().minus(Duration.ofHours(1)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
        SymptomCollector host = fake("host", 1, Set.of("server.rdp_enabled"), ctx -> CollectorResult.builder()
                .put("server.rdp_enabled", true)
                .event(new HostEvent("System", "Microsoft-Windows-TerminalServices-RemoteConnectionManager", 1058,
                        anHourAgo, "cannot replace the self-signed certificate"))
                .session(new UserSession("CORP\\alice", "Disc", 720)).build());
        CollectionReport r = run(host);
        assertEquals(1, r.events().size());
        SymptomSet set = CollectedSymptoms.toSymptomSet(r);
        assertEquals(r.events(), set.events());
        assertEquals(List.of(new UserSession("CORP\\alice", "disc", 720)), set.sessions());
        Diagnosis d = doctor.diagnose(set);
        assertTrue(d.cause("rdp-certificate-problem").isPresent(), d::toString);
    }

    @Test
    void theHostIsWhatAUserTypes() {
        assertEquals("h.example", CollectedSymptoms.hostOf(CollectionTarget.of("h.example")));
        assertEquals("h.example:3390", CollectedSymptoms.hostOf(CollectionTarget.of("h.example", 3390)));
        assertEquals("[fe80::1]:3390", CollectedSymptoms.hostOf(CollectionTarget.of("fe80::1", 3390)));
    }
}

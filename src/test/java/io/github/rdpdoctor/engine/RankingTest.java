package io.github.rdpdoctor.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rdpdoctor.symptoms.HostEvent;
import io.github.rdpdoctor.symptoms.SymptomSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The ranking properties users rely on, with the bundled rules. */
class RankingTest {
    static RdpDoctor doctor;

    @BeforeAll
    static void build() {
        doctor = RdpDoctor.builder().build();
    }

    private static SymptomSet.Builder pair() {
        return SymptomSet.builder("app-07.corp.example").symptom("client.error_code", "0x904")
                .symptom("client.extended_error_code", "0x7");
    }

    @Test
    void theErrorPairAloneListsSeveralWeakCauses() {
        Diagnosis d = doctor.diagnose(pair().build());
        assertTrue(d.causes().size() >= 3, d.causes().toString());
        d.causes().forEach(c -> assertTrue(c.confidence() <= 0.5, c.id() + " " + c.confidence()));
        d.causes().forEach(c -> assertTrue(c.evidence().stream().anyMatch(e -> e.rule().contains("0x904")
                || e.detail().contains("0x904")), c.id() + " should say the error pair is its evidence"));
    }

    @Test
    void nothingKnownListsNothing() {
        assertTrue(doctor.diagnose(SymptomSet.builder("h").build()).causes().isEmpty());
    }

    @Test
    void expiredCertificateWithEvent1058IsStrong() {
        Diagnosis d = doctor.diagnose(pair().symptom("server.cert_expired", true)
                .event(new HostEvent("System", "Microsoft-Windows-TerminalServices-RemoteConnectionManager", 1058,
                        "2026-11-20T09:10:00Z", "The RD Session Host Server has failed to replace the expired self signed certificate"))
                .build());
        RankedCause top = d.top().orElseThrow();
        assertEquals("rdp-certificate-problem", top.id());
        assertTrue(top.confidence() >= 0.7, "confidence " + top.confidence());
    }

    @Test
    void everyListedCauseHasSupportRemediationAndAConfidenceInRange() throws Exception {
        for (var f : ScenarioRunner.scenarioFiles(java.nio.file.Path.of("examples"))) {
            Diagnosis d = doctor.diagnose(f);
            double last = 1.0;
            for (RankedCause c : d.causes()) {
                assertTrue(c.confidence() > 0 && c.confidence() <= 1, f + " " + c);
                assertTrue(c.confidence() <= last, f + ": not ordered best first");
                last = c.confidence();
                assertTrue(c.evidence().stream().anyMatch(Evidence::supports), f + " " + c.id());
                assertFalse(c.remediation().isEmpty(), f + " " + c.id());
            }
        }
    }

    /**
     * Facts that contradict a cause lower it (or drop it) below what the error pair alone gives, with the rule that
     * says so listed as evidence against when the cause is still listed: port open, authentication succeeded (event
     * 1149), another client connects.
     */
    @Test
    void contradictingFactsLowerACause() {
        Diagnosis alone = doctor.diagnose(pair().build());
        record Case(String fact, SymptomSet facts, List<String> lowered) { }
        List<Case> cases = List.of(
                new Case("port open", pair().symptom("network.rdp_port_state", "open").build(),
                        List.of("firewall-blocking", "network-profile-public", "rdp-disabled")),
                new Case("event 1149", pair().event(new HostEvent("Microsoft-Windows-TerminalServices-RemoteConnectionManager/Operational",
                        "Microsoft-Windows-TerminalServices-RemoteConnectionManager", 1149, null, "User authentication succeeded")).build(),
                        List.of("credssp-nla-mismatch", "firewall-blocking", "rdp-service-failure", "rdp-disabled")),
                new Case("another client connects", pair().symptom("test.from_other_client_works", true).build(),
                        List.of("firewall-blocking", "rdp-service-failure", "rdp-disabled", "licensing-or-session-cap")));
        for (Case c : cases) {
            Diagnosis d = doctor.diagnose(c.facts());
            for (String id : c.lowered()) {
                double before = alone.cause(id).orElseThrow(() -> new AssertionError(id + " not listed for the pair")).confidence();
                var after = d.cause(id);
                assertTrue(after.isEmpty() || after.get().confidence() < before,
                        c.fact() + " should lower " + id + ": " + before + " -> " + after.map(RankedCause::confidence).orElse(0.0));
                after.ifPresent(r -> assertTrue(r.evidence().stream().anyMatch(e -> !e.supports()), c.fact() + ", " + id
                        + ": evidence against is listed: " + r.evidence()));
            }
        }
    }

    /** Results are immutable: their lists cannot be changed by the caller, neither through them nor through what was given. */
    @Test
    void resultRecordsAreImmutable() {
        Diagnosis d = doctor.diagnose(pair().build());
        RankedCause top = d.top().orElseThrow();
        for (Runnable change : List.<Runnable>of(() -> d.causes().clear(), () -> d.warnings().add("x"),
                () -> top.evidence().clear(), () -> top.remediation().clear(), () -> top.sources().clear())) {
            org.junit.jupiter.api.Assertions.assertThrows(UnsupportedOperationException.class, change::run);
        }
        List<RankedCause> given = new ArrayList<>(d.causes());
        List<Evidence> evidence = new ArrayList<>(top.evidence());
        Diagnosis copy = new Diagnosis(d.host(), d.port(), d.source(), given, new ArrayList<>(d.warnings()));
        RankedCause cause = new RankedCause(top.id(), top.title(), top.confidence(), evidence, new ArrayList<>(top.remediation()),
                new ArrayList<>(top.sources()));
        given.clear();
        evidence.clear();
        assertEquals(d.causes(), copy.causes());
        assertEquals(top.evidence(), cause.evidence());
    }

    /** Adding facts that only add supporting evidence for a cause never lowers that cause. */
    @Test
    void supportingEvidenceNeverLowersACause() {
        SymptomSet base = pair().symptom("network.rdp_port_state", "open").build();
        double before = doctor.diagnose(base).cause("rdp-certificate-problem").map(RankedCause::confidence).orElse(0.0);
        double after = doctor.diagnose(pair().symptom("network.rdp_port_state", "open").symptom("server.cert_expired", true).build())
                .cause("rdp-certificate-problem").orElseThrow().confidence();
        assertTrue(after >= before, before + " -> " + after);

        Random rnd = new Random(42);
        for (int i = 0; i < 5_000; i++) {
            List<Double> pro = new ArrayList<>();
            List<Double> con = new ArrayList<>();
            for (int k = rnd.nextInt(5); k >= 0; k--) {
                pro.add(0.01 + 0.99 * rnd.nextDouble());
            }
            for (int k = rnd.nextInt(4); k > 0; k--) {
                con.add(0.01 + 0.99 * rnd.nextDouble());
            }
            double cf = ConfidenceModel.certainty(ConfidenceModel.combine(pro), ConfidenceModel.combine(con));
            pro.add(0.01 + 0.99 * rnd.nextDouble());
            double more = ConfidenceModel.certainty(ConfidenceModel.combine(pro), ConfidenceModel.combine(con));
            assertTrue(more >= cf - 1e-12, pro + " / " + con);
            assertTrue(cf <= 1 && more <= 1);
            con.add(0.01 + 0.99 * rnd.nextDouble());
            double less = ConfidenceModel.certainty(ConfidenceModel.combine(pro), ConfidenceModel.combine(con));
            assertTrue(less <= more + 1e-12, pro + " / " + con);
        }
    }

    /**
     * An event logged more than 7 days before the facts were collected is not given to the rules, with a warning;
     * a recent one is, and without collected_at every event counts.
     */
    @Test
    void eventsOlderThanSevenDaysBeforeTheCollectionAreNotUsed() {
        HostEvent may = new HostEvent("System", "Microsoft-Windows-TerminalServices-RemoteConnectionManager", 1058,
                "2026-05-02T03:00:00Z", "The RD Session Host Server has failed to replace the expired self signed certificate");
        HostEvent lastWeek = new HostEvent("System", "Microsoft-Windows-TerminalServices-RemoteConnectionManager", 1058,
                "2026-11-14T03:00:00+01:00", "The RD Session Host Server has failed to replace the expired self signed certificate");
        java.util.function.Function<Diagnosis, Boolean> uses1058 = d -> d.causes().stream()
                .flatMap(c -> c.evidence().stream()).anyMatch(e -> e.rule().contains("1058"));

        Diagnosis old = doctor.diagnose(new SymptomSet("case.yaml", "h", "2026-11-20T09:14:00Z", List.of(), List.of(may),
                List.of(), List.of(), null));
        assertFalse(uses1058.apply(old), old.toString());
        assertEquals(List.of("1 event was logged more than 7 days before the facts were collected (2026-11-20T09:14:00Z)"
                + " and is not used: 1058 at 2026-05-02T03:00:00Z"), old.warnings());

        Diagnosis recent = doctor.diagnose(new SymptomSet("case.yaml", "h", "2026-11-20T09:14:00Z", List.of(),
                List.of(may, lastWeek), List.of(), List.of(), null));
        assertTrue(uses1058.apply(recent), "an event 6 days before the collection counts: " + recent);
        assertEquals(1, recent.warnings().size(), recent.warnings().toString());

        Diagnosis undated = doctor.diagnose(new SymptomSet("case.yaml", "h", null, List.of(), List.of(may), List.of(),
                List.of(), null));
        assertTrue(uses1058.apply(undated), "without collected_at every event counts");
        assertTrue(undated.warnings().isEmpty());
    }

    /** Events logged well after collected_at say the rest of the file is older than they are: a warning, nothing left out. */
    @Test
    void eventsLoggedLongAfterTheCollectionWarnThatTheOtherFactsMayBeOld() {
        HostEvent logon = new HostEvent("Microsoft-Windows-TerminalServices-RemoteConnectionManager/Operational",
                "Microsoft-Windows-TerminalServices-RemoteConnectionManager", 1149, "2026-11-20T13:02:10Z", "");
        Diagnosis d = doctor.diagnose(new SymptomSet("case.yaml", "h", "2026-05-02T18:00:00Z",
                List.of(new io.github.rdpdoctor.symptoms.Symptom("server.service.termservice", "stopped")), List.of(logon),
                List.of(), List.of(), null));
        assertEquals(List.of("1 event was logged more than 7 days after the facts were collected (2026-05-02T18:00:00Z;"
                + " the newest at 2026-11-20T13:02:10Z): the other facts may describe the host as it was before them"), d.warnings());
        assertTrue(d.causes().stream().flatMap(c -> c.evidence().stream()).anyMatch(e -> e.rule().contains("1149")),
                "the event is still used: " + d);
        Diagnosis sameWeek = doctor.diagnose(new SymptomSet("case.yaml", "h", "2026-11-18T18:00:00Z", List.of(),
                List.of(logon), List.of(), List.of(), null));
        assertTrue(sameWeek.warnings().isEmpty(), sameWeek.warnings().toString());
    }

    @Test
    void timesAreReadInTheContractsForms() {
        assertEquals(1_795_166_040L, io.github.rdpdoctor.symptoms.Times.epochSecond("2026-11-20T09:14:00Z"));
        assertEquals(1_795_166_040L, io.github.rdpdoctor.symptoms.Times.epochSecond("2026-11-20T10:14:00+01:00"));
        assertEquals(1_795_166_040L, io.github.rdpdoctor.symptoms.Times.epochSecond("2026-11-20T09:14:00.000Z"));
        assertEquals(1_795_132_800L, io.github.rdpdoctor.symptoms.Times.epochSecond("2026-11-20"));
        for (String bad : new String[] {"", "yesterday", "2026-02-30T00:00:00Z", "2026-13-01T00:00:00Z"}) {
            assertEquals(io.github.rdpdoctor.symptoms.Times.UNKNOWN, io.github.rdpdoctor.symptoms.Times.epochSecond(bad), bad);
        }
    }
}

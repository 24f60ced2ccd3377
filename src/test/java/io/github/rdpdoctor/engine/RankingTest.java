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
}

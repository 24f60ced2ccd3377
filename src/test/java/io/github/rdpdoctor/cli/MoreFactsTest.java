package io.github.rdpdoctor.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rdpdoctor.symptoms.SymptomSet;
import org.junit.jupiter.api.Test;

/** The "no cause" advice names the kinds of facts a file lacks. */
class MoreFactsTest {
    /**
     * A host-side collection (collect --host-side, Collect-RdpSymptoms.ps1) writes the listener's port and the
     * certificate's days left besides its server.* facts; it holds no probe's facts, so a probe is still advice.
     */
    @Test
    void aHostSideCollectionIsStillAdvisedAProbe() {
        SymptomSet host = SymptomSet.builder("FIN-APP-07").symptom("server.rdp_enabled", true)
                .symptom("network.rdp_port", 3389).symptom("tls.cert_days_left", 200).symptom("tls.cert_self_signed", true)
                .build();
        String advice = MoreFacts.advice(host);
        assertTrue(advice.contains("a live probe of the host"), advice);
        assertFalse(advice.contains("host-side facts"), advice);
        SymptomSet probe = SymptomSet.builder("10.0.0.7").symptom("network.rdp_port_state", "open")
                .symptom("network.rdp_port", 3389).build();
        assertFalse(MoreFacts.advice(probe).contains("a live probe of the host"), MoreFacts.advice(probe));
    }
}

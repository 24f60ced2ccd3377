package io.github.rdpdoctor.cli;

import io.github.rdpdoctor.collectors.CollectedSymptoms;
import io.github.rdpdoctor.symptoms.FactSide;
import io.github.rdpdoctor.symptoms.Symptom;
import io.github.rdpdoctor.symptoms.SymptomSet;
import java.util.ArrayList;
import java.util.List;

/**
 * What to add when no cause is supported: the kinds of facts the file lacks — the client's side (error codes, the user's
 * tests), the host's side (services, settings, events, sessions), the network's (a live probe) — and how to combine
 * them with these. Judged from the facts themselves, so a probe saved to a file and diagnosed later is not told to run
 * a probe.
 */
final class MoreFacts {
    private MoreFacts() {
    }

    static String advice(SymptomSet facts) {
        boolean client = false;
        boolean host = !facts.events().isEmpty() || !facts.sessions().isEmpty();
        boolean network = false;
        for (Symptom s : facts.symptoms()) {
            FactSide side = FactSide.of(s.getName());
            client |= side == FactSide.CLIENT;
            host |= side == FactSide.HOST;
            network |= side == FactSide.NETWORK;
        }
        List<String> missing = new ArrayList<>(3);
        if (!client) {
            missing.add("the client's error codes and the user's tests (collect --client-side on the failing PC)");
        }
        if (!host) {
            missing.add("host-side facts: services, settings, events, sessions (collect --host-side on the host)");
        }
        if (!network) {
            missing.add("a live probe of the host (probe HOST --save FILE)");
        }
        if (missing.isEmpty()) {
            return "No cause is supported by these facts. They hold client, host and network facts, and none points at a"
                    + " cause the knowledge base knows; check the warnings for facts that were not used.";
        }
        boolean probe = CollectedSymptoms.SOURCE.equals(facts.source());
        return "No cause is supported by these facts. More facts narrow it down: " + String.join("; ", missing) + ". "
                + (probe ? "Merge them with these: probe --save FILE, then diagnose --merge FILE OTHER_FILE..."
                        : "Combine the files with diagnose --merge.");
    }
}

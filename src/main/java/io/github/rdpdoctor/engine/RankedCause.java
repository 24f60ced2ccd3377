package io.github.rdpdoctor.engine;

import io.github.rdpdoctor.knowledge.RemediationStep;
import java.util.List;

/**
 * A cause in a diagnosis, with its confidence in (0, 1], the evidence for and against it, and how to fix it.
 */
public record RankedCause(String id, String title, double confidence, List<Evidence> evidence,
                          List<RemediationStep> remediation, List<String> sources) {
    public RankedCause {
        evidence = List.copyOf(evidence);
        remediation = List.copyOf(remediation);
        sources = List.copyOf(sources);
    }
}

package io.github.rdpdoctor.collectors;

import io.github.rdpdoctor.symptoms.HostEvent;
import io.github.rdpdoctor.symptoms.UserSession;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The result of running collectors against one target: all symptoms (in the order they were
 * produced), warnings (each names its collector), one outcome per collector, and the host events
 * and sessions that collectors reading the RDP host reported (usually empty).
 */
public record CollectionReport(CollectionTarget target, Map<String, Object> symptoms, List<String> warnings,
                               List<CollectorOutcome> outcomes, Duration elapsed, List<HostEvent> events,
                               List<UserSession> sessions) {

    public CollectionReport {
        symptoms = Collections.unmodifiableMap(new LinkedHashMap<>(symptoms));
        warnings = List.copyOf(warnings);
        outcomes = List.copyOf(outcomes);
        events = events == null ? List.of() : List.copyOf(events);
        sessions = sessions == null ? List.of() : List.copyOf(sessions);
    }

    /** A report without events and sessions. */
    public CollectionReport(CollectionTarget target, Map<String, Object> symptoms, List<String> warnings,
                            List<CollectorOutcome> outcomes, Duration elapsed) {
        this(target, symptoms, warnings, outcomes, elapsed, List.of(), List.of());
    }

    /** Symptom value, or null. */
    public Object get(String name) {
        return symptoms.get(name);
    }
}

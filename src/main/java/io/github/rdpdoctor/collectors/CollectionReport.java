package io.github.rdpdoctor.collectors;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The result of running collectors against one target: all symptoms (in the order they were
 * produced), warnings (each names its collector) and one outcome per collector.
 */
public record CollectionReport(CollectionTarget target, Map<String, Object> symptoms, List<String> warnings,
                               List<CollectorOutcome> outcomes, Duration elapsed) {

    public CollectionReport {
        symptoms = Collections.unmodifiableMap(new LinkedHashMap<>(symptoms));
        warnings = List.copyOf(warnings);
        outcomes = List.copyOf(outcomes);
    }

    /** Symptom value, or null. */
    public Object get(String name) {
        return symptoms.get(name);
    }
}

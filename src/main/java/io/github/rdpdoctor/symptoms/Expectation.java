package io.github.rdpdoctor.symptoms;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code expect:} block of a rule scenario (a symptom file used by {@code rdp-doctor rules test}).
 *
 * @param topCause      cause id that must rank first, or null when any order is fine
 * @param listed        cause ids that must be listed
 * @param notListed     cause ids that must not be listed
 * @param minConfidence lowest confidence allowed per cause id (a cause not listed has 0), in file order;
 *                      the key {@value #TOP} stands for whichever cause ranks first
 * @param maxConfidence highest confidence allowed per cause id or {@value #TOP}, in file order
 * @param line          line of the block in its file
 */
public record Expectation(String topCause, List<String> listed, List<String> notListed,
                          Map<String, Double> minConfidence, Map<String, Double> maxConfidence, int line) {
    /** The key of a confidence bound on whichever cause ranks first, e.g. {@code max_confidence: {top: 0.5}}. */
    public static final String TOP = "top";

    public Expectation {
        listed = List.copyOf(listed);
        notListed = List.copyOf(notListed);
        minConfidence = Collections.unmodifiableMap(new LinkedHashMap<>(minConfidence));
        maxConfidence = Collections.unmodifiableMap(new LinkedHashMap<>(maxConfidence));
    }

    /** An expectation without confidence bounds. */
    public Expectation(String topCause, List<String> listed, List<String> notListed, int line) {
        this(topCause, listed, notListed, Map.of(), Map.of(), line);
    }
}

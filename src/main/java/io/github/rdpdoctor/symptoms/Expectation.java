package io.github.rdpdoctor.symptoms;

import java.util.List;

/**
 * The {@code expect:} block of a rule scenario (a symptom file used by {@code rdp-doctor rules test}).
 *
 * @param topCause  cause id that must rank first, or null when any order is fine
 * @param listed    cause ids that must be listed
 * @param notListed cause ids that must not be listed
 * @param line      line of the block in its file
 */
public record Expectation(String topCause, List<String> listed, List<String> notListed, int line) {
    public Expectation {
        listed = List.copyOf(listed);
        notListed = List.copyOf(notListed);
    }
}

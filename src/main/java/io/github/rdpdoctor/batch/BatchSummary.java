package io.github.rdpdoctor.batch;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a batch run did.
 *
 * @param total     inputs reported in the output (resumed ones included)
 * @param ok        inputs diagnosed
 * @param rejected  inputs reported as errors
 * @param resumed   lines that were already in the output file and were kept
 * @param topCauses how many inputs have each cause as their top cause, most frequent first
 * @param seconds   wall time of this run
 */
public record BatchSummary(long total, long ok, long rejected, long resumed, Map<String, Long> topCauses,
                           double seconds) {
    /** Holds an unmodifiable copy of {@code topCauses}, in the order given. */
    public BatchSummary {
        topCauses = Collections.unmodifiableMap(new LinkedHashMap<>(topCauses));
    }

    /** Inputs processed per second in this run (resumed lines excluded). */
    public double filesPerSecond() {
        return seconds > 0 ? (total - resumed) / seconds : 0;
    }
}

package io.github.rdpdoctor.collectors;

import java.time.Duration;
import java.util.List;

/**
 * How one collector fared in a run.
 *
 * @param collector the collector's name
 * @param status    what happened
 * @param elapsed   wall time spent (zero when skipped)
 * @param produced  names of the symptoms it contributed, in order
 * @param detail    failure message, or empty
 */
public record CollectorOutcome(String collector, Status status, Duration elapsed, List<String> produced, String detail) {

    public enum Status { OK, SKIPPED, FAILED, TIMED_OUT }

    public CollectorOutcome {
        produced = List.copyOf(produced);
        detail = detail == null ? "" : detail;
    }
}

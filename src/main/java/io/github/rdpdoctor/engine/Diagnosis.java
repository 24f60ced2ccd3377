package io.github.rdpdoctor.engine;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;
import java.util.Optional;

/**
 * The result of diagnosing one failed connection: causes ranked best first, and warnings about the input.
 *
 * @param host     the RDP target
 * @param source   where the facts came from (file name, "probe", ...)
 * @param causes   best first; only causes with supporting evidence and a positive confidence
 * @param warnings unknown symptom names, collector failures, merge conflicts, ...
 */
public record Diagnosis(String host, String source, List<RankedCause> causes, List<String> warnings) {
    public Diagnosis {
        causes = List.copyOf(causes);
        warnings = List.copyOf(warnings);
    }

    /** The most likely cause, if any cause has supporting evidence. */
    @JsonIgnore
    public Optional<RankedCause> top() {
        return causes.isEmpty() ? Optional.empty() : Optional.of(causes.get(0));
    }

    /** The listed cause with this id, if any. */
    public Optional<RankedCause> cause(String id) {
        return causes.stream().filter(c -> c.id().equals(id)).findFirst();
    }
}

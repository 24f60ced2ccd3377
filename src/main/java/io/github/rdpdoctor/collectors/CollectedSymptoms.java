package io.github.rdpdoctor.collectors;

import io.github.rdpdoctor.symptoms.SymptomSet;
import io.github.rdpdoctor.symptoms.Vocabulary;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Turns what collectors found ({@link CollectionReport}) into the facts a diagnosis reads ({@link SymptomSet}).
 * This is the one place where collected values meet the vocabulary:
 * <ul>
 *   <li>every value is converted through {@link SymptomSet.Builder} (so {@code "0x904"} becomes a hex code and
 *       {@code 0} a number where the vocabulary says so);</li>
 *   <li>a value that does not fit its vocabulary entry is left out and becomes a warning naming the collector
 *       that produced it, never an exception;</li>
 *   <li>an unknown name is kept (rules still see it), with a warning naming the collector;</li>
 *   <li>collector warnings (failures, timeouts, "connection refused", ...) become diagnosis warnings;</li>
 *   <li>host events and user sessions reported by collectors are kept.</li>
 * </ul>
 */
public final class CollectedSymptoms {
    /** The {@link SymptomSet#source()} of facts collected live. */
    public static final String SOURCE = "probe";
    /** Producer named in warnings about values that no collector produced (the runner's initial facts). */
    static final String INITIAL_FACTS = "initial facts";

    private CollectedSymptoms() {
    }

    /**
     * The report's facts, checked against the bundled vocabulary; host as {@link #hostOf(CollectionTarget)},
     * source {@value #SOURCE}, collected now.
     */
    public static SymptomSet toSymptomSet(CollectionReport report) {
        return toSymptomSet(report, Vocabulary.bundled(), hostOf(report.target()), SOURCE, Instant.now());
    }

    /**
     * The report's facts as a symptom set.
     *
     * @param vocabulary  the vocabulary to convert values with (use the doctor's: {@code doctor.loader().vocabulary()})
     * @param host        the RDP target as the user typed it
     * @param source      where the facts came from, e.g. {@value #SOURCE}
     * @param collectedAt when; written as ISO-8601 in whole seconds, or null
     */
    public static SymptomSet toSymptomSet(CollectionReport report, Vocabulary vocabulary, String host, String source,
                                          Instant collectedAt) {
        Objects.requireNonNull(report, "report");
        Map<String, String> producer = new HashMap<>();
        for (CollectorOutcome o : report.outcomes()) {
            for (String name : o.produced()) {
                producer.put(name, o.collector()); // a later collector's value is the one in the report
            }
        }
        SymptomSet.Builder b = SymptomSet.builder(host, vocabulary).source(source)
                .collectedAt(collectedAt == null ? null : collectedAt.truncatedTo(ChronoUnit.SECONDS).toString());
        report.warnings().forEach(b::warning);
        List<String> unknown = new ArrayList<>();
        for (Map.Entry<String, Object> e : report.symptoms().entrySet()) {
            String name = e.getKey();
            String from = producer.getOrDefault(name, INITIAL_FACTS);
            if (vocabulary.definition(name).isEmpty()) {
                unknown.add(name);
            }
            try {
                b.symptom(name, e.getValue());
            } catch (IllegalArgumentException ex) {
                b.warning(from + ": " + ex.getMessage() + "; the value was left out");
            }
        }
        report.events().forEach(b::event);
        report.sessions().forEach(b::session);
        SymptomSet built = b.build();
        if (unknown.isEmpty()) {
            return built;
        }
        // The builder warns about unknown names without saying where they came from: name the collector, and
        // drop the note when the collector already reported the name itself (a symptom file names file and line).
        List<String> warnings = new ArrayList<>(built.warnings().size());
        for (String w : built.warnings()) {
            String name = unknownNameIn(w, unknown);
            if (name == null) {
                warnings.add(w);
            } else if (report.warnings().stream().noneMatch(r -> r.contains("unknown symptom name '" + name + "'"))) {
                warnings.add(producer.getOrDefault(name, INITIAL_FACTS) + ": " + w);
            }
        }
        return new SymptomSet(built.source(), built.host(), built.collectedAt(), built.symptoms(), built.events(),
                built.sessions(), warnings, null);
    }

    /** The name when {@code w} is the builder's own unknown-name warning for one of {@code names}, else null. */
    private static String unknownNameIn(String w, List<String> names) {
        for (String n : names) {
            if (w.startsWith("unknown symptom name '" + n + "'")) {
                return n;
            }
        }
        return null;
    }

    /**
     * The target as a user would type it: the host alone on the default port, {@code host:port} (IPv6 in brackets)
     * otherwise.
     */
    public static String hostOf(CollectionTarget target) {
        return target.port() == CollectionTarget.DEFAULT_PORT ? target.host() : target.display();
    }
}

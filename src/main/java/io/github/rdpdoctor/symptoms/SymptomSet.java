package io.github.rdpdoctor.symptoms;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * All facts about one failed connection: the target host, the symptoms, host events and sessions,
 * plus the warnings raised while collecting them. Immutable.
 *
 * @param source      where the facts came from (file name, "probe", ...)
 * @param host        the RDP target as the user typed it
 * @param collectedAt ISO-8601 time of collection, or null
 * @param symptoms    at most one per name (a file cannot say two things about one symptom)
 * @param expect      the expectation block of a rule scenario, or null
 * @throws IllegalArgumentException when a symptom name occurs twice
 */
public record SymptomSet(String source, String host, String collectedAt, List<Symptom> symptoms,
                         List<HostEvent> events, List<UserSession> sessions, List<String> warnings,
                         Expectation expect) {

    public SymptomSet {
        symptoms = List.copyOf(symptoms);
        java.util.Set<String> names = new java.util.HashSet<>(symptoms.size() * 2);
        for (Symptom s : symptoms) {
            if (!names.add(s.getName())) {
                throw Symptom.givenTwice(s.getName());
            }
        }
        events = List.copyOf(events);
        sessions = List.copyOf(sessions);
        warnings = List.copyOf(warnings);
    }

    /** The symptom with this name, if present. */
    public Optional<Symptom> symptom(String name) {
        for (Symptom s : symptoms) {
            if (s.getName().equals(name)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /**
     * Combines facts about the same host: values of {@code later} win; a symptom whose value differs
     * between the two is reported as a warning. Events and sessions are joined without duplicates.
     */
    public SymptomSet mergedWith(SymptomSet later) {
        List<String> warn = new ArrayList<>(warnings);
        warn.addAll(later.warnings);
        if (!host.equalsIgnoreCase(later.host)) {
            warn.add("merging facts of different hosts: '" + host + "' (" + source + ") and '" + later.host
                    + "' (" + later.source + "); using '" + later.host + "'");
        }
        Map<String, Symptom> byName = new LinkedHashMap<>();
        for (Symptom s : symptoms) {
            byName.put(s.getName(), s);
        }
        for (Symptom s : later.symptoms) {
            Symptom old = byName.put(s.getName(), s);
            if (old != null && !old.getValue().equals(s.getValue())) {
                warn.add("conflicting values for " + s.getName() + ": " + old.getText() + " (" + source + ") and "
                        + s.getText() + " (" + later.source + "); using " + s.getText());
            }
        }
        List<HostEvent> ev = new ArrayList<>(events);
        later.events.stream().filter(e -> !ev.contains(e)).forEach(ev::add);
        List<UserSession> ses = new ArrayList<>(sessions);
        later.sessions.stream().filter(s -> !ses.contains(s)).forEach(ses::add);
        return new SymptomSet(source + "+" + later.source, later.host,
                later.collectedAt != null ? later.collectedAt : collectedAt,
                new ArrayList<>(byName.values()), ev, ses, warn, later.expect != null ? later.expect : expect);
    }

    /** Starts a symptom set for code that collects facts itself; values are checked against the bundled vocabulary. */
    public static Builder builder(String host) {
        return new Builder(host, Vocabulary.bundled());
    }

    /** Starts a symptom set whose values are checked against this vocabulary (e.g. the one of an {@code RdpDoctor}). */
    public static Builder builder(String host, Vocabulary vocabulary) {
        return new Builder(host, java.util.Objects.requireNonNull(vocabulary, "vocabulary"));
    }

    /** Builds a {@link SymptomSet} with values checked against a vocabulary. */
    public static final class Builder {
        private final String host;
        private final Vocabulary vocabulary;
        private String source = "api";
        private String collectedAt;
        private final Map<String, Symptom> symptoms = new LinkedHashMap<>();
        private final List<HostEvent> events = new ArrayList<>();
        private final List<UserSession> sessions = new ArrayList<>();
        private final List<String> warnings = new ArrayList<>();

        Builder(String host, Vocabulary vocabulary) {
            if (host == null || host.isBlank()) {
                throw new IllegalArgumentException("host must not be empty");
            }
            this.host = host;
            this.vocabulary = vocabulary;
        }

        public Builder source(String source) {
            this.source = source;
            return this;
        }

        public Builder collectedAt(String isoTime) {
            this.collectedAt = isoTime;
            return this;
        }

        /**
         * Adds a symptom. Known names are converted to their vocabulary type (so "0x904" and 2308 both work);
         * unknown names are kept with a warning.
         *
         * @throws IllegalArgumentException when a known name gets a value of the wrong type or out of range
         */
        public Builder symptom(String name, Object value) {
            SymptomDefinition def = vocabulary.find(name);
            Object typed;
            if (def != null) {
                try {
                    typed = def.convert(value);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("symptom " + name + ": " + e.getMessage(), e);
                }
            } else {
                warnings.add("unknown symptom name '" + name + "' (kept and passed to the rules)");
                typed = value instanceof Integer i ? Long.valueOf(i) : value;
            }
            symptoms.put(name, new Symptom(name, typed));
            return this;
        }

        public Builder event(HostEvent event) {
            events.add(event);
            return this;
        }

        public Builder session(UserSession session) {
            sessions.add(session);
            return this;
        }

        public Builder warning(String warning) {
            warnings.add(warning);
            return this;
        }

        public SymptomSet build() {
            return new SymptomSet(source, host, collectedAt, new ArrayList<>(symptoms.values()), events, sessions,
                    warnings, null);
        }
    }
}

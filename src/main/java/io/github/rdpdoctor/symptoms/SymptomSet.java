package io.github.rdpdoctor.symptoms;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * All facts about one failed connection: the target host, the symptoms, host events and sessions,
 * plus the warnings raised while collecting them. Immutable.
 *
 * @param source      where the facts came from (file name, "probe", ...)
 * @param host        the RDP target as the user typed it
 * @param collectedAt ISO-8601 time of collection, or null
 * @param symptoms    at most one per name (a file cannot say two things about one symptom)
 * @param expect      the expectation block of a rule scenario, or null
 * @param sessionsListed whether the source listed the host's sessions, so that an empty list says there are none;
 *                    false when it says nothing about sessions (a network probe, a file without {@code sessions})
 */
public record SymptomSet(String source, String host, String collectedAt, List<Symptom> symptoms,
                         List<HostEvent> events, List<UserSession> sessions, List<String> warnings,
                         Expectation expect, boolean sessionsListed) {

    /** Facts whose sessions are listed when there are any. */
    public SymptomSet(String source, String host, String collectedAt, List<Symptom> symptoms, List<HostEvent> events,
                      List<UserSession> sessions, List<String> warnings, Expectation expect) {
        this(source, host, collectedAt, symptoms, events, sessions, warnings, expect, !sessions.isEmpty());
    }

    /**
     * Holds unmodifiable copies of the lists.
     *
     * @throws IllegalArgumentException when a symptom name occurs twice
     */
    public SymptomSet {
        symptoms = List.copyOf(symptoms);
        Set<String> names = new HashSet<>(symptoms.size() * 2);
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

    /** Combines this set with a later one; see {@link #merge(List)}. */
    public SymptomSet mergedWith(SymptomSet later) {
        return merge(List.of(this, later));
    }

    /**
     * Combines facts about one host collected in several files, in the order given; later sets win.
     * <ul>
     *   <li>symptoms: the later value wins; a value that differs is reported as a warning naming the set each value
     *       came from. Except {@code network.rdp_port} from a host-side collection, which is its copy of the listener's
     *       port (the set names the same {@code server.listener_port}): a probe's or a client's {@code network.rdp_port},
     *       the port the connection uses, wins over it in any order and without a warning — the listener's port stays
     *       in {@code server.listener_port}, and the rules compare the two;</li>
     *   <li>sessions are a snapshot of the host's session table: a set that lists sessions (also an empty list)
     *       replaces the sessions of the sets before it (a warning when they differ); a set that says nothing about
     *       sessions keeps them;</li>
     *   <li>events are occurrences: all are kept, each once;</li>
     *   <li>{@code collected_at} is the newest of the sets' (in any order), so events are judged against the most
     *       recent collection;</li>
     *   <li>sets about different hosts are merged with a warning (a probe may know the host by its address and a
     *       host-side collector by its computer name). The host diagnosed is the target as the user typed it, which is
     *       what the rules (an address target looks up no name) and the commands ({@code cmdkey /delete:TERMSRV/HOST})
     *       need: the last set with the client's facts ({@code client.*}, {@code test.*}, {@code history.*}), else the
     *       last with a probe's ({@code network.*}, {@code rdp.*}, {@code tls.*}, {@code ntlm.*}; not the few of these the
     *       host-side collectors write too, see {@link FactSide#OTHER}), else the last set.</li>
     * </ul>
     *
     * @throws IllegalArgumentException when {@code sets} is empty
     */
    public static SymptomSet merge(List<SymptomSet> sets) {
        if (sets.isEmpty()) {
            throw new IllegalArgumentException("nothing to merge");
        }
        SymptomSet first = sets.get(0);
        if (sets.size() == 1) {
            return first;
        }
        List<String> warn = new ArrayList<>();
        Map<String, Symptom> byName = new LinkedHashMap<>();
        boolean portIsListenerCopy = false;
        Map<String, String> origin = new LinkedHashMap<>();
        List<HostEvent> ev = new ArrayList<>();
        Set<HostEvent> seenEvents = new HashSet<>();
        List<UserSession> ses = List.of();
        String sessionsFrom = null;
        String host = first.host;
        String hostFrom = first.source;
        List<String> hostChanges = new ArrayList<>();
        String typed = first.host;
        int typedRank = -1;
        String collectedAt = null;
        Expectation expect = null;
        StringBuilder sources = new StringBuilder();
        for (SymptomSet set : sets) {
            sources.append(sources.length() > 0 ? "+" : "").append(set.source);
            warn.addAll(set.warnings);
            if (!host.equalsIgnoreCase(set.host)) {
                hostChanges.add("merging facts of different hosts: '" + host + "' (" + hostFrom + ") and '" + set.host
                        + "' (" + set.source + "); using '");
            }
            host = set.host;
            hostFrom = set.source;
            int rank = typedRank(set);
            if (rank >= typedRank) {
                typed = set.host;
                typedRank = rank;
            }
            boolean listenerCopy = set.writesListenerPortAsRdpPort();
            for (Symptom sy : set.symptoms) {
                if (sy.getName().equals(RDP_PORT)) {
                    if (byName.containsKey(RDP_PORT) && listenerCopy != portIsListenerCopy) {
                        if (listenerCopy) {
                            continue; // the listener's port, kept as server.listener_port; the connection's port stays
                        }
                        byName.remove(RDP_PORT); // the connection's port replaces the host-side copy of the listener's
                    }
                    portIsListenerCopy = listenerCopy;
                }
                Symptom old = byName.put(sy.getName(), sy);
                if (old != null && !old.getValue().equals(sy.getValue())) {
                    warn.add("conflicting values for " + sy.getName() + ": " + old.getText() + " (" + origin.get(sy.getName())
                            + ") and " + sy.getText() + " (" + set.source + "); using " + sy.getText());
                }
                origin.put(sy.getName(), set.source);
            }
            for (HostEvent e : set.events) {
                if (seenEvents.add(e)) {
                    ev.add(e);
                }
            }
            if (set.sessionsListed) {
                if (sessionsFrom != null && !counted(ses).equals(counted(set.sessions))) {
                    warn.add("sessions differ: " + ses + " (" + sessionsFrom + ") and " + set.sessions + " (" + set.source
                            + "); using the sessions of " + set.source);
                }
                ses = set.sessions;
                sessionsFrom = set.source;
            }
            // the newest collection: the merged facts are as recent as it, whatever order the files come in
            if (set.collectedAt != null && (collectedAt == null
                    || Times.epochSecond(set.collectedAt) > Times.epochSecond(collectedAt))) {
                collectedAt = set.collectedAt;
            }
            expect = set.expect != null ? set.expect : expect;
        }
        String why = typedRank == 2 ? "the target the client's facts name" : typedRank == 1 ? "the target the probe's facts name"
                : "the last file's";
        for (String change : hostChanges) {
            warn.add(change + typed + "', " + why);
        }
        return new SymptomSet(sources.toString(), typed, collectedAt, new ArrayList<>(byName.values()), ev, ses, warn, expect,
                sessionsFrom != null);
    }

    private static final String RDP_PORT = "network.rdp_port";

    /**
     * Whether this set's {@code network.rdp_port} is the host-side collectors' copy of the listener's port: they write
     * RDP-Tcp PortNumber as both {@code server.listener_port} and {@code network.rdp_port}, while a probe's or a client's
     * {@code network.rdp_port} is the port the connection uses.
     */
    private boolean writesListenerPortAsRdpPort() {
        Optional<Symptom> port = symptom(RDP_PORT);
        Optional<Symptom> listener = symptom("server.listener_port");
        return port.isPresent() && listener.isPresent() && port.get().getNumber() == listener.get().getNumber();
    }

    /** 2: the set has the client's facts (its host is the target the user typed); 1: a probe's; 0: neither. */
    private static int typedRank(SymptomSet set) {
        int rank = 0;
        for (Symptom s : set.symptoms) {
            FactSide side = FactSide.of(s.getName());
            if (side == FactSide.CLIENT) {
                return 2;
            }
            if (side == FactSide.NETWORK) {
                rank = 1;
            }
        }
        return rank;
    }

    /** Each session with how often it is listed: two lists are the same snapshot when these are equal. */
    private static Map<UserSession, Long> counted(List<UserSession> sessions) {
        Map<UserSession, Long> counts = new HashMap<>();
        sessions.forEach(u -> counts.merge(u, 1L, Long::sum));
        return counts;
    }

    /** Starts a symptom set for code that collects facts itself; values are checked against the bundled vocabulary. */
    public static Builder builder(String host) {
        return new Builder(host, Vocabulary.bundled());
    }

    /** Starts a symptom set whose values are checked against this vocabulary (e.g. the one of an {@code RdpDoctor}). */
    public static Builder builder(String host, Vocabulary vocabulary) {
        return new Builder(host, Objects.requireNonNull(vocabulary, "vocabulary"));
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
         * unknown names are kept with a warning. A name can be given once, as in a symptom file.
         *
         * @throws IllegalArgumentException when a known name gets a value of the wrong type or out of range, or
         *                                  when the name was given before
         */
        public Builder symptom(String name, Object value) {
            Objects.requireNonNull(name, "name");
            if (value == null) {
                throw new IllegalArgumentException("symptom " + name + ": no value (null)");
            }
            if (symptoms.containsKey(name)) {
                throw Symptom.givenTwice(name);
            }
            SymptomDefinition def = vocabulary.find(name);
            Object typed;
            if (def != null) {
                try {
                    typed = def.convert(value);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("symptom " + name + ": " + e.getMessage(), e);
                }
            } else {
                warnings.add("unknown symptom name '" + name + "' (kept and passed to the rules)"
                        + Spelling.hint(name, vocabulary.definitions().stream().map(SymptomDefinition::name)));
                typed = value instanceof Integer i ? Long.valueOf(i) : value;
            }
            symptoms.put(name, new Symptom(name, typed));
            return this;
        }

        public Builder event(HostEvent event) {
            events.add(Objects.requireNonNull(event, "event"));
            return this;
        }

        public Builder session(UserSession session) {
            sessions.add(Objects.requireNonNull(session, "session"));
            return this;
        }

        public Builder warning(String warning) {
            warnings.add(Objects.requireNonNull(warning, "warning"));
            return this;
        }

        public SymptomSet build() {
            return new SymptomSet(source, host, collectedAt, new ArrayList<>(symptoms.values()), events, sessions,
                    warnings, null);
        }
    }
}

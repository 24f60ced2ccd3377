package io.github.rdpdoctor.collectors.windows;

import io.github.rdpdoctor.collectors.CollectorResult;
import io.github.rdpdoctor.symptoms.HostEvent;
import io.github.rdpdoctor.symptoms.SymptomDefinition;
import io.github.rdpdoctor.symptoms.UserSession;
import io.github.rdpdoctor.symptoms.Vocabulary;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What one parser found: symptoms checked against the bundled vocabulary (a value the contract
 * does not accept becomes a warning, never an exception), warnings, host events and sessions.
 * Not thread-safe; one per parse.
 */
public final class WinFacts {
    private final Side side;
    private final String targetHost;
    private final Instant now;
    private final Vocabulary vocabulary = Vocabulary.bundled();
    private final Map<String, Object> symptoms = new LinkedHashMap<>();
    private final List<String> warnings = new ArrayList<>();
    private final List<HostEvent> events = new ArrayList<>();
    private final List<UserSession> sessions = new ArrayList<>();

    /**
     * @param side       which machine the output came from
     * @param targetHost the RDP host the client connects to (client side), or null
     * @param now        the time of collection, for ages and expiry
     */
    public WinFacts(Side side, String targetHost, Instant now) {
        this.side = Objects.requireNonNull(side, "side");
        this.targetHost = targetHost == null || targetHost.isBlank() ? null : targetHost.strip();
        this.now = Objects.requireNonNull(now, "now");
    }

    public Side side() {
        return side;
    }

    /** The RDP host the client connects to, when known. */
    public Optional<String> targetHost() {
        return Optional.ofNullable(targetHost);
    }

    public Instant now() {
        return now;
    }

    /** {@code server.NAME} on the host side, {@code client.NAME} on the client side. */
    public String sided(String name) {
        return side.prefix() + name;
    }

    /**
     * Adds a symptom when the vocabulary accepts the value; otherwise adds a warning naming the value.
     *
     * @return whether the symptom was added
     */
    public boolean put(String name, Object value) {
        if (value == null) {
            return false;
        }
        Object v = value instanceof Integer i ? Long.valueOf(i) : value;
        Optional<SymptomDefinition> def = vocabulary.definition(name);
        if (def.isPresent()) {
            try {
                def.get().convert(v);
            } catch (IllegalArgumentException e) {
                warn(name + ": value " + v + " left out (" + e.getMessage() + ")");
                return false;
            }
        }
        symptoms.put(name, CollectorResult.normalize(name, v));
        return true;
    }

    public void warn(String warning) {
        if (!warnings.contains(warning)) {
            warnings.add(warning);
        }
    }

    public void event(HostEvent e) {
        events.add(e);
    }

    public void session(UserSession s) {
        sessions.add(s);
    }

    public Map<String, Object> symptoms() {
        return symptoms;
    }

    public List<String> warnings() {
        return warnings;
    }

    public List<HostEvent> events() {
        return events;
    }

    public List<UserSession> sessions() {
        return sessions;
    }

    public CollectorResult result() {
        return new CollectorResult(symptoms, warnings, events, sessions);
    }
}

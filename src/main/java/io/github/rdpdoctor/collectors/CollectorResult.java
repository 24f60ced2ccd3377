package io.github.rdpdoctor.collectors;

import io.github.rdpdoctor.symptoms.HostEvent;
import io.github.rdpdoctor.symptoms.UserSession;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What one collector found: symptoms (name to Boolean, Long, Double or String), warnings, and,
 * for collectors that read the RDP host itself, host events and user sessions (empty for most
 * collectors). Integer, Short and Byte values are widened to Long, Float to Double; other types
 * are rejected.
 */
public record CollectorResult(Map<String, Object> symptoms, List<String> warnings, List<HostEvent> events,
                              List<UserSession> sessions) {

    public CollectorResult {
        Map<String, Object> copy = new LinkedHashMap<>();
        if (symptoms != null) {
            symptoms.forEach((k, v) -> copy.put(Objects.requireNonNull(k, "symptom name"), normalize(k, v)));
        }
        symptoms = Collections.unmodifiableMap(copy);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
        events = events == null ? List.of() : List.copyOf(events);
        sessions = sessions == null ? List.of() : List.copyOf(sessions);
    }

    /** Symptoms and warnings only (no events, no sessions). */
    public CollectorResult(Map<String, Object> symptoms, List<String> warnings) {
        this(symptoms, warnings, List.of(), List.of());
    }

    public static CollectorResult empty() {
        return new CollectorResult(Map.of(), List.of());
    }

    public static CollectorResult warning(String warning) {
        return new CollectorResult(Map.of(), List.of(warning));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Converts a value to one of the four symptom value types. */
    public static Object normalize(String name, Object v) {
        if (v instanceof Boolean || v instanceof Long || v instanceof Double || v instanceof String) {
            return v;
        }
        if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return ((Number) v).longValue();
        }
        if (v instanceof Float f) {
            return f.doubleValue();
        }
        throw new IllegalArgumentException("symptom " + name + ": unsupported value "
                + (v == null ? "null" : v.getClass().getName()));
    }

    /** Mutable builder; not thread-safe. */
    public static final class Builder {
        private final Map<String, Object> symptoms = new LinkedHashMap<>();
        private final List<String> warnings = new ArrayList<>();
        private final List<HostEvent> events = new ArrayList<>();
        private final List<UserSession> sessions = new ArrayList<>();

        private Builder() {
        }

        public Builder put(String name, Object value) {
            symptoms.put(name, normalize(name, value));
            return this;
        }

        public Builder putAll(Map<String, Object> more) {
            more.forEach(this::put);
            return this;
        }

        public Builder warn(String warning) {
            warnings.add(warning);
            return this;
        }

        /** Adds a Windows event seen on the RDP host. */
        public Builder event(HostEvent event) {
            events.add(Objects.requireNonNull(event, "event"));
            return this;
        }

        /** Adds a session on the RDP host. */
        public Builder session(UserSession session) {
            sessions.add(Objects.requireNonNull(session, "session"));
            return this;
        }

        public boolean has(String name) {
            return symptoms.containsKey(name);
        }

        /** The symptom's value so far, or null. */
        public Object get(String name) {
            return symptoms.get(name);
        }

        public CollectorResult build() {
            return new CollectorResult(symptoms, warnings, events, sessions);
        }
    }
}

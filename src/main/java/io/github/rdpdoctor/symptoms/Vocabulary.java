package io.github.rdpdoctor.symptoms;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The known symptom names with their types and ranges, read from {@code kb/symptoms.yaml}
 * (packaged in the jar as {@code rdp-doctor/kb/symptoms.yaml}). Each entry has {@code type} and optionally
 * {@code min}, {@code max}, {@code values}, {@code description} and {@code extension: true} (a name added by
 * rdp-doctor beyond symptom contract v1, see {@link SymptomDefinition#extension()}). Immutable.
 */
public final class Vocabulary {
    /** Classpath location of the bundled vocabulary. */
    public static final String RESOURCE = "rdp-doctor/kb/symptoms.yaml";

    /** A Windows event id the rules know. */
    public record KnownEvent(int id, String source, String pointsAt) {
    }

    private static final class Bundled {
        static final Vocabulary INSTANCE = load();

        private static Vocabulary load() {
            try (InputStream in = Vocabulary.class.getClassLoader().getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("bundled vocabulary " + RESOURCE + " is missing from the classpath");
                }
                return parse(in, RESOURCE);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private final Map<String, SymptomDefinition> definitions;
    private final List<KnownEvent> events;

    private Vocabulary(Map<String, SymptomDefinition> definitions, List<KnownEvent> events) {
        this.definitions = Collections.unmodifiableMap(new LinkedHashMap<>(definitions));
        this.events = List.copyOf(events);
    }

    /** The vocabulary shipped with rdp-doctor (loaded once). */
    public static Vocabulary bundled() {
        return Bundled.INSTANCE;
    }

    /**
     * Reads a vocabulary in the format of {@code kb/symptoms.yaml}.
     *
     * @throws IOException when the stream cannot be read or the document is not a vocabulary; the message names
     *                     {@code sourceName} (and the line of a YAML syntax error)
     */
    public static Vocabulary parse(InputStream in, String sourceName) throws IOException {
        JsonNode root = YamlDocument.read(in, sourceName);
        if (root == null || !root.path("symptoms").isObject()) {
            throw new IOException(sourceName + ": no 'symptoms' map");
        }
        Map<String, SymptomDefinition> defs = new LinkedHashMap<>();
        var fields = root.path("symptoms").fields();
        while (fields.hasNext()) {
            var e = fields.next();
            JsonNode d = e.getValue();
            SymptomType type;
            try {
                type = SymptomType.valueOf(d.path("type").asText().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException ex) {
                throw new IOException(sourceName + ": symptom " + e.getKey() + " has unknown type '" + d.path("type").asText() + "'");
            }
            List<String> values = new ArrayList<>();
            d.path("values").forEach(v -> values.add(v.asText()));
            if (type == SymptomType.ENUM && values.isEmpty()) {
                throw new IOException(sourceName + ": enum symptom " + e.getKey() + " lists no values");
            }
            double min = bound(d, "min", e.getKey(), sourceName);
            double max = bound(d, "max", e.getKey(), sourceName);
            JsonNode ext = d.path("extension");
            if (!ext.isMissingNode() && !ext.isBoolean()) {
                throw new IOException(sourceName + ": symptom " + e.getKey() + ": 'extension' must be true or false, got '"
                        + ext.asText() + "'");
            }
            defs.put(e.getKey(), new SymptomDefinition(e.getKey(), type, min, max, values, d.path("description").asText(""),
                    ext.asBoolean(false)));
        }
        List<KnownEvent> events = new ArrayList<>();
        root.path("events").forEach(ev -> events.add(
                new KnownEvent(ev.path("id").asInt(), ev.path("source").asText(""), ev.path("points_at").asText(""))));
        return new Vocabulary(defs, events);
    }

    /** {@code min} or {@code max} of a definition, NaN when absent; anything but a number would silently be 0. */
    private static double bound(JsonNode definition, String key, String name, String sourceName) throws IOException {
        JsonNode v = definition.get(key);
        if (v == null || v.isNull()) {
            return Double.NaN;
        }
        if (!v.isNumber()) {
            throw new IOException(sourceName + ": symptom " + name + ": '" + key + "' must be a number, got '" + v.asText() + "'");
        }
        return v.asDouble();
    }

    public Optional<SymptomDefinition> definition(String name) {
        return Optional.ofNullable(definitions.get(name));
    }

    /** Definition or null; for hot paths. */
    SymptomDefinition find(String name) {
        return definitions.get(name);
    }

    public Collection<SymptomDefinition> definitions() {
        return definitions.values();
    }

    public List<KnownEvent> events() {
        return events;
    }
}

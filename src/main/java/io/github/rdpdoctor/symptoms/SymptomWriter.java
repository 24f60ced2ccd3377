package io.github.rdpdoctor.symptoms;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a {@link SymptomSet} as a contract symptom file ({@code rdp-symptoms/v1}) that {@link SymptomLoader}
 * reads back to the same facts: {@code schema}, {@code host}, {@code collected_at}, the {@code symptoms} map
 * (hex codes as {@code "0x904"}), and {@code events} / {@code sessions} when there are any. Warnings are not part
 * of the contract; YAML output can carry them as comments. Thread-safe.
 */
public final class SymptomWriter {

    /** File formats, chosen by file name. */
    public enum Format {
        YAML, JSON;

        /** YAML for {@code .yaml}/{@code .yml}, JSON for {@code .json}. */
        public static Format of(Path file) {
            String n = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
            if (n.endsWith(".yaml") || n.endsWith(".yml")) {
                return YAML;
            }
            if (n.endsWith(".json")) {
                return JSON;
            }
            throw new IllegalArgumentException("cannot tell the format of '" + file
                    + "': name it .yaml, .yml or .json");
        }
    }

    private static final ObjectMapper YAML_MAPPER = new ObjectMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER).build());
    private static final ObjectMapper JSON_MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private SymptomWriter() {
    }

    /** The document as YAML, with each comment line (if any) as a {@code #} line at the top. */
    public static String toYaml(SymptomSet set, List<String> comments) {
        StringBuilder sb = new StringBuilder();
        for (String c : comments) {
            for (String line : c.split("\\R")) {
                sb.append("# ").append(line).append('\n');
            }
        }
        try {
            return sb.append(YAML_MAPPER.writeValueAsString(document(set))).toString();
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The document as indented JSON. */
    public static String toJson(SymptomSet set) {
        try {
            return JSON_MAPPER.writeValueAsString(document(set)) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes the file in the format its name asks for (see {@link Format#of}); YAML gets the comments.
     *
     * @throws IllegalArgumentException when the name ends neither in .yaml, .yml nor .json
     */
    public static void write(SymptomSet set, Path file, List<String> comments) throws IOException {
        String text = Format.of(file) == Format.YAML ? toYaml(set, comments) : toJson(set);
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    /** The contract document as ordered maps and lists. */
    static Map<String, Object> document(SymptomSet set) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("schema", SymptomLoader.SCHEMA);
        doc.put("host", set.host());
        if (set.collectedAt() != null) {
            doc.put("collected_at", set.collectedAt());
        }
        Map<String, Object> symptoms = new LinkedHashMap<>();
        for (Symptom s : set.symptoms()) {
            Object v = s.getValue();
            symptoms.put(s.getName(), v instanceof HexCode h ? h.toString() : v);
        }
        doc.put("symptoms", symptoms);
        if (!set.events().isEmpty()) {
            List<Map<String, Object>> events = new ArrayList<>();
            for (HostEvent e : set.events()) {
                Map<String, Object> m = new LinkedHashMap<>();
                putText(m, "log", e.getLog());
                putText(m, "source", e.getSource());
                m.put("id", e.getId());
                putText(m, "time", e.getTime());
                putText(m, "message", e.getMessage());
                events.add(m);
            }
            doc.put("events", events);
        }
        if (set.sessionsListed()) {
            List<Map<String, Object>> sessions = new ArrayList<>();
            for (UserSession u : set.sessions()) {
                Map<String, Object> m = new LinkedHashMap<>();
                putText(m, "user", u.getUser());
                m.put("state", u.getState());
                if (u.getIdleMinutes() >= 0) {
                    m.put("idle_minutes", u.getIdleMinutes());
                }
                sessions.add(m);
            }
            doc.put("sessions", sessions);
        }
        return doc;
    }

    private static void putText(Map<String, Object> m, String key, String value) {
        if (value != null && !value.isEmpty()) {
            m.put(key, value);
        }
    }
}

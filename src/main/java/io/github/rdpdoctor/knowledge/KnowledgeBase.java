package io.github.rdpdoctor.knowledge;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.rdpdoctor.symptoms.YamlDocument;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The causes rdp-doctor knows, with remediation and sources, read from {@code kb/causes.yaml}
 * (in the jar as {@code rdp-doctor/kb/causes.yaml}). Immutable.
 */
public final class KnowledgeBase {
    /** Classpath location of the bundled knowledge base. */
    public static final String RESOURCE = "rdp-doctor/kb/causes.yaml";

    private final Map<String, Cause> causes;

    private KnowledgeBase(Map<String, Cause> causes) {
        this.causes = Collections.unmodifiableMap(new LinkedHashMap<>(causes));
    }

    /** The knowledge base shipped with rdp-doctor. */
    public static KnowledgeBase bundled() {
        try (InputStream in = KnowledgeBase.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("bundled knowledge base " + RESOURCE + " is missing from the classpath");
            }
            return parse(in, RESOURCE);
        } catch (IOException e) {
            throw new IllegalStateException("bundled knowledge base " + RESOURCE + " is unreadable: " + e.getMessage(), e);
        }
    }

    /**
     * Reads causes in the format of {@code kb/causes.yaml}; checks that every cause has a title and remediation.
     *
     * @throws IOException when the stream cannot be read or the document is not a knowledge base; the message names
     *                     {@code sourceName} (and the line of a YAML syntax error)
     */
    public static KnowledgeBase parse(InputStream in, String sourceName) throws IOException {
        JsonNode root = YamlDocument.read(in, sourceName);
        if (root == null || !root.path("causes").isArray()) {
            throw new IOException(sourceName + ": no 'causes' list");
        }
        Map<String, Cause> causes = new LinkedHashMap<>();
        for (JsonNode c : root.path("causes")) {
            String id = c.path("id").asText("");
            if (id.isEmpty()) {
                throw new IOException(sourceName + ": a cause has no id");
            }
            List<RemediationStep> steps = new ArrayList<>();
            for (JsonNode s : c.path("remediation")) {
                if (s.path("text").asText("").isBlank()) {
                    throw new IOException(sourceName + ": cause " + id + ": remediation step " + (steps.size() + 1)
                            + " has no text (every step says what to do; 'command' and 'caution' are optional)");
                }
                steps.add(new RemediationStep(s.path("text").asText(),
                        s.hasNonNull("command") ? s.get("command").asText() : null,
                        s.hasNonNull("caution") ? s.get("caution").asText() : null));
            }
            List<String> sources = new ArrayList<>();
            c.path("sources").forEach(s -> sources.add(s.asText()));
            if (c.path("title").asText("").isEmpty() || steps.isEmpty()) {
                throw new IOException(sourceName + ": cause " + id + " needs a title and at least one remediation step");
            }
            if (causes.put(id, new Cause(id, c.path("title").asText(), c.path("explanation").asText(""), steps, sources)) != null) {
                throw new IOException(sourceName + ": cause " + id + " is listed twice");
            }
        }
        return new KnowledgeBase(causes);
    }

    public Optional<Cause> cause(String id) {
        return Optional.ofNullable(causes.get(id));
    }

    /** All causes in file order. */
    public Collection<Cause> causes() {
        return causes.values();
    }
}

package io.github.rdpdoctor.symptoms;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads the knowledge files ({@code kb/symptoms.yaml}, {@code kb/causes.yaml} and their replacements) as a YAML tree.
 * A document the parser refuses is an {@link IOException} whose message names the source and line,
 * {@code NAME:LINE: malformed YAML: what is wrong}, not the parser's own exception.
 */
public final class YamlDocument {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private YamlDocument() {
    }

    /**
     * The document's tree, or null when it is empty.
     *
     * @param sourceName the name problems are reported under (usually the file name)
     * @throws IOException when the stream cannot be read or the document is not YAML
     */
    public static JsonNode read(InputStream in, String sourceName) throws IOException {
        try {
            return YAML.readTree(in);
        } catch (JsonProcessingException e) {
            throw malformed(sourceName, e);
        }
    }

    private static IOException malformed(String sourceName, JsonProcessingException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof MarkedYAMLException y && y.getProblemMark() != null) {
                String context = y.getContext() == null ? "" : y.getContext() + ": ";
                // at the end of the stream, the place to look is where the unfinished thing began (an open quote)
                boolean atEnd = y.getProblem() != null && y.getProblem().contains("end of stream") && y.getContextMark() != null;
                int line = (atEnd ? y.getContextMark() : y.getProblemMark()).getLine() + 1;
                return new IOException(sourceName + ":" + line + ": malformed YAML: " + context + y.getProblem(), e);
            }
        }
        int line = e.getLocation() == null ? 0 : Math.max(e.getLocation().getLineNr(), 0);
        String message = e.getOriginalMessage() == null ? "unreadable document" : e.getOriginalMessage().lines().findFirst().orElse("");
        return new IOException(sourceName + (line > 0 ? ":" + line : "") + ": malformed YAML: " + message, e);
    }
}

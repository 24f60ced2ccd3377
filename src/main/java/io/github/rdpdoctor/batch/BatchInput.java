package io.github.rdpdoctor.batch;

import io.github.rdpdoctor.symptoms.SymptomLoader;
import java.nio.file.Path;

/**
 * One input of a batch: a symptom file, or one line of a JSON Lines stream.
 *
 * @param name    reported as "file" in the output line (a path, or {@code <stdin>:LINE})
 * @param path    the file to read in a worker thread, or null
 * @param content the document itself (stdin lines), or null
 * @param problem set when the input cannot be read at all (e.g. no such file); the line reports it
 */
public record BatchInput(String name, Path path, byte[] content, String problem) {
    public static BatchInput file(Path p) {
        return new BatchInput(p.toString(), p, null, null);
    }

    public static BatchInput line(String name, byte[] content) {
        return new BatchInput(name, null, content, null);
    }

    public static BatchInput broken(String name, String problem) {
        return new BatchInput(name, null, null, problem);
    }

    /** The document: at most {@link SymptomLoader#MAX_BYTES} bytes are read from a file (a bigger one is an error). */
    byte[] read() {
        return content != null ? content : SymptomLoader.read(path);
    }
}

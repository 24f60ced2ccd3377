package io.github.rdpdoctor.cli;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * The process's standard output: a UTF-8 {@link PrintWriter} for what commands print, and the byte stream under
 * it for {@code batch}, whose lines are UTF-8 already (writing them as characters would decode and encode each
 * line again).
 */
final class StandardOutput extends PrintWriter {
    private final OutputStream bytes;

    private StandardOutput(BufferedOutputStream bytes) {
        super(new OutputStreamWriter(bytes, StandardCharsets.UTF_8));
        this.bytes = bytes;
    }

    static StandardOutput of(OutputStream out) {
        return new StandardOutput(new BufferedOutputStream(out, 1 << 16));
    }

    /** The byte stream under this writer, once what was printed so far has gone into it. */
    OutputStream bytes() {
        flush();
        return bytes;
    }
}

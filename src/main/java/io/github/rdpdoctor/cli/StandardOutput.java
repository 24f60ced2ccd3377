package io.github.rdpdoctor.cli;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
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
    private final Watched sink;

    private StandardOutput(Watched sink) {
        this(new BufferedOutputStream(sink, 1 << 16), sink);
    }

    private StandardOutput(BufferedOutputStream bytes, Watched sink) {
        super(new OutputStreamWriter(bytes, StandardCharsets.UTF_8));
        this.bytes = bytes;
        this.sink = sink;
    }

    static StandardOutput of(OutputStream out) {
        return new StandardOutput(new Watched(out));
    }

    /** Why the first failed write failed ("No space left on device", "Broken pipe"); null while none has. */
    String failure() {
        return sink.failure == null ? null : sink.failure.getMessage();
    }

    /** Keeps the first failure of the stream, which a {@link PrintWriter} only reports as {@code checkError()}. */
    private static final class Watched extends FilterOutputStream {
        private IOException failure;

        Watched(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            try {
                out.write(b, off, len);
            } catch (IOException e) {
                throw kept(e);
            }
        }

        @Override
        public void write(int b) throws IOException {
            try {
                out.write(b);
            } catch (IOException e) {
                throw kept(e);
            }
        }

        @Override
        public void flush() throws IOException {
            try {
                out.flush();
            } catch (IOException e) {
                throw kept(e);
            }
        }

        private IOException kept(IOException e) {
            if (failure == null) {
                failure = e;
            }
            return e;
        }
    }

    /** The byte stream under this writer, once what was printed so far has gone into it. */
    OutputStream bytes() {
        flush();
        return bytes;
    }
}

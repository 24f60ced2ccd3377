package io.github.rdpdoctor.collectors.windows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * Runs commands with {@link ProcessBuilder}: standard input closed, standard output and error read
 * on their own threads (so a chatty command cannot block on a full pipe), killed with its child
 * processes when the timeout passes. Output beyond {@value #MAX_OUTPUT} bytes per stream is dropped.
 * Thread-safe.
 */
public final class ProcessCommandRunner implements CommandRunner {

    /** Bytes kept of each output stream. */
    public static final int MAX_OUTPUT = 8 << 20;

    @Override
    public CommandResult run(List<String> command, Duration timeout) throws IOException, InterruptedException {
        Objects.requireNonNull(command, "command");
        if (command.isEmpty()) {
            throw new IllegalArgumentException("empty command");
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive: " + timeout);
        }
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.redirectInput(ProcessBuilder.Redirect.PIPE);
        Process p = pb.start();
        p.getOutputStream().close();
        Drain out = new Drain(p.getInputStream(), "stdout");
        Drain err = new Drain(p.getErrorStream(), "stderr");
        out.start();
        err.start();
        boolean finished;
        try {
            finished = p.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            kill(p);
            throw e;
        }
        if (!finished) {
            kill(p);
        }
        // the streams end when the process (and any child holding them) is gone
        out.join(2000);
        err.join(2000);
        int code = finished ? p.exitValue() : -1;
        return new CommandResult(code, out.text(), err.text(), !finished);
    }

    private static void kill(Process p) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        try {
            p.waitFor(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Reads one stream to its end on a daemon thread. */
    private static final class Drain extends Thread {
        private final InputStream in;
        private final ByteArrayOutputStream buf = new ByteArrayOutputStream();

        Drain(InputStream in, String what) {
            super("rdp-doctor-command-" + what);
            this.in = in;
            setDaemon(true);
        }

        @Override
        public void run() {
            byte[] chunk = new byte[8192];
            try (in) {
                int n;
                while ((n = in.read(chunk)) >= 0) {
                    synchronized (buf) {
                        int room = MAX_OUTPUT - buf.size();
                        if (room > 0) {
                            buf.write(chunk, 0, Math.min(n, room));
                        }
                    }
                }
            } catch (IOException ignored) {
                // the process was killed: keep what was read
            }
        }

        /** UTF-8; bytes that are not UTF-8 (a native program writing in the OEM code page) are read as IBM850. */
        String text() {
            byte[] bytes;
            synchronized (buf) {
                bytes = buf.toByteArray();
            }
            try {
                return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
            } catch (java.nio.charset.CharacterCodingException e) {
                java.nio.charset.Charset oem = java.nio.charset.Charset.isSupported("IBM850")
                        ? java.nio.charset.Charset.forName("IBM850") : StandardCharsets.ISO_8859_1;
                return new String(bytes, oem);
            }
        }
    }
}

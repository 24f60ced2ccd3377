package io.github.rdpdoctor.collectors.network;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;

/**
 * Bounded reads from a socket: every read has a timeout (the smaller of the I/O timeout and the
 * time left before the deadline), so a peer that trickles bytes cannot hold a probe past its
 * deadline.
 */
final class Wire {
    private final Socket socket;
    private final InputStream in;
    private final Duration ioTimeout;
    private final long deadlineNanos;
    private long bytesRead;

    /** @param socket the socket whose read timeout to set before each read; null for a plain stream */
    Wire(Socket socket, InputStream in, Duration ioTimeout, long deadlineNanos) {
        this.socket = socket;
        this.in = in;
        this.ioTimeout = ioTimeout;
        this.deadlineNanos = deadlineNanos;
    }

    /** Bytes read so far through this wire. */
    long bytesRead() {
        return bytesRead;
    }

    /**
     * Reads exactly {@code len} bytes.
     *
     * @throws EOFException when the peer closes first
     * @throws SocketTimeoutException "no answer within N ms" (or "answer incomplete after ...") when a read times out
     */
    void readFully(byte[] buf, int off, int len) throws IOException {
        int done = 0;
        while (done < len) {
            long left = deadlineNanos - System.nanoTime();
            if (left <= 0) {
                throw new SocketTimeoutException("deadline reached after " + bytesRead + " bytes");
            }
            long ms = Math.max(1, Math.min(ioTimeout.toMillis(), (left + 999_999) / 1_000_000));
            if (socket != null) {
                socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, ms));
            }
            int n;
            try {
                n = in.read(buf, off + done, len - done);
            } catch (SocketTimeoutException e) {
                throw new SocketTimeoutException(bytesRead == 0 ? "no answer within " + ms + " ms"
                        : "answer incomplete after " + bytesRead + " bytes: nothing more within " + ms + " ms");
            }
            if (n < 0) {
                throw new EOFException("peer closed the connection after " + bytesRead + " bytes");
            }
            done += n;
            bytesRead += n;
        }
    }

    byte[] readFully(int len) throws IOException {
        byte[] b = new byte[len];
        readFully(b, 0, len);
        return b;
    }
}

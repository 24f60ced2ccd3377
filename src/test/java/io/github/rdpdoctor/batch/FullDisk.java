package io.github.rdpdoctor.batch;

import java.io.IOException;
import java.io.OutputStream;

/** Tests: an output that stands for a full disk. */
public final class FullDisk {
    private FullDisk() {
    }

    /** Takes {@code room} bytes, then every write fails with "No space left on device". */
    public static OutputStream after(int room) {
        return new OutputStream() {
            int written;

            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                if (written + len > room) {
                    throw new IOException("No space left on device");
                }
                written += len;
            }
        };
    }
}

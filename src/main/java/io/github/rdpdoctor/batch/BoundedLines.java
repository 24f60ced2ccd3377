package io.github.rdpdoctor.batch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * The lines of a byte stream, ended by \n or \r\n (a last line may lack it). At most {@code max} bytes of a line
 * are kept: the rest of a longer line is read and dropped, so memory stays bounded however long it is (a file without
 * line ends, a binary file given by mistake). Used for JSON Lines on standard input, batch result files (report), osquery results logs and
 * probe --hosts files.
 */
public final class BoundedLines {
    private final InputStream in;
    private final int max;
    private final byte[] buf = new byte[1 << 16];
    private int pos;
    private int end;
    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
    private byte[] line;
    private byte[] head;
    private long length;
    private boolean ended;

    /** Lines of {@code in}, each kept when it has at most {@code max} bytes. */
    public BoundedLines(InputStream in, int max) {
        this.in = in;
        this.max = max;
    }

    /** Reads the next line; false at the end of the stream. */
    public boolean next() throws IOException {
        kept.reset();
        length = 0;
        ended = false;
        boolean any = false;
        while (true) {
            if (pos == end) {
                int n = in.read(buf);
                if (n < 0) {
                    if (!any) {
                        return false;
                    }
                    break;
                }
                pos = 0;
                end = n;
                continue;
            }
            any = true;
            int stop = pos;
            while (stop < end && buf[stop] != '\n') {
                stop++;
            }
            int room = (int) Math.max(0, Math.min(stop - pos, max + 1L - length));
            kept.write(buf, pos, room); // one byte over the limit tells a line that is too long
            length += stop - pos;
            pos = stop;
            if (stop < end) {
                pos++; // the \n
                ended = true;
                break;
            }
        }
        byte[] bytes = kept.toByteArray();
        if (length <= max + 1L && bytes.length > 0 && bytes[bytes.length - 1] == '\r') {
            bytes = Arrays.copyOf(bytes, bytes.length - 1);
            length--;
        }
        head = bytes;
        line = length <= max ? bytes : null;
        return true;
    }

    /** The line's bytes without its end, or null when it was longer than the limit. */
    public byte[] line() {
        return line;
    }

    /** The line's first bytes (at most {@code max + 1}), also when it was too long to keep: for a message naming it. */
    public byte[] head() {
        return head;
    }

    /** The line's length in bytes (also when it was too long to keep). */
    public long length() {
        return length;
    }

    /** Whether the line ended with '\n'; only the last line of a stream may not (cut off, or still being written). */
    public boolean ended() {
        return ended;
    }
}

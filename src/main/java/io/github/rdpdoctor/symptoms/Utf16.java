package io.github.rdpdoctor.symptoms;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackInputStream;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Symptom text in UTF-16, as Windows writes it: Windows PowerShell 5.1's {@code >} and {@code Out-File} write UTF-16LE
 * with a byte order mark; .NET's {@code UnicodeEncoding} without one. Found by the first four bytes only: a byte order
 * mark, or (without one) two ASCII characters with a NUL byte beside each, as a YAML or JSON document starts
 * (a brace and a quote, {@code ho} of {@code host:}, {@code # }) and UTF-8 text never does. Everything else is left to be read as UTF-8.
 */
public final class Utf16 {
    private Utf16() {
    }

    /** UTF-16LE or UTF-16BE when the first {@code n} bytes of {@code c} start like UTF-16 text, else null. */
    public static Charset charset(byte[] c, int n) {
        if (n < 2) {
            return null;
        }
        if (c[0] == (byte) 0xFF && c[1] == (byte) 0xFE) {
            return StandardCharsets.UTF_16LE;
        }
        if (c[0] == (byte) 0xFE && c[1] == (byte) 0xFF) {
            return StandardCharsets.UTF_16BE;
        }
        if (n < 4) {
            return null;
        }
        if (c[1] == 0 && c[3] == 0 && c[0] > 0 && c[2] > 0) { // ASCII then NUL, twice
            return StandardCharsets.UTF_16LE;
        }
        if (c[0] == 0 && c[2] == 0 && c[1] > 0 && c[3] > 0) {
            return StandardCharsets.UTF_16BE;
        }
        return null;
    }

    /** Whether {@code c} starts with a UTF-16 byte order mark (FF FE or FE FF). */
    public static boolean hasByteOrderMark(byte[] c, int n) {
        return n >= 2 && (c[0] == (byte) 0xFF && c[1] == (byte) 0xFE || c[0] == (byte) 0xFE && c[1] == (byte) 0xFF);
    }

    /**
     * A stream of UTF-8 bytes: {@code in} itself, or, when it starts like UTF-16 text ({@link #charset}), its text
     * re-encoded as UTF-8 without the byte order mark. Lines can then be split at '\n' bytes (in UTF-16 a line end is two
     * bytes, and splitting there leaves a NUL at the start of every next line). Bytes that are not UTF-16 text (a broken
     * surrogate pair, an odd last byte) become a NUL byte, which the loader refuses as binary data in the document (the
     * line) that holds it, never a replacement character passed on as text.
     *
     * @throws IOException when the first bytes cannot be read
     */
    public static InputStream asUtf8(InputStream in) throws IOException {
        byte[] start = in.readNBytes(4);
        PushbackInputStream all = new PushbackInputStream(in, 4);
        all.unread(start);
        Charset cs = charset(start, start.length);
        if (cs == null) {
            return all;
        }
        if (hasByteOrderMark(start, start.length)) {
            all.skipNBytes(2);
        }
        return new Utf8Bytes(new InputStreamReader(all, cs.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE).replaceWith("\u0000")));
    }

    /** The characters of a reader as UTF-8 bytes; a surrogate pair split between two reads is kept together. */
    private static final class Utf8Bytes extends InputStream {
        private final Reader reader;
        private final char[] chars = new char[8192];
        private int carried; // a high surrogate held back from the last read, at chars[0]
        private byte[] bytes = new byte[0];
        private int pos;
        private boolean end;

        Utf8Bytes(Reader reader) {
            this.reader = reader;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            while (pos == bytes.length) {
                if (!fill()) {
                    return -1;
                }
            }
            int n = Math.min(len, bytes.length - pos);
            System.arraycopy(bytes, pos, b, off, n);
            pos += n;
            return n;
        }

        private boolean fill() throws IOException {
            if (end) {
                return false;
            }
            int n = reader.read(chars, carried, chars.length - carried);
            int total = carried + Math.max(n, 0);
            end = n < 0;
            int use = !end && total > 0 && Character.isHighSurrogate(chars[total - 1]) ? total - 1 : total;
            bytes = new String(chars, 0, use).getBytes(StandardCharsets.UTF_8);
            pos = 0;
            carried = total - use;
            if (carried > 0) {
                chars[0] = chars[use];
            }
            return !end || bytes.length > 0;
        }

        @Override
        public void close() throws IOException {
            reader.close();
        }
    }
}

package io.github.rdpdoctor.symptoms;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** Files that must be UTF-8 text (symptom files, rule files): where one is not, and what to tell the person. */
public final class Utf8 {
    private Utf8() {
    }

    /** Offset of the first byte that is not part of valid UTF-8, or -1. */
    public static int firstInvalid(byte[] content) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(content);
        CharBuffer out = CharBuffer.allocate(4096);
        while (true) {
            CoderResult r = decoder.decode(in, out, true);
            if (r.isError()) {
                return in.position();
            }
            if (r.isUnderflow()) {
                return -1;
            }
            out.clear();
        }
    }

    /** The problem with the byte at {@code offset}, found by {@link #firstInvalid}. */
    public static String notUtf8(byte[] content, int offset) {
        return String.format(Locale.ROOT, "not UTF-8 text (byte 0x%02X at offset %d): a binary file, or text in another"
                + " encoding; save it as UTF-8", content[offset] & 0xff, offset);
    }
}

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

    /**
     * The problem with the byte at {@code offset}, found by {@link #firstInvalid}. When the byte is a letter in
     * Windows-1252 (the ANSI code page of Western European and American Windows, e.g. 0xFC 'ü'), the message says so.
     */
    public static String notUtf8(byte[] content, int offset) {
        int b = content[offset] & 0xff;
        String ansi = b >= 0x80 && java.nio.charset.Charset.isSupported("windows-1252")
                ? new String(content, offset, 1, java.nio.charset.Charset.forName("windows-1252")) : "";
        String letter = ansi.length() == 1 && Character.isLetter(ansi.charAt(0)) ? ", '" + ansi + "' in Windows-1252" : "";
        return String.format(Locale.ROOT, "not UTF-8 text (byte 0x%02X at offset %d%s): a binary file, or text in another"
                + " encoding; save it as UTF-8", b, offset, letter);
    }
}

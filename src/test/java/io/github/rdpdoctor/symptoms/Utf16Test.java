package io.github.rdpdoctor.symptoms;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Utf16Test {
    private static byte[] utf8Of(byte[] stream) throws IOException {
        try (InputStream in = Utf16.asUtf8(new ByteArrayInputStream(stream))) {
            return in.readAllBytes();
        }
    }

    private static byte[] withMark(byte b0, byte b1, byte[] body) {
        byte[] all = new byte[body.length + 2];
        all[0] = b0;
        all[1] = b1;
        System.arraycopy(body, 0, all, 2, body.length);
        return all;
    }

    @Test
    void theFirstFourBytesTellUtf16() {
        assertEquals(StandardCharsets.UTF_16LE, Utf16.charset(new byte[] {(byte) 0xFF, (byte) 0xFE}, 2));
        assertEquals(StandardCharsets.UTF_16BE, Utf16.charset(new byte[] {(byte) 0xFE, (byte) 0xFF}, 2));
        assertEquals(StandardCharsets.UTF_16LE, Utf16.charset("{\"".getBytes(StandardCharsets.UTF_16LE), 4));
        assertEquals(StandardCharsets.UTF_16BE, Utf16.charset("ho".getBytes(StandardCharsets.UTF_16BE), 4));
        assertNull(Utf16.charset("host: h\n".getBytes(StandardCharsets.UTF_8), 8));
        assertNull(Utf16.charset(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '{'}, 4)); // UTF-8 with a mark
        assertNull(Utf16.charset(new byte[] {'h', 0, 0, 0}, 4));
        assertNull(Utf16.charset(new byte[] {'{', 0, '"'}, 3));
        assertNull(Utf16.charset(new byte[0], 0));
    }

    @Test
    void aUtf16StreamBecomesUtf8AndOthersPassUnchanged() throws IOException {
        // long enough that a surrogate pair (an emoji) falls on the boundary of the 8,192-character reads somewhere
        StringBuilder text = new StringBuilder();
        for (int i = 0; text.length() < 40_000; i++) {
            text.append("{\"host\": \"h").append(i).append("\", \"symptoms\": {\"client.user\": \"j\u00fcrgen \uD83D\uDE00\"}}\r\n");
        }
        String t = text.toString();
        byte[] utf8 = t.getBytes(StandardCharsets.UTF_8);
        for (Charset cs : new Charset[] {StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE}) {
            assertArrayEquals(utf8, utf8Of(t.getBytes(cs)), cs + " without a mark");
            byte[] body = t.getBytes(cs);
            byte[] marked = cs == StandardCharsets.UTF_16LE ? withMark((byte) 0xFF, (byte) 0xFE, body) : withMark((byte) 0xFE, (byte) 0xFF, body);
            assertArrayEquals(utf8, utf8Of(marked), cs + " with a mark");
        }
        assertArrayEquals(utf8, utf8Of(utf8));
        byte[] latin1 = "host: J\u00fcrgen\n".getBytes(StandardCharsets.ISO_8859_1);
        assertArrayEquals(latin1, utf8Of(latin1));
        assertArrayEquals(new byte[] {'a'}, utf8Of(new byte[] {'a'}));
        assertArrayEquals(new byte[0], utf8Of(new byte[0]));
    }

    @Test
    void whatIsNotUtf16TextBecomesANulNeverAReplacementCharacter() throws IOException {
        // a high surrogate without its low one (taken with the character after it), and an odd last byte; the line end
        // between them stays, so only the lines that hold them are refused
        byte[] broken = withMark((byte) 0xFF, (byte) 0xFE, new byte[] {'a', 0, 0, (byte) 0xD8, 'b', 0, '\n', 0, 'c'});
        assertEquals("a\0\n\0", new String(utf8Of(broken), StandardCharsets.UTF_8));
    }
}

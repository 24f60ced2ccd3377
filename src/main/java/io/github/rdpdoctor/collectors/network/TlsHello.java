package io.github.rdpdoctor.collectors.network;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A provider-independent look at a TLS server: builds a ClientHello offering TLS 1.0 to 1.3 (or
 * up to a given version) and reads the server's first flight: ServerHello (the version the server
 * picked) and, for TLS 1.2 and older, the plaintext Certificate message. It never completes a
 * handshake, so it needs nothing from the JDK's TLS configuration (which disables TLS 1.0/1.1).
 *
 * <p>Parsing is bounded: records over 18,432 bytes, handshake messages over 64 KiB and flights
 * over 128 KiB are rejected with {@link MalformedMessageException}.
 */
public final class TlsHello {
    public static final int TLS10 = 0x0301;
    public static final int TLS11 = 0x0302;
    public static final int TLS12 = 0x0303;
    public static final int TLS13 = 0x0304;

    static final int MAX_RECORD = 16384 + 2048;
    static final int MAX_HANDSHAKE_MESSAGE = 64 * 1024;
    static final int MAX_FLIGHT = 128 * 1024;

    private static final byte[] HRR_RANDOM = hex(
            "CF21AD74E59A6111BE1D8C021E65B891C2A211167ABB8C5E079E09E2C8A8339C");

    private static final int[] CIPHER_SUITES = {
        0x1301, 0x1302, 0x1303, // TLS 1.3
        0xC02B, 0xC02F, 0xC02C, 0xC030, 0xCCA9, 0xCCA8, // ECDHE AEAD
        0xC009, 0xC013, 0xC00A, 0xC014, // ECDHE CBC
        0x009C, 0x009D, 0x009E, 0x009F, // RSA/DHE GCM
        0x002F, 0x0035, 0x0033, 0x0039, 0x003C, 0x003D, // CBC
        0x000A, 0x0005, 0x0004, // 3DES, RC4: only so that ancient hosts answer
        0x00FF // renegotiation SCSV
    };

    private TlsHello() {
    }

    /** What the server sent back. */
    public record Flight(int version, int cipherSuite, boolean helloRetryRequest, byte[] leafCertificate, int alert) {
        /** No alert. */
        public static final int NO_ALERT = -1;

        public boolean isAlert() {
            return alert != NO_ALERT;
        }
    }

    /** RFC 8446 / 5246 alert description name, e.g. 70 to {@code protocol_version}. */
    public static String alertName(int code) {
        return switch (code) {
            case 0 -> "close_notify";
            case 10 -> "unexpected_message";
            case 20 -> "bad_record_mac";
            case 22 -> "record_overflow";
            case 40 -> "handshake_failure";
            case 42 -> "bad_certificate";
            case 47 -> "illegal_parameter";
            case 50 -> "decode_error";
            case 51 -> "decrypt_error";
            case 70 -> "protocol_version";
            case 71 -> "insufficient_security";
            case 80 -> "internal_error";
            case 86 -> "inappropriate_fallback";
            case 90 -> "user_canceled";
            case 109 -> "missing_extension";
            case 110 -> "unsupported_extension";
            case 112 -> "unrecognized_name";
            default -> "alert_" + code;
        };
    }

    /** Symptom value for a wire version: 1.0 .. 1.3, or null. */
    public static String versionName(int version) {
        return switch (version) {
            case TLS10 -> "1.0";
            case TLS11 -> "1.1";
            case TLS12 -> "1.2";
            case TLS13 -> "1.3";
            default -> null;
        };
    }

    /**
     * Builds a ClientHello record.
     *
     * @param maxVersion {@link #TLS13} offers 1.3 to 1.0 with supported_versions; lower versions
     *                   put that version in client_version and offer no supported_versions
     * @param sniHost    DNS name for server_name, or null
     * @param random     64 random bytes (client random, session id)
     * @param keyShare   32 bytes used as the X25519 key share (never used to finish)
     */
    public static byte[] clientHello(int maxVersion, String sniHost, byte[] random, byte[] keyShare) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        u16(body, Math.min(maxVersion, TLS12));
        body.write(random, 0, 32);
        body.write(32);
        body.write(random, 32, 32);
        u16(body, CIPHER_SUITES.length * 2);
        for (int cs : CIPHER_SUITES) {
            u16(body, cs);
        }
        body.write(1);
        body.write(0);
        ByteArrayOutputStream ext = new ByteArrayOutputStream();
        if (sniHost != null && !sniHost.isEmpty() && sniHost.indexOf(':') < 0 && !sniHost.matches("[0-9.]+")) {
            byte[] name = sniHost.getBytes(StandardCharsets.US_ASCII);
            u16(ext, 0x0000);
            u16(ext, name.length + 5);
            u16(ext, name.length + 3);
            ext.write(0);
            u16(ext, name.length);
            ext.writeBytes(name);
        }
        extension(ext, 0x000A, new int[] {0x001D, 0x0017, 0x0018, 0x0019, 0x0100, 0x0101}, true);
        u16(ext, 0x000B);
        u16(ext, 2);
        ext.write(1);
        ext.write(0);
        extension(ext, 0x000D, new int[] {0x0804, 0x0805, 0x0806, 0x0403, 0x0503, 0x0603, 0x0401, 0x0501, 0x0601,
            0x0203, 0x0201, 0x0202}, true);
        u16(ext, 0x0017); // extended_master_secret
        u16(ext, 0);
        u16(ext, 0xFF01); // renegotiation_info
        u16(ext, 1);
        ext.write(0);
        if (maxVersion >= TLS13) {
            u16(ext, 0x002B);
            u16(ext, 9);
            ext.write(8);
            u16(ext, TLS13);
            u16(ext, TLS12);
            u16(ext, TLS11);
            u16(ext, TLS10);
            u16(ext, 0x002D); // psk_key_exchange_modes: psk_dhe_ke
            u16(ext, 2);
            ext.write(1);
            ext.write(1);
            u16(ext, 0x0033); // key_share: x25519
            u16(ext, 2 + 4 + 32);
            u16(ext, 4 + 32);
            u16(ext, 0x001D);
            u16(ext, 32);
            ext.write(keyShare, 0, 32);
        }
        byte[] e = ext.toByteArray();
        u16(body, e.length);
        body.writeBytes(e);
        byte[] b = body.toByteArray();
        ByteArrayOutputStream rec = new ByteArrayOutputStream();
        rec.write(22);
        u16(rec, TLS10);
        u16(rec, b.length + 4);
        rec.write(1);
        rec.write(b.length >>> 16);
        u16(rec, b.length & 0xFFFF);
        rec.writeBytes(b);
        return rec.toByteArray();
    }

    /**
     * Sends a ClientHello offering up to {@code maxVersion}, with fresh random bytes and key share, as the next bytes on
     * {@code socket}, and reads the host's answering flight.
     */
    static Flight exchange(java.net.Socket socket, int maxVersion, String sniHost, java.security.SecureRandom rnd,
                           java.time.Duration ioTimeout, long deadlineNanos) throws IOException {
        byte[] random = new byte[64];
        byte[] key = new byte[32];
        rnd.nextBytes(random);
        rnd.nextBytes(key);
        socket.getOutputStream().write(clientHello(maxVersion, sniHost, random, key));
        return readFlight(new Wire(socket, socket.getInputStream(), ioTimeout, deadlineNanos));
    }

    /** Reads records from the wire until the flight says enough. */
    static Flight readFlight(Wire wire) throws IOException {
        Scanner sc = new Scanner();
        while (true) {
            byte[] header = wire.readFully(5);
            int len = recordLength(header);
            byte[] fragment = wire.readFully(len);
            Flight f = sc.feed(header[0] & 0xFF, fragment);
            if (f != null) {
                return f;
            }
        }
    }

    /**
     * Parses a byte stream of TLS records as a server's first flight.
     *
     * @throws MalformedMessageException for bytes that are not such a flight, or end too early
     */
    public static Flight parseFlight(byte[] stream) throws MalformedMessageException {
        Scanner sc = new Scanner();
        int pos = 0;
        while (true) {
            if (stream.length - pos < 5) {
                throw new MalformedMessageException("flight ends after " + stream.length + " bytes");
            }
            int len = recordLength(Arrays.copyOfRange(stream, pos, pos + 5));
            if (stream.length - pos - 5 < len) {
                throw new MalformedMessageException("record truncated");
            }
            Flight f = sc.feed(stream[pos] & 0xFF, Arrays.copyOfRange(stream, pos + 5, pos + 5 + len));
            if (f != null) {
                return f;
            }
            pos += 5 + len;
        }
    }

    static int recordLength(byte[] header) throws MalformedMessageException {
        int type = header[0] & 0xFF;
        if (type < 20 || type > 23) {
            throw new MalformedMessageException(String.format("not a TLS record (content type 0x%02x)", type));
        }
        if ((header[1] & 0xFF) != 3) {
            throw new MalformedMessageException(String.format("not a TLS record (version 0x%02x%02x)",
                    header[1] & 0xFF, header[2] & 0xFF));
        }
        int len = ((header[3] & 0xFF) << 8) | (header[4] & 0xFF);
        if (len == 0 || len > MAX_RECORD) {
            throw new MalformedMessageException("TLS record length " + len + " out of range");
        }
        return len;
    }

    /** Accumulates records; returns a flight when it has seen enough. */
    static final class Scanner {
        private final ByteArrayOutputStream handshake = new ByteArrayOutputStream();
        private int consumed;
        private int version = -1;
        private int cipher;
        private boolean hrr;

        Flight feed(int type, byte[] fragment) throws MalformedMessageException {
            switch (type) {
                case 21:
                    if (fragment.length < 2) {
                        throw new MalformedMessageException("TLS alert truncated");
                    }
                    return new Flight(version, cipher, hrr, null, fragment[1] & 0xFF);
                case 20:
                    return null; // change_cipher_spec (TLS 1.3 middlebox compatibility)
                case 22:
                    break;
                default:
                    throw new MalformedMessageException("unexpected TLS record type " + type + " before the handshake ended");
            }
            if (handshake.size() + fragment.length > MAX_FLIGHT) {
                throw new MalformedMessageException("server flight exceeds " + MAX_FLIGHT + " bytes");
            }
            handshake.writeBytes(fragment);
            byte[] buf = handshake.toByteArray();
            while (buf.length - consumed >= 4) {
                int msgType = buf[consumed] & 0xFF;
                int len = ((buf[consumed + 1] & 0xFF) << 16) | ((buf[consumed + 2] & 0xFF) << 8) | (buf[consumed + 3] & 0xFF);
                if (len > MAX_HANDSHAKE_MESSAGE) {
                    throw new MalformedMessageException("handshake message of " + len + " bytes exceeds limit");
                }
                if (buf.length - consumed - 4 < len) {
                    return null; // wait for more
                }
                byte[] body = Arrays.copyOfRange(buf, consumed + 4, consumed + 4 + len);
                consumed += 4 + len;
                Flight f = message(msgType, body);
                if (f != null) {
                    return f;
                }
            }
            return null;
        }

        private Flight message(int type, byte[] body) throws MalformedMessageException {
            if (version < 0) {
                if (type == 0) {
                    return null; // hello_request: ignore
                }
                if (type != 2) {
                    throw new MalformedMessageException("expected ServerHello, got handshake message " + type);
                }
                serverHello(body);
                if (version >= TLS13 || hrr) {
                    return new Flight(version, cipher, hrr, null, Flight.NO_ALERT);
                }
                return null;
            }
            switch (type) {
                case 11:
                    return new Flight(version, cipher, false, leaf(body), Flight.NO_ALERT);
                case 12, 13, 14:
                    return new Flight(version, cipher, false, null, Flight.NO_ALERT); // no certificate (anonymous)
                default:
                    return null;
            }
        }

        private void serverHello(byte[] b) throws MalformedMessageException {
            if (b.length < 38) {
                throw new MalformedMessageException("ServerHello too short");
            }
            int legacy = ((b[0] & 0xFF) << 8) | (b[1] & 0xFF);
            hrr = Arrays.equals(Arrays.copyOfRange(b, 2, 34), HRR_RANDOM);
            int sidLen = b[34] & 0xFF;
            if (sidLen > 32) {
                throw new MalformedMessageException("ServerHello session id too long");
            }
            int p = 35 + sidLen;
            if (b.length < p + 3) {
                throw new MalformedMessageException("ServerHello truncated");
            }
            cipher = ((b[p] & 0xFF) << 8) | (b[p + 1] & 0xFF);
            p += 3;
            int selected = legacy;
            if (b.length >= p + 2) {
                int extLen = ((b[p] & 0xFF) << 8) | (b[p + 1] & 0xFF);
                p += 2;
                if (b.length < p + extLen) {
                    throw new MalformedMessageException("ServerHello extensions truncated");
                }
                int end = p + extLen;
                while (end - p >= 4) {
                    int et = ((b[p] & 0xFF) << 8) | (b[p + 1] & 0xFF);
                    int el = ((b[p + 2] & 0xFF) << 8) | (b[p + 3] & 0xFF);
                    p += 4;
                    if (end - p < el) {
                        throw new MalformedMessageException("ServerHello extension truncated");
                    }
                    if (et == 0x002B) {
                        if (el != 2) {
                            throw new MalformedMessageException("bad supported_versions in ServerHello");
                        }
                        selected = ((b[p] & 0xFF) << 8) | (b[p + 1] & 0xFF);
                    }
                    p += el;
                }
                if (p != end) {
                    throw new MalformedMessageException("ServerHello extensions malformed");
                }
            }
            if ((selected >>> 8) != 3) {
                throw new MalformedMessageException(String.format("ServerHello version 0x%04x", selected));
            }
            version = selected;
        }

        private static byte[] leaf(byte[] b) throws MalformedMessageException {
            if (b.length < 3) {
                throw new MalformedMessageException("Certificate message truncated");
            }
            int listLen = ((b[0] & 0xFF) << 16) | ((b[1] & 0xFF) << 8) | (b[2] & 0xFF);
            if (listLen != b.length - 3) {
                throw new MalformedMessageException("Certificate list length mismatch");
            }
            if (listLen == 0) {
                return null;
            }
            if (listLen < 3) {
                throw new MalformedMessageException("Certificate entry truncated");
            }
            int certLen = ((b[3] & 0xFF) << 16) | ((b[4] & 0xFF) << 8) | (b[5] & 0xFF);
            if (certLen == 0 || certLen > listLen - 3) {
                throw new MalformedMessageException("Certificate entry length " + certLen + " out of range");
            }
            return Arrays.copyOfRange(b, 6, 6 + certLen);
        }
    }

    private static void extension(ByteArrayOutputStream out, int type, int[] values, boolean listLength) {
        u16(out, type);
        u16(out, values.length * 2 + (listLength ? 2 : 0));
        if (listLength) {
            u16(out, values.length * 2);
        }
        for (int v : values) {
            u16(out, v);
        }
    }

    private static void u16(ByteArrayOutputStream out, int v) {
        out.write((v >>> 8) & 0xFF);
        out.write(v & 0xFF);
    }

    private static byte[] hex(String s) {
        byte[] b = new byte[s.length() / 2];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) Integer.parseInt(s.substring(2 * i, 2 * i + 2), 16);
        }
        return b;
    }
}

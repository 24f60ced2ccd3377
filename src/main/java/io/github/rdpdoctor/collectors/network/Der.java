package io.github.rdpdoctor.collectors.network;

import java.io.ByteArrayOutputStream;

/** Just enough ASN.1 DER for CredSSP's TSRequest: definite lengths, low tag numbers, bounded. */
final class Der {
    static final int SEQUENCE = 0x30;
    static final int INTEGER = 0x02;
    static final int OCTET_STRING = 0x04;

    private Der() {
    }

    /** One element: tag byte and where its content lies in the buffer. */
    record Tlv(int tag, int start, int length) {
        int end() {
            return start + length;
        }
    }

    static byte[] tlv(int tag, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        int n = content.length;
        if (n < 0x80) {
            out.write(n);
        } else if (n < 0x100) {
            out.write(0x81);
            out.write(n);
        } else if (n < 0x10000) {
            out.write(0x82);
            out.write(n >>> 8);
            out.write(n & 0xFF);
        } else {
            out.write(0x83);
            out.write(n >>> 16);
            out.write((n >>> 8) & 0xFF);
            out.write(n & 0xFF);
        }
        out.writeBytes(content);
        return out.toByteArray();
    }

    static byte[] integer(long v) {
        return tlv(INTEGER, java.math.BigInteger.valueOf(v).toByteArray()); // minimal two's complement
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    /**
     * Reads the element starting at {@code pos}, which must end by {@code limit}.
     */
    static Tlv read(byte[] buf, int pos, int limit) throws MalformedMessageException {
        if (limit > buf.length || pos < 0 || limit - pos < 2) {
            throw new MalformedMessageException("DER element truncated");
        }
        int tag = buf[pos] & 0xFF;
        if ((tag & 0x1F) == 0x1F) {
            throw new MalformedMessageException("DER high tag numbers not supported");
        }
        int first = buf[pos + 1] & 0xFF;
        int p = pos + 2;
        long len;
        if (first < 0x80) {
            len = first;
        } else {
            int n = first & 0x7F;
            if (n == 0) {
                throw new MalformedMessageException("DER indefinite length not allowed");
            }
            if (n > 4) {
                throw new MalformedMessageException("DER length of " + n + " bytes");
            }
            if (limit - p < n) {
                throw new MalformedMessageException("DER length truncated");
            }
            len = 0;
            for (int i = 0; i < n; i++) {
                len = (len << 8) | (buf[p + i] & 0xFF);
            }
            p += n;
        }
        if (len > limit - p) {
            throw new MalformedMessageException("DER length " + len + " exceeds the " + (limit - p) + " bytes left");
        }
        return new Tlv(tag, p, (int) len);
    }

    static long readInteger(byte[] buf, Tlv t) throws MalformedMessageException {
        if (t.tag() != INTEGER) {
            throw new MalformedMessageException(String.format("expected INTEGER, got tag 0x%02x", t.tag()));
        }
        if (t.length() < 1 || t.length() > 8) {
            throw new MalformedMessageException("INTEGER of " + t.length() + " bytes");
        }
        long v = buf[t.start()]; // sign-extended
        for (int i = 1; i < t.length(); i++) {
            v = (v << 8) | (buf[t.start() + i] & 0xFF);
        }
        return v;
    }

    static void expect(Tlv t, int tag, String what) throws MalformedMessageException {
        if (t.tag() != tag) {
            throw new MalformedMessageException(String.format("%s: expected tag 0x%02x, got 0x%02x", what, tag, t.tag()));
        }
    }
}

package io.github.rdpdoctor.collectors.network;

import java.io.ByteArrayOutputStream;

/** Server first flights as byte streams of TLS records. */
final class TlsFixtures {
    private TlsFixtures() {
    }

    static byte[] serverHello(int legacyVersion, Integer supportedVersion) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(legacyVersion >>> 8);
        b.write(legacyVersion);
        b.writeBytes(new byte[32]);
        b.write(0); // session id
        b.write(0xC0);
        b.write(0x2F);
        b.write(0);
        if (supportedVersion != null) {
            b.writeBytes(new byte[] {0, 6, 0, 0x2B, 0, 2, (byte) (supportedVersion >>> 8), (byte) (int) supportedVersion});
        }
        return handshake(2, b.toByteArray());
    }

    static byte[] handshake(int type, byte[] body) {
        byte[] m = new byte[4 + body.length];
        m[0] = (byte) type;
        m[1] = (byte) (body.length >>> 16);
        m[2] = (byte) (body.length >>> 8);
        m[3] = (byte) body.length;
        System.arraycopy(body, 0, m, 4, body.length);
        return m;
    }

    static byte[] record(int type, byte[] fragment) {
        byte[] r = new byte[5 + fragment.length];
        r[0] = (byte) type;
        r[1] = 3;
        r[2] = 3;
        r[3] = (byte) (fragment.length >>> 8);
        r[4] = (byte) fragment.length;
        System.arraycopy(fragment, 0, r, 5, fragment.length);
        return r;
    }

    /** ServerHello (TLS 1.2) and a Certificate with one fake 40-byte certificate, split over two records. */
    static byte[] tls12Flight() {
        byte[] cert = new byte[40];
        for (int i = 0; i < cert.length; i++) {
            cert[i] = (byte) (0x30 + i);
        }
        byte[] list = new byte[6 + cert.length];
        list[2] = (byte) (3 + cert.length);
        list[5] = (byte) cert.length;
        System.arraycopy(cert, 0, list, 6, cert.length);
        ByteArrayOutputStream hs = new ByteArrayOutputStream();
        hs.writeBytes(serverHello(0x0303, null));
        hs.writeBytes(handshake(11, list));
        byte[] all = hs.toByteArray();
        int cut = all.length / 2;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(record(22, java.util.Arrays.copyOfRange(all, 0, cut)));
        out.writeBytes(record(22, java.util.Arrays.copyOfRange(all, cut, all.length)));
        return out.toByteArray();
    }

    static byte[] tls13ServerHello() {
        return record(22, serverHello(0x0303, 0x0304));
    }

    static byte[] alert(int description) {
        return record(21, new byte[] {2, (byte) description});
    }
}

package io.github.rdpdoctor.collectors.network;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Builds NTLM CHALLENGE messages like Windows sends. */
final class NtlmFixtures {
    private NtlmFixtures() {
    }

    /**
     * A CHALLENGE with NetBIOS/DNS computer names, version 10.0.17763 and a timestamp
     * ({@code epochMillis}; 0 for none).
     */
    static byte[] challenge(String nbName, String dnsName, long epochMillis) {
        return challenge(nbName, nbName, dnsName, epochMillis);
    }

    /**
     * The same with the NetBIOS domain name ({@code MsvAvNbDomainName}) given: a domain member names its domain there
     * ("CORP"), a workgroup computer its own computer name (what the three-argument form writes).
     */
    static byte[] challenge(String nbName, String nbDomain, String dnsName, long epochMillis) {
        ByteArrayOutputStream ti = new ByteArrayOutputStream();
        av(ti, 2, nbDomain.getBytes(StandardCharsets.UTF_16LE));
        av(ti, 1, nbName.getBytes(StandardCharsets.UTF_16LE));
        av(ti, 4, "corp.example".getBytes(StandardCharsets.UTF_16LE));
        av(ti, 3, dnsName.getBytes(StandardCharsets.UTF_16LE));
        if (epochMillis != 0) {
            long ft = (epochMillis + 11_644_473_600_000L) * 10_000L;
            byte[] b = new byte[8];
            for (int i = 0; i < 8; i++) {
                b[i] = (byte) (ft >>> (8 * i));
            }
            av(ti, 7, b);
        }
        av(ti, 0, new byte[0]);
        byte[] target = nbName.getBytes(StandardCharsets.UTF_16LE);
        byte[] info = ti.toByteArray();
        byte[] m = new byte[56 + target.length + info.length];
        System.arraycopy("NTLMSSP\0".getBytes(StandardCharsets.US_ASCII), 0, m, 0, 8);
        m[8] = 2;
        le16(m, 12, target.length);
        le16(m, 14, target.length);
        le32(m, 16, 56);
        le32(m, 20, 0xE28A8235);
        for (int i = 0; i < 8; i++) {
            m[24 + i] = (byte) (i + 1);
        }
        le16(m, 40, info.length);
        le16(m, 42, info.length);
        le32(m, 44, 56 + target.length);
        m[48] = 10;
        m[49] = 0;
        le16(m, 50, 17763);
        m[55] = 15;
        System.arraycopy(target, 0, m, 56, target.length);
        System.arraycopy(info, 0, m, 56 + target.length, info.length);
        return m;
    }

    private static void av(ByteArrayOutputStream out, int id, byte[] v) {
        out.write(id);
        out.write(id >>> 8);
        out.write(v.length);
        out.write(v.length >>> 8);
        out.writeBytes(v);
    }

    private static void le16(byte[] b, int at, int v) {
        b[at] = (byte) v;
        b[at + 1] = (byte) (v >>> 8);
    }

    private static void le32(byte[] b, int at, int v) {
        le16(b, at, v);
        le16(b, at + 2, v >>> 16);
    }
}

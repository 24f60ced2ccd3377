package io.github.rdpdoctor.collectors.network;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * NTLM CHALLENGE_MESSAGE (MS-NLMP 2.2.1.2) with its target info AV pairs (2.2.2.1) and version
 * (2.2.2.10), and the NEGOTIATE_MESSAGE the probe sends. Parsing is bounded: every offset and
 * length is checked against the message.
 *
 * @param flags      NegotiateFlags
 * @param targetName TargetName (decoded per the UNICODE flag), or empty
 * @param avPairs    AV pair id to raw value, in order, without MsvAvEOL
 * @param version    "major.minor.build" when the VERSION flag is set, else null
 * @param build      ProductBuild, or -1
 */
public record NtlmChallenge(long flags, String targetName, Map<Integer, byte[]> avPairs, String version, int build) {

    public static final int MAX_SIZE = 64 * 1024;
    public static final int AV_EOL = 0;
    public static final int AV_NB_COMPUTER_NAME = 1;
    public static final int AV_NB_DOMAIN_NAME = 2;
    public static final int AV_DNS_COMPUTER_NAME = 3;
    public static final int AV_DNS_DOMAIN_NAME = 4;
    public static final int AV_DNS_TREE_NAME = 5;
    public static final int AV_TIMESTAMP = 7;

    static final long NEGOTIATE_UNICODE = 0x00000001L;
    static final long NEGOTIATE_VERSION = 0x02000000L;
    private static final int MAX_AV_PAIRS = 64;
    private static final byte[] SIGNATURE = "NTLMSSP\0".getBytes(StandardCharsets.US_ASCII);
    /** 1601-01-01 to 1970-01-01 in seconds. */
    private static final long FILETIME_EPOCH_OFFSET_S = 11_644_473_600L;

    public NtlmChallenge {
        avPairs = Collections.unmodifiableMap(new LinkedHashMap<>(avPairs));
    }

    /**
     * The NEGOTIATE_MESSAGE nmap's rdp-ntlm-info sends: flags 0xE20882B7 (UNICODE, OEM,
     * REQUEST_TARGET, SIGN, SEAL, NTLM, ALWAYS_SIGN, EXTENDED_SESSIONSECURITY, VERSION, 128,
     * KEY_EXCH, 56), no domain or workstation, version 6.1.7601 rev 15.
     */
    public static byte[] negotiateMessage() {
        byte[] m = new byte[40];
        System.arraycopy(SIGNATURE, 0, m, 0, 8);
        m[8] = 1; // NtLmNegotiate
        int flags = 0xE20882B7;
        m[12] = (byte) flags;
        m[13] = (byte) (flags >>> 8);
        m[14] = (byte) (flags >>> 16);
        m[15] = (byte) (flags >>> 24);
        // DomainNameFields, WorkstationFields: zero length at offset 40
        m[20] = 40;
        m[28] = 40;
        m[32] = 6;
        m[33] = 1;
        m[34] = (byte) 0xB1; // 7601
        m[35] = 0x1D;
        m[39] = 15; // NTLMSSP_REVISION_W2K3
        return m;
    }

    public static NtlmChallenge parse(byte[] m) throws MalformedMessageException {
        if (m.length > MAX_SIZE) {
            throw new MalformedMessageException("NTLM message of " + m.length + " bytes exceeds limit");
        }
        if (m.length < 48) {
            throw new MalformedMessageException("NTLM CHALLENGE too short (" + m.length + " bytes)");
        }
        if (!Arrays.equals(Arrays.copyOfRange(m, 0, 8), SIGNATURE)) {
            throw new MalformedMessageException("not an NTLMSSP message");
        }
        long type = u32(m, 8);
        if (type != 2) {
            throw new MalformedMessageException("expected NTLM CHALLENGE (2), got message type " + type);
        }
        long flags = u32(m, 20);
        boolean unicode = (flags & NEGOTIATE_UNICODE) != 0;
        byte[] tn = field(m, 12, "TargetName");
        String targetName = new String(tn, unicode ? StandardCharsets.UTF_16LE : StandardCharsets.ISO_8859_1);
        byte[] ti = field(m, 40, "TargetInfo");
        Map<Integer, byte[]> av = avPairs(ti);
        String version = null;
        int build = -1;
        if ((flags & NEGOTIATE_VERSION) != 0 && m.length >= 56 && payloadStart(m) >= 56) {
            int major = m[48] & 0xFF;
            int minor = m[49] & 0xFF;
            build = u16(m, 50);
            version = major + "." + minor + "." + build;
        }
        return new NtlmChallenge(flags, targetName, av, version, build);
    }

    /** Smallest payload offset of the two fields that have data; the VERSION field must end before it. */
    private static long payloadStart(byte[] m) {
        long min = Long.MAX_VALUE;
        if (u16(m, 12) > 0) {
            min = Math.min(min, u32(m, 16));
        }
        if (u16(m, 40) > 0) {
            min = Math.min(min, u32(m, 44));
        }
        return min;
    }

    private static byte[] field(byte[] m, int at, String what) throws MalformedMessageException {
        int len = u16(m, at);
        long off = u32(m, at + 4);
        if (len == 0) {
            return new byte[0];
        }
        if (off < 48 || off + len > m.length) {
            throw new MalformedMessageException(what + " field (offset " + off + ", length " + len
                    + ") outside the " + m.length + "-byte message");
        }
        return Arrays.copyOfRange(m, (int) off, (int) off + len);
    }

    static Map<Integer, byte[]> avPairs(byte[] ti) throws MalformedMessageException {
        Map<Integer, byte[]> out = new LinkedHashMap<>();
        int p = 0;
        int count = 0;
        while (p < ti.length) {
            if (ti.length - p < 4) {
                throw new MalformedMessageException("AV pair header truncated");
            }
            int id = u16(ti, p);
            int len = u16(ti, p + 2);
            p += 4;
            if (id == AV_EOL) {
                return out;
            }
            if (len > ti.length - p) {
                throw new MalformedMessageException("AV pair " + id + " length " + len + " exceeds target info");
            }
            if (++count > MAX_AV_PAIRS) {
                throw new MalformedMessageException("more than " + MAX_AV_PAIRS + " AV pairs");
            }
            out.putIfAbsent(id, Arrays.copyOfRange(ti, p, p + len));
            p += len;
        }
        return out; // no MsvAvEOL: tolerated
    }

    /** A string AV pair (UTF-16LE), or null when absent. */
    public String avString(int id) {
        byte[] v = avPairs.get(id);
        return v == null ? null : new String(v, StandardCharsets.UTF_16LE);
    }

    /** MsvAvTimestamp as an instant, or null when absent or malformed. */
    public Instant timestamp() {
        byte[] v = avPairs.get(AV_TIMESTAMP);
        if (v == null || v.length != 8) {
            return null;
        }
        long ft = 0;
        for (int i = 7; i >= 0; i--) {
            ft = (ft << 8) | (v[i] & 0xFF);
        }
        if (ft < 0) {
            return null;
        }
        return Instant.ofEpochSecond(ft / 10_000_000L - FILETIME_EPOCH_OFFSET_S, (ft % 10_000_000L) * 100);
    }

    private static int u16(byte[] b, int at) {
        return (b[at] & 0xFF) | ((b[at + 1] & 0xFF) << 8);
    }

    private static long u32(byte[] b, int at) {
        return (b[at] & 0xFFL) | ((b[at + 1] & 0xFFL) << 8) | ((b[at + 2] & 0xFFL) << 16) | ((b[at + 3] & 0xFFL) << 24);
    }
}

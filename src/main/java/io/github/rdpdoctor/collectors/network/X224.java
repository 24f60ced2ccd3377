package io.github.rdpdoctor.collectors.network;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * TPKT (RFC 1006) + X.224 Connection Request / Confirm with RDP_NEG_REQ / RSP / FAILURE
 * (MS-RDPBCGR 2.2.1.1 and 2.2.1.2). Building and parsing only; all parsing is bounded and
 * throws {@link MalformedMessageException} for anything unexpected.
 */
public final class X224 {
    /** Largest Connection Confirm frame accepted; a real one is 11 or 19 bytes. */
    public static final int MAX_CONFIRM_FRAME = 1024;

    private X224() {
    }

    /** What the host answered to a Connection Request. */
    public record Reply(Kind kind, long selectedProtocol, long failureCode, int flags) {
        public enum Kind {
            /** RDP_NEG_RSP: the host selected {@link #selectedProtocol}. */
            SELECTED,
            /** RDP_NEG_FAILURE with {@link #failureCode}. */
            FAILURE,
            /** Connection Confirm without negotiation data (pre-RDP 5.2 hosts): standard RDP security. */
            NO_NEGOTIATION_DATA,
            /** X.224 Disconnect Request instead of a confirm. */
            DISCONNECT_REQUEST
        }
    }

    /**
     * Builds TPKT + X.224 Connection Request with an optional {@code mstshash} cookie and an
     * RDP_NEG_REQ for {@code requestedProtocols}.
     */
    public static byte[] connectionRequest(int requestedProtocols, String cookieUser) {
        ByteArrayOutputStream var = new ByteArrayOutputStream();
        if (cookieUser != null && !cookieUser.isEmpty()) {
            String safe = cookieUser.replaceAll("[^A-Za-z0-9._-]", "");
            if (safe.length() > 9) {
                safe = safe.substring(0, 9); // mstsc truncates mstshash to 9 characters
            }
            var.writeBytes(("Cookie: mstshash=" + safe + "\r\n").getBytes(StandardCharsets.US_ASCII));
        }
        var.writeBytes(new byte[] {0x01, 0x00, 0x08, 0x00,
                (byte) requestedProtocols, (byte) (requestedProtocols >>> 8),
                (byte) (requestedProtocols >>> 16), (byte) (requestedProtocols >>> 24)});
        byte[] v = var.toByteArray();
        int li = 6 + v.length;
        int total = 4 + 1 + li;
        byte[] out = new byte[total];
        out[0] = 3;
        out[1] = 0;
        out[2] = (byte) (total >>> 8);
        out[3] = (byte) total;
        out[4] = (byte) li;
        out[5] = (byte) 0xE0; // CR, CDT 0
        // DST-REF, SRC-REF, class option: zero
        System.arraycopy(v, 0, out, 11, v.length);
        return out;
    }

    /**
     * Validates a TPKT header (4 bytes) and returns the total frame length.
     *
     * @param maxFrame largest accepted frame length
     */
    public static int tpktLength(byte[] header, int maxFrame) throws MalformedMessageException {
        if (header.length < 4) {
            throw new MalformedMessageException("TPKT header too short");
        }
        if ((header[0] & 0xFF) != 3) {
            throw new MalformedMessageException(String.format("not a TPKT header (version byte 0x%02x)", header[0] & 0xFF));
        }
        int len = ((header[2] & 0xFF) << 8) | (header[3] & 0xFF);
        if (len < 7) {
            throw new MalformedMessageException("TPKT length " + len + " too small for an X.224 TPDU");
        }
        if (len > maxFrame) {
            throw new MalformedMessageException("TPKT length " + len + " exceeds limit " + maxFrame);
        }
        return len;
    }

    /** Reads one TPKT frame (header included), bounded by {@code maxFrame}. */
    static byte[] readFrame(Wire wire, int maxFrame) throws IOException {
        byte[] header = wire.readFully(4);
        int len = tpktLength(header, maxFrame);
        byte[] frame = new byte[len];
        System.arraycopy(header, 0, frame, 0, 4);
        wire.readFully(frame, 4, len - 4);
        return frame;
    }

    /** Parses a whole TPKT frame carrying an X.224 Connection Confirm (or Disconnect Request). */
    public static Reply parseConfirm(byte[] frame) throws MalformedMessageException {
        int len = tpktLength(frame, MAX_CONFIRM_FRAME);
        if (frame.length != len) {
            throw new MalformedMessageException("TPKT length " + len + " but frame has " + frame.length + " bytes");
        }
        int li = frame[4] & 0xFF;
        if (5 + li > len) {
            throw new MalformedMessageException("X.224 length indicator " + li + " exceeds TPKT length " + len);
        }
        int code = frame[5] & 0xFF;
        if ((code & 0xF0) == 0x80) {
            return new Reply(Reply.Kind.DISCONNECT_REQUEST, 0, 0, 0);
        }
        if ((code & 0xF0) != 0xD0) {
            throw new MalformedMessageException(String.format("expected X.224 Connection Confirm (0xD0), got 0x%02x", code));
        }
        if (li < 6) {
            throw new MalformedMessageException("X.224 Connection Confirm header too short (LI " + li + ")");
        }
        int varStart = 11;
        int varLen = 5 + li - varStart;
        if (varLen == 0) {
            return new Reply(Reply.Kind.NO_NEGOTIATION_DATA, RdpProtocols.RDP, 0, 0);
        }
        if (varLen < 8) {
            throw new MalformedMessageException("negotiation data truncated (" + varLen + " bytes)");
        }
        int type = frame[varStart] & 0xFF;
        int flags = frame[varStart + 1] & 0xFF;
        int negLen = (frame[varStart + 2] & 0xFF) | ((frame[varStart + 3] & 0xFF) << 8);
        if (negLen != 8) {
            throw new MalformedMessageException("negotiation structure length " + negLen + ", expected 8");
        }
        long value = (frame[varStart + 4] & 0xFFL) | ((frame[varStart + 5] & 0xFFL) << 8)
                | ((frame[varStart + 6] & 0xFFL) << 16) | ((frame[varStart + 7] & 0xFFL) << 24);
        return switch (type) {
            case 0x02 -> new Reply(Reply.Kind.SELECTED, value, 0, flags);
            case 0x03 -> new Reply(Reply.Kind.FAILURE, 0, value, flags);
            default -> throw new MalformedMessageException(String.format("unknown negotiation type 0x%02x", type));
        };
    }
}

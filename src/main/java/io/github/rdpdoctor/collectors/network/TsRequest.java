package io.github.rdpdoctor.collectors.network;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * CredSSP TSRequest (MS-CSSP 2.2.1), only the fields the probe needs:
 * <pre>
 * TSRequest ::= SEQUENCE {
 *   version    [0] INTEGER,
 *   negoTokens [1] NegoData OPTIONAL,      -- SEQUENCE OF SEQUENCE { negoToken [0] OCTET STRING }
 *   authInfo   [2] OCTET STRING OPTIONAL,
 *   pubKeyAuth [3] OCTET STRING OPTIONAL,
 *   errorCode  [4] INTEGER OPTIONAL,
 *   clientNonce [5] OCTET STRING OPTIONAL }
 * </pre>
 *
 * @param version    TSRequest version
 * @param negoTokens the NTLM/SPNEGO tokens, in order
 * @param errorCode  the NTSTATUS error code, or null
 */
public record TsRequest(long version, List<byte[]> negoTokens, Long errorCode) {
    /** Largest TSRequest accepted from a host. */
    public static final int MAX_SIZE = 64 * 1024;
    private static final int MAX_TOKENS = 8;

    public TsRequest {
        negoTokens = List.copyOf(negoTokens);
    }

    /** Encodes a TSRequest with one negoToken. */
    public static byte[] encode(long version, byte[] negoToken) {
        byte[] token = Der.tlv(0xA0, Der.tlv(Der.OCTET_STRING, negoToken));
        byte[] negoData = Der.tlv(0xA1, Der.tlv(Der.SEQUENCE, Der.tlv(Der.SEQUENCE, token)));
        return Der.tlv(Der.SEQUENCE, Der.concat(Der.tlv(0xA0, Der.integer(version)), negoData));
    }

    /** Parses a complete DER TSRequest; trailing bytes are an error. */
    public static TsRequest decode(byte[] der) throws MalformedMessageException {
        if (der.length > MAX_SIZE + 8) {
            throw new MalformedMessageException("TSRequest of " + der.length + " bytes exceeds limit");
        }
        Der.Tlv outer = Der.read(der, 0, der.length);
        Der.expect(outer, Der.SEQUENCE, "TSRequest");
        if (outer.end() != der.length) {
            throw new MalformedMessageException("trailing bytes after TSRequest");
        }
        Long version = null;
        Long error = null;
        List<byte[]> tokens = new ArrayList<>();
        int p = outer.start();
        int lastTag = -1;
        while (p < outer.end()) {
            Der.Tlv field = Der.read(der, p, outer.end());
            int tag = field.tag();
            if ((tag & 0xE0) != 0xA0) {
                throw new MalformedMessageException(String.format("unexpected TSRequest field tag 0x%02x", tag));
            }
            if (tag <= lastTag) {
                throw new MalformedMessageException("TSRequest fields out of order");
            }
            lastTag = tag;
            switch (tag) {
                case 0xA0 -> version = Der.readInteger(der, single(der, field));
                case 0xA1 -> negoData(der, field, tokens);
                case 0xA4 -> error = Der.readInteger(der, single(der, field));
                default -> { /* authInfo, pubKeyAuth, clientNonce, later fields: not needed */ }
            }
            p = field.end();
        }
        if (version == null) {
            throw new MalformedMessageException("TSRequest without version");
        }
        return new TsRequest(version, tokens, error);
    }

    /** The one element inside an explicit tag, which it must fill exactly. */
    private static Der.Tlv single(byte[] der, Der.Tlv explicit) throws MalformedMessageException {
        Der.Tlv inner = Der.read(der, explicit.start(), explicit.end());
        if (inner.end() != explicit.end()) {
            throw new MalformedMessageException("extra bytes in explicit tag");
        }
        return inner;
    }

    private static void negoData(byte[] der, Der.Tlv field, List<byte[]> tokens) throws MalformedMessageException {
        Der.Tlv seq = single(der, field);
        Der.expect(seq, Der.SEQUENCE, "NegoData");
        int p = seq.start();
        while (p < seq.end()) {
            if (tokens.size() >= MAX_TOKENS) {
                throw new MalformedMessageException("too many negoTokens");
            }
            Der.Tlv item = Der.read(der, p, seq.end());
            Der.expect(item, Der.SEQUENCE, "NegoDataItem");
            Der.Tlv tok = single(der, item);
            Der.expect(tok, 0xA0, "negoToken");
            Der.Tlv octets = single(der, tok);
            Der.expect(octets, Der.OCTET_STRING, "negoToken");
            tokens.add(Arrays.copyOfRange(der, octets.start(), octets.end()));
            p = item.end();
        }
    }

    /** Reads one DER TSRequest from the wire (header first, then exactly its length). */
    static byte[] read(Wire wire) throws IOException {
        byte[] head = wire.readFully(2);
        if ((head[0] & 0xFF) != Der.SEQUENCE) {
            throw new MalformedMessageException(String.format("not a TSRequest (first byte 0x%02x)", head[0] & 0xFF));
        }
        int first = head[1] & 0xFF;
        int lenBytes = first < 0x80 ? 0 : first & 0x7F;
        if (first == 0x80 || lenBytes > 4) {
            throw new MalformedMessageException("TSRequest length form 0x" + Integer.toHexString(first));
        }
        byte[] lb = wire.readFully(lenBytes);
        long len = first < 0x80 ? first : 0;
        for (byte b : lb) {
            len = (len << 8) | (b & 0xFF);
        }
        if (len > MAX_SIZE) {
            throw new MalformedMessageException("TSRequest length " + len + " exceeds limit " + MAX_SIZE);
        }
        byte[] all = new byte[2 + lenBytes + (int) len];
        all[0] = head[0];
        all[1] = head[1];
        System.arraycopy(lb, 0, all, 2, lenBytes);
        wire.readFully(all, 2 + lenBytes, (int) len);
        return all;
    }
}

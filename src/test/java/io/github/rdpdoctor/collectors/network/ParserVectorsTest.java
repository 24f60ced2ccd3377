package io.github.rdpdoctor.collectors.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Known byte vectors for each parser and builder. */
class ParserVectorsTest {

    private static byte[] hex(String s) {
        return HexFormat.of().parseHex(s.replace(" ", ""));
    }

    @Test
    void connectionRequestWithCookieAndNegReq() {
        // TPKT, X.224 CR, "Cookie: mstshash=rdpdoctor\r\n", RDP_NEG_REQ HYBRID|SSL
        assertEquals("0300002f2ae00000000000436f6f6b69653a206d737473686173683d726470646f63746f720d0a0100080003000000",
                HexFormat.of().formatHex(X224.connectionRequest(3, "rdpdoctor")));
        assertEquals("03000013" + "0ee000000000000100080000000000",
                HexFormat.of().formatHex(X224.connectionRequest(0, null)));
    }

    @Test
    void xrdpConnectionConfirmSelectingSsl() throws Exception {
        X224.Reply r = X224.parseConfirm(hex("03 00 00 13 0e d0 00 00 12 34 00 02 1f 08 00 01 00 00 00"));
        assertEquals(new X224.Reply(X224.Reply.Kind.SELECTED, 1, 0, 0x1f), r);
    }

    @Test
    void negotiationFailureHybridRequired() throws Exception {
        X224.Reply r = X224.parseConfirm(hex("03 00 00 13 0e d0 00 00 12 34 00 03 00 08 00 05 00 00 00"));
        assertEquals(X224.Reply.Kind.FAILURE, r.kind());
        assertEquals(5, r.failureCode());
        assertEquals("hybrid_required_by_server", RdpProtocols.failureName(r.failureCode()));
    }

    @Test
    void legacyConfirmWithoutNegotiationData() throws Exception {
        assertEquals(X224.Reply.Kind.NO_NEGOTIATION_DATA,
                X224.parseConfirm(hex("03 00 00 0b 06 d0 00 00 12 34 00")).kind());
    }

    @Test
    void disconnectRequest() throws Exception {
        assertEquals(X224.Reply.Kind.DISCONNECT_REQUEST, X224.parseConfirm(hex("03 00 00 0b 06 80 00 00 12 34 00")).kind());
    }

    @Test
    void malformedConfirms() {
        assertThrows(MalformedMessageException.class, () -> X224.parseConfirm(hex("04 00 00 0b 06 d0 00 00 12 34 00")));
        assertThrows(MalformedMessageException.class, () -> X224.parseConfirm(hex("03 00 00 0b 06 e0 00 00 12 34 00")));
        assertThrows(MalformedMessageException.class,
                () -> X224.parseConfirm(hex("03 00 00 13 0e d0 00 00 12 34 00 02 00 09 00 01 00 00 00")));
        assertThrows(MalformedMessageException.class,
                () -> X224.parseConfirm(hex("03 00 00 0f 0a d0 00 00 12 34 00 02 00 08 00")));
    }

    @Test
    void tsRequestWithNtlmNegotiateHasNmapsLayout() throws Exception {
        byte[] der = TsRequest.encode(6, NtlmChallenge.negotiateMessage());
        // same DER framing as nmap's rdp-ntlm-info blob: 30 37 a0 03 02 01 VV a1 30 30 2e 30 2c a0 2a 04 28 <40 bytes>
        assertEquals("3037a003020106a130302e302ca02a0428", HexFormat.of().formatHex(der, 0, 17));
        assertEquals(0x39, der.length);
        TsRequest back = TsRequest.decode(der);
        assertEquals(6, back.version());
        assertArrayEquals(NtlmChallenge.negotiateMessage(), back.negoTokens().get(0));
    }

    @Test
    void tsRequestWithErrorCode() throws Exception {
        byte[] der = Der.tlv(Der.SEQUENCE, Der.concat(Der.tlv(0xA0, Der.integer(6)),
                Der.tlv(0xA4, Der.integer(0xC000006DL))));
        TsRequest ts = TsRequest.decode(der);
        assertEquals(0xC000006DL, ts.errorCode());
        assertEquals(0, ts.negoTokens().size());
    }

    @Test
    void derRejectsIndefiniteAndOversizedLengths() {
        assertThrows(MalformedMessageException.class, () -> TsRequest.decode(hex("30 80 a0 03 02 01 06 00 00")));
        assertThrows(MalformedMessageException.class, () -> TsRequest.decode(hex("30 85 00 00 00 00 05")));
        assertThrows(MalformedMessageException.class, () -> TsRequest.decode(hex("30 05 a1 03 02 01 06")));
        assertThrows(MalformedMessageException.class, () -> TsRequest.decode(hex("30 05 a0 03 02 01 06 00")));
    }

    @Test
    void ntlmChallengeFields() throws Exception {
        long t = Instant.parse("2026-11-20T09:14:00Z").toEpochMilli();
        NtlmChallenge c = NtlmChallenge.parse(NtlmFixtures.challenge("FIN-APP-07", "fin-app-07.corp.example", t));
        assertEquals("FIN-APP-07", c.targetName());
        assertEquals("FIN-APP-07", c.avString(NtlmChallenge.AV_NB_COMPUTER_NAME));
        assertEquals("fin-app-07.corp.example", c.avString(NtlmChallenge.AV_DNS_COMPUTER_NAME));
        assertEquals("corp.example", c.avString(NtlmChallenge.AV_DNS_DOMAIN_NAME));
        assertNull(c.avString(NtlmChallenge.AV_DNS_TREE_NAME));
        assertEquals(Instant.ofEpochMilli(t), c.timestamp());
        assertEquals("10.0.17763", c.version());
        assertEquals(17763, c.build());
    }

    @Test
    void ntlmNegotiateMessage() {
        assertEquals("4e544c4d5353500001000000b78208e2000000002800000000000000280000000601b11d0000000f",
                HexFormat.of().formatHex(NtlmChallenge.negotiateMessage()));
    }

    @Test
    void tlsFlights() throws Exception {
        TlsHello.Flight f12 = TlsHello.parseFlight(TlsFixtures.tls12Flight());
        assertEquals(TlsHello.TLS12, f12.version());
        assertEquals(0xC02F, f12.cipherSuite());
        assertEquals(40, f12.leafCertificate().length);
        TlsHello.Flight f13 = TlsHello.parseFlight(TlsFixtures.tls13ServerHello());
        assertEquals(TlsHello.TLS13, f13.version());
        assertNull(f13.leafCertificate());
        TlsHello.Flight alert = TlsHello.parseFlight(TlsFixtures.alert(70));
        assertEquals(70, alert.alert());
        assertEquals("protocol_version", TlsHello.alertName(alert.alert()));
        assertThrows(MalformedMessageException.class, () -> TlsHello.parseFlight(hex("16 03 03 00 05 02 00 00 01 00")));
    }

    @Test
    void protocolNames() {
        assertEquals("HYBRID|SSL", RdpProtocols.describe(3));
        assertEquals("RDP", RdpProtocols.describe(0));
        assertEquals("hybrid_ex", RdpProtocols.selectedName(8));
        assertNull(RdpProtocols.selectedName(3));
        assertNull(RdpProtocols.failureName(7));
    }
}

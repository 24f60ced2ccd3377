package io.github.rdpdoctor.collectors.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Hostile input for every parser the probe runs on bytes from the network: arbitrary bytes,
 * and valid messages with random corruption. Each parser must return a result or throw
 * {@link MalformedMessageException} (or EOFException when a stream ends); any other exception
 * fails the property.
 */
class ParserPropertiesTest {

    // ---------------- X.224 / TPKT ----------------

    @Property(tries = 3000)
    void connectionConfirmParserTakesAnyBytes(@ForAll @Size(max = 2000) byte[] bytes) {
        try {
            X224.parseConfirm(bytes);
        } catch (MalformedMessageException expected) {
            // clean parse error
        }
    }

    @Property(tries = 3000)
    void connectionConfirmParserTakesAnyBodyBehindAValidTpktHeader(@ForAll @Size(min = 3, max = 60) byte[] body) {
        byte[] frame = new byte[4 + body.length];
        frame[0] = 3;
        frame[2] = (byte) (frame.length >>> 8);
        frame[3] = (byte) frame.length;
        System.arraycopy(body, 0, frame, 4, body.length);
        try {
            X224.Reply r = X224.parseConfirm(frame);
            assertNotNull(r.kind());
        } catch (MalformedMessageException expected) {
            // clean parse error
        }
    }

    @Property(tries = 2000)
    void corruptedConfirmsParseOrFailCleanly(@ForAll("corruptedConfirms") byte[] frame) {
        try {
            X224.parseConfirm(frame);
        } catch (MalformedMessageException expected) {
            // clean parse error
        }
    }

    @Provide
    Arbitrary<byte[]> corruptedConfirms() {
        Arbitrary<byte[]> valid = Arbitraries.integers().between(0, 6).flatMap(code ->
                Arbitraries.of(ScriptedServer.selected(code), ScriptedServer.failure(code),
                        new byte[] {3, 0, 0, 11, 6, (byte) 0xD0, 0, 0, 0, 0, 0}));
        return corrupt(valid);
    }

    @Property(tries = 500)
    void selectedProtocolRoundTrips(@ForAll int selected) {
        byte[] f = ScriptedServer.selected(0);
        f[15] = (byte) selected;
        f[16] = (byte) (selected >>> 8);
        f[17] = (byte) (selected >>> 16);
        f[18] = (byte) (selected >>> 24);
        try {
            X224.Reply r = X224.parseConfirm(f);
            assertEquals(X224.Reply.Kind.SELECTED, r.kind());
            assertEquals(selected & 0xFFFFFFFFL, r.selectedProtocol());
        } catch (MalformedMessageException e) {
            throw new AssertionError(e);
        }
    }

    @Property(tries = 500)
    void connectionRequestIsWellFormed(@ForAll int protocols, @ForAll @Size(max = 40) String cookie) {
        byte[] cr = X224.connectionRequest(protocols, cookie);
        int len = ((cr[2] & 0xFF) << 8) | (cr[3] & 0xFF);
        assertEquals(cr.length, len);
        assertEquals(cr.length - 5, cr[4] & 0xFF);
        assertEquals(0xE0, cr[5] & 0xFF);
        int p = cr.length - 4;
        int got = (cr[p] & 0xFF) | ((cr[p + 1] & 0xFF) << 8) | ((cr[p + 2] & 0xFF) << 16) | ((cr[p + 3] & 0xFF) << 24);
        assertEquals(protocols, got);
    }

    @Property(tries = 2000)
    void tpktFrameReaderTakesAnyStream(@ForAll @Size(max = 3000) byte[] stream) throws IOException {
        try {
            byte[] f = X224.readFrame(wire(stream), X224.MAX_CONFIRM_FRAME);
            assertTrue(f.length <= X224.MAX_CONFIRM_FRAME);
        } catch (MalformedMessageException | EOFException expected) {
            // clean error
        }
    }

    // ---------------- DER / TSRequest ----------------

    @Property(tries = 3000)
    void tsRequestDecoderTakesAnyBytes(@ForAll @Size(max = 2000) byte[] bytes) {
        try {
            TsRequest.decode(bytes);
        } catch (MalformedMessageException expected) {
            // clean parse error
        }
    }

    @Property(tries = 1000)
    void tsRequestRoundTrips(@ForAll @IntRange(min = 0, max = Integer.MAX_VALUE) int version,
                             @ForAll @Size(max = 5000) byte[] token) throws MalformedMessageException {
        TsRequest ts = TsRequest.decode(TsRequest.encode(version, token));
        assertEquals(version, ts.version());
        assertEquals(1, ts.negoTokens().size());
        assertArrayEquals(token, ts.negoTokens().get(0));
        assertNull(ts.errorCode());
    }

    @Property(tries = 3000)
    void corruptedTsRequestsDecodeOrFailCleanly(@ForAll("corruptedTsRequests") byte[] der) {
        try {
            TsRequest.decode(der);
        } catch (MalformedMessageException expected) {
            // clean parse error
        }
    }

    @Provide
    Arbitrary<byte[]> corruptedTsRequests() {
        Arbitrary<byte[]> valid = Combinators.combine(Arbitraries.integers().between(0, 10),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(300))
                .as((v, tok) -> TsRequest.encode(v, tok));
        Arbitrary<byte[]> withError = Arbitraries.of(Der.tlv(Der.SEQUENCE, Der.concat(
                Der.tlv(0xA0, Der.integer(6)), Der.tlv(0xA4, Der.integer(0xC000006DL)))));
        return corrupt(Arbitraries.oneOf(valid, withError, Arbitraries.of(
                TsRequest.encode(6, NtlmFixtures.challenge("HOST", "host.example", 1_700_000_000_000L)))));
    }

    @Property(tries = 2000)
    void tsRequestReaderTakesAnyStream(@ForAll @Size(max = 3000) byte[] stream) throws IOException {
        try {
            byte[] b = TsRequest.read(wire(stream));
            assertTrue(b.length <= TsRequest.MAX_SIZE + 6);
        } catch (MalformedMessageException | EOFException expected) {
            // clean error
        }
    }

    // ---------------- NTLM ----------------

    @Property(tries = 3000)
    void ntlmChallengeParserTakesAnyBytes(@ForAll @Size(max = 2000) byte[] bytes) {
        parseNtlm(bytes);
    }

    @Property(tries = 3000)
    void ntlmChallengeParserTakesAnyBodyBehindTheSignature(@ForAll @Size(max = 400) byte[] body) {
        byte[] m = new byte[12 + body.length];
        System.arraycopy("NTLMSSP\0".getBytes(StandardCharsets.US_ASCII), 0, m, 0, 8);
        m[8] = 2;
        System.arraycopy(body, 0, m, 12, body.length);
        parseNtlm(m);
    }

    @Property(tries = 3000)
    void corruptedChallengesParseOrFailCleanly(@ForAll("corruptedChallenges") byte[] m) {
        parseNtlm(m);
    }

    @Provide
    Arbitrary<byte[]> corruptedChallenges() {
        return corrupt(Arbitraries.longs().between(0, 4_000_000_000_000L).map(t ->
                NtlmFixtures.challenge("FIN-APP-07", "fin-app-07.corp.example", t)));
    }

    private static void parseNtlm(byte[] m) {
        try {
            NtlmChallenge c = NtlmChallenge.parse(m);
            // the accessors must not throw either
            c.avString(NtlmChallenge.AV_DNS_COMPUTER_NAME);
            c.timestamp();
        } catch (MalformedMessageException expected) {
            // clean parse error
        }
    }

    @Property(tries = 1000)
    void challengeFixtureRoundTrips(@ForAll @IntRange(min = 1, max = 15) int nbLen,
                                    @ForAll @IntRange(min = 1_000_000, max = Integer.MAX_VALUE) int seconds)
            throws MalformedMessageException {
        String nb = "H".repeat(nbLen);
        long millis = seconds * 1000L;
        NtlmChallenge c = NtlmChallenge.parse(NtlmFixtures.challenge(nb, nb.toLowerCase() + ".example", millis));
        assertEquals(nb, c.avString(NtlmChallenge.AV_NB_COMPUTER_NAME));
        assertEquals(nb.toLowerCase() + ".example", c.avString(NtlmChallenge.AV_DNS_COMPUTER_NAME));
        assertEquals(millis, c.timestamp().toEpochMilli());
        assertEquals("10.0.17763", c.version());
    }

    // ---------------- TLS first flight ----------------

    @Property(tries = 3000)
    void tlsFlightParserTakesAnyBytes(@ForAll @Size(max = 3000) byte[] bytes) {
        parseFlight(bytes);
    }

    @Property(tries = 3000)
    void tlsFlightParserTakesAnyHandshakeRecord(@ForAll @Size(min = 1, max = 500) byte[] fragment) {
        byte[] rec = new byte[5 + fragment.length];
        rec[0] = 22;
        rec[1] = 3;
        rec[2] = 3;
        rec[3] = (byte) (fragment.length >>> 8);
        rec[4] = (byte) fragment.length;
        System.arraycopy(fragment, 0, rec, 5, fragment.length);
        parseFlight(rec);
    }

    @Property(tries = 3000)
    void corruptedFlightsParseOrFailCleanly(@ForAll("corruptedFlights") byte[] stream) {
        parseFlight(stream);
    }

    @Provide
    Arbitrary<byte[]> corruptedFlights() {
        return corrupt(Arbitraries.of(TlsFixtures.tls12Flight(), TlsFixtures.tls13ServerHello(),
                TlsFixtures.alert(70)));
    }

    @Property(tries = 1000)
    void tlsFlightReaderTakesAnyStream(@ForAll @Size(max = 3000) byte[] stream) throws IOException {
        try {
            TlsHello.readFlight(wire(stream));
        } catch (MalformedMessageException | EOFException expected) {
            // clean error
        }
    }

    @Property(tries = 200)
    void clientHelloIsOneWellFormedRecord(@ForAll("versions") int max, @ForAll @Size(64) byte[] random,
                                          @ForAll @Size(32) byte[] key) {
        byte[] hello = TlsHello.clientHello(max, "host.example", random, key);
        assertEquals((byte) 22, hello[0]);
        int len = ((hello[3] & 0xFF) << 8) | (hello[4] & 0xFF);
        assertEquals(hello.length - 5, len);
        int hsLen = ((hello[6] & 0xFF) << 16) | ((hello[7] & 0xFF) << 8) | (hello[8] & 0xFF);
        assertEquals(len - 4, hsLen);
    }

    @Provide
    Arbitrary<Integer> versions() {
        return Arbitraries.of(TlsHello.TLS10, TlsHello.TLS11, TlsHello.TLS12, TlsHello.TLS13);
    }

    private static void parseFlight(byte[] b) {
        try {
            TlsHello.Flight f = TlsHello.parseFlight(b);
            if (f.leafCertificate() != null) {
                assertTrue(f.leafCertificate().length <= TlsHello.MAX_HANDSHAKE_MESSAGE);
            }
        } catch (MalformedMessageException expected) {
            // clean parse error
        }
    }

    // ---------------- helpers ----------------

    private static Wire wire(byte[] stream) {
        return new Wire(null, new ByteArrayInputStream(stream), Duration.ofSeconds(1), System.nanoTime() + 10_000_000_000L);
    }

    /** Valid messages with 1..4 random byte changes, or truncated, or with bytes appended. */
    static Arbitrary<byte[]> corrupt(Arbitrary<byte[]> valid) {
        Arbitrary<byte[]> flipped = Combinators.combine(valid,
                Arbitraries.integers().between(0, Integer.MAX_VALUE).list().ofMinSize(1).ofMaxSize(4),
                Arbitraries.bytes().list().ofSize(4))
                .as((b, positions, values) -> {
                    byte[] c = b.clone();
                    for (int i = 0; i < positions.size(); i++) {
                        c[positions.get(i) % c.length] = values.get(i);
                    }
                    return c;
                });
        Arbitrary<byte[]> truncated = Combinators.combine(valid, Arbitraries.integers().between(0, Integer.MAX_VALUE))
                .as((b, n) -> java.util.Arrays.copyOf(b, n % b.length));
        Arbitrary<byte[]> extended = Combinators.combine(valid, Arbitraries.bytes().array(byte[].class).ofMaxSize(50))
                .as((b, extra) -> {
                    byte[] c = java.util.Arrays.copyOf(b, b.length + extra.length);
                    System.arraycopy(extra, 0, c, b.length, extra.length);
                    return c;
                });
        return Arbitraries.oneOf(List.of(flipped, truncated, extended));
    }
}

package io.github.rdpdoctor.symptoms;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The mstsc disconnect reasons ({@code client.error_code}) whose documented meaning says where the attempt stopped, with
 * the meaning Microsoft documents for each (Microsoft Learn, "IMsTscAxEvents::OnDisconnected" and "OnConnectionTerminated
 * event"): the codes that end an attempt before any TCP connection to the host was made, the failed unpacking of the
 * server's certificate, and the failed or timed-out licensing negotiation. Rules read them through {@link #neverConnected},
 * {@link #noAddressForHost}, {@link #nameLookupFailed}, {@link #serverCertificateUnreadable} and {@link #licensingFailed}
 * rather than repeating the list of codes, and name the code in their evidence with {@link #describe}.
 *
 * <p>0x904 (socket closed) is not here: it comes after a connection was open and does not say at which stage.
 */
public enum MstscDisconnectReason {
    DNS_LOOKUP_FAILED(0x104, "DNS name lookup failure", Stage.NAME_LOOKUP),
    SOCKET_CONNECT_FAILED(0x204, "Winsock socket connect failure", Stage.TCP_CONNECT),
    HOST_NOT_FOUND(0x208, "host not found", Stage.NAME_LOOKUP),
    INVALID_IP_ADDR(0x308, "invalid IP address specified", Stage.INVALID_ADDRESS),
    DNS_LOOKUP_FAILED_2(0x508, "DNS lookup failed", Stage.NAME_LOOKUP),
    GET_HOST_BY_NAME_FAILED(0x604, "Windows Sockets gethostbyname call failed", Stage.NAME_LOOKUP),
    SERVER_CERTIFICATE_UNPACK_ERR(0x706, "failed to unpack server certificate", Stage.SERVER_CERTIFICATE),
    INVALID_IP(0x804, "invalid IP address specified", Stage.INVALID_ADDRESS),
    LICENSING_FAILED(0x808, "licensing negotiation failed", Stage.LICENSING),
    LICENSING_TIMEOUT(0x908, "licensing timeout", Stage.LICENSING);

    /** Where the attempt stopped. */
    private enum Stage {
        /** The host name did not resolve: the client had no address to connect to. */
        NAME_LOOKUP,
        /** The address given was not valid: the client had no address to connect to. */
        INVALID_ADDRESS,
        /** The client had an address but its TCP connect failed. */
        TCP_CONNECT,
        /** The client could not unpack the certificate the server sent. */
        SERVER_CERTIFICATE,
        /** The licensing negotiation, after the security exchange, failed or timed out. */
        LICENSING
    }

    private static final Map<String, MstscDisconnectReason> BY_TEXT = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(MstscDisconnectReason::hex, Function.identity()));

    private final int code;
    private final String meaning;
    private final Stage stage;

    MstscDisconnectReason(int code, String meaning, Stage stage) {
        this.code = code;
        this.meaning = meaning;
        this.stage = stage;
    }

    /** The code as symptom files hold it after loading, e.g. {@code "0x104"}. */
    private String hex() {
        return new HexCode(code).toString();
    }

    /** The reason for a loaded {@code client.error_code} value, if it is one of these. */
    private static Optional<MstscDisconnectReason> of(String text) {
        return Optional.ofNullable(text == null ? null : BY_TEXT.get(text));
    }

    /** Whether the code is one of these and stopped at one of {@code stages}. */
    private static boolean at(String text, Stage... stages) {
        return of(text).filter(r -> Arrays.asList(stages).contains(r.stage)).isPresent();
    }

    /** True when the code says the client never made a TCP connection to the host (no address, or the connect failed). */
    public static boolean neverConnected(String text) {
        return at(text, Stage.NAME_LOOKUP, Stage.INVALID_ADDRESS, Stage.TCP_CONNECT);
    }

    /** True when the code says the client never had an address for the host (a failed name lookup or an invalid address). */
    public static boolean noAddressForHost(String text) {
        return at(text, Stage.NAME_LOOKUP, Stage.INVALID_ADDRESS);
    }

    /** True when the code says the client's lookup of the host name failed. */
    public static boolean nameLookupFailed(String text) {
        return at(text, Stage.NAME_LOOKUP);
    }

    /** True for 1798 (0x706), "failed to unpack server certificate": the client could not read the certificate the server sent. */
    public static boolean serverCertificateUnreadable(String text) {
        return at(text, Stage.SERVER_CERTIFICATE);
    }

    /** True for 2056 (0x808) licensing negotiation failed and 2312 (0x908) licensing timeout. */
    public static boolean licensingFailed(String text) {
        return at(text, Stage.LICENSING);
    }

    /** {@code "0x104 (DNS name lookup failure)"}, or the text as given for a code not listed here. */
    public static String describe(String text) {
        return of(text).map(r -> r.hex() + " (" + r.meaning + ")").orElse(String.valueOf(text));
    }
}

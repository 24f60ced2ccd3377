package io.github.rdpdoctor.symptoms;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The mstsc disconnect reasons ({@code client.error_code}) that end a connection attempt before any TCP connection to
 * the host was made, with the meaning Microsoft documents for each (Microsoft Learn, "IMsTscAxEvents::OnDisconnected" and
 * "OnConnectionTerminated event"). Rules read them through {@link #neverConnected} and {@link #noAddressForHost} rather
 * than repeating the list of codes, and name the code in their evidence with {@link #describe}.
 *
 * <p>0x904 (socket closed) is not here: it comes after a connection was open.
 */
public enum MstscDisconnectReason {
    DNS_LOOKUP_FAILED(0x104, "DNS name lookup failure", Stage.NAME_LOOKUP),
    SOCKET_CONNECT_FAILED(0x204, "Winsock socket connect failure", Stage.TCP_CONNECT),
    HOST_NOT_FOUND(0x208, "host not found", Stage.NAME_LOOKUP),
    INVALID_IP_ADDR(0x308, "invalid IP address specified", Stage.INVALID_ADDRESS),
    DNS_LOOKUP_FAILED_2(0x508, "DNS lookup failed", Stage.NAME_LOOKUP),
    GET_HOST_BY_NAME_FAILED(0x604, "Windows Sockets gethostbyname call failed", Stage.NAME_LOOKUP),
    INVALID_IP(0x804, "invalid IP address specified", Stage.INVALID_ADDRESS);

    /** Where the attempt stopped. */
    private enum Stage {
        /** The host name did not resolve: the client had no address to connect to. */
        NAME_LOOKUP,
        /** The address given was not valid: the client had no address to connect to. */
        INVALID_ADDRESS,
        /** The client had an address but its TCP connect failed. */
        TCP_CONNECT
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

    /** True when the code says the client never made a TCP connection to the host (no address, or the connect failed). */
    public static boolean neverConnected(String text) {
        return of(text).isPresent();
    }

    /** True when the code says the client never had an address for the host (a failed name lookup or an invalid address). */
    public static boolean noAddressForHost(String text) {
        return of(text).filter(r -> r.stage != Stage.TCP_CONNECT).isPresent();
    }

    /** True when the code says the client's lookup of the host name failed. */
    public static boolean nameLookupFailed(String text) {
        return of(text).filter(r -> r.stage == Stage.NAME_LOOKUP).isPresent();
    }

    /** {@code "0x104 (DNS name lookup failure)"}, or the text as given for a code not listed here. */
    public static String describe(String text) {
        return of(text).map(r -> r.hex() + " (" + r.meaning + ")").orElse(String.valueOf(text));
    }
}

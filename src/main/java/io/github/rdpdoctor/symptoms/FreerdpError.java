package io.github.rdpdoctor.symptoms;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The FreeRDP connection errors ({@code client.freerdp_error}, the {@code ERRCONNECT_*} names of FreeRDP's
 * include/freerdp/error.h) whose meaning says where the attempt stopped: the name lookup, the security negotiation, the
 * TLS handshake, or the host's answer to the CredSSP authentication — FreeRDP turns the NTSTATUS a Windows host returns in
 * the TSRequest's errorCode (MS-CSSP 2.2.1, version 3 and later) into these names, the same status codes a host's Security
 * 4625 records. Rules read them through the predicates here rather than repeating the lists, and name the code in their
 * evidence with {@link #describe}.
 *
 * <p>ERRCONNECT_CONNECT_TRANSPORT_FAILED is not read as a stage: FreeRDP records it for a refused TCP connect, for a
 * connection the host closed during the negotiation and for a password a FreeRDP shadow server refused alike
 * (FreerdpClientLogTest shows all three with a real xfreerdp).
 */
public enum FreerdpError {
    DNS_ERROR("ERRCONNECT_DNS_ERROR", "DNS error", Stage.NAME_LOOKUP),
    DNS_NAME_NOT_FOUND("ERRCONNECT_DNS_NAME_NOT_FOUND", "DNS host not found", Stage.NAME_LOOKUP),
    SECURITY_NEGO_CONNECT_FAILED("ERRCONNECT_SECURITY_NEGO_CONNECT_FAILED", "security negotiation failed", Stage.NEGOTIATION),
    TLS_CONNECT_FAILED("ERRCONNECT_TLS_CONNECT_FAILED", "TLS connection failed", Stage.TLS),
    LOGON_FAILURE("ERRCONNECT_LOGON_FAILURE", "STATUS_LOGON_FAILURE: unknown user name or bad password", Stage.PASSWORD),
    WRONG_PASSWORD("ERRCONNECT_WRONG_PASSWORD", "STATUS_WRONG_PASSWORD", Stage.PASSWORD),
    ACCOUNT_LOCKED_OUT("ERRCONNECT_ACCOUNT_LOCKED_OUT", "STATUS_ACCOUNT_LOCKED_OUT", Stage.ACCOUNT_STATE),
    ACCOUNT_DISABLED("ERRCONNECT_ACCOUNT_DISABLED", "STATUS_ACCOUNT_DISABLED", Stage.ACCOUNT_STATE),
    ACCOUNT_EXPIRED("ERRCONNECT_ACCOUNT_EXPIRED", "STATUS_ACCOUNT_EXPIRED", Stage.ACCOUNT_STATE),
    PASSWORD_EXPIRED("ERRCONNECT_PASSWORD_EXPIRED", "STATUS_PASSWORD_EXPIRED", Stage.ACCOUNT_STATE),
    PASSWORD_CERTAINLY_EXPIRED("ERRCONNECT_PASSWORD_CERTAINLY_EXPIRED", "KDC_ERR_KEY_EXPIRED: the password has expired", Stage.ACCOUNT_STATE),
    PASSWORD_MUST_CHANGE("ERRCONNECT_PASSWORD_MUST_CHANGE", "STATUS_PASSWORD_MUST_CHANGE", Stage.ACCOUNT_STATE),
    CLIENT_REVOKED("ERRCONNECT_CLIENT_REVOKED", "KDC_ERR_CLIENT_REVOKED: the account is disabled, expired or locked out", Stage.ACCOUNT_STATE),
    LOGON_TYPE_NOT_GRANTED("ERRCONNECT_LOGON_TYPE_NOT_GRANTED", "STATUS_LOGON_TYPE_NOT_GRANTED", Stage.LOGON_TYPE);

    /** Where the attempt stopped. */
    private enum Stage {
        /** The host name did not resolve. */
        NAME_LOOKUP,
        /** The host refused every security protocol the client offered (RDP_NEG_FAILURE, or no common protocol). */
        NEGOTIATION,
        /** The TLS handshake failed (versions, suites, or a certificate the client refused). */
        TLS,
        /** The host's CredSSP refused the user name or password. */
        PASSWORD,
        /** The host's CredSSP refused the account for its state. */
        ACCOUNT_STATE,
        /** The host's CredSSP refused the remote interactive logon type. */
        LOGON_TYPE
    }

    private static final Map<String, FreerdpError> BY_NAME = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(e -> e.errconnect, Function.identity()));

    private final String errconnect;
    private final String meaning;
    private final Stage stage;

    FreerdpError(String errconnect, String meaning, Stage stage) {
        this.errconnect = errconnect;
        this.meaning = meaning;
        this.stage = stage;
    }

    /** The listed error of that ERRCONNECT_ name, or null. */
    private static FreerdpError of(String text) {
        return text == null ? null : BY_NAME.get(text);
    }

    private static boolean at(String text, Stage stage) {
        FreerdpError e = of(text);
        return e != null && e.stage == stage;
    }

    /** The host name did not resolve (ERRCONNECT_DNS_ERROR, ERRCONNECT_DNS_NAME_NOT_FOUND). */
    public static boolean nameLookupFailed(String text) {
        return at(text, Stage.NAME_LOOKUP);
    }

    /** The security negotiation failed (ERRCONNECT_SECURITY_NEGO_CONNECT_FAILED). */
    public static boolean negotiationFailed(String text) {
        return at(text, Stage.NEGOTIATION);
    }

    /** The TLS handshake failed (ERRCONNECT_TLS_CONNECT_FAILED). */
    public static boolean tlsFailed(String text) {
        return at(text, Stage.TLS);
    }

    /** The host refused the user name or password (ERRCONNECT_LOGON_FAILURE, ERRCONNECT_WRONG_PASSWORD). */
    public static boolean passwordRefused(String text) {
        return at(text, Stage.PASSWORD);
    }

    /** The host refused the account for its state: locked out, disabled, expired, its password expired or to be changed. */
    public static boolean accountRefused(String text) {
        return at(text, Stage.ACCOUNT_STATE);
    }

    /** The host refused the remote logon type (ERRCONNECT_LOGON_TYPE_NOT_GRANTED). */
    public static boolean logonTypeRefused(String text) {
        return at(text, Stage.LOGON_TYPE);
    }

    /**
     * The host's CredSSP answered the authentication with an account status (a refused password, account state or logon
     * type): the TCP connection, the security negotiation and the TLS handshake had worked.
     */
    public static boolean hostCheckedTheAccount(String text) {
        return passwordRefused(text) || accountRefused(text) || logonTypeRefused(text);
    }

    /** "ERRCONNECT_ACCOUNT_LOCKED_OUT (STATUS_ACCOUNT_LOCKED_OUT)" for the evidence; an unlisted name as it is. */
    public static String describe(String text) {
        FreerdpError e = of(text);
        return e == null ? String.valueOf(text) : e.errconnect + " (" + e.meaning + ")";
    }
}

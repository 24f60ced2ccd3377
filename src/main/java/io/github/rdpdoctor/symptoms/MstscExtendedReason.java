package io.github.rdpdoctor.symptoms;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * mstsc's extended disconnect reasons ({@code client.extended_error_code}) by the names and meanings of Microsoft's
 * {@code ExtendedDisconnectReasonCode} enumeration (Microsoft Learn, "ExtendedDisconnectReasonCode enumeration" and
 * "IMsRdpClient::get_ExtendedDisconnectReason"): the connection and session codes 0x1–0xc and the RDS licensing range
 * 0x100–0x10b. Licensing is the phase of the RDP connection sequence after the security exchange (MS-RDPBCGR 1.3.1.1),
 * and a logon timer or a session that the host ended exists only after it, so those codes also say the connection got
 * past TLS and CredSSP. Rules read the codes through the predicates below and name them in their evidence with
 * {@link #describe}; 0x7 and 0x9 are read by their text in the rules, and are here so that {@code describe} names them.
 */
public enum MstscExtendedReason {
    API_INITIATED_DISCONNECT(0x1, "exDiscReasonAPIInitiatedDisconnect", Kind.SESSION_ENDED),
    API_INITIATED_LOGOFF(0x2, "exDiscReasonAPIInitiatedLogoff", Kind.SESSION_ENDED),
    SERVER_IDLE_TIMEOUT(0x3, "exDiscReasonServerIdleTimeout", Kind.SESSION_ENDED),
    SERVER_LOGON_TIMEOUT(0x4, "exDiscReasonServerLogonTimeout", Kind.LOGON_TIMED_OUT),
    REPLACED_BY_OTHER_CONNECTION(0x5, "exDiscReasonReplacedByOtherConnection", Kind.REPLACED),
    OUT_OF_MEMORY(0x6, "exDiscReasonOutOfMemory", Kind.HOST_OUT_OF_MEMORY),
    SERVER_DENIED_CONNECTION(0x7, "exDiscReasonServerDeniedConnection", Kind.DENIED),
    SERVER_DENIED_CONNECTION_FIPS(0x8, "exDiscReasonServerDeniedConnectionFips", Kind.DENIED_FOR_SECURITY),
    SERVER_INSUFFICIENT_PRIVILEGES(0x9, "exDiscReasonServerInsufficientPrivileges", Kind.DENIED),
    SERVER_FRESH_CREDS_REQUIRED(0xa, "exDiscReasonServerFreshCredsRequired", Kind.FRESH_CREDENTIALS),
    RPC_INITIATED_DISCONNECT_BY_USER(0xb, "exDiscReasonRpcInitiatedDisconnectByUser", Kind.SESSION_ENDED),
    LOGOFF_BY_USER(0xc, "exDiscReasonLogoffByUser", Kind.SESSION_ENDED),
    LICENSE_INTERNAL(0x100, "exDiscReasonLicenseInternal", Kind.LICENSE_EXCHANGE),
    LICENSE_NO_LICENSE_SERVER(0x101, "exDiscReasonLicenseNoLicenseServer", Kind.HOST_HAS_NO_LICENSE),
    LICENSE_NO_LICENSE(0x102, "exDiscReasonLicenseNoLicense", Kind.HOST_HAS_NO_LICENSE),
    LICENSE_ERR_CLIENT_MSG(0x103, "exDiscReasonLicenseErrClientMsg", Kind.LICENSE_EXCHANGE),
    LICENSE_HWID_DOESNT_MATCH_LICENSE(0x104, "exDiscReasonLicenseHwidDoesntMatchLicense", Kind.CLIENT_LICENSE_STORE),
    LICENSE_ERR_CLIENT_LICENSE(0x105, "exDiscReasonLicenseErrClientLicense", Kind.CLIENT_LICENSE_STORE),
    LICENSE_CANT_FINISH_PROTOCOL(0x106, "exDiscReasonLicenseCantFinishProtocol", Kind.LICENSE_EXCHANGE),
    LICENSE_CLIENT_ENDED_PROTOCOL(0x107, "exDiscReasonLicenseClientEndedProtocol", Kind.LICENSE_EXCHANGE),
    LICENSE_ERR_CLIENT_ENCRYPTION(0x108, "exDiscReasonLicenseErrClientEncryption", Kind.LICENSE_EXCHANGE),
    LICENSE_CANT_UPGRADE_LICENSE(0x109, "exDiscReasonLicenseCantUpgradeLicense", Kind.LICENSE_EXCHANGE),
    LICENSE_NO_REMOTE_CONNECTIONS(0x10a, "exDiscReasonLicenseNoRemoteConnections", Kind.HOST_HAS_NO_LICENSE),
    LICENSE_CREATING_LIC_STORE_ACC_DENIED(0x10b, "exDiscReasonLicenseCreatingLicStoreAccDenied", Kind.CLIENT_LICENSE_STORE);

    /** What a code says about where and why the connection ended. */
    private enum Kind {
        /** The host ended the user's session: an administrator's tool, an idle limit, the user's own disconnect or logoff. */
        SESSION_ENDED,
        /** Another connection took over the session (exDiscReasonReplacedByOtherConnection). */
        REPLACED,
        /** The host's logon timer ran out: the connection reached the logon, which did not finish in time. */
        LOGON_TIMED_OUT,
        /** The host ran out of memory. */
        HOST_OUT_OF_MEMORY,
        /** The host denied the connection (0x7) or the user (0x9). */
        DENIED,
        /** The host denied the connection for security reasons (FIPS-compliant encryption required). */
        DENIED_FOR_SECURITY,
        /** The host does not accept saved credentials: the user must type them for each connection. */
        FRESH_CREDENTIALS,
        /** The host had no license to give: no license server, no license, or not licensed for remote connections. */
        HOST_HAS_NO_LICENSE,
        /** The client's own license store: its cached license does not match or is bad, or it cannot be created. */
        CLIENT_LICENSE_STORE,
        /** The licensing exchange itself failed. */
        LICENSE_EXCHANGE
    }

    private static final Set<Kind> LICENSING = EnumSet.of(Kind.HOST_HAS_NO_LICENSE, Kind.CLIENT_LICENSE_STORE, Kind.LICENSE_EXCHANGE);
    private static final Set<Kind> SESSION = EnumSet.of(Kind.SESSION_ENDED, Kind.REPLACED);

    private static final Map<String, MstscExtendedReason> BY_TEXT = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(MstscExtendedReason::hex, Function.identity()));

    private final int code;
    private final String constant;
    private final Kind kind;

    MstscExtendedReason(int code, String constant, Kind kind) {
        this.code = code;
        this.constant = constant;
        this.kind = kind;
    }

    /** The code as symptom files hold it after loading, e.g. {@code "0x104"}. */
    private String hex() {
        return new HexCode(code).toString();
    }

    /** The reason for a loaded {@code client.extended_error_code} value, if the enumeration names it. */
    private static Optional<MstscExtendedReason> of(String text) {
        return Optional.ofNullable(text == null ? null : BY_TEXT.get(text));
    }

    private static boolean is(String text, Set<Kind> kinds) {
        return of(text).filter(r -> kinds.contains(r.kind)).isPresent();
    }

    private static boolean is(String text, Kind kind) {
        return of(text).filter(r -> r.kind == kind).isPresent();
    }

    /** True for any code of the licensing range: the connection ended in the RDS licensing phase. */
    public static boolean licensing(String text) {
        return is(text, LICENSING);
    }

    /**
     * True when the code says the connection got past the security exchange (TLS, CredSSP): it ended in RDS licensing, at
     * the logon's timer, or in a session the host had made for the user.
     */
    public static boolean pastSecurityExchange(String text) {
        return licensing(text) || sessionExisted(text) || is(text, Kind.LOGON_TIMED_OUT);
    }

    /**
     * True when the code says the user had a session on the host that was then ended or taken over (0x1–0x3, 0x5, 0xb,
     * 0xc): the user had logged on.
     */
    public static boolean sessionExisted(String text) {
        return is(text, SESSION);
    }

    /** True for exDiscReasonReplacedByOtherConnection (0x5): another connection took over the session. */
    public static boolean replacedByOtherConnection(String text) {
        return is(text, Kind.REPLACED);
    }

    /** True for exDiscReasonOutOfMemory (0x6): the host had no memory for the connection. */
    public static boolean hostOutOfMemory(String text) {
        return is(text, Kind.HOST_OUT_OF_MEMORY);
    }

    /** True for exDiscReasonServerDeniedConnectionFips (0x8): the host denied the connection for security reasons. */
    public static boolean deniedForSecurity(String text) {
        return is(text, Kind.DENIED_FOR_SECURITY);
    }

    /** True for exDiscReasonServerFreshCredsRequired (0xa): the host does not accept saved credentials. */
    public static boolean freshCredentialsRequired(String text) {
        return is(text, Kind.FRESH_CREDENTIALS);
    }

    /**
     * True when the code says the host had no license to give: no license server, no license, or the host not licensed
     * for remote connections.
     */
    public static boolean hostHasNoLicenseToGive(String text) {
        return is(text, Kind.HOST_HAS_NO_LICENSE);
    }

    /** True when the code blames the client's own license store (exDiscReasonLicenseHwidDoesntMatchLicense and its siblings). */
    public static boolean clientLicenseStoreFailed(String text) {
        return is(text, Kind.CLIENT_LICENSE_STORE);
    }

    /** True when the code says the licensing exchange itself failed (neither side's license named). */
    public static boolean licensingExchangeFailed(String text) {
        return is(text, Kind.LICENSE_EXCHANGE);
    }

    /**
     * Where a connection that got past the security exchange ended, for evidence: "RDS licensing", "the logon" or "a session
     * the host had made for the user"; "a later phase" for any other code.
     */
    public static String phase(String text) {
        if (licensing(text)) {
            return "RDS licensing";
        }
        if (is(text, Kind.LOGON_TIMED_OUT)) {
            return "the logon";
        }
        return sessionExisted(text) ? "a session the host had made for the user" : "a later phase";
    }

    /** {@code "0x101 (exDiscReasonLicenseNoLicenseServer)"}, or the text as given for a code the enumeration does not name. */
    public static String describe(String text) {
        return of(text).map(r -> r.hex() + " (" + r.constant + ")").orElse(String.valueOf(text));
    }
}

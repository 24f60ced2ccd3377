package io.github.rdpdoctor.symptoms;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The RDS licensing range of mstsc's extended disconnect reasons ({@code client.extended_error_code} 0x100–0x10b), by the
 * names of Microsoft's {@code ExtendedDisconnectReasonCode} enumeration (Microsoft Learn, "ExtendedDisconnectReasonCode
 * enumeration"). Licensing is the phase of the RDP connection sequence after the security exchange (MS-RDPBCGR 1.3.1.1), so
 * a code in this range also says the connection got past TLS and CredSSP. Rules read the codes through
 * {@link #licensing}, {@link #hostHasNoLicenseToGive}, {@link #clientLicenseStoreFailed} and {@link #licensingExchangeFailed},
 * and name them in their evidence with {@link #describe}.
 */
public enum MstscExtendedReason {
    LICENSE_INTERNAL(0x100, "exDiscReasonLicenseInternal", Side.EXCHANGE),
    LICENSE_NO_LICENSE_SERVER(0x101, "exDiscReasonLicenseNoLicenseServer", Side.HOST_HAS_NO_LICENSE),
    LICENSE_NO_LICENSE(0x102, "exDiscReasonLicenseNoLicense", Side.HOST_HAS_NO_LICENSE),
    LICENSE_ERR_CLIENT_MSG(0x103, "exDiscReasonLicenseErrClientMsg", Side.EXCHANGE),
    LICENSE_HWID_DOESNT_MATCH_LICENSE(0x104, "exDiscReasonLicenseHwidDoesntMatchLicense", Side.CLIENT_LICENSE_STORE),
    LICENSE_ERR_CLIENT_LICENSE(0x105, "exDiscReasonLicenseErrClientLicense", Side.CLIENT_LICENSE_STORE),
    LICENSE_CANT_FINISH_PROTOCOL(0x106, "exDiscReasonLicenseCantFinishProtocol", Side.EXCHANGE),
    LICENSE_CLIENT_ENDED_PROTOCOL(0x107, "exDiscReasonLicenseClientEndedProtocol", Side.EXCHANGE),
    LICENSE_ERR_CLIENT_ENCRYPTION(0x108, "exDiscReasonLicenseErrClientEncryption", Side.EXCHANGE),
    LICENSE_CANT_UPGRADE_LICENSE(0x109, "exDiscReasonLicenseCantUpgradeLicense", Side.EXCHANGE),
    LICENSE_NO_REMOTE_CONNECTIONS(0x10a, "exDiscReasonLicenseNoRemoteConnections", Side.HOST_HAS_NO_LICENSE),
    LICENSE_CREATING_LIC_STORE_ACC_DENIED(0x10b, "exDiscReasonLicenseCreatingLicStoreAccDenied", Side.CLIENT_LICENSE_STORE);

    /** Which side of the licensing phase the code blames. */
    private enum Side {
        /** The host had no license to give: no license server, no license, or not licensed for remote connections. */
        HOST_HAS_NO_LICENSE,
        /** The client's own license store: its cached license does not match or is bad, or it cannot be created. */
        CLIENT_LICENSE_STORE,
        /** The licensing exchange itself failed. */
        EXCHANGE
    }

    private static final Map<String, MstscExtendedReason> BY_TEXT = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(MstscExtendedReason::hex, Function.identity()));

    private final int code;
    private final String constant;
    private final Side side;

    MstscExtendedReason(int code, String constant, Side side) {
        this.code = code;
        this.constant = constant;
        this.side = side;
    }

    /** The code as symptom files hold it after loading, e.g. {@code "0x104"}. */
    private String hex() {
        return new HexCode(code).toString();
    }

    /** The reason for a loaded {@code client.extended_error_code} value, if it is in the licensing range. */
    private static Optional<MstscExtendedReason> of(String text) {
        return Optional.ofNullable(text == null ? null : BY_TEXT.get(text));
    }

    /** True for any code of the licensing range: the connection ended in the RDS licensing phase. */
    public static boolean licensing(String text) {
        return of(text).isPresent();
    }

    /**
     * True when the code says the host had no license to give: no license server, no license, or the host not licensed
     * for remote connections.
     */
    public static boolean hostHasNoLicenseToGive(String text) {
        return of(text).filter(r -> r.side == Side.HOST_HAS_NO_LICENSE).isPresent();
    }

    /** True when the code blames the client's own license store (exDiscReasonLicenseHwidDoesntMatchLicense and its siblings). */
    public static boolean clientLicenseStoreFailed(String text) {
        return of(text).filter(r -> r.side == Side.CLIENT_LICENSE_STORE).isPresent();
    }

    /** True when the code says the licensing exchange itself failed (neither side's license named). */
    public static boolean licensingExchangeFailed(String text) {
        return of(text).filter(r -> r.side == Side.EXCHANGE).isPresent();
    }

    /** {@code "0x101 (exDiscReasonLicenseNoLicenseServer)"}, or the text as given for a code outside the range. */
    public static String describe(String text) {
        return of(text).map(r -> r.hex() + " (" + r.constant + ")").orElse(String.valueOf(text));
    }
}

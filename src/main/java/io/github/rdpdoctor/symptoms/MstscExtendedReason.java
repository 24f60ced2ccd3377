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
 * {@link #licensing} and {@link #hostHasNoLicenseToGive}, and name them in their evidence with {@link #describe}.
 */
public enum MstscExtendedReason {
    LICENSE_INTERNAL(0x100, "exDiscReasonLicenseInternal", false),
    LICENSE_NO_LICENSE_SERVER(0x101, "exDiscReasonLicenseNoLicenseServer", true),
    LICENSE_NO_LICENSE(0x102, "exDiscReasonLicenseNoLicense", true),
    LICENSE_ERR_CLIENT_MSG(0x103, "exDiscReasonLicenseErrClientMsg", false),
    LICENSE_HWID_DOESNT_MATCH_LICENSE(0x104, "exDiscReasonLicenseHwidDoesntMatchLicense", false),
    LICENSE_ERR_CLIENT_LICENSE(0x105, "exDiscReasonLicenseErrClientLicense", false),
    LICENSE_CANT_FINISH_PROTOCOL(0x106, "exDiscReasonLicenseCantFinishProtocol", false),
    LICENSE_CLIENT_ENDED_PROTOCOL(0x107, "exDiscReasonLicenseClientEndedProtocol", false),
    LICENSE_ERR_CLIENT_ENCRYPTION(0x108, "exDiscReasonLicenseErrClientEncryption", false),
    LICENSE_CANT_UPGRADE_LICENSE(0x109, "exDiscReasonLicenseCantUpgradeLicense", false),
    LICENSE_NO_REMOTE_CONNECTIONS(0x10a, "exDiscReasonLicenseNoRemoteConnections", true),
    LICENSE_CREATING_LIC_STORE_ACC_DENIED(0x10b, "exDiscReasonLicenseCreatingLicStoreAccDenied", false);

    private static final Map<String, MstscExtendedReason> BY_TEXT = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(MstscExtendedReason::hex, Function.identity()));

    private final int code;
    private final String constant;
    private final boolean hostHasNoLicense;

    MstscExtendedReason(int code, String constant, boolean hostHasNoLicense) {
        this.code = code;
        this.constant = constant;
        this.hostHasNoLicense = hostHasNoLicense;
    }

    /** The code as symptom files hold it after loading, e.g. {@code "0x101"}. */
    public String hex() {
        return new HexCode(code).toString();
    }

    /** Microsoft's name for the code. */
    public String constant() {
        return constant;
    }

    /** The reason for a loaded {@code client.extended_error_code} value, if it is in the licensing range. */
    public static Optional<MstscExtendedReason> of(String text) {
        return Optional.ofNullable(text == null ? null : BY_TEXT.get(text));
    }

    /** True for any code of the licensing range: the connection ended in the RDS licensing phase. */
    public static boolean licensing(String text) {
        return of(text).isPresent();
    }

    /**
     * True when the code says the host had no license to give: no license server, no license, or the host not licensed
     * for remote connections. The other codes of the range are failures of the licensing exchange itself.
     */
    public static boolean hostHasNoLicenseToGive(String text) {
        return of(text).filter(r -> r.hostHasNoLicense).isPresent();
    }

    /** {@code "0x101 (exDiscReasonLicenseNoLicenseServer)"}, or the text as given for a code outside the range. */
    public static String describe(String text) {
        return of(text).map(r -> r.hex() + " (" + r.constant + ")").orElse(String.valueOf(text));
    }
}

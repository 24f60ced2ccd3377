package io.github.rdpdoctor.collectors.network;

/** RDP security protocol bits and RDP_NEG_FAILURE codes (MS-RDPBCGR 2.2.1.1.1, 2.2.1.2.2). */
public final class RdpProtocols {
    public static final int RDP = 0;
    public static final int SSL = 1;
    public static final int HYBRID = 2;
    public static final int RDSTLS = 4;
    public static final int HYBRID_EX = 8;
    public static final int RDSAAD = 0x10;

    private RdpProtocols() {
    }

    /** Symptom value for a selectedProtocol ({@code rdp}, {@code ssl}, ...), or null when not a single known protocol. */
    public static String selectedName(long selected) {
        return switch ((int) selected) {
            case RDP -> "rdp";
            case SSL -> "ssl";
            case HYBRID -> "hybrid";
            case RDSTLS -> "rdstls";
            case HYBRID_EX -> "hybrid_ex";
            case RDSAAD -> "rdsaad";
            default -> null;
        };
    }

    /** Symptom value for an RDP_NEG_FAILURE code, or null for an unknown code. */
    public static String failureName(long code) {
        return switch ((int) code) {
            case 1 -> "ssl_required_by_server";
            case 2 -> "ssl_not_allowed_by_server";
            case 3 -> "ssl_cert_not_on_server";
            case 4 -> "inconsistent_flags";
            case 5 -> "hybrid_required_by_server";
            case 6 -> "ssl_with_user_auth_required_by_server";
            default -> null;
        };
    }

    /** Human-readable protocol set, e.g. {@code HYBRID|SSL}, {@code RDP} for 0. */
    public static String describe(int requested) {
        if (requested == 0) {
            return "RDP";
        }
        StringBuilder sb = new StringBuilder();
        String[] names = {"SSL", "HYBRID", "RDSTLS", "HYBRID_EX", "RDSAAD"};
        int[] bits = {SSL, HYBRID, RDSTLS, HYBRID_EX, RDSAAD};
        for (int i = bits.length - 1; i >= 0; i--) {
            if ((requested & bits[i]) != 0) {
                sb.append(sb.length() == 0 ? "" : "|").append(names[i]);
            }
        }
        int rest = requested & ~0x1F;
        if (rest != 0) {
            sb.append(sb.length() == 0 ? "" : "|").append("0x").append(Integer.toHexString(rest));
        }
        return sb.toString();
    }
}

package io.github.rdpdoctor.collectors.osquery;

import java.util.List;

/** The queries of the rdp-doctor osquery pack ({@code kb/osquery/rdp-doctor.conf}) that the ingester reads. */
public final class OsqueryQueries {
    public static final String SERVICES = "rdp_services";
    public static final String REGISTRY = "rdp_registry";
    public static final String NETWORK_PROFILES = "rdp_network_profiles";
    public static final String FIREWALL_PROFILES = "rdp_firewall_profiles";
    public static final String FIREWALL_BLOCK_ALL = "rdp_firewall_block_all";
    public static final String FIREWALL_RULES = "rdp_firewall_rules";
    public static final String CERTIFICATES = "rdp_certificates";
    public static final String MACHINEKEYS = "rdp_machinekeys";
    public static final String SESSIONS = "rdp_sessions";
    public static final String EVENTS = "rdp_events";
    public static final String PATCHES = "rdp_patches";
    public static final String SECURITY_PRODUCTS = "rdp_security_products";
    public static final String SECURITY_SERVICES = "rdp_security_services";
    public static final String OS = "rdp_os";
    public static final String HARDWARE = "rdp_hardware";
    public static final String CHASSIS = "rdp_chassis";

    /** Every query name of the pack. */
    public static final List<String> NAMES = List.of(SERVICES, REGISTRY, NETWORK_PROFILES, FIREWALL_PROFILES, FIREWALL_BLOCK_ALL,
            FIREWALL_RULES, CERTIFICATES, MACHINEKEYS, SESSIONS, EVENTS, PATCHES, SECURITY_PRODUCTS, SECURITY_SERVICES, OS, HARDWARE, CHASSIS);

    private OsqueryQueries() {
    }

    /**
     * The pack query a results-log name stands for: the name itself, or a scheduled pack query
     * {@code pack<D><pack><D><query>} for any pack name and any delimiter D (osqueryd's {@code --pack_delimiter}:
     * {@code _} by default, often {@code /} or {@code :}, any string allowed); the longest query name that fits wins.
     * Null for other queries.
     */
    public static String resolve(String name) {
        if (name == null) {
            return null;
        }
        String best = null;
        for (String q : NAMES) {
            if (name.endsWith(q) && (best == null || q.length() > best.length())
                    && (name.length() == q.length() || packPrefix(name.substring(0, name.length() - q.length())))) {
                best = q;
            }
        }
        return best;
    }

    /** {@code pack<D><pack><D>} with a non-empty delimiter D and a non-empty pack name. */
    private static boolean packPrefix(String prefix) {
        if (!prefix.startsWith("pack")) {
            return false;
        }
        String rest = prefix.substring(4);
        for (int d = 1; 2 * d < rest.length(); d++) {
            if (rest.endsWith(rest.substring(0, d))) {
                return true;
            }
        }
        return false;
    }
}

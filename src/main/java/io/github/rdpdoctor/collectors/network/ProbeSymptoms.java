package io.github.rdpdoctor.collectors.network;

/**
 * Names of the symptoms the network collectors produce. Names marked "contract" are in the
 * symptom contract v1; the others are additions of the probe, in {@code kb/symptoms.yaml} with
 * {@code extension: true}.
 */
public final class ProbeSymptoms {
    /** contract: the host's first address in the order a Windows client tries them (IPv6 first; the literal itself for an address). */
    public static final String DNS_RESOLVED_IP = "network.dns_resolved_ip";
    /** contract: the expected address given by the user. */
    public static final String DNS_EXPECTED_IP = "network.dns_expected_ip";
    /** added: every address the resolver returns, comma-separated, in the order a Windows client tries them. */
    public static final String DNS_ALL_IPS = "network.dns_all_ips";
    /** added: the host name resolved (false: lookup failed). */
    public static final String DNS_OK = "network.dns_ok";

    /** contract: open, closed, filtered. */
    public static final String RDP_PORT_STATE = "network.rdp_port_state";
    /** contract: the port probed. */
    public static final String RDP_PORT = "network.rdp_port";
    /**
     * added: the address the TCP connect reached: the first of the host's addresses, tried in the order a Windows
     * client tries them (IPv6 first), that accepted the connection. The later collectors use it.
     */
    public static final String CONNECTED_IP = "network.connected_ip";
    /** contract: ICMP or path reachability; the probe sets it false only when the network says there is no route. */
    public static final String PING_OK = "network.ping_ok";
    /** contract: TCP connect time in milliseconds (one round trip). */
    public static final String LATENCY_MS = "network.latency_ms";

    /** contract: result of the mstsc-like request (HYBRID|SSL): rdp, ssl, hybrid, hybrid_ex, rdstls, failure, no_response, closed. */
    public static final String RDP_NEGOTIATION = "rdp.negotiation";
    /** contract: failure code name when {@link #RDP_NEGOTIATION} is failure. */
    public static final String RDP_NEGOTIATION_FAILURE = "rdp.negotiation_failure";
    /** contract: host accepts only CredSSP (requests without HYBRID get hybrid_required_by_server). */
    public static final String RDP_NLA_REQUIRED = "rdp.nla_required";
    /** added prefix: per requested-protocol set, e.g. {@code rdp.negotiation.ssl}. */
    public static final String RDP_NEGOTIATION_PREFIX = "rdp.negotiation.";
    /** added: the host answered with a Connection Confirm without negotiation data (pre-2003 hosts). */
    public static final String RDP_NEGOTIATION_LEGACY = "rdp.negotiation_legacy";
    /** added: the port answered with bytes that are not a valid RDP negotiation response. */
    public static final String RDP_INVALID_RESPONSE = "rdp.invalid_response";

    /** contract. */
    public static final String TLS_HANDSHAKE_OK = "tls.handshake_ok";
    /** contract: 1.0, 1.1, 1.2, 1.3. */
    public static final String TLS_MAX_VERSION = "tls.max_version";
    /** contract: floor of days until notAfter; negative when expired. */
    public static final String TLS_CERT_DAYS_LEFT = "tls.cert_days_left";
    /** contract. */
    public static final String TLS_CERT_SELF_SIGNED = "tls.cert_self_signed";
    /** contract. */
    public static final String TLS_CERT_NAME_MATCH = "tls.cert_name_match";
    /**
     * added: the TLS alert the host sent when the probe's handshake failed, e.g.
     * {@code protocol_version} (no common version), {@code handshake_failure} (no common cipher).
     */
    public static final String TLS_HANDSHAKE_ALERT = "tls.handshake_alert";
    /** added: subject distinguished name of the host's certificate. */
    public static final String TLS_CERT_SUBJECT = "tls.cert_subject";
    /** added: SHA-1 thumbprint of the host's certificate, 40 upper-case hex digits (as Windows writes thumbprints). */
    public static final String TLS_CERT_THUMBPRINT = "tls.cert_thumbprint";

    /** contract. */
    public static final String NTLM_DNS_COMPUTER_NAME = "ntlm.dns_computer_name";
    /** added. */
    public static final String NTLM_NB_COMPUTER_NAME = "ntlm.nb_computer_name";
    /** added. */
    public static final String NTLM_NB_DOMAIN_NAME = "ntlm.nb_domain_name";
    /** added. */
    public static final String NTLM_DNS_DOMAIN_NAME = "ntlm.dns_domain_name";
    /** added. */
    public static final String NTLM_DNS_TREE_NAME = "ntlm.dns_tree_name";
    /** contract: host clock minus client clock, seconds. */
    public static final String SERVER_CLOCK_SKEW_S = "server.clock_skew_s";
    /** added: OS version from the NTLM challenge, e.g. {@code 10.0.17763}. */
    public static final String SERVER_OS_VERSION = "server.os_version";
    /** added: OS build number from the NTLM challenge, e.g. 17763. */
    public static final String SERVER_OS_BUILD = "server.os_build";
    /** added: CredSSP (TSRequest) version the host answered with. */
    public static final String SERVER_CREDSSP_VERSION = "server.credssp_version";

    /** contract: the connection goes through an RD Gateway (set when the probe is given one). */
    public static final String VIA_GATEWAY = "network.via_gateway";
    /** contract: the RD Gateway's certificate names the gateway as the client names it. */
    public static final String GATEWAY_CERT_NAME_MATCH = "network.gateway_cert_name_match";
    /** added: the RD Gateway's name resolved. */
    public static final String GATEWAY_DNS_OK = "gateway.dns_ok";
    /** added: the RD Gateway's HTTPS port: open, closed (refused), filtered (no answer). */
    public static final String GATEWAY_PORT_STATE = "gateway.port_state";
    /** added: the TLS handshake with the RD Gateway succeeded (a TLS 1.0/1.1 one included, as for the host). */
    public static final String GATEWAY_TLS_HANDSHAKE_OK = "gateway.tls_handshake_ok";
    /** added: the TLS version the RD Gateway picked for the probe's handshake (its highest). */
    public static final String GATEWAY_TLS_MAX_VERSION = "gateway.tls_max_version";
    /** added: days until the RD Gateway's certificate expires (negative: expired). */
    public static final String GATEWAY_CERT_DAYS_LEFT = "gateway.cert_days_left";
    /** added: the RD Gateway's certificate is self-signed. */
    public static final String GATEWAY_CERT_SELF_SIGNED = "gateway.cert_self_signed";
    /** added: the RD Gateway's certificate may authenticate a server (extended key usage Server Authentication, or none). */
    public static final String GATEWAY_CERT_SERVER_AUTH = "gateway.cert_server_auth";
    /** added: subject distinguished name of the RD Gateway's certificate. */
    public static final String GATEWAY_CERT_SUBJECT = "gateway.cert_subject";

    private ProbeSymptoms() {
    }
}

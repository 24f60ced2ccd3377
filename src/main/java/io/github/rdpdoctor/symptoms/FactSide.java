package io.github.rdpdoctor.symptoms;

/**
 * Which side of a connection a symptom describes, read from its name's prefix: what the collectors on each side write
 * ({@code collect --client-side}, {@code collect --host-side} or the osquery pack, {@code probe}).
 */
public enum FactSide {
    /** {@code client.*}, {@code test.*}, {@code history.*}: the failing PC and what the user tried. */
    CLIENT,
    /** {@code server.*} (and a file's events and sessions): the RDP host. */
    HOST,
    /**
     * {@code network.*}, {@code rdp.*}, {@code tls.*}, {@code ntlm.*}, {@code gateway.*}: the path and what the host (and
     * the RD Gateway in front of it) answers, as a probe sees them (not the few names the host-side collectors write too,
     * see {@link #OTHER}).
     */
    NETWORK,
    /**
     * Any other name (an extension of the file's own, {@code target.host}), and the names both a probe and the host-side
     * collectors write, which tell no side: {@code network.rdp_port} (the probe's target port, the listener's PortNumber)
     * and the certificate's {@code tls.cert_days_left} and {@code tls.cert_self_signed}.
     */
    OTHER;

    public static FactSide of(String name) {
        if (name.equals("network.rdp_port") || name.equals("tls.cert_days_left") || name.equals("tls.cert_self_signed")) {
            return OTHER; // Collect-RdpSymptoms.ps1 / collect --host-side write these too: a host-side file is no probe's
        }
        if (name.startsWith("client.") || name.startsWith("test.") || name.startsWith("history.")) {
            return CLIENT;
        }
        if (name.startsWith("server.")) {
            return HOST;
        }
        if (name.startsWith("network.") || name.startsWith("rdp.") || name.startsWith("tls.") || name.startsWith("ntlm.")
                || name.startsWith("gateway.")) {
            return NETWORK;
        }
        return OTHER;
    }
}

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
    /** {@code network.*}, {@code rdp.*}, {@code tls.*}, {@code ntlm.*}: the path and what the host answers, as a probe sees them. */
    NETWORK,
    /** Any other name (an extension of the file's own, {@code target.host}). */
    OTHER;

    public static FactSide of(String name) {
        if (name.startsWith("client.") || name.startsWith("test.") || name.startsWith("history.")) {
            return CLIENT;
        }
        if (name.startsWith("server.")) {
            return HOST;
        }
        if (name.startsWith("network.") || name.startsWith("rdp.") || name.startsWith("tls.") || name.startsWith("ntlm.")) {
            return NETWORK;
        }
        return OTHER;
    }
}

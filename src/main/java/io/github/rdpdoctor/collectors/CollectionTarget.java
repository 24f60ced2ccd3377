package io.github.rdpdoctor.collectors;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a collection is about: the RDP host as the user typed it, the port, an optional address
 * the host is known to have, and free-form options for collectors that need more (e.g. a
 * symptom file path).
 *
 * @param host       host name or address literal, as typed (not resolved)
 * @param port       TCP port, 1..65535
 * @param expectedIp the host's real address when known, else {@code null}
 * @param options    collector options, never null (copied, unmodifiable)
 */
public record CollectionTarget(String host, int port, String expectedIp, Map<String, String> options) {

    /** The RDP default port. */
    public static final int DEFAULT_PORT = 3389;

    public CollectionTarget {
        Objects.requireNonNull(host, "host");
        if (host.isBlank()) {
            throw new IllegalArgumentException("host is empty");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        if (expectedIp != null && expectedIp.isBlank()) {
            expectedIp = null;
        }
        options = options == null ? Map.of() : Map.copyOf(options);
    }

    public static CollectionTarget of(String host) {
        return new CollectionTarget(host, DEFAULT_PORT, null, Map.of());
    }

    public static CollectionTarget of(String host, int port) {
        return new CollectionTarget(host, port, null, Map.of());
    }

    public static CollectionTarget of(String host, int port, String expectedIp) {
        return new CollectionTarget(host, port, expectedIp, Map.of());
    }

    /**
     * Parses {@code HOST}, {@code HOST:PORT}, {@code [IPv6]} or {@code [IPv6]:PORT}; a bare IPv6
     * literal (more than one colon, no brackets) is taken as a host without port.
     *
     * @throws IllegalArgumentException when the text is empty or the port is not a number in range
     */
    public static CollectionTarget parse(String text) {
        return parse(text, DEFAULT_PORT);
    }

    /** {@link #parse(String)} with another port when the text names none (e.g. 443 for an RD Gateway). */
    public static CollectionTarget parse(String text, int defaultPort) {
        Objects.requireNonNull(text, "text");
        String s = text.strip();
        if (s.isEmpty()) {
            throw new IllegalArgumentException("empty target");
        }
        String host = s;
        int port = defaultPort;
        if (s.startsWith("[")) {
            int close = s.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("missing ']' in " + text);
            }
            host = s.substring(1, close);
            String rest = s.substring(close + 1);
            if (!rest.isEmpty()) {
                if (!rest.startsWith(":")) {
                    throw new IllegalArgumentException("unexpected text after ']' in " + text);
                }
                port = parsePort(rest.substring(1), text);
            }
        } else if (s.indexOf(':') >= 0 && s.indexOf(':') == s.lastIndexOf(':')) {
            int colon = s.indexOf(':');
            host = s.substring(0, colon);
            port = parsePort(s.substring(colon + 1), text);
        }
        return new CollectionTarget(host, port, null, Map.of());
    }

    private static int parsePort(String p, String text) {
        try {
            int port = Integer.parseInt(p);
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("port out of range in " + text);
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad port in " + text, e);
        }
    }

    public Optional<String> expectedIpOpt() {
        return Optional.ofNullable(expectedIp);
    }

    public CollectionTarget withExpectedIp(String ip) {
        return new CollectionTarget(host, port, ip, options);
    }

    public CollectionTarget withOptions(Map<String, String> newOptions) {
        return new CollectionTarget(host, port, expectedIp, newOptions);
    }

    /** The value of a collector option (a file a collector reads, the RD Gateway) when it is set and not blank. */
    public Optional<String> option(String name) {
        String v = options.get(name);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v);
    }

    /** This target with one more collector option; {@code value} null gives this target as it is. */
    public CollectionTarget withOption(String name, String value) {
        if (value == null) {
            return this;
        }
        Map<String, String> more = new java.util.HashMap<>(options);
        more.put(name, value);
        return withOptions(more);
    }

    /** {@code host:port}, with brackets around an IPv6 literal. */
    public String display() {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }
}

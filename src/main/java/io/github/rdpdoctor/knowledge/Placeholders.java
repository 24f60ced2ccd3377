package io.github.rdpdoctor.knowledge;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The knowledge base's placeholders for the diagnosed connection, and how they are filled in: {@code HOST} (the host
 * name) and {@code PORT} (the RDP port). The other placeholders ({@code IP_ADDRESS}, {@code PUBLIC_NAME},
 * {@code PUBLIC_PORT}, {@code ID}, ...) name things a diagnosis does not know and are left to the administrator.
 * Stateless.
 */
public final class Placeholders {
    /** The RDP port when the facts name none. */
    public static final int DEFAULT_PORT = 3389;

    private Placeholders() {
    }

    /** A host name or IPv4 address, optionally with a port; anything else could change a command's meaning. */
    private static final Pattern PLAIN_HOST = Pattern.compile("([A-Za-z0-9_](?:[A-Za-z0-9_.-]*[A-Za-z0-9_])?)(?::\\d{1,5})?");
    /**
     * The placeholders, found in one pass (a host name put in for {@code HOST} that holds the word {@code PORT},
     * {@code HR-PORT-01}, must not be filled in again): group 1 is mstsc's {@code /v:HOST}, the one place that takes the
     * port too; group 2 {@code HOST} or {@code PORT} as a word of its own ({@code HOST:PORT}, {@code -Port PORT}), not
     * part of {@code PUBLIC_PORT}.
     */
    private static final Pattern PLACEHOLDER = Pattern.compile("(?i:(?<![\\w/])(/v:)HOST\\b)|\\b(HOST|PORT)\\b");
    /** {@code PORT} as a word of its own. */
    private static final Pattern PORT_PLACEHOLDER = Pattern.compile("\\bPORT\\b");

    /**
     * The name to put for {@code HOST} in commands: the diagnosed host when it is a plain DNS name or IPv4 address,
     * with its port if it has one, else null (the placeholder stays: an IPv6 address or odd text is left to the admin).
     */
    public static String hostName(String host) {
        Matcher m = host == null ? null : PLAIN_HOST.matcher(host);
        return m != null && m.matches() ? m.group() : null;
    }

    /**
     * {@code text} with {@code HOST} replaced by {@code hostName} ({@link #hostName}; unchanged when null) and
     * {@code PORT} by {@code port} (unchanged when {@code port} is not a port number, e.g. 0 for "unknown"). A port
     * after the host name is kept only in {@code mstsc /v:HOST} (which connects to it); elsewhere a computer name is
     * meant (Test-NetConnection -ComputerName, TERMSRV/HOST, HOST.rdp), so it is dropped there.
     */
    public static String fill(String text, String hostName, int port) {
        if (text == null) {
            return null;
        }
        boolean fillPort = isPort(port);
        if (hostName == null && !fillPort) {
            return text;
        }
        int colon = hostName == null ? -1 : hostName.indexOf(':');
        String computer = colon < 0 ? hostName : hostName.substring(0, colon);
        return PLACEHOLDER.matcher(text).replaceAll(m -> {
            String put;
            if (m.group(1) != null) {
                put = hostName != null ? m.group(1) + hostName : m.group();
            } else if (m.group(2).equals("HOST")) {
                put = hostName != null ? computer : m.group();
            } else {
                put = fillPort ? Integer.toString(port) : m.group();
            }
            return Matcher.quoteReplacement(put);
        });
    }

    /** {@code step} with its text, command and caution {@link #fill filled in}. */
    public static RemediationStep fill(RemediationStep step, String hostName, int port) {
        return new RemediationStep(fill(step.text(), hostName, port), fill(step.command(), hostName, port),
                fill(step.caution(), hostName, port));
    }

    /** Whether {@code text} has the {@code PORT} placeholder (still to be filled in). */
    public static boolean hasPort(String text) {
        return text != null && PORT_PLACEHOLDER.matcher(text).find();
    }

    /** Whether {@code port} is a TCP port number (1 to 65535). */
    public static boolean isPort(long port) {
        return port >= 1 && port <= 65_535;
    }
}

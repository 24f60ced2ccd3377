package io.github.rdpdoctor.collectors.windows;

import io.github.rdpdoctor.collectors.CollectionTarget;
import java.util.Locale;
import java.util.Optional;

/**
 * Which machine a Windows collection runs on: the RDP host (facts named {@code server.*}) or the
 * client that fails to connect ({@code client.*}). Chosen with the target option
 * {@value WindowsCollector#SIDE_OPTION} ({@code host} or {@code client}); without it no Windows
 * collector runs, so that probing a remote host from a Windows PC never reports the PC's own
 * settings as the host's.
 */
public enum Side {
    HOST("server."),
    CLIENT("client.");

    private final String prefix;

    Side(String prefix) {
        this.prefix = prefix;
    }

    /** {@code server.} or {@code client.}. */
    public String prefix() {
        return prefix;
    }

    /** The option value: {@code host} or {@code client}. */
    public String optionValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The side named in the target's options, if any. */
    public static Optional<Side> of(CollectionTarget target) {
        String v = target.options().get(WindowsCollector.SIDE_OPTION);
        if (v == null) {
            return Optional.empty();
        }
        return switch (v.trim().toLowerCase(Locale.ROOT)) {
            case "host", "server", "host-side" -> Optional.of(HOST);
            case "client", "client-side" -> Optional.of(CLIENT);
            default -> Optional.empty();
        };
    }
}

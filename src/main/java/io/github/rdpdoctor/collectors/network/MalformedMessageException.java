package io.github.rdpdoctor.collectors.network;

import java.io.IOException;

/** A peer sent bytes that do not parse as the expected protocol message (or exceed a size limit). */
public final class MalformedMessageException extends IOException {
    private static final long serialVersionUID = 1L;

    public MalformedMessageException(String message) {
        super(message);
    }
}

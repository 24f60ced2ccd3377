package io.github.rdpdoctor.collectors.network;

import java.io.Closeable;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Closes a resource when an operation that cannot take a read timeout of its own (a JSSE
 * handshake fed one byte at a time) runs past its time. Closing the guard before then disarms it.
 */
final class Guard implements AutoCloseable {
    private static final int ARMED = 0;
    private static final int DISARMED = 1;
    private static final int FIRED = 2;
    private final AtomicInteger state = new AtomicInteger(ARMED);

    private Guard() {
    }

    static Guard closeAfter(Closeable resource, long nanos) {
        Guard g = new Guard();
        CompletableFuture.delayedExecutor(Math.max(1, nanos), TimeUnit.NANOSECONDS).execute(() -> {
            if (g.state.compareAndSet(ARMED, FIRED)) {
                try {
                    resource.close();
                } catch (IOException | RuntimeException ignored) {
                    // best effort
                }
            }
        });
        return g;
    }

    /** Whether the guard closed the resource. */
    boolean fired() {
        return state.get() == FIRED;
    }

    @Override
    public void close() {
        state.compareAndSet(ARMED, DISARMED);
    }
}

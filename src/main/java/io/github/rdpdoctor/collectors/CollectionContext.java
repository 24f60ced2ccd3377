package io.github.rdpdoctor.collectors;

import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a collector gets for one run: the target, the facts collected so far, its I/O timeout
 * and deadline, and a place to register resources that the runner closes when the collector's
 * time is up (closing a socket is the only reliable way to unblock a thread stuck in I/O).
 */
public final class CollectionContext {
    private final CollectionTarget target;
    private final Map<String, Object> facts;
    private final Duration ioTimeout;
    private final long deadlineNanos;
    private final List<Closeable> toClose = new ArrayList<>();
    private boolean expired;

    /**
     * @param target    the target
     * @param facts     symptoms so far (copied)
     * @param ioTimeout timeout for one network operation (connect, one exchange)
     * @param budget    total time the collector has
     */
    public CollectionContext(CollectionTarget target, Map<String, Object> facts, Duration ioTimeout, Duration budget) {
        this.target = Objects.requireNonNull(target, "target");
        this.facts = Map.copyOf(facts);
        this.ioTimeout = requirePositive(ioTimeout, "ioTimeout");
        this.deadlineNanos = System.nanoTime() + requirePositive(budget, "budget").toNanos();
    }

    private static Duration requirePositive(Duration d, String what) {
        Objects.requireNonNull(d, what);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(what + " must be positive: " + d);
        }
        return d;
    }

    public CollectionTarget target() {
        return target;
    }

    /** Symptoms collected by earlier collectors; unmodifiable. */
    public Map<String, Object> facts() {
        return facts;
    }

    /** The fact as a string, or null when absent or of another type. */
    public String fact(String name) {
        return facts.get(name) instanceof String s ? s : null;
    }

    /** Timeout for one network operation. */
    public Duration ioTimeout() {
        return ioTimeout;
    }

    /** System.nanoTime() value at which the collector's time is up. */
    public long deadlineNanos() {
        return deadlineNanos;
    }

    /** Time left until the collector's deadline, never negative. */
    public Duration remaining() {
        return Duration.ofNanos(Math.max(0, deadlineNanos - System.nanoTime()));
    }

    /**
     * Registers a resource to close when the collector runs out of time; returns it. When the
     * time is already up the resource is closed at once.
     */
    public <T extends Closeable> T closeOnTimeout(T resource) {
        boolean closeNow;
        synchronized (toClose) {
            closeNow = expired;
            if (!closeNow) {
                toClose.add(resource);
            }
        }
        if (closeNow) {
            closeQuietly(resource);
        }
        return resource;
    }

    /** Called by the runner when the collector timed out: closes every registered resource. */
    void expire() {
        List<Closeable> copy;
        synchronized (toClose) {
            expired = true;
            copy = new ArrayList<>(toClose);
            toClose.clear();
        }
        copy.forEach(CollectionContext::closeQuietly);
    }

    /** Whether the runner gave up on this collection. */
    public boolean isExpired() {
        synchronized (toClose) {
            return expired;
        }
    }

    private static void closeQuietly(Closeable c) {
        try {
            c.close();
        } catch (IOException | RuntimeException ignored) {
            // best effort: the collector is being abandoned
        }
    }
}

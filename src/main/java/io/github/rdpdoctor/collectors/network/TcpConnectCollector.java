package io.github.rdpdoctor.collectors.network;

import io.github.rdpdoctor.collectors.CollectionContext;
import io.github.rdpdoctor.collectors.CollectionTarget;
import io.github.rdpdoctor.collectors.CollectorResult;
import io.github.rdpdoctor.collectors.SymptomCollector;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.Map;
import java.util.Set;

/**
 * TCP connect to the RDP port: open (connected), closed (refused), filtered (no answer, or the
 * network says the host is unreachable), with the connect time as latency. A connect of half a
 * second or more is measured again: it usually hides a retransmitted SYN (lost, or dropped by a
 * full listen queue), which is no round trip; when the second one is slow too, latency is left
 * out and a warning says why.
 */
public final class TcpConnectCollector implements SymptomCollector {

    @Override
    public String name() {
        return "tcp-connect";
    }

    @Override
    public Set<String> produces() {
        return Set.of(ProbeSymptoms.RDP_PORT, ProbeSymptoms.RDP_PORT_STATE, ProbeSymptoms.LATENCY_MS);
    }

    @Override
    public int order() {
        return 200;
    }

    @Override
    public boolean appliesTo(CollectionTarget target, Map<String, Object> soFar) {
        return !Boolean.FALSE.equals(soFar.get(ProbeSymptoms.DNS_OK));
    }

    @Override
    public CollectorResult collect(CollectionContext ctx) throws IOException {
        CollectorResult.Builder out = CollectorResult.builder();
        int port = ctx.target().port();
        out.put(ProbeSymptoms.RDP_PORT, (long) port);
        InetAddress address = RdpExchange.address(ctx);
        int timeout = (int) Math.max(1, Math.min(ctx.ioTimeout().toMillis(), ctx.remaining().toMillis()));
        try (Socket s = ctx.closeOnTimeout(new Socket())) {
            long start = System.nanoTime();
            s.connect(new InetSocketAddress(address, port), timeout);
            long nanos = System.nanoTime() - start;
            out.put(ProbeSymptoms.RDP_PORT_STATE, "open");
            if (nanos >= SLOW_CONNECT_NANOS) {
                nanos = secondSample(ctx, address, port, nanos, out);
            }
            if (nanos >= 0) {
                out.put(ProbeSymptoms.LATENCY_MS, Math.round(nanos / 10_000.0) / 100.0);
            }
        } catch (ConnectException e) {
            String msg = String.valueOf(e.getMessage());
            if (msg.toLowerCase(java.util.Locale.ROOT).contains("refused")) {
                out.put(ProbeSymptoms.RDP_PORT_STATE, "closed");
                out.warn("connection to " + address.getHostAddress() + ":" + port + " refused");
            } else {
                // e.g. "Network is unreachable", "Connection timed out" from the kernel
                out.put(ProbeSymptoms.RDP_PORT_STATE, "filtered");
                out.warn("connect to " + address.getHostAddress() + ":" + port + " failed: " + msg);
            }
        } catch (SocketTimeoutException e) {
            out.put(ProbeSymptoms.RDP_PORT_STATE, "filtered");
            out.warn("no answer from " + address.getHostAddress() + ":" + port + " within " + timeout + " ms");
        } catch (NoRouteToHostException e) {
            out.put(ProbeSymptoms.RDP_PORT_STATE, "filtered");
            out.warn("no route to " + address.getHostAddress() + ": " + e.getMessage());
        }
        return out.build();
    }

    /**
     * A connect this slow usually contains a retransmitted SYN (the first one was lost, or the host's listen queue
     * was full and dropped it; the first retransmission comes after about a second), so it is not a round trip.
     */
    static final long SLOW_CONNECT_NANOS = 500_000_000L;

    /**
     * Connects once more. Returns the faster connect time when it is a plausible round trip, or -1 ("not measured")
     * when both connects were slow: then SYNs are being lost or the host's listen queue stays full, and the connect
     * time says nothing about the path's latency. Warns either way.
     */
    private static long secondSample(CollectionContext ctx, InetAddress address, int port, long first,
                                     CollectorResult.Builder out) {
        long firstMs = first / 1_000_000;
        if (ctx.remaining().compareTo(ctx.ioTimeout()) < 0) {
            out.warn("connect took " + firstMs + " ms (a lost SYN or a full listen queue?); no time left to measure"
                    + " again, latency not measured");
            return -1;
        }
        int timeout = (int) Math.max(1, ctx.ioTimeout().toMillis());
        try (Socket again = ctx.closeOnTimeout(new Socket())) {
            long start = System.nanoTime();
            again.connect(new InetSocketAddress(address, port), timeout);
            long second = System.nanoTime() - start;
            String both = "connect took " + firstMs + " ms, a second one " + second / 1_000_000 + " ms: ";
            if (second >= SLOW_CONNECT_NANOS) {
                out.warn(both + "SYNs are being lost or the host's listen queue stays full (connection backlog);"
                        + " latency not measured");
                return -1;
            }
            out.warn(both + "a SYN was lost or the host's listen queue was full (connection backlog); latency is the"
                    + " faster one");
            return second;
        } catch (IOException e) {
            out.warn("connect took " + firstMs + " ms and a second connect failed (" + e.getMessage()
                    + "): the host's listen queue may be full (connection backlog); latency not measured");
            return -1;
        }
    }
}

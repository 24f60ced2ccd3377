package io.github.rdpdoctor.collectors.network;

import io.github.rdpdoctor.collectors.CollectionContext;
import io.github.rdpdoctor.collectors.CollectionTarget;
import io.github.rdpdoctor.collectors.CollectorResult;
import io.github.rdpdoctor.collectors.SymptomCollector;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * TCP connect to the RDP port, as mstsc connects: the host's addresses are tried in the order a Windows client
 * tries them (IPv6 first) until one accepts; {@code network.connected_ip} says which one, and the later
 * collectors use it. Open (connected), closed (refused by at least one address), filtered (no answer, or the
 * network says there is no way there), with the connect time as latency. When every address was "network
 * unreachable" (no route from this client), {@code network.ping_ok} is false too: the path, not a host, is missing.
 * A connect of half a second or more is measured again: it usually hides a retransmitted SYN (lost, or dropped by
 * a full listen queue), which is no round trip; when the second one is slow too, latency is left out and a
 * warning says why.
 */
public final class TcpConnectCollector implements SymptomCollector {

    @Override
    public String name() {
        return "tcp-connect";
    }

    @Override
    public Set<String> produces() {
        return Set.of(ProbeSymptoms.RDP_PORT, ProbeSymptoms.RDP_PORT_STATE, ProbeSymptoms.LATENCY_MS,
                ProbeSymptoms.CONNECTED_IP, ProbeSymptoms.PING_OK);
    }

    @Override
    public int order() {
        return 200;
    }

    @Override
    public boolean appliesTo(CollectionTarget target, Map<String, Object> soFar) {
        return !Boolean.FALSE.equals(soFar.get(ProbeSymptoms.DNS_OK));
    }

    /** How one connect attempt failed. */
    private enum Failure { REFUSED, NO_ANSWER, NETWORK_UNREACHABLE, OTHER }

    @Override
    public CollectorResult collect(CollectionContext ctx) throws IOException {
        CollectorResult.Builder out = CollectorResult.builder();
        int port = ctx.target().port();
        out.put(ProbeSymptoms.RDP_PORT, (long) port);
        List<InetAddress> addresses = RdpExchange.candidates(ctx);
        EnumSet<Failure> failures = EnumSet.noneOf(Failure.class);
        for (InetAddress address : addresses) {
            if (!failures.isEmpty() && ctx.remaining().isZero()) {
                out.warn("no time left to try " + Addresses.text(address));
                break;
            }
            int timeout = (int) Math.max(1, Math.min(ctx.ioTimeout().toMillis(), ctx.remaining().toMillis()));
            try (Socket s = ctx.closeOnTimeout(new Socket())) {
                long start = System.nanoTime();
                s.connect(new InetSocketAddress(address, port), timeout);
                long nanos = System.nanoTime() - start;
                out.put(ProbeSymptoms.RDP_PORT_STATE, "open");
                out.put(ProbeSymptoms.CONNECTED_IP, Addresses.text(address));
                if (!failures.isEmpty()) {
                    out.warn("connected to " + Addresses.text(address) + " after the address(es) before it failed;"
                            + " a client tries them in the same order, so it waits for those failures first");
                }
                String expected = ctx.fact(ProbeSymptoms.DNS_EXPECTED_IP);
                if (expected != null && !expected.equals(Addresses.text(address))) {
                    out.warn("connected to " + Addresses.text(address) + ", not to the expected " + expected
                            + ": a client reaches this address of the name first");
                }
                if (nanos >= SLOW_CONNECT_NANOS) {
                    nanos = secondSample(ctx, address, port, nanos, out);
                }
                if (nanos >= 0) {
                    out.put(ProbeSymptoms.LATENCY_MS, Math.round(nanos / 10_000.0) / 100.0);
                }
                return out.build();
            } catch (SocketTimeoutException e) {
                failures.add(Failure.NO_ANSWER);
                out.warn("no answer from " + Addresses.withPort(address, port) + " within " + timeout + " ms");
            } catch (SocketException e) { // refused, unreachable, no route, timed out in the kernel, not permitted
                Failure f = classify(e);
                failures.add(f);
                out.warn(switch (f) {
                    case REFUSED -> "connection to " + Addresses.withPort(address, port) + " refused";
                    case NETWORK_UNREACHABLE -> "connect to " + Addresses.withPort(address, port)
                            + " failed: network is unreachable (no route from this client to that network)";
                    default -> "connect to " + Addresses.withPort(address, port) + " failed: " + e.getMessage();
                });
            }
        }
        // a refusal (RST) means a host answered; otherwise nothing did
        out.put(ProbeSymptoms.RDP_PORT_STATE, failures.contains(Failure.REFUSED) ? "closed" : "filtered");
        if (failures.equals(EnumSet.of(Failure.NETWORK_UNREACHABLE))) {
            out.put(ProbeSymptoms.PING_OK, false);
        }
        return out.build();
    }

    private static Failure classify(SocketException e) {
        String msg = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        if (refused(e)) {
            return Failure.REFUSED;
        }
        if (msg.contains("network is unreachable")) { // ENETUNREACH: no route to the network (locally or a router's ICMP)
            return Failure.NETWORK_UNREACHABLE;
        }
        if (e instanceof ConnectException && msg.contains("timed out")) {
            return Failure.NO_ANSWER;
        }
        return Failure.OTHER; // e.g. "No route to host" (EHOSTUNREACH, also what a rejecting firewall causes)
    }

    /** Whether a connect failed because the address refused it (RST: a host answered, nothing listens on the port). */
    static boolean refused(java.io.IOException e) {
        return e instanceof ConnectException && String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT).contains("refused");
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

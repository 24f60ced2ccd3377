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
 * network says the host is unreachable), with the connect time as latency.
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
            out.put(ProbeSymptoms.LATENCY_MS, Math.round(nanos / 10_000.0) / 100.0);
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
}

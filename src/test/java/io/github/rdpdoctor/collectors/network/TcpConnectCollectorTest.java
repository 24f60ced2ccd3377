package io.github.rdpdoctor.collectors.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rdpdoctor.collectors.CollectionReport;
import io.github.rdpdoctor.collectors.CollectionTarget;
import io.github.rdpdoctor.collectors.CollectorRunner;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Latency is a round trip: a connect held up by a retransmitted SYN is measured again. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class TcpConnectCollectorTest {

    @Test
    void aConnectDelayedByAFullListenQueueIsMeasuredAgainAndReported() throws Exception {
        List<Socket> sockets = new CopyOnWriteArrayList<>();
        try (ServerSocket server = new ServerSocket()) {
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1);
            InetSocketAddress addr = new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort());
            // fill the accept queue until the kernel drops SYNs (what xrdp's backlog of 2 does under load)
            boolean full = false;
            for (int i = 0; i < 16 && !full; i++) {
                Socket s = new Socket();
                try {
                    s.connect(addr, 300);
                    sockets.add(s);
                } catch (SocketTimeoutException e) {
                    s.close();
                    full = true;
                }
            }
            assertTrue(full, "the listen queue never filled");
            Thread drain = new Thread(() -> {
                try {
                    Thread.sleep(300);
                    while (!server.isClosed()) {
                        sockets.add(server.accept());
                    }
                } catch (IOException | InterruptedException e) {
                    // closed at the end of the test
                }
            }, "drain");
            drain.setDaemon(true);
            drain.start();
            long start = System.nanoTime();
            CollectionReport r = new CollectorRunner(List.of(new TcpConnectCollector()), Duration.ofSeconds(3),
                    Duration.ofSeconds(12)).run(CollectionTarget.of("127.0.0.1", server.getLocalPort()));
            long ms = (System.nanoTime() - start) / 1_000_000;
            assertEquals("open", r.get("network.rdp_port_state"), r.warnings()::toString);
            Object latency = r.get("network.latency_ms");
            assertTrue(latency instanceof Double d && d < 100, "latency " + latency + " after " + ms + " ms; " + r.warnings());
            assertEquals(1, r.warnings().size(), r.warnings()::toString);
            assertTrue(r.warnings().get(0).matches("tcp-connect: connect took \\d{3,4} ms, a second one \\d+ ms: a SYN was lost"
                    + " or the host's listen queue was full \\(connection backlog\\); latency is the faster one"), r.warnings()::toString);
        } finally {
            for (Socket s : sockets) {
                s.close();
            }
        }
    }
}

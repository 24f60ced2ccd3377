package io.github.rdpdoctor.collectors.network;

import io.github.rdpdoctor.collectors.CollectionReport;
import io.github.rdpdoctor.collectors.CollectionTarget;
import io.github.rdpdoctor.collectors.CollectorRunner;
import io.github.rdpdoctor.collectors.SymptomCollector;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * One call to probe a host: runs the collectors (DNS, TCP, RDP negotiation, TLS, host identity, the RD Gateway
 * when the target names one, plus any found with ServiceLoader) in order and returns their symptoms and warnings. Also
 * probes many targets with bounded concurrency. Immutable and thread-safe.
 */
public final class Prober {

    /** Default timeout of one network operation. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(3);
    /** A collector's budget, in I/O timeouts. */
    public static final int BUDGET_FACTOR = 4;

    private final List<SymptomCollector> collectors;

    /** A prober with the collectors registered with ServiceLoader (the network ones included). */
    public Prober() {
        this(CollectorRunner.discover(Prober.class.getClassLoader(), DEFAULT_TIMEOUT,
                DEFAULT_TIMEOUT.multipliedBy(BUDGET_FACTOR)).collectors());
    }

    /** A prober with exactly these collectors. */
    public Prober(List<? extends SymptomCollector> collectors) {
        this.collectors = List.copyOf(collectors);
    }

    /** The six network collectors of this package (the RD Gateway one applies only with its option), without ServiceLoader. */
    public static Prober networkOnly() {
        return new Prober(networkCollectors());
    }

    public static List<SymptomCollector> networkCollectors() {
        return Arrays.asList(new DnsCollector(), new TcpConnectCollector(), new RdpNegotiationCollector(),
                new TlsCollector(), new HostIdentityCollector(), new GatewayCollector());
    }

    public List<SymptomCollector> collectors() {
        return collectors;
    }

    /**
     * Probes one host.
     *
     * @param host       host name or address
     * @param port       RDP port
     * @param expectedIp the host's real address, or null
     * @param timeout    timeout of one network operation (connect, one answer); a collector
     *                   gets {@value #BUDGET_FACTOR} times this in total
     */
    public CollectionReport probe(String host, int port, String expectedIp, Duration timeout) {
        return probe(CollectionTarget.of(host, port, expectedIp), timeout);
    }

    public CollectionReport probe(CollectionTarget target, Duration timeout) {
        return runner(timeout).run(target);
    }

    private CollectorRunner runner(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        return new CollectorRunner(collectors, timeout, timeout.multipliedBy(BUDGET_FACTOR));
    }

    /**
     * Probes many targets, at most {@code concurrency} at a time; returns the reports in the
     * order of the targets.
     */
    public List<CollectionReport> probeAll(List<CollectionTarget> targets, int concurrency, Duration timeout)
            throws InterruptedException {
        List<CollectionReport> out = new ArrayList<>(targets.size());
        probeAll(targets, concurrency, timeout, null, out);
        return out;
    }

    /**
     * Probes many targets, at most {@code concurrency} at a time, handing each report to
     * {@code sink} as soon as it is done (from worker threads, one call at a time), e.g. to write
     * JSON Lines.
     */
    public void probeAll(List<CollectionTarget> targets, int concurrency, Duration timeout,
                         Consumer<CollectionReport> sink) throws InterruptedException {
        probeAll(targets, concurrency, timeout, Objects.requireNonNull(sink, "sink"), null);
    }

    private void probeAll(List<CollectionTarget> targets, int concurrency, Duration timeout,
                          Consumer<CollectionReport> sink, List<CollectionReport> ordered) throws InterruptedException {
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1: " + concurrency);
        }
        CollectorRunner runner = runner(timeout);
        int threads = Math.min(concurrency, Math.max(1, targets.size()));
        AtomicInteger n = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "rdp-doctor-probe-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        Object sinkLock = new Object();
        try {
            List<Future<CollectionReport>> futures = new ArrayList<>(targets.size());
            for (CollectionTarget t : targets) {
                futures.add(pool.submit(() -> {
                    CollectionReport r = runner.run(t);
                    if (sink != null) {
                        synchronized (sinkLock) {
                            sink.accept(r);
                        }
                    }
                    return r;
                }));
            }
            for (Future<CollectionReport> f : futures) {
                try {
                    CollectionReport r = f.get();
                    if (ordered != null) {
                        ordered.add(r);
                    }
                } catch (ExecutionException e) {
                    // the runner never throws; a failing sink does
                    throw new IllegalStateException("probe failed: " + e.getCause(), e.getCause());
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }
}

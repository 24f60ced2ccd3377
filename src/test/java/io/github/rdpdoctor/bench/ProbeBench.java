package io.github.rdpdoctor.bench;

import io.github.rdpdoctor.collectors.CollectionReport;
import io.github.rdpdoctor.collectors.CollectionTarget;
import io.github.rdpdoctor.collectors.network.Prober;
import io.github.rdpdoctor.collectors.network.RealServers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Probe timings on loopback, in one run (numbers for the README):
 * <ol>
 *   <li>one probe of an xrdp (security_layer=negotiate): first (cold JVM) and median/p90 of N warm probes;</li>
 *   <li>nmap -Pn -p PORT --script +rdp-enum-encryption,+rdp-ntlm-info on the same xrdp: median of M runs;</li>
 *   <li>200 targets at concurrency 32, spread over 8 xrdp instances (xrdp listens with a backlog of 2),
 *       and the same 200 against a single xrdp.</li>
 * </ol>
 * Run: {@code java -cp target/test-classes:target/classes:DEPS io.github.rdpdoctor.bench.ProbeBench [N] [M]}.
 * Needs xrdp, openssl and nmap.
 */
public final class ProbeBench {

    private ProbeBench() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 31;
        int m = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Path dir = Files.createTempDirectory("rdp-doctor-bench");
        List<RealServers.Xrdp> servers = new ArrayList<>();
        try {
            RealServers.Cert cert = RealServers.selfSigned(dir, "bench", "bench.test", "IP:127.0.0.1", 30);
            for (int i = 0; i < 8; i++) {
                servers.add(RealServers.Xrdp.start(dir, "xrdp-" + i, Map.of("security_layer", "negotiate",
                        "certificate", cert.cert().toString(), "key_file", cert.key().toString())));
            }
            int port = servers.get(0).port;
            Prober prober = Prober.networkOnly();
            Duration timeout = Duration.ofSeconds(3);

            long t0 = System.nanoTime();
            CollectionReport first = prober.probe("127.0.0.1", port, null, timeout);
            double coldMs = (System.nanoTime() - t0) / 1e6;
            System.out.println("first probe symptoms: " + first.symptoms());
            for (int i = 0; i < 5; i++) {
                prober.probe("127.0.0.1", port, null, timeout);
            }
            double[] warm = new double[n];
            for (int i = 0; i < n; i++) {
                long s = System.nanoTime();
                CollectionReport r = prober.probe("127.0.0.1", port, null, timeout);
                warm[i] = (System.nanoTime() - s) / 1e6;
                if (!"ssl".equals(r.get("rdp.negotiation"))) {
                    throw new IllegalStateException("unexpected probe result " + r.symptoms() + " " + r.warnings());
                }
            }
            Arrays.sort(warm);

            double[] nmap = new double[m];
            for (int i = 0; i < m; i++) {
                RealServers.Result res = RealServers.run(Duration.ofSeconds(60), Map.of(), dir, RealServers.tool("nmap"),
                        "-Pn", "-n", "-p", Integer.toString(port), "--script", "+rdp-enum-encryption,+rdp-ntlm-info",
                        "127.0.0.1");
                nmap[i] = res.elapsed().toNanos() / 1e6;
            }
            Arrays.sort(nmap);

            List<CollectionTarget> spread = new ArrayList<>();
            List<CollectionTarget> single = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                spread.add(CollectionTarget.of("127.0.0.1", servers.get(i % servers.size()).port));
                single.add(CollectionTarget.of("127.0.0.1", port));
            }
            double spreadMs = many(prober, spread, timeout);
            double singleMs = many(prober, single, timeout);

            System.out.printf(Locale.ROOT, "single probe, cold JVM: %.1f ms%n", coldMs);
            System.out.printf(Locale.ROOT, "single probe, warm: median %.1f ms, p90 %.1f ms, min %.1f ms (n=%d)%n",
                    median(warm), warm[(int) Math.floor(0.9 * (n - 1))], warm[0], n);
            System.out.printf(Locale.ROOT, "nmap rdp-enum-encryption,rdp-ntlm-info: median %.0f ms (n=%d)%n", median(nmap), m);
            System.out.printf(Locale.ROOT, "ratio nmap/probe (medians): %.1fx%n", median(nmap) / median(warm));
            System.out.printf(Locale.ROOT, "200 targets, concurrency 32, 8 xrdp: %.0f ms (%.1f probes/s)%n",
                    spreadMs, 200_000 / spreadMs);
            System.out.printf(Locale.ROOT, "200 targets, concurrency 32, 1 xrdp: %.0f ms (%.1f probes/s)%n",
                    singleMs, 200_000 / singleMs);
        } finally {
            servers.forEach(RealServers.Xrdp::close);
            try (Stream<Path> s = Files.walk(dir)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static double many(Prober prober, List<CollectionTarget> targets, Duration timeout) throws InterruptedException {
        long s = System.nanoTime();
        List<CollectionReport> reports = prober.probeAll(targets, 32, timeout);
        double ms = (System.nanoTime() - s) / 1e6;
        long ok = reports.stream().filter(r -> "ssl".equals(r.get("rdp.negotiation"))
                && Boolean.TRUE.equals(r.get("tls.handshake_ok"))).count();
        long warnings = reports.stream().mapToLong(r -> r.warnings().size()).sum();
        System.out.printf(Locale.ROOT, "  %d/%d complete probes, %d warnings%n", ok, reports.size(), warnings);
        reports.stream().flatMap(r -> r.warnings().stream()).map(w -> w.replaceAll("\\d+", "N")).distinct().limit(5)
                .forEach(w -> System.out.println("    e.g. " + w));
        return ms;
    }

    private static double median(double[] sorted) {
        int k = sorted.length;
        return k % 2 == 1 ? sorted[k / 2] : (sorted[k / 2 - 1] + sorted[k / 2]) / 2;
    }
}

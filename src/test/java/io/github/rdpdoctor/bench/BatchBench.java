package io.github.rdpdoctor.bench;

import io.github.rdpdoctor.batch.BatchInput;
import io.github.rdpdoctor.batch.BatchInputs;
import io.github.rdpdoctor.batch.BatchRunner;
import io.github.rdpdoctor.batch.BatchSummary;
import io.github.rdpdoctor.engine.RdpDoctor;
import io.github.rdpdoctor.engine.RdpDoctorException;
import io.github.rdpdoctor.symptoms.SymptomLoader;
import java.io.IOException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Batch benchmark on one generated fleet: parse-only throughput (read + parse every file) and full batch
 * throughput (read, parse, diagnose, write JSON Lines in order) on 1 and 2 threads. Median of 3 timed runs after
 * 30 s of warm-up on one thread ({@code -Dbench.warmup.seconds}) and one more warm-up run on two. {@code bin/bench batch [COUNT]}; {@code bin/bench memory [COUNT]} runs the CLI on COUNT files
 * (default 200,000) under -Xmx256m and reports peak RSS.
 */
public final class BatchBench {
    private BatchBench() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args.length > 0 ? args[0] : "batch";
        int count = args.length > 1 ? Integer.parseInt(args[1]) : (mode.equals("memory") ? 200_000 : 20_000);
        Path fleet = Path.of("target", "bench-fleet-" + count);
        if (!Files.isDirectory(fleet)) {
            System.out.println("generating " + count + " files under " + fleet + " ...");
            FleetGenerator.generate(Path.of("examples"), fleet, count, 0.01, 3);
        }
        if (mode.equals("memory")) {
            memory(fleet, count);
        } else {
            throughput(fleet, count);
        }
    }

    private static void throughput(Path fleet, int count) throws Exception {
        RdpDoctor doctor = RdpDoctor.builder().build();
        List<Path> files;
        try (Stream<Path> s = Files.walk(fleet, FileVisitOption.FOLLOW_LINKS)) { // as the batch's inputs do
            files = s.filter(Files::isRegularFile).sorted().toList();
        }
        if (files.size() != count) {
            throw new IllegalStateException(fleet + " holds " + files.size() + " files, not " + count + "; delete it to regenerate");
        }
        Path out = Path.of("target", "bench-batch-out.jsonl");
        double[][] fps = new double[2][3];
        // Warm-up until the JIT's steady state: the rules' constraints are compiled to bytecode after their 20th evaluation
        // and then by the JIT, which takes about 20 s of diagnosing on two cores; one run of 20,000 files (about 4 s) left
        // the one-thread runs measuring the warm-up and the two-thread runs, later, a warmer JVM.
        long warmUntil = System.nanoTime() + Long.getLong("bench.warmup.seconds", 30) * 1_000_000_000L;
        do {
            parseOnly(doctor.loader(), files, 1);
            batch(doctor, fleet, out, 1);
        } while (System.nanoTime() < warmUntil);
        for (int threads = 1; threads <= 2; threads++) {
            if (threads > 1) { // one thread ran the warm-up above
                parseOnly(doctor.loader(), files, threads);
                batch(doctor, fleet, out, threads);
            }
            double[] p = new double[3];
            double[] b = new double[3];
            for (int i = 0; i < 3; i++) {
                p[i] = parseOnly(doctor.loader(), files, threads);
                b[i] = batch(doctor, fleet, out, threads);
            }
            fps[threads - 1][0] = median(p);
            fps[threads - 1][1] = median(b);
        }
        List<String> rows = new ArrayList<>();
        rows.add("| " + count + " files | 1 thread | 2 threads | 2 threads / 1 thread |");
        rows.add("|---|---:|---:|---:|");
        rows.add(String.format(Locale.ROOT, "| parse only (read + parse) | %.0f files/s | %.0f files/s | %.2f× |",
                fps[0][0], fps[1][0], fps[1][0] / fps[0][0]));
        rows.add(String.format(Locale.ROOT, "| full batch (read, parse, diagnose, write) | %.0f files/s | %.0f files/s | %.2f× |",
                fps[0][1], fps[1][1], fps[1][1] / fps[0][1]));
        rows.add(String.format(Locale.ROOT, "| batch / parse only | %.2f× | %.2f× | |", fps[0][1] / fps[0][0], fps[1][1] / fps[1][0]));
        String table = String.join("\n", rows) + "\n";
        System.out.println();
        System.out.println(table);
        Files.createDirectories(Path.of("bench-results"));
        Files.writeString(Path.of("bench-results/batch.md"), table);
    }

    private static double median(double[] v) {
        double[] c = v.clone();
        Arrays.sort(c);
        return c[c.length / 2];
    }

    /** Files per second for reading and parsing every file on {@code threads} threads. */
    private static double parseOnly(SymptomLoader loader, List<Path> files, int threads) throws Exception {
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long t0 = System.nanoTime();
        List<Future<Integer>> fs = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            fs.add(pool.submit(() -> {
                int ok = 0;
                for (int i; (i = next.getAndIncrement()) < files.size(); ) {
                    Path f = files.get(i);
                    try {
                        loader.parse(f.toString(), Files.readAllBytes(f));
                        ok++;
                    } catch (RdpDoctorException e) {
                        // broken on purpose
                    }
                }
                return ok;
            }));
        }
        for (Future<Integer> f : fs) {
            f.get();
        }
        double s = (System.nanoTime() - t0) / 1e9;
        pool.shutdown();
        return files.size() / s;
    }

    private static double batch(RdpDoctor doctor, Path fleet, Path out, int threads) throws IOException {
        BatchRunner runner = new BatchRunner(doctor, threads);
        long t0 = System.nanoTime();
        BatchSummary s = runner.runToFile(new BatchInputs(List.of(fleet.toString()), System.in), out, false, n -> { });
        return s.total() / ((System.nanoTime() - t0) / 1e9);
    }

    private static void memory(Path fleet, int count) throws Exception {
        Path out = Path.of("target", "bench-memory-out.jsonl");
        ProcessBuilder pb = new ProcessBuilder("bin/rdp-doctor", "batch", "--out", out.toString(), fleet.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).redirectOutput(ProcessBuilder.Redirect.INHERIT);
        pb.environment().put("RDP_DOCTOR_JAVA_OPTS", "-XX:+UseSerialGC -Xmx256m"); // the launcher's batch options, capped heap
        long t0 = System.nanoTime();
        Process p = pb.start();
        long peakKb = 0;
        while (p.isAlive()) {
            peakKb = Math.max(peakKb, hwmKb(p.pid()));
            Thread.sleep(200);
        }
        double s = (System.nanoTime() - t0) / 1e9;
        long lines;
        try (Stream<String> l = Files.lines(out)) {
            lines = l.count();
        }
        String result = String.format(Locale.ROOT, "| %d files, -Xmx256m | exit %d | %d lines out | peak RSS %d MiB | %.0f s |%n",
                count, p.exitValue(), lines, peakKb / 1024, s);
        System.out.println(result);
        Files.createDirectories(Path.of("bench-results"));
        Files.writeString(Path.of("bench-results/memory.md"), result);
        if (lines != count || (p.exitValue() != 0 && p.exitValue() != 3)) {
            throw new IllegalStateException("memory run failed: " + result);
        }
    }

    private static long hwmKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        return 0;
    }
}

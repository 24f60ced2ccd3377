package io.github.rdpdoctor.bench;

import io.github.rdpdoctor.engine.RdpDoctor;
import io.github.rdpdoctor.engine.ScenarioRunner;
import io.github.rdpdoctor.symptoms.SymptomLoader;
import io.github.rdpdoctor.symptoms.SymptomSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * The core benchmark in one run: parse-only and warm diagnose per file (JMH, 1 and 2 threads) and the
 * whole-process time of {@code bin/rdp-doctor diagnose} on one example. Prints a table and writes it to
 * {@code bench-results/core.md}. Run with {@code bin/bench core}.
 */
public final class BenchMain {
    private BenchMain() {
    }

    public static void main(String[] args) throws RunnerException, IOException, InterruptedException {
        int iterations = Integer.getInteger("bench.iterations", 5);
        // Warm-up long enough to reach the steady state: with 360 rules a fork's diagnose time still falls for about 20 s
        // (Drools compiles each constraint to bytecode after its 20th evaluation, then the JIT compiles those classes on the
        // same two cores) — 3 x 2 s measured the middle of that descent, 30-60 µs depending on the fork.
        int warmups = Integer.getInteger("bench.warmups", 15);
        List<String> rows = new ArrayList<>();
        rows.add("| measurement | threads | median (p50) | p90 | mean |");
        rows.add("|---|---|---|---|---|");
        double[] parse = new double[3];
        double[] diag = new double[3];
        for (int threads : new int[] {1, 2}) {
            Options opt = new OptionsBuilder()
                    .include(DiagnoseBench.class.getName())
                    .threads(threads).forks(1)
                    .warmupIterations(warmups).warmupTime(TimeValue.seconds(2))
                    .measurementIterations(iterations).measurementTime(TimeValue.seconds(2))
                    .jvmArgsAppend("-Drdpdoctor.examples=" + System.getProperty("rdpdoctor.examples", "examples"))
                    .build();
            Collection<RunResult> results = new Runner(opt).run();
            for (RunResult r : results) {
                var stats = r.getPrimaryResult().getStatistics();
                String name = r.getParams().getBenchmark().replaceAll(".*\\.", "");
                double p50 = stats.getPercentile(50);
                rows.add(String.format(Locale.ROOT, "| %s per file | %d | %.1f µs | %.1f µs | %.1f µs |",
                        name.equals("parse") ? "parse only" : "warm diagnose (parse excluded)", threads, p50,
                        stats.getPercentile(90), stats.getMean()));
                (name.equals("parse") ? parse : diag)[threads] = p50;
            }
        }
        rows.add(String.format(Locale.ROOT, "| diagnose / parse (median, 1 thread) | 1 | %.0f %% | | |", 100 * diag[1] / parse[1]));
        Options floor = new OptionsBuilder()
                .include(FloorBench.class.getName())
                .threads(1).forks(1)
                .warmupIterations(warmups).warmupTime(TimeValue.seconds(2))
                .measurementIterations(iterations).measurementTime(TimeValue.seconds(2))
                .build();
        for (RunResult r : new Runner(floor).run()) {
            var stats = r.getPrimaryResult().getStatistics();
            rows.add(String.format(Locale.ROOT, "| engine floor: %d one-pattern rules, no joins, %.0f firings per file (FloorBench) | 1 | %.1f µs | %.1f µs | %.1f µs |",
                    FloorBench.RULES, FloorBench.firingsPerFile(), stats.getPercentile(50), stats.getPercentile(90), stats.getMean()));
        }
        rows.add(String.format(Locale.ROOT, "| rule firings per example file, bundled rules | | %.1f | | |", bundledFirings()));
        String example = System.getProperty("bench.example", "examples/minimal-0x904-0x7.yaml");
        long[] ms = processTimes(example, Integer.getInteger("bench.process.runs", 7));
        rows.add(String.format(Locale.ROOT, "| whole process `bin/rdp-doctor diagnose %s` | 1 | %d ms | %d ms | (n=%d) |",
                example, ms[ms.length / 2], ms[(int) Math.min(ms.length - 1, Math.round(ms.length * 0.9))], ms.length));
        String table = String.join("\n", rows) + "\n";
        System.out.println();
        System.out.println(table);
        Files.createDirectories(Path.of("bench-results"));
        Files.writeString(Path.of("bench-results/core.md"), "Machine: " + Runtime.getRuntime().availableProcessors()
                + " cores, " + System.getProperty("java.vm.name") + " " + System.getProperty("java.version") + "\n\n" + table);
    }

    private static double bundledFirings() throws IOException {
        Path dir = Path.of(System.getProperty("rdpdoctor.examples", "examples"));
        SymptomLoader loader = RdpDoctor.builder().build().loader();
        List<SymptomSet> files = new ArrayList<>();
        for (Path f : ScenarioRunner.scenarioFiles(dir)) {
            files.add(loader.load(f));
        }
        return FloorBench.bundledFiringsPerFile(files);
    }

    private static long[] processTimes(String example, int runs) throws IOException, InterruptedException {
        run(example); // builds the CLI jar if needed; not timed
        long[] ms = new long[runs];
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            run(example);
            ms[i] = (System.nanoTime() - t0) / 1_000_000;
        }
        Arrays.sort(ms);
        return ms;
    }

    private static void run(String example) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("bin/rdp-doctor", "diagnose", example)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        int code = p.waitFor();
        if (code != 0) {
            throw new IllegalStateException("bin/rdp-doctor diagnose " + example + " exited " + code);
        }
    }
}

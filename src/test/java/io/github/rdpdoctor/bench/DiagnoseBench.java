package io.github.rdpdoctor.bench;

import io.github.rdpdoctor.engine.Diagnosis;
import io.github.rdpdoctor.engine.RdpDoctor;
import io.github.rdpdoctor.engine.ScenarioRunner;
import io.github.rdpdoctor.symptoms.SymptomLoader;
import io.github.rdpdoctor.symptoms.SymptomSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Per-file cost on the shipped examples: parsing a symptom file, and a warm diagnosis of an already parsed file
 * (parse excluded). Each call takes the next example, so the sample covers all of them.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class DiagnoseBench {

    /** Shared by all threads: the doctor (one KieBase) and the examples. */
    @State(Scope.Benchmark)
    public static class Shared {
        RdpDoctor doctor;
        SymptomLoader loader;
        List<String> names = new ArrayList<>();
        List<byte[]> raw = new ArrayList<>();
        List<SymptomSet> parsed = new ArrayList<>();

        @Setup(Level.Trial)
        public void setUp() throws IOException {
            doctor = RdpDoctor.builder().build();
            loader = doctor.loader();
            Path dir = Path.of(System.getProperty("rdpdoctor.examples", "examples"));
            for (Path f : ScenarioRunner.scenarioFiles(dir)) {
                byte[] b = Files.readAllBytes(f);
                names.add(f.toString());
                raw.add(b);
                parsed.add(loader.parse(f.toString(), b));
            }
        }
    }

    /** Each thread walks the examples on its own. */
    @State(Scope.Thread)
    public static class Cursor {
        int i;

        int next(int n) {
            int k = i;
            i = k + 1 == n ? 0 : k + 1;
            return k;
        }
    }

    @Benchmark
    public SymptomSet parse(Shared s, Cursor c) {
        int k = c.next(s.raw.size());
        return s.loader.parse(s.names.get(k), s.raw.get(k));
    }

    @Benchmark
    public Diagnosis diagnose(Shared s, Cursor c) {
        return s.doctor.diagnose(s.parsed.get(c.next(s.parsed.size())));
    }
}

package io.github.rdpdoctor.bench;

import io.github.rdpdoctor.engine.Diagnosis;
import io.github.rdpdoctor.engine.RdpDoctor;
import io.github.rdpdoctor.engine.ScenarioRunner;
import io.github.rdpdoctor.symptoms.SymptomLoader;
import io.github.rdpdoctor.symptoms.SymptomSet;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Whether threads that diagnose at the same time slow each other down through the rule base they share: the same warm
 * diagnosis of the examples with one doctor (one {@code KieBase} and session pool) for all threads ({@code shared}) and
 * with a doctor per thread ({@code ownDoctor}). Run it with two threads: {@code bin/bench jmh ThreadScalingBench -t 2}.
 * Equal medians mean the two-thread cost is not in Drools' shared structures.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ThreadScalingBench {

    /** A doctor and the parsed examples. */
    abstract static class Doctor {
        RdpDoctor doctor;
        final List<SymptomSet> parsed = new ArrayList<>();

        void build() throws IOException {
            doctor = RdpDoctor.builder().build();
            SymptomLoader loader = doctor.loader();
            for (Path f : ScenarioRunner.scenarioFiles(Path.of(System.getProperty("rdpdoctor.examples", "examples")))) {
                parsed.add(loader.load(f));
            }
        }
    }

    /** One doctor for all threads, as an application that builds one {@code RdpDoctor} has. */
    @State(Scope.Benchmark)
    public static class SharedDoctor extends Doctor {
        @Setup(Level.Trial)
        public void setUp() throws IOException {
            build();
        }
    }

    /** A doctor of its own for each thread. */
    @State(Scope.Thread)
    public static class OwnDoctor extends Doctor {
        @Setup(Level.Trial)
        public void setUp() throws IOException {
            build();
        }
    }

    @Benchmark
    public Diagnosis shared(SharedDoctor d, DiagnoseBench.Cursor c) {
        return d.doctor.diagnose(d.parsed.get(c.next(d.parsed.size())));
    }

    @Benchmark
    public Diagnosis ownDoctor(OwnDoctor d, DiagnoseBench.Cursor c) {
        return d.doctor.diagnose(d.parsed.get(c.next(d.parsed.size())));
    }
}

package io.github.rdpdoctor.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.rdpdoctor.symptoms.SymptomSet;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class ConcurrencyTest {
    @Test
    @Timeout(120)
    void manyThreadsSharingOneEngineGetTheSameResultsAsOneThread() throws Exception {
        RdpDoctor doctor = RdpDoctor.builder().build();
        List<SymptomSet> inputs = new ArrayList<>();
        for (Path f : ScenarioRunner.scenarioFiles(Path.of("examples"))) {
            inputs.add(doctor.loader().load(f));
        }
        List<Diagnosis> expected = inputs.stream().map(doctor::diagnose).toList();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<List<Diagnosis>>> futures = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                final int shift = t;
                futures.add(pool.submit(() -> {
                    List<Diagnosis> out = new ArrayList<>(inputs.size());
                    for (int round = 0; round < 20; round++) {
                        for (int i = 0; i < inputs.size(); i++) {
                            int k = (i + shift * 7 + round) % inputs.size();
                            Diagnosis d = doctor.diagnose(inputs.get(k));
                            if (!d.equals(expected.get(k))) {
                                throw new AssertionError("thread " + shift + " differs on " + inputs.get(k).source());
                            }
                            out.add(d);
                        }
                    }
                    return out;
                }));
            }
            for (Future<List<Diagnosis>> f : futures) {
                assertEquals(inputs.size() * 20, f.get().size());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}

package io.github.rdpdoctor.bench;

import io.github.rdpdoctor.engine.Diagnosis;
import io.github.rdpdoctor.engine.Findings;
import io.github.rdpdoctor.engine.RuleSource;
import io.github.rdpdoctor.engine.RdpDoctor;
import io.github.rdpdoctor.knowledge.Cause;
import io.github.rdpdoctor.knowledge.KnowledgeBase;
import io.github.rdpdoctor.symptoms.Symptom;
import io.github.rdpdoctor.symptoms.SymptomSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.kie.api.KieBase;
import org.kie.api.io.ResourceType;
import org.kie.api.runtime.KieSession;
import org.kie.internal.utils.KieHelper;

/**
 * The engine at its simplest, as a yardstick for {@link DiagnoseBench}: as many rules as the bundled set (256), each
 * one pattern on one symptom (no joins, no {@code not}, no regular expressions, a constant detail), over 46
 * synthetic files whose symptoms make about as many firings per file as the examples do with the real rules. What
 * this costs per diagnosis is the floor the session, the inserts, the firings and the ranking set, whatever the
 * rules say.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class FloorBench {
    static final int RULES = 256;
    static final int NAMES = 60;
    static final int FILES = 46;
    static final int SYMPTOMS_PER_FILE = 10;

    @State(Scope.Benchmark)
    public static class Shared {
        RdpDoctor doctor;
        List<SymptomSet> files = new ArrayList<>();

        @Setup(Level.Trial)
        public void setUp() {
            doctor = doctor();
            files = files();
        }
    }

    @Benchmark
    public Diagnosis diagnose(Shared s, DiagnoseBench.Cursor c) {
        return s.doctor.diagnose(s.files.get(c.next(s.files.size())));
    }

    /** 256 one-pattern rules over symptoms floor.s0 .. floor.s59, concluding the real causes in turn. */
    static RdpDoctor doctor() {
        List<String> causes = KnowledgeBase.bundled().causes().stream().map(Cause::id).toList();
        StringBuilder drl = new StringBuilder("""
                package floor;
                import io.github.rdpdoctor.symptoms.Symptom;
                global io.github.rdpdoctor.engine.Findings findings;
                """);
        for (int i = 0; i < RULES; i++) {
            String cause = causes.get(i % causes.size());
            drl.append("rule \"").append(cause).append(": floor rule ").append(i).append("\"\nwhen\n")
                    .append("    Symptom(name == \"floor.s").append(i % NAMES).append("\", flag == true)\nthen\n")
                    .append("    findings.support(kcontext, \"").append(cause).append("\", 0.1, \"floor\");\nend\n");
        }
        return RdpDoctor.builder().withoutBundledRules().addRules("floor.drl", drl.toString()).build();
    }

    /** 46 files of 10 distinct true symptoms each, drawn with a fixed seed. */
    static List<SymptomSet> files() {
        Random rnd = new Random(46);
        List<SymptomSet> files = new ArrayList<>();
        for (int f = 0; f < FILES; f++) {
            SymptomSet.Builder b = SymptomSet.builder("floor-" + f + ".example");
            rnd.ints(0, NAMES).distinct().limit(SYMPTOMS_PER_FILE).forEach(n -> b.symptom("floor.s" + n, true));
            files.add(b.build());
        }
        return files;
    }

    /** Rule firings per file, averaged over the files (every rule here fires at most once per file). */
    static double firingsPerFile() {
        RdpDoctor d = doctor();
        return files().stream().mapToInt(f -> d.diagnose(f).causes().stream().mapToInt(c -> c.evidence().size()).sum())
                .average().orElse(0);
    }

    /**
     * Rule firings per file of the bundled rules on {@code files}, counted in a plain session of their own (the engine
     * does not report firings). It inserts what {@code RdpDoctor} inserts: target.host, symptoms, events, sessions.
     */
    static double bundledFiringsPerFile(List<SymptomSet> files) {
        KieHelper helper = new KieHelper();
        for (RuleSource src : RuleSource.bundled()) {
            helper.addContent(src.drl(), ResourceType.DRL);
        }
        KieBase base = helper.build();
        long fired = 0;
        for (SymptomSet f : files) {
            KieSession session = base.newKieSession();
            try {
                session.setGlobal("findings", new Findings());
                session.insert(new Symptom(RdpDoctor.TARGET_HOST, f.host()));
                f.symptoms().forEach(session::insert);
                f.events().forEach(session::insert);
                f.sessions().forEach(session::insert);
                fired += session.fireAllRules();
            } finally {
                session.dispose();
            }
        }
        return (double) fired / files.size();
    }
}

package io.github.rdpdoctor.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PrecompiledRulesTest {
    /** The build step ran (process-classes) and the packaged file matches the bundled DRL. */
    @Test
    void theBuildShipsPrecompiledRulesForTheBundledDrl() {
        assertTrue(PrecompiledRules.load(RuleSource.bundled()).isPresent(),
                PrecompiledRules.RESOURCE + " missing or stale; run mvn process-classes");
    }

    /**
     * The bundled rules are the files of rules/ and no others: a rule file deleted or renamed there is not still bundled
     * (its copy in target/classes, and the index the build wrote from it, outlived it until mvn clean).
     */
    @Test
    void theBundledRulesAreExactlyTheFilesOfTheRulesDirectory() throws Exception {
        List<String> inTree;
        try (var drl = java.nio.file.Files.list(Path.of("rules"))) {
            inTree = drl.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".drl")).sorted()
                    .map(n -> "rules/" + n).toList();
        }
        assertEquals(inTree, RuleSource.bundled().stream().map(RuleSource::name).toList());
        assertEquals(inTree, RuleSource.listed(RuleSource.class.getClassLoader()).stream().map(RuleSource::name).toList());
    }

    @Test
    void precompiledAndCompiledRulesDiagnoseAlike() throws Exception {
        RdpDoctor pre = RdpDoctor.builder().build();
        RdpDoctor compiled = RdpDoctor.builder().usePrecompiled(false).build();
        int n = 0;
        for (Path f : ScenarioRunner.scenarioFiles(Path.of("examples"))) {
            assertEquals(compiled.diagnose(f), pre.diagnose(f), f.toString());
            n++;
        }
        assertTrue(n >= 40);
    }

    @Test
    void otherSourcesDoNotMatchTheDigest() throws Exception {
        List<RuleSource> changed = new ArrayList<>(RuleSource.bundled());
        RuleSource first = changed.get(0);
        changed.set(0, new RuleSource(first.name(), first.drl() + "\n// edited\n"));
        assertNotEquals(PrecompiledRules.digest(RuleSource.bundled()), PrecompiledRules.digest(changed));
        assertTrue(PrecompiledRules.load(changed).isEmpty(), "edited bundled rules must be compiled, not loaded");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrecompiledRules.write(RuleSource.bundled(), out);
        assertTrue(out.size() > 100_000);
    }

    @Test
    void extraRulesAreCheckedAgainstThePrecompiledOnes() {
        String dup = """
                package mine;
                import io.github.rdpdoctor.symptoms.Symptom;
                global io.github.rdpdoctor.engine.Findings findings;
                rule "%s"
                when Symptom(name == "network.ping_ok") then findings.support(kcontext, "firewall-blocking", 0.1, "x"); end
                """;
        String existing = RdpDoctor.builder().build().ruleSources().get(0).drl()
                .lines().filter(l -> l.startsWith("rule \"")).findFirst().orElseThrow().replaceAll("rule \"([^\"]+)\".*", "$1");
        RuleCompilationException e = assertThrows(RuleCompilationException.class,
                () -> RdpDoctor.builder().addRules("dup.drl", dup.formatted(existing)).build());
        assertTrue(e.getMessage().contains("duplicate rule name \"" + existing + "\""), e.getMessage());
    }

    /**
     * A class loader that serves files but cannot list a directory (an application server's {@code vfs:}, a nested jar)
     * still finds the bundled rules, through the index the build writes beside them.
     */
    @Test
    void bundledRulesAreFoundThroughTheIndexWhereADirectoryCannotBeListed() throws Exception {
        ClassLoader noListing = new ClassLoader(null) {
            private final ClassLoader real = RuleSource.class.getClassLoader();

            @Override
            public java.net.URL getResource(String name) {
                return name.equals(RuleSource.BUNDLED_DIR) || name.equals(RuleSource.BUNDLED_DIR + "/") ? null : real.getResource(name);
            }

            @Override
            public java.io.InputStream getResourceAsStream(String name) {
                return name.equals(RuleSource.BUNDLED_DIR) ? null : real.getResourceAsStream(name);
            }
        };
        assertThrows(IllegalStateException.class, () -> RuleSource.listed(noListing), "listing alone cannot find them");
        List<RuleSource> viaIndex = RuleSource.bundled(noListing);
        List<RuleSource> listed = RuleSource.listed(RuleSource.class.getClassLoader());
        assertEquals(listed.stream().map(RuleSource::name).toList(), viaIndex.stream().map(RuleSource::name).toList());
        assertEquals(listed.stream().map(RuleSource::drl).toList(), viaIndex.stream().map(RuleSource::drl).toList());
        try (var drl = java.nio.file.Files.list(Path.of("rules"))) {
            assertEquals(drl.filter(f -> f.toString().endsWith(".drl")).count(), viaIndex.size(), "every file under rules/");
        }
    }
}

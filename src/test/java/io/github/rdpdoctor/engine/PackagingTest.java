package io.github.rdpdoctor.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * What an embedder gets on the classpath. Many applications ship as one fat jar in which, unless the build merges
 * them, one copy of each {@code META-INF/services} file survives. Drools finds its parts through those files: a Drools
 * service file that comes from two jars on rdp-doctor's classpath makes such a fat jar fail in {@code build()}.
 */
class PackagingTest {
    @Test
    void noDroolsServiceFileComesFromTwoJars() throws IOException {
        Map<String, List<String>> byService = new TreeMap<>();
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            if (!entry.endsWith(".jar")) {
                continue;
            }
            try (JarFile jar = new JarFile(entry)) {
                for (var e : Collections.list(jar.entries())) {
                    String name = e.getName();
                    if (name.startsWith("META-INF/services/org.drools.") || name.startsWith("META-INF/services/org.kie.")) {
                        byService.computeIfAbsent(name, k -> new ArrayList<>()).add(entry.substring(entry.lastIndexOf('/') + 1));
                    }
                }
            }
        }
        assertTrue(byService.size() > 10, "no Drools service files found on the class path: " + byService);
        byService.forEach((service, jars) -> assertEquals(1, jars.size(), service + " comes from " + jars));
    }

    /** The one wiring left is the dynamic one, which compiles rules at run time. */
    @Test
    void theComponentsSupplierIsTheDynamicOne() throws IOException {
        List<URL> found = Collections.list(getClass().getClassLoader()
                .getResources("META-INF/services/org.drools.wiring.api.ComponentsSupplier"));
        assertEquals(1, found.size(), found.toString());
        assertTrue(found.get(0).toString().contains("drools-wiring-dynamic"), found.toString());
    }

    /**
     * rdp-doctor as a plain dependency: its classes in a jar (as {@code mvn package} makes it) next to its dependencies'
     * jars, run in a directory with no {@code rules/} or {@code kb/} beside it. The bundled rules, vocabulary and
     * knowledge base come out of the jar (the jar branch of {@link RuleSource#bundled()}, which runs from
     * target/classes everywhere else in the tests).
     */
    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void theLibraryWorksFromItsJarWithNoFilesBesideIt(@TempDir Path dir) throws Exception {
        Path classes = Path.of("target", "classes").toAbsolutePath();
        Path jar = dir.resolve("rdp-doctor.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar)); Stream<Path> files = Files.walk(classes)) {
            for (Path f : (Iterable<Path>) files.sorted()::iterator) {
                String name = classes.relativize(f).toString().replace(File.separatorChar, '/');
                if (name.isEmpty()) {
                    continue;
                }
                out.putNextEntry(new JarEntry(Files.isDirectory(f) ? name + "/" : name));
                if (Files.isRegularFile(f)) {
                    Files.copy(f, out);
                }
                out.closeEntry();
            }
        }
        try (JarFile j = new JarFile(jar.toFile())) {
            for (String entry : List.of("rdp-doctor/rules/security-negotiation.drl", "rdp-doctor/kb/causes.yaml",
                    "rdp-doctor/kb/symptoms.yaml")) {
                assertTrue(j.getEntry(entry) != null, entry + " is not in the jar");
            }
        }
        List<String> cp = new ArrayList<>(List.of(jar.toString()));
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (entry.endsWith(".jar")) {
                cp.add(entry);
            }
        }
        Path work = Files.createDirectories(dir.resolve("elsewhere"));
        Files.writeString(work.resolve("case.yaml"), """
                host: rdsh-02.corp.example
                symptoms:
                  client.error_code: 2308
                  client.extended_error_code: "0x7"
                  server.cert_expired: true
                events:
                  - { log: System, source: Microsoft-Windows-TerminalServices-RemoteConnectionManager, id: 1058 }
                """);
        Path stdout = dir.resolve("out.json");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                String.join(File.pathSeparator, cp), "io.github.rdpdoctor.cli.Main", "diagnose", "--format", "json", "case.yaml")
                .directory(work.toFile()).redirectOutput(stdout.toFile()).redirectError(dir.resolve("err.txt").toFile()).start();
        assertTrue(p.waitFor(100, TimeUnit.SECONDS), "diagnose did not finish");
        assertEquals(0, p.exitValue(), Files.readString(dir.resolve("err.txt")));
        try (Stream<Path> left = Files.list(work)) {
            assertEquals(List.of(work.resolve("case.yaml")), left.toList(), "nothing but the input beside the run");
        }
        JsonNode d = new ObjectMapper().readTree(Files.readString(stdout, StandardCharsets.UTF_8));
        JsonNode top = d.at("/causes/0");
        assertEquals("rdp-certificate-problem", top.get("id").asText(), d.toString());
        assertTrue(top.get("confidence").asDouble() >= 0.7, d.toString());
        assertTrue(top.at("/remediation/0/text").asText().length() > 10, "remediation from kb/causes.yaml in the jar");
        assertTrue(d.get("causes").size() > 3, "rules of several bundled files fired: " + d);
    }
}

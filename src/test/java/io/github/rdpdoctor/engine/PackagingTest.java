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
        Path jar = jarOfClasses(dir.resolve("rdp-doctor.jar"), new java.util.jar.Manifest());
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

    /** target/classes in a jar, as {@code mvn package} makes it. */
    private static Path jarOfClasses(Path jar, java.util.jar.Manifest manifest) throws IOException {
        manifest.getMainAttributes().putIfAbsent(java.util.jar.Attributes.Name.MANIFEST_VERSION, "1.0");
        Path classes = Path.of("target", "classes").toAbsolutePath();
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest); Stream<Path> files = Files.walk(classes)) {
            for (Path f : (Iterable<Path>) files.sorted()::iterator) {
                String name = classes.relativize(f).toString().replace(File.separatorChar, '/');
                if (name.isEmpty() || name.equals("META-INF/MANIFEST.MF")) {
                    continue;
                }
                out.putNextEntry(new JarEntry(Files.isDirectory(f) ? name + "/" : name));
                if (Files.isRegularFile(f)) {
                    Files.copy(f, out);
                }
                out.closeEntry();
            }
        }
        return jar;
    }

    /**
     * rdp-doctor on the module path, under the name the pom gives it (Automatic-Module-Name; .ci/check-jars checks the
     * packaged jars): an application module that {@code requires io.github.rdpdoctor} compiles and diagnoses, with the
     * dependencies that are named modules themselves (Jackson, SLF4J) added as the README says. An automatic module
     * declares no requires, so nothing else pulls them in.
     */
    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void anApplicationModuleThatRequiresRdpDoctorDiagnosesOnTheModulePath(@TempDir Path dir) throws Exception {
        java.util.regex.Matcher name = java.util.regex.Pattern.compile("<Automatic-Module-Name>([^<]+)</Automatic-Module-Name>")
                .matcher(Files.readString(Path.of("pom.xml")));
        assertTrue(name.find(), "pom.xml sets no Automatic-Module-Name");
        assertEquals("io.github.rdpdoctor", name.group(1));
        java.util.jar.Manifest manifest = new java.util.jar.Manifest();
        manifest.getMainAttributes().putValue("Automatic-Module-Name", name.group(1));
        List<String> modulePath = new ArrayList<>(List.of(jarOfClasses(dir.resolve("rdp-doctor.jar"), manifest).toString()));
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            // the dependencies; not the test tools, whose jars are no modules to put beside an application
            if (entry.endsWith(".jar") && !entry.matches(".*/(org/junit|org/opentest4j|org/apiguardian|net/jqwik|org/openjdk/jmh|net/sf/jopt-simple|org/apache/commons/commons-math3)/.*")) {
                modulePath.add(entry);
            }
        }
        Path src = Files.createDirectories(dir.resolve("src/demo"));
        Files.writeString(dir.resolve("src/module-info.java"), "module demo { requires io.github.rdpdoctor; }\n");
        Files.writeString(src.resolve("Main.java"), """
                package demo;
                import io.github.rdpdoctor.engine.Diagnosis;
                import io.github.rdpdoctor.engine.RdpDoctor;
                public class Main {
                    public static void main(String[] args) {
                        Diagnosis d = RdpDoctor.builder().build().diagnose(java.nio.file.Path.of(args[0]));
                        System.out.println(RdpDoctor.class.getModule().getName() + " " + d.causes().get(0).id());
                    }
                }
                """);
        Path out = dir.resolve("classes");
        int compiled = javax.tools.ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", out.toString(),
                "--module-path", String.join(File.pathSeparator, modulePath),
                dir.resolve("src/module-info.java").toString(), src.resolve("Main.java").toString());
        assertEquals(0, compiled, "the application module does not compile against rdp-doctor");
        Path stdout = dir.resolve("out.txt");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--module-path", out + File.pathSeparator + String.join(File.pathSeparator, modulePath),
                "--add-modules", "com.fasterxml.jackson.databind,com.fasterxml.jackson.dataformat.yaml,org.slf4j",
                "-m", "demo/demo.Main", Path.of("examples/rdp-certificate-problem-expired-self-signed.yaml").toAbsolutePath().toString())
                .redirectOutput(stdout.toFile()).redirectError(dir.resolve("err.txt").toFile()).start();
        assertTrue(p.waitFor(150, TimeUnit.SECONDS), "diagnose did not finish");
        assertEquals(0, p.exitValue(), Files.readString(dir.resolve("err.txt")));
        assertEquals("io.github.rdpdoctor rdp-certificate-problem\n", Files.readString(stdout));
    }
}

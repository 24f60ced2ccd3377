package io.github.rdpdoctor.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

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
}

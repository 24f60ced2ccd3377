package io.github.rdpdoctor.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * One DRL text and the name it is reported under in problems and evidence.
 *
 * @param name a file path, or {@code rules/NAME.drl} for the bundled rules
 */
public record RuleSource(String name, String drl) {
    /** Classpath folder of the bundled rules. */
    public static final String BUNDLED_DIR = "rdp-doctor/rules";

    /** Reads a .drl file, or every .drl file under a directory (sorted by path). */
    public static List<RuleSource> fromPath(Path path) {
        List<RuleSource> out = new ArrayList<>();
        try {
            if (Files.isDirectory(path)) {
                try (Stream<Path> files = Files.walk(path)) {
                    for (Path f : files.filter(p -> p.toString().endsWith(".drl") && Files.isRegularFile(p)).sorted().toList()) {
                        out.add(new RuleSource(f.toString(), Files.readString(f, StandardCharsets.UTF_8)));
                    }
                }
            } else if (Files.isRegularFile(path)) {
                out.add(new RuleSource(path.toString(), Files.readString(path, StandardCharsets.UTF_8)));
            } else {
                throw new RdpDoctorException(path + ": no such rule file or directory");
            }
        } catch (IOException e) {
            throw new RdpDoctorException(path + ": cannot read rules: " + e.getMessage(), e);
        }
        return out;
    }

    /** The rules shipped inside rdp-doctor (from the jar or from target/classes). */
    public static List<RuleSource> bundled() {
        ClassLoader cl = RuleSource.class.getClassLoader();
        URL url = cl.getResource(BUNDLED_DIR);
        if (url == null) {
            throw new IllegalStateException("bundled rules " + BUNDLED_DIR + " are missing from the classpath");
        }
        List<RuleSource> out = new ArrayList<>();
        try {
            if ("jar".equals(url.getProtocol())) {
                JarURLConnection conn = (JarURLConnection) url.openConnection();
                conn.setUseCaches(false);
                try (JarFile jar = conn.getJarFile()) {
                    List<JarEntry> entries = new ArrayList<>();
                    for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements(); ) {
                        JarEntry entry = e.nextElement();
                        if (entry.getName().startsWith(BUNDLED_DIR + "/") && entry.getName().endsWith(".drl")) {
                            entries.add(entry);
                        }
                    }
                    entries.sort((a, b) -> a.getName().compareTo(b.getName()));
                    for (JarEntry entry : entries) {
                        try (InputStream in = jar.getInputStream(entry)) {
                            out.add(new RuleSource("rules/" + entry.getName().substring(BUNDLED_DIR.length() + 1),
                                    new String(in.readAllBytes(), StandardCharsets.UTF_8)));
                        }
                    }
                }
            } else {
                Path dir = Paths.get(url.toURI());
                for (RuleSource s : fromPath(dir)) {
                    out.add(new RuleSource("rules/" + dir.relativize(Path.of(s.name())), s.drl()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }
}

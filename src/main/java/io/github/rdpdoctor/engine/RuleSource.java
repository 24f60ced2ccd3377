package io.github.rdpdoctor.engine;

import io.github.rdpdoctor.symptoms.ReadProblem;
import io.github.rdpdoctor.symptoms.Utf8;

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
 * @param name       a file path, or {@code rules/NAME.drl} for the bundled rules
 * @param drl        the text; empty when the file is not UTF-8 text
 * @param unreadable why the file is not DRL text (reported with the compile problems), or null
 */
public record RuleSource(String name, String drl, RuleProblem unreadable) {
    /** Classpath folder of the bundled rules. */
    public static final String BUNDLED_DIR = "rdp-doctor/rules";

    public RuleSource(String name, String drl) {
        this(name, drl, null);
    }

    /**
     * Reads a .drl file, or every .drl file under a directory (sorted by path). A file that is not UTF-8 text is
     * returned with its problem in {@link #unreadable()}, so that compiling lists it with the other problems.
     *
     * @throws RdpDoctorException when the path does not exist, a file cannot be read, or a directory holds no .drl file
     *                            (the rules meant are elsewhere: without a word, only the others would run)
     */
    public static List<RuleSource> fromPath(Path path) {
        List<RuleSource> out = new ArrayList<>();
        if (Files.isDirectory(path)) {
            try (Stream<Path> files = Files.walk(path)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".drl") && Files.isRegularFile(p)).sorted().toList()) {
                    out.add(read(f));
                }
            } catch (IOException | UncheckedIOException e) {
                // a subdirectory that cannot be listed: named, with why (the exception's message is only its path)
                IOException io = e instanceof UncheckedIOException u ? u.getCause() : (IOException) e;
                Path at = io instanceof java.nio.file.FileSystemException f && f.getFile() != null ? Path.of(f.getFile()) : path;
                throw new RdpDoctorException(at + ": cannot read rules: " + ReadProblem.of(at, io), e);
            }
            if (out.isEmpty()) {
                throw new RdpDoctorException(path + ": no rule files (*.drl) in this directory");
            }
        } else if (Files.isRegularFile(path)) {
            out.add(read(path));
        } else if (Files.exists(path)) {
            throw new RdpDoctorException(path + ": not a regular file; give a .drl file or a directory of them");
        } else {
            throw new RdpDoctorException(path + ": " + (Files.isSymbolicLink(path) ? ReadProblem.missing(path)
                    : "no such rule file or directory"));
        }
        return out;
    }

    /** Largest rule file read (the bundled ones are under 50 KiB): a bigger one is not rules, and not held in memory. */
    static final long MAX_BYTES = 16 << 20;

    private static RuleSource read(Path file) {
        byte[] bytes;
        try {
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw new RdpDoctorException(file + ": file is " + size + " bytes; the limit for a rule file is " + MAX_BYTES);
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new RdpDoctorException(file + ": cannot read rules: " + ReadProblem.of(file, e), e);
        }
        int bad = Utf8.firstInvalid(bytes);
        if (bad >= 0) {
            return new RuleSource(file.toString(), "", at(file, bytes, bad, Utf8.notUtf8(bytes, bad)));
        }
        String drl = new String(bytes, StandardCharsets.UTF_8);
        int nul = drl.indexOf('\0');
        if (nul >= 0) {
            int offset = drl.substring(0, nul).getBytes(StandardCharsets.UTF_8).length;
            return new RuleSource(file.toString(), "", at(file, bytes, offset,
                    "binary data (NUL byte at offset " + offset + "); expected DRL text"));
        }
        return new RuleSource(file.toString(), drl);
    }

    /** A problem at byte {@code offset} of the file: 1-based line, and column counted in bytes. */
    private static RuleProblem at(Path file, byte[] bytes, int offset, String message) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset; i++) {
            if (bytes[i] == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new RuleProblem(file.toString(), line, offset - lineStart + 1, message);
    }

    /** The names of the bundled rule files, one per line, written at build time next to them. */
    static final String INDEX = BUNDLED_DIR + "/INDEX";

    /** The rules shipped inside rdp-doctor (from the jar or from target/classes). */
    public static List<RuleSource> bundled() {
        return bundled(RuleSource.class.getClassLoader());
    }

    /**
     * The bundled rules as {@code loader} has them: by the build's index when there is one, read as plain resources, so
     * that class loaders that cannot list a directory (application servers' {@code vfs:}, nested jars) find them too;
     * else by listing the directory in a jar or on disk.
     */
    static List<RuleSource> bundled(ClassLoader loader) {
        try (InputStream index = loader.getResourceAsStream(INDEX)) {
            if (index == null) {
                return listed(loader);
            }
            List<RuleSource> out = new ArrayList<>();
            for (String name : new String(index.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (name.isBlank()) {
                    continue;
                }
                try (InputStream in = loader.getResourceAsStream(BUNDLED_DIR + "/" + name.strip())) {
                    if (in == null) {
                        throw new IllegalStateException("bundled rule file " + BUNDLED_DIR + "/" + name.strip()
                                + " is listed in " + INDEX + " but missing from the classpath");
                    }
                    out.add(new RuleSource("rules/" + name.strip(), new String(in.readAllBytes(), StandardCharsets.UTF_8)));
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The bundled rules found by listing their directory (in a jar or on disk), in name order. */
    static List<RuleSource> listed(ClassLoader cl) {
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
                    out.add(new RuleSource("rules/" + dir.relativize(Path.of(s.name())), s.drl(), s.unreadable()));
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

package io.github.rdpdoctor.ci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code .ci/run} on a fresh Debian machine, run on copies of {@code .ci/run} and {@code bin/test} with an {@code id},
 * {@code sudo}, {@code dpkg-query}, {@code apt-get}, {@code systemctl} and {@code mvn} on the PATH that only record what
 * they were asked (nothing is installed, no test runs).
 */
class CiScriptTest {
    static final List<String> PACKAGES = List.of("openjdk-17-jdk-headless", "maven", "openssl", "xrdp", "freerdp2-shadow-x11",
            "winpr-utils", "xvfb", "nmap", "freerdp2-x11", "chromium");

    @TempDir
    Path dir;

    /** Runs the copied {@code .ci/run} as user {@code uid}, with a sudo that works without a password or not at all. */
    private String ci(String uid, boolean sudo) throws IOException, InterruptedException {
        return ci(uid, sudo, true);
    }

    /**
     * Runs the copied {@code .ci/run}; {@code .ci/check-jars} is a stand-in that records its call. With {@code testsPass}
     * false the {@code mvn} of {@code bin/test} fails.
     */
    private String ci(String uid, boolean sudo, boolean testsPass) throws IOException, InterruptedException {
        Path project = dir.resolve("project");
        Files.createDirectories(project.resolve(".ci"));
        Files.createDirectories(project.resolve("bin"));
        Files.copy(Path.of(".ci/run"), project.resolve(".ci/run"), StandardCopyOption.REPLACE_EXISTING);
        Files.copy(Path.of("bin/test"), project.resolve("bin/test"), StandardCopyOption.REPLACE_EXISTING);
        Path tools = Files.createDirectories(dir.resolve("tools"));
        Path log = dir.resolve("log.txt");
        script(tools.resolve("id"), "echo " + uid);
        script(tools.resolve("sudo"), sudo ? "echo \"sudo $*\" >> '" + log + "'; [ \"$1\" = -n ] && shift; exec \"$@\"" : "exit 1");
        script(tools.resolve("dpkg-query"), "exit 1");
        script(tools.resolve("apt-get"), "echo \"apt-get $* (DEBIAN_FRONTEND=$DEBIAN_FRONTEND)\" >> '" + log + "'");
        script(tools.resolve("systemctl"), "exit 0");
        script(tools.resolve("mvn"), "echo \"mvn $* (CI=${CI-unset})\" >> '" + log + "'" + (testsPass ? "" : "; exit 1"));
        script(project.resolve(".ci/check-jars"), "echo \"check-jars (CI=${CI-unset})\" >> '" + log + "'");
        ProcessBuilder pb = new ProcessBuilder("bash", project.resolve(".ci/run").toString());
        pb.environment().put("PATH", tools + ":" + System.getenv("PATH"));
        pb.environment().remove("CI");
        Process p = pb.redirectErrorStream(true).redirectOutput(dir.resolve("output.txt").toFile()).start();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(testsPass ? 0 : 1, p.exitValue(), Files.readString(dir.resolve("output.txt")));
        return Files.readString(log);
    }

    private static void script(Path file, String body) throws IOException {
        Files.writeString(file, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @Test
    void asRootItInstallsEveryPackageThenRunsTheTestsUnderCi() throws Exception {
        String log = ci("0", false);
        assertTrue(log.contains("apt-get update -qq (DEBIAN_FRONTEND=noninteractive)"), log);
        assertTrue(log.contains("apt-get install -y -qq --no-install-recommends " + String.join(" ", PACKAGES)
                + " (DEBIAN_FRONTEND=noninteractive)"), log);
        assertTrue(log.endsWith("mvn -B -ntp test (CI=true)\ncheck-jars (CI=true)\n"), log);
        assertTrue(!log.contains("sudo"), log);
    }

    /** A CI runner's user with password-less sudo (GitHub Actions, cloud images) installs through sudo. */
    @Test
    void asAUserWithPasswordlessSudoItInstallsThroughSudo() throws Exception {
        String log = ci("1001", true);
        assertTrue(log.contains("sudo -n env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "
                + String.join(" ", PACKAGES)), log);
        assertTrue(log.contains("apt-get install -y -qq --no-install-recommends " + String.join(" ", PACKAGES)
                + " (DEBIAN_FRONTEND=noninteractive)"), log);
        assertTrue(log.endsWith("mvn -B -ntp test (CI=true)\ncheck-jars (CI=true)\n"), log);
    }

    /** Without a way to install, the tests still run, under CI=true: a test whose tool is missing fails, it is not skipped. */
    @Test
    void withoutRootOrSudoTheTestsRunUnderCiAndMissingToolsFail() throws Exception {
        String log = ci("1001", false);
        assertTrue(!log.contains("apt-get"), log);
        assertEquals("mvn -B -ntp test (CI=true)\ncheck-jars (CI=true)\n", log);
        assertTrue(Files.readString(dir.resolve("output.txt")).contains("missing packages"), Files.readString(dir.resolve("output.txt")));
    }

    /** Failing tests fail the CI run, and the jars are not looked at. */
    @Test
    void failingTestsEndTheRunBeforeTheJarCheck() throws Exception {
        String log = ci("1001", false, false);
        assertEquals("mvn -B -ntp test (CI=true)\n", log);
    }

    /** Runs the real {@code .ci/check-jars} in a copy of the project whose {@code mvn} builds nothing: the jars are the test's. */
    private Process checkJars(Path project) throws IOException, InterruptedException {
        Files.createDirectories(project.resolve(".ci"));
        Files.copy(Path.of(".ci/check-jars"), project.resolve(".ci/check-jars"), StandardCopyOption.REPLACE_EXISTING);
        Path tools = Files.createDirectories(dir.resolve("tools"));
        script(tools.resolve("mvn"), "exit 0");
        ProcessBuilder pb = new ProcessBuilder("bash", project.resolve(".ci/check-jars").toString());
        pb.environment().put("PATH", tools + ":" + Path.of(System.getProperty("java.home"), "bin") + ":" + System.getenv("PATH"));
        Process p = pb.redirectErrorStream(true).redirectOutput(dir.resolve("check.txt").toFile()).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        return p;
    }

    private static void jar(Path file, String moduleName) throws IOException {
        java.util.jar.Manifest m = new java.util.jar.Manifest();
        m.getMainAttributes().put(java.util.jar.Attributes.Name.MANIFEST_VERSION, "1.0");
        if (moduleName != null) {
            m.getMainAttributes().putValue("Automatic-Module-Name", moduleName);
        }
        Files.createDirectories(file.getParent());
        try (var out = new java.util.jar.JarOutputStream(Files.newOutputStream(file), m)) {
            out.putNextEntry(new java.util.jar.JarEntry("io/github/rdpdoctor/A.class"));
            out.write(new byte[] {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE});
            out.closeEntry();
        }
    }

    @Test
    void checkJarsWantsTheModuleNameInBothJars() throws Exception {
        Path project = dir.resolve("project");
        Path lib = project.resolve("target/rdp-doctor.jar");
        Path cli = project.resolve("target/rdp-doctor-cli.jar");
        jar(lib, "io.github.rdpdoctor");
        jar(cli, "io.github.rdpdoctor");
        Process ok = checkJars(project);
        assertEquals(0, ok.exitValue(), Files.readString(dir.resolve("check.txt")));
        assertEquals("check-jars: both jars are the module io.github.rdpdoctor\n", Files.readString(dir.resolve("check.txt")));

        jar(cli, null); // the name Java derives from the file name
        Process derived = checkJars(project);
        assertEquals(1, derived.exitValue());
        assertEquals("check-jars: target/rdp-doctor-cli.jar is the module 'rdp.doctor.cli' on the module path, expected "
                + "io.github.rdpdoctor (Automatic-Module-Name in its manifest)\n", Files.readString(dir.resolve("check.txt")));

        Files.delete(lib);
        jar(cli, "io.github.rdpdoctor");
        Process missing = checkJars(project);
        assertEquals(1, missing.exitValue());
        assertEquals("check-jars: target/rdp-doctor.jar was not built\n", Files.readString(dir.resolve("check.txt")));
    }

    /**
     * The build names its jars {@code target/rdp-doctor.jar} and {@code target/rdp-doctor-cli.jar} (finalName), so the
     * launcher and the CI scripts never name the project's version and a version bump edits only the pom.
     */
    @Test
    void noScriptNamesTheProjectVersion() throws IOException {
        String pom = Files.readString(Path.of("pom.xml"));
        Matcher version = Pattern.compile("<artifactId>rdp-doctor</artifactId>\\s*<version>([^<]+)</version>").matcher(pom);
        assertTrue(version.find(), "the project's <version> in pom.xml");
        assertTrue(pom.contains("<finalName>rdp-doctor</finalName>"), "the jars' names without the version");
        try (Stream<Path> scripts = Stream.concat(Files.list(Path.of("bin")), Files.list(Path.of(".ci")))) {
            for (Path script : scripts.filter(Files::isRegularFile).toList()) {
                assertFalse(Files.readString(script).contains(version.group(1)),
                        script + " names the version " + version.group(1) + "; name target/rdp-doctor.jar or target/rdp-doctor-cli.jar");
            }
        }
    }
}

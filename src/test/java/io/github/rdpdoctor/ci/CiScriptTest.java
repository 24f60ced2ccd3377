package io.github.rdpdoctor.ci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
        script(tools.resolve("mvn"), "echo \"mvn $* (CI=${CI-unset})\" >> '" + log + "'");
        ProcessBuilder pb = new ProcessBuilder("bash", project.resolve(".ci/run").toString());
        pb.environment().put("PATH", tools + ":" + System.getenv("PATH"));
        pb.environment().remove("CI");
        Process p = pb.redirectErrorStream(true).redirectOutput(dir.resolve("output.txt").toFile()).start();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), Files.readString(dir.resolve("output.txt")));
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
        assertTrue(log.endsWith("mvn -B -ntp test (CI=true)\n"), log);
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
        assertTrue(log.endsWith("mvn -B -ntp test (CI=true)\n"), log);
    }

    /** Without a way to install, the tests still run, under CI=true: a test whose tool is missing fails, it is not skipped. */
    @Test
    void withoutRootOrSudoTheTestsRunUnderCiAndMissingToolsFail() throws Exception {
        String log = ci("1001", false);
        assertTrue(!log.contains("apt-get"), log);
        assertEquals("mvn -B -ntp test (CI=true)\n", log);
        assertTrue(Files.readString(dir.resolve("output.txt")).contains("missing packages"), Files.readString(dir.resolve("output.txt")));
    }
}

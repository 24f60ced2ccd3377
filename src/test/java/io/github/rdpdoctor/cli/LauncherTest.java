package io.github.rdpdoctor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/rdp-doctor}'s choice of JVM options, run on a copy of the script with a {@code java} and an {@code mvn}
 * on the PATH that only record what they were given (nothing is built, no JVM is started).
 */
class LauncherTest {
    @TempDir
    Path dir;

    private List<String> javaArgs(Map<String, String> env, String... args) throws IOException, InterruptedException {
        return launch(env, false, args);
    }

    /** Runs the launcher copy with its output to a file, or {@code onTerminal} under util-linux's script (a pty). */
    private List<String> launch(Map<String, String> env, boolean onTerminal, String... args) throws IOException, InterruptedException {
        Path bin = Files.createDirectories(dir.resolve("project/bin"));
        Files.copy(Path.of("bin/rdp-doctor"), bin.resolve("rdp-doctor"), StandardCopyOption.REPLACE_EXISTING);
        Path tools = Files.createDirectories(dir.resolve("tools"));
        Path log = dir.resolve("java-args.txt");
        script(tools.resolve("java"), "printf '%s\\n' \"$@\" > '" + log + "'\n"
                + "printf 'LANG=%s\\nLC_ALL=%s\\nLC_CTYPE=%s\\n' \"${LANG-unset}\" \"${LC_ALL-unset}\" \"${LC_CTYPE-unset}\" > '"
                + dir.resolve("java-env.txt") + "'");
        script(tools.resolve("mvn"), "exit 0");
        ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(List.of("bash", bin.resolve("rdp-doctor").toString())));
        pb.command().addAll(List.of(args));
        if (onTerminal) {
            pb.command(List.of("script", "-qec", String.join(" ", pb.command()), dir.resolve("typescript").toString()));
        }
        pb.environment().put("PATH", tools + ":" + System.getenv("PATH"));
        pb.environment().remove("RDP_DOCTOR_JAVA_OPTS");
        pb.environment().keySet().removeIf(k -> k.equals("LANG") || k.startsWith("LC_"));
        pb.environment().putAll(env);
        Process p = pb.redirectErrorStream(true).redirectOutput(dir.resolve("launcher-output.txt").toFile()).start();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), Files.readString(dir.resolve("launcher-output.txt")));
        return Files.readAllLines(log, StandardCharsets.UTF_8);
    }

    private static void script(Path file, String body) throws IOException {
        Files.writeString(file, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private static List<String> jvmOptions(List<String> javaArgs) {
        return javaArgs.subList(0, javaArgs.indexOf("-jar"));
    }

    @Test
    @Timeout(60)
    void oneFileCommandsStartQuicklyOnTheC1Compiler() throws Exception {
        List<String> args = javaArgs(Map.of(), "diagnose", "examples/minimal-0x904-0x7.yaml");
        assertEquals(List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Drdp-doctor.stderr.terminal=false"), jvmOptions(args));
        assertTrue(args.get(args.indexOf("-jar") + 1).endsWith("target/rdp-doctor-cli.jar"), args.toString());
        assertEquals(List.of("diagnose", "examples/minimal-0x904-0x7.yaml"), args.subList(args.indexOf("-jar") + 2, args.size()));
    }

    @Test
    @Timeout(60)
    void batchAndReportGetTheFullJit() throws Exception {
        for (String command : List.of("batch", "report")) {
            List<String> args = javaArgs(Map.of(), command, "in");
            assertEquals(List.of("-XX:+UseSerialGC", "-Drdp-doctor.stderr.terminal=false"), jvmOptions(args), command);
            assertFalse(args.contains("-XX:TieredStopAtLevel=1"), command);
            assertEquals(List.of(command, "in"), args.subList(args.indexOf("-jar") + 2, args.size()));
        }
    }

    @Test
    @Timeout(60)
    void rdpDoctorJavaOptsReplaceTheDefaults() throws Exception {
        List<String> args = javaArgs(Map.of("RDP_DOCTOR_JAVA_OPTS", "-XX:+UseSerialGC -Xmx256m"), "batch", "in");
        assertEquals(List.of("-XX:+UseSerialGC", "-Xmx256m", "-Drdp-doctor.stderr.terminal=false"), jvmOptions(args));
    }

    /** The locale settings the JVM was started with, as LANG=..., LC_ALL=..., LC_CTYPE=... ("unset" when not set). */
    private List<String> javaLocale(Map<String, String> env) throws Exception {
        javaArgs(env, "batch", "in");
        return Files.readAllLines(dir.resolve("java-env.txt"), StandardCharsets.UTF_8);
    }

    /** cron and systemd often run without a locale: Java could not name non-ASCII files then. */
    @Test
    @Timeout(60)
    void withoutAUtf8LocaleTheJvmGetsCUtf8() throws Exception {
        assertEquals(List.of("LANG=unset", "LC_ALL=C.UTF-8", "LC_CTYPE=unset"), javaLocale(Map.of()));
        assertEquals(List.of("LANG=unset", "LC_ALL=C.UTF-8", "LC_CTYPE=unset"), javaLocale(Map.of("LC_ALL", "POSIX")));
        assertEquals(List.of("LANG=C.UTF-8", "LC_ALL=C.UTF-8", "LC_CTYPE=C"), javaLocale(Map.of("LANG", "C.UTF-8", "LC_CTYPE", "C")));
    }

    @Test
    @Timeout(60)
    void aUtf8LocaleOfTheUserIsKept() throws Exception {
        assertEquals(List.of("LANG=C.UTF-8", "LC_ALL=unset", "LC_CTYPE=unset"), javaLocale(Map.of("LANG", "C.UTF-8")));
        assertEquals(List.of("LANG=unset", "LC_ALL=C.utf8", "LC_CTYPE=unset"), javaLocale(Map.of("LC_ALL", "C.utf8")));
    }

    /** Java 17 cannot tell whether stderr is a terminal; the launcher can ({@code [ -t 2 ]}) and says so. */
    @Test
    @Timeout(60)
    void theLauncherTellsTheJvmWhetherStderrIsATerminal() throws Exception {
        assertTrue(javaArgs(Map.of(), "batch", "in").contains("-Drdp-doctor.stderr.terminal=false"));
        List<String> onTerminal = launch(Map.of(), true, "batch", "in");
        assertTrue(onTerminal.contains("-Drdp-doctor.stderr.terminal=true"), onTerminal.toString());
        assertFalse(onTerminal.contains("-Drdp-doctor.stderr.terminal=false"), onTerminal.toString());
    }

    /**
     * A rule file deleted (or renamed, e.g. to switch a rule off) since the jar was built makes the launcher build it
     * again: no file is newer than the jar then, only the directory it was in.
     */
    @Test
    @Timeout(60)
    void aDeletedRuleFileRebuildsTheJar() throws Exception {
        Path project = Files.createDirectories(dir.resolve("project"));
        Path bin = Files.createDirectories(project.resolve("bin"));
        Files.copy(Path.of("bin/rdp-doctor"), bin.resolve("rdp-doctor"), StandardCopyOption.REPLACE_EXISTING);
        Path rules = Files.createDirectories(project.resolve("rules"));
        Path kept = Files.writeString(rules.resolve("kept.drl"), "// kept");
        Path dropped = Files.writeString(rules.resolve("dropped.drl"), "// dropped");
        Path jar = Files.createDirectories(project.resolve("target")).resolve("rdp-doctor-cli.jar");
        Files.writeString(jar, "not a real jar");
        java.nio.file.attribute.FileTime hourAgo = java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() - 3_600_000);
        java.nio.file.attribute.FileTime twoHoursAgo = java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() - 7_200_000);
        for (Path p : List.of(kept, dropped, rules)) {
            Files.setLastModifiedTime(p, twoHoursAgo);
        }
        Files.setLastModifiedTime(jar, hourAgo);
        Path tools = Files.createDirectories(dir.resolve("tools"));
        Path built = dir.resolve("mvn-ran");
        script(tools.resolve("mvn"), "touch '" + built + "'");
        script(tools.resolve("java"), "exit 0");
        for (boolean delete : new boolean[] {false, true}) {
            if (delete) {
                Files.delete(dropped);
            }
            ProcessBuilder pb = new ProcessBuilder("bash", bin.resolve("rdp-doctor").toString(), "kb", "list");
            pb.environment().put("PATH", tools + ":" + System.getenv("PATH"));
            Process p = pb.redirectErrorStream(true).redirectOutput(dir.resolve("out.txt").toFile()).start();
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));
            assertEquals(0, p.exitValue(), Files.readString(dir.resolve("out.txt")));
            assertEquals(delete, Files.exists(built), delete ? "a rule file was deleted: the jar is built again"
                    : "nothing changed since the jar was built");
        }
    }

    /** Without Maven (first use) or Java on the PATH, the launcher says in one line what to install. */
    @Test
    @Timeout(60)
    void aMissingToolIsOneLineSayingWhatToInstall() throws Exception {
        Path bin = Files.createDirectories(dir.resolve("project/bin"));
        Files.copy(Path.of("bin/rdp-doctor"), bin.resolve("rdp-doctor"), StandardCopyOption.REPLACE_EXISTING);
        Path tools = Files.createDirectories(dir.resolve("only-basics"));
        for (String tool : new String[] {"dirname", "find", "mktemp", "rm", "cat", "locale"}) {
            Path real = Path.of("/usr/bin", tool);
            Files.createSymbolicLink(tools.resolve(tool), Files.exists(real) ? real : Path.of("/bin", tool));
        }
        String bash = Files.exists(Path.of("/usr/bin/bash")) ? "/usr/bin/bash" : "/bin/bash";
        for (boolean built : new boolean[] {false, true}) {
            if (built) { // the jar is there: no build, but java is still needed
                Path jar = Files.createDirectories(dir.resolve("project/target")).resolve("rdp-doctor-cli.jar");
                Files.writeString(jar, "not a real jar");
            }
            ProcessBuilder pb = new ProcessBuilder(bash, bin.resolve("rdp-doctor").toString(), "kb", "list");
            pb.environment().put("PATH", tools.toString());
            Process p = pb.redirectErrorStream(true).redirectOutput(dir.resolve("out.txt").toFile()).start();
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));
            assertEquals(1, p.exitValue());
            assertEquals(built ? "rdp-doctor: needs Java 17 or later (java) on the PATH (Debian: apt-get install openjdk-17-jre-headless)\n"
                    : "rdp-doctor: needs Maven (mvn) on the PATH to build its jar on first use (Debian: apt-get install maven openjdk-17-jdk-headless)\n",
                    Files.readString(dir.resolve("out.txt")));
        }
    }
}

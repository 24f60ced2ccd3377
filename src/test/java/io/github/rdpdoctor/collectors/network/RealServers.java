package io.github.rdpdoctor.collectors.network;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Real RDP peers on 127.0.0.1 for the tests: xrdp with a generated xrdp.ini and certificate,
 * the FreeRDP shadow server with NLA under Xvfb, plus openssl/nmap/xfreerdp runs. Every process
 * is started on a free port (or display) and stopped by {@link AutoCloseable#close()}.
 *
 * <p>When a binary is missing the tests are skipped, except under {@code CI=true}, where they fail.
 */
public final class RealServers {

    private static final List<String> EXTRA_PATH = List.of("/usr/sbin", "/sbin", "/usr/bin", "/bin", "/usr/local/bin");

    private RealServers() {
    }

    public static boolean isCi() {
        return "true".equals(System.getenv("CI"));
    }

    /** Skips (or under CI fails) when a tool is missing. */
    public static void requireTools(String... tools) {
        List<String> missing = new ArrayList<>();
        for (String t : tools) {
            if (which(t) == null) {
                missing.add(t);
            }
        }
        if (!missing.isEmpty()) {
            if (isCi()) {
                fail("CI=true but these tools are missing: " + missing);
            }
            Assumptions.abort("tools missing (install xrdp freerdp2-shadow-x11 winpr-utils xvfb nmap freerdp2-x11 openssl): "
                    + missing);
        }
    }

    public static Path which(String tool) {
        List<String> dirs = new ArrayList<>();
        String path = System.getenv("PATH");
        if (path != null) {
            dirs.addAll(List.of(path.split(":")));
        }
        dirs.addAll(EXTRA_PATH);
        for (String d : dirs) {
            if (d.isEmpty()) {
                continue;
            }
            Path p = Path.of(d, tool);
            if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }

    public static String tool(String name) {
        Path p = which(name);
        if (p == null) {
            throw new IllegalStateException(name + " not found");
        }
        return p.toString();
    }

    /** A TCP port that was free on 127.0.0.1 a moment ago. */
    public static int freePort() {
        return freePort(InetAddress.getLoopbackAddress());
    }

    /** A TCP port that was free on this address a moment ago. */
    static int freePort(InetAddress address) {
        try (ServerSocket s = new ServerSocket()) {
            s.setReuseAddress(false);
            s.bind(new InetSocketAddress(address, 0));
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Output and exit code of a finished command. */
    public record Result(int exitCode, String output, Duration elapsed) {
    }

    /** Runs a command to completion (stdout+stderr merged), killing it after {@code timeout}. */
    public static Result run(Duration timeout, Map<String, String> env, Path workDir, String... cmd) {
        try {
            Path out = Files.createTempFile("rdp-doctor-cmd", ".out");
            try {
                ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile());
                pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
                if (workDir != null) {
                    pb.directory(workDir.toFile());
                }
                pb.environment().putAll(env);
                long start = System.nanoTime();
                Process p = pb.start();
                if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                    throw new IllegalStateException("command timed out after " + timeout + ": " + String.join(" ", cmd));
                }
                return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                        Duration.ofNanos(System.nanoTime() - start));
            } finally {
                Files.deleteIfExists(out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A certificate and its key, as files. */
    public record Cert(Path cert, Path key) {
        /** The certificate's SHA-1 thumbprint as openssl computes it, in Windows' form (40 upper-case hex digits). */
        public String thumbprint() {
            return RealServers.thumbprint(cert);
        }
    }

    /**
     * The SHA-1 thumbprint of a PEM certificate file as {@code openssl x509 -fingerprint -sha1} prints it
     * ({@code SHA1 Fingerprint=AB:CD:...}), in Windows' form: an independent computation to check the probe's against.
     */
    public static String thumbprint(Path pem) {
        Result r = check(run(Duration.ofSeconds(10), Map.of(), pem.getParent(), tool("openssl"), "x509", "-in", pem.toString(),
                "-noout", "-fingerprint", "-sha1"), "openssl x509 -fingerprint");
        String out = r.output().strip();
        return out.substring(out.indexOf('=') + 1).replace(":", "").toUpperCase(java.util.Locale.ROOT);
    }

    /** A self-signed RSA certificate made with {@code openssl req -x509}. */
    public static Cert selfSigned(Path dir, String name, String cn, String subjectAltName, int days) {
        Path cert = dir.resolve(name + ".crt");
        Path key = dir.resolve(name + ".key");
        List<String> cmd = new ArrayList<>(List.of(tool("openssl"), "req", "-x509", "-newkey", "rsa:2048", "-nodes",
                "-keyout", key.toString(), "-out", cert.toString(), "-days", Integer.toString(days), "-subj", "/CN=" + cn));
        if (subjectAltName != null) {
            cmd.add("-addext");
            cmd.add("subjectAltName=" + subjectAltName);
        }
        check(run(Duration.ofSeconds(30), Map.of(), dir, cmd.toArray(String[]::new)), "openssl req");
        return new Cert(cert, key);
    }

    /** Valid from {@code start} to {@code end} (openssl time format, e.g. 20200101000000Z). */
    public static Cert selfSignedWithDates(Path dir, String name, String cn, String start, String end) {
        Path ca = dir.resolve(name + "-ca");
        try {
            Files.createDirectories(ca);
            Files.writeString(ca.resolve("index.txt"), "");
            Files.writeString(ca.resolve("serial"), "1000\n");
            Files.writeString(ca.resolve("ca.cnf"), String.join("\n",
                    "[ ca ]", "default_ca = CA_default", "[ CA_default ]", "dir = .", "database = ./index.txt",
                    "new_certs_dir = .", "serial = ./serial", "default_md = sha256", "policy = policy_any",
                    "email_in_dn = no", "unique_subject = no", "[ policy_any ]", "commonName = supplied", ""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path key = dir.resolve(name + ".key");
        Path csr = dir.resolve(name + ".csr");
        Path cert = dir.resolve(name + ".crt");
        String openssl = tool("openssl");
        check(run(Duration.ofSeconds(30), Map.of(), ca, openssl, "req", "-new", "-newkey", "rsa:2048", "-nodes",
                "-keyout", key.toString(), "-out", csr.toString(), "-subj", "/CN=" + cn), "openssl req -new");
        check(run(Duration.ofSeconds(30), Map.of(), ca, openssl, "ca", "-batch", "-config", "ca.cnf", "-selfsign",
                "-keyfile", key.toString(), "-in", csr.toString(), "-startdate", start, "-enddate", end,
                "-out", cert.toString()), "openssl ca");
        return new Cert(cert, key);
    }

    /**
     * A certificate issued by a throw-away CA (itself made here): not self-signed, with the given subjectAltName and
     * extendedKeyUsage (each null to leave the extension out), valid for {@code days}.
     */
    public static Cert issued(Path dir, String name, String cn, String subjectAltName, String extendedKeyUsage, int days) {
        String openssl = tool("openssl");
        Path caKey = dir.resolve(name + "-ca.key");
        Path caCert = dir.resolve(name + "-ca.crt");
        Path key = dir.resolve(name + ".key");
        Path csr = dir.resolve(name + ".csr");
        Path cert = dir.resolve(name + ".crt");
        Path ext = dir.resolve(name + ".ext");
        try {
            List<String> lines = new ArrayList<>();
            if (subjectAltName != null) {
                lines.add("subjectAltName=" + subjectAltName);
            }
            if (extendedKeyUsage != null) {
                lines.add("extendedKeyUsage=" + extendedKeyUsage);
            }
            Files.writeString(ext, String.join("\n", lines) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        check(run(Duration.ofSeconds(30), Map.of(), dir, openssl, "req", "-x509", "-newkey", "rsa:2048", "-nodes",
                "-keyout", caKey.toString(), "-out", caCert.toString(), "-days", "3650", "-subj", "/CN=Test Issuing CA"),
                "openssl req -x509 (CA)");
        check(run(Duration.ofSeconds(30), Map.of(), dir, openssl, "req", "-new", "-newkey", "rsa:2048", "-nodes",
                "-keyout", key.toString(), "-out", csr.toString(), "-subj", "/CN=" + cn), "openssl req -new");
        check(run(Duration.ofSeconds(30), Map.of(), dir, openssl, "x509", "-req", "-in", csr.toString(),
                "-CA", caCert.toString(), "-CAkey", caKey.toString(), "-set_serial", "4096", "-days", Integer.toString(days),
                "-extfile", ext.toString(), "-out", cert.toString()), "openssl x509 -req");
        return new Cert(cert, key);
    }

    static Result check(Result r, String what) {
        if (r.exitCode() != 0) {
            throw new IllegalStateException(what + " failed (" + r.exitCode() + "): " + r.output());
        }
        return r;
    }

    /** Waits until something accepts TCP connections on 127.0.0.1:port. */
    static void awaitPort(int port, Process p, Path log, Duration max) {
        awaitPort(InetAddress.getLoopbackAddress(), port, p, log, max);
    }

    /** Starts a server process listening on the port it is given. */
    @FunctionalInterface
    interface Launch {
        Process start(int port) throws IOException;
    }

    /**
     * Starts a server on a free port of {@code address} and waits until it listens; when it does not in time (the port
     * may have been taken in between), stops it and tries another port, three times in all.
     */
    static <T> T onFreePort(InetAddress address, Path log, Duration max, Launch launch,
            java.util.function.BiFunction<Integer, Process, T> started) {
        for (int attempt = 1; ; attempt++) {
            int port = freePort(address);
            Process p;
            try {
                p = launch.start(port);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            try {
                awaitPort(address, port, p, log, max);
                return started.apply(port, p);
            } catch (AssertionError e) {
                stop(p);
                if (attempt >= 3) {
                    throw e;
                }
            }
        }
    }

    /** Waits until something accepts TCP connections on address:port. */
    static void awaitPort(InetAddress address, int port, Process p, Path log, Duration max) {
        long end = System.nanoTime() + max.toNanos();
        while (System.nanoTime() < end) {
            if (!p.isAlive()) {
                fail("server exited with " + p.exitValue() + " before listening on " + port + ":\n" + tail(log));
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(address, port), 200);
                return;
            } catch (IOException e) {
                sleep(50);
            }
        }
        fail("server not listening on " + port + " after " + max + ":\n" + tail(log));
    }

    static String tail(Path log) {
        try {
            if (log == null || !Files.exists(log)) {
                return "(no log)";
            }
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(log unreadable: " + e + ")";
        }
    }

    /**
     * Test teardown: closes every started server (one failing close does not stop the others), forgets them, and
     * deletes the tests' temporary directory.
     */
    /** What a test class starts its servers with, in {@link Started#start}. */
    @FunctionalInterface
    public interface Setup {
        void run(Started servers) throws IOException;
    }

    /**
     * The servers one test class started in its own temporary directory; {@link #close()} stops them all and deletes
     * the directory. A class starts them in its {@code @BeforeAll} with {@link #start} and closes this in its
     * {@code @AfterAll}.
     */
    public static final class Started implements AutoCloseable {
        public final Path dir;
        private final List<AutoCloseable> running = new java.util.concurrent.CopyOnWriteArrayList<>();

        private Started(Path dir) {
            this.dir = dir;
        }

        /** Makes the directory and runs {@code setup}; when it fails, stops what it started before rethrowing. */
        public static Started start(String prefix, Setup setup) throws IOException {
            Started s = new Started(Files.createTempDirectory(prefix));
            try {
                setup.run(s);
                return s;
            } catch (RuntimeException | Error | IOException e) {
                s.close();
                throw e;
            }
        }

        /** Registers a started server to stop in {@link #close()}; returns it. */
        public <T extends AutoCloseable> T track(T server) {
            running.add(server);
            return server;
        }

        /** Stops {@code servers} when there are any (a start that failed left none). */
        public static void close(Started servers) {
            if (servers != null) {
                servers.close();
            }
        }

        @Override
        public void close() {
            stopAll(running, dir);
        }
    }

    public static void stopAll(List<? extends AutoCloseable> running, Path dir) {
        for (AutoCloseable c : running) {
            try {
                c.close();
            } catch (Exception ignored) {
                // keep stopping the others
            }
        }
        running.clear();
        if (dir != null) {
            try (java.util.stream.Stream<Path> s = Files.walk(dir)) {
                s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // a temporary directory; nothing else to do
            }
        }
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static void stop(Process p) {
        if (p == null) {
            return;
        }
        p.destroy();
        try {
            if (!p.waitFor(5, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** An xrdp 0.9.x process on 127.0.0.1 with its own xrdp.ini (copied from /etc/xrdp/xrdp.ini). */
    public static final class Xrdp implements AutoCloseable {
        public final int port;
        public final Path ini;
        public final Path log;
        private final Process process;

        private Xrdp(int port, Path ini, Path log, Process process) {
            this.port = port;
            this.ini = ini;
            this.log = log;
            this.process = process;
        }

        /**
         * @param globals [Globals] settings to set, e.g. security_layer=tls, certificate=..., ssl_protocols=...
         */
        public static Xrdp start(Path dir, String name, Map<String, String> globals) {
            return start(dir, name, globals, InetAddress.getLoopbackAddress());
        }

        /** Listening on this address only, e.g. ::1 for a server without IPv4. */
        public static Xrdp start(Path dir, String name, Map<String, String> globals, InetAddress listen) {
            Path ini = dir.resolve(name + ".ini");
            Path log = dir.resolve(name + ".log");
            Path console = dir.resolve(name + ".console");
            return onFreePort(listen, log, Duration.ofSeconds(10), port -> {
                Map<String, String> settings = new LinkedHashMap<>();
                settings.put("port", listen instanceof java.net.Inet6Address
                        ? "tcp6://{" + listen.getHostAddress() + "}:" + port : "tcp://" + listen.getHostAddress() + ":" + port);
                settings.put("fork", "false");
                settings.putAll(globals);
                writeIni(ini, settings, log);
                return new ProcessBuilder(tool("xrdp"), "--nodaemon", "--config", ini.toString())
                        .redirectErrorStream(true).redirectOutput(console.toFile())
                        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                        .start();
            }, (port, p) -> new Xrdp(port, ini, log, p));
        }

        private static void writeIni(Path ini, Map<String, String> settings, Path log) {
            try {
                List<String> src = Files.readAllLines(Path.of("/etc/xrdp/xrdp.ini"), StandardCharsets.UTF_8);
                List<String> out = new ArrayList<>();
                Map<String, String> pending = new LinkedHashMap<>(settings);
                String section = "";
                for (String line : src) {
                    String t = line.strip();
                    if (t.startsWith("[")) {
                        if ("[Globals]".equals(section)) {
                            pending.forEach((k, v) -> out.add(k + "=" + v));
                            pending.clear();
                        }
                        section = t;
                        out.add(line);
                        continue;
                    }
                    if ("[Globals]".equals(section)) {
                        String key = t.replaceFirst("^[#;]\\s*", "");
                        int eq = key.indexOf('=');
                        if (eq > 0 && pending.containsKey(key.substring(0, eq).strip())) {
                            String k = key.substring(0, eq).strip();
                            out.add(k + "=" + pending.remove(k));
                            continue;
                        }
                        if (eq > 0 && settings.containsKey(key.substring(0, eq).strip())) {
                            continue; // a second (commented) occurrence
                        }
                    }
                    if ("[Logging]".equals(section)) {
                        if (t.startsWith("LogFile=")) {
                            out.add("LogFile=" + log);
                            continue;
                        }
                        if (t.startsWith("EnableSyslog=")) {
                            out.add("EnableSyslog=false");
                            continue;
                        }
                    }
                    out.add(line);
                }
                Files.write(ini, out, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
            stop(process);
        }
    }

    /** {@code openssl s_server -www} on 127.0.0.1: a plain HTTPS server (TLS from the first byte), no RDP. */
    public static final class Https implements AutoCloseable {
        public final int port;
        private final Process process;

        private Https(int port, Process process) {
            this.port = port;
            this.process = process;
        }

        public static Https start(Path dir, Cert cert) {
            return start(dir, "s_server", cert);
        }

        /** With its own log name (several in one directory) and further s_server options, e.g. {@code -tls1}. */
        public static Https start(Path dir, String name, Cert cert, String... options) {
            Path log = dir.resolve(name + ".log");
            List<String> cmd = new ArrayList<>(List.of(tool("openssl"), "s_server", "-cert", cert.cert().toString(),
                    "-key", cert.key().toString(), "-www", "-quiet"));
            cmd.addAll(List.of(options));
            return onFreePort(InetAddress.getLoopbackAddress(), log, Duration.ofSeconds(10),
                    port -> new ProcessBuilder(concat(cmd, "-accept", "127.0.0.1:" + port))
                            .redirectErrorStream(true).redirectOutput(log.toFile())
                            .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start(),
                    Https::new);
        }

        private static List<String> concat(List<String> cmd, String... more) {
            List<String> all = new ArrayList<>(cmd);
            all.addAll(List.of(more));
            return all;
        }

        @Override
        public void close() {
            stop(process);
        }
    }

    /** Xvfb on a display it picks itself ({@code -displayfd}). */
    public static final class Xvfb implements AutoCloseable {
        public final String display;
        private final Process process;

        private Xvfb(String display, Process process) {
            this.display = display;
            this.process = process;
        }

        public static Xvfb start(Path dir) {
            Path out = dir.resolve("xvfb.out");
            Path err = dir.resolve("xvfb.err");
            try {
                Process p = new ProcessBuilder(tool("Xvfb"), "-displayfd", "1", "-nolisten", "tcp",
                        "-screen", "0", "800x600x24")
                        .redirectOutput(out.toFile()).redirectError(err.toFile())
                        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
                long end = System.nanoTime() + Duration.ofSeconds(15).toNanos();
                while (System.nanoTime() < end) {
                    String s = Files.exists(out) ? Files.readString(out).strip() : "";
                    if (!s.isEmpty() && s.chars().allMatch(Character::isDigit) && Files.readString(out).endsWith("\n")) {
                        return new Xvfb(":" + s, p);
                    }
                    if (!p.isAlive()) {
                        fail("Xvfb exited: " + tail(err));
                    }
                    sleep(50);
                }
                stop(p);
                fail("Xvfb did not report a display: " + tail(err));
                return null;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
            stop(process);
        }
    }

    /** freerdp-shadow-cli with /sec:nla (NLA required) on 127.0.0.1, with its own Xvfb and SAM file. */
    public static final class ShadowNla implements AutoCloseable {
        public static final String USER = "alice";
        public static final String PASSWORD = "Secret-123";
        public final int port;
        public final Xvfb xvfb;
        public final Path log;
        private final Process process;

        private ShadowNla(int port, Xvfb xvfb, Path log, Process process) {
            this.port = port;
            this.xvfb = xvfb;
            this.log = log;
            this.process = process;
        }

        /**
         * Starts the server; when it cannot open the display its Xvfb reported (an X server of another test run on this
         * machine that just gave up the same display number can take its socket with it), starts both again, at most three
         * times.
         */
        public static ShadowNla start(Path dir) {
            for (int attempt = 1; ; attempt++) {
                try {
                    return startOnce(dir);
                } catch (org.opentest4j.AssertionFailedError e) {
                    if (attempt == 3 || e.getMessage() == null || !e.getMessage().contains("failed to open display")) {
                        throw e;
                    }
                }
            }
        }

        private static ShadowNla startOnce(Path dir) {
            Xvfb x = Xvfb.start(dir);
            try {
                Path sam = dir.resolve("sam");
                Result hash = check(run(Duration.ofSeconds(10), Map.of(), dir, tool("winpr-hash"), "-u", USER,
                        "-p", PASSWORD, "-f", "sam"), "winpr-hash");
                Files.writeString(sam, hash.output().strip() + "\n");
                Path home = Files.createDirectories(dir.resolve("shadow-home"));
                Path log = dir.resolve("shadow.log");
                return onFreePort(InetAddress.getLoopbackAddress(), log, Duration.ofSeconds(15), port -> {
                    ProcessBuilder pb = new ProcessBuilder(tool("freerdp-shadow-cli"), "/port:" + port,
                            "/bind-address:127.0.0.1", "/sec:nla", "/sam-file:" + sam)
                            .redirectErrorStream(true).redirectOutput(log.toFile())
                            .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
                    pb.environment().put("DISPLAY", x.display);
                    pb.environment().put("HOME", home.toString());
                    pb.environment().put("XDG_CONFIG_HOME", home.resolve(".config").toString());
                    return pb.start();
                }, (port, p) -> new ShadowNla(port, x, log, p));
            } catch (IOException e) {
                x.close();
                throw new UncheckedIOException(e);
            } catch (RuntimeException | Error e) {
                x.close();
                throw e;
            }
        }

        @Override
        public void close() {
            try {
                stop(process);
            } finally {
                xvfb.close();
            }
        }
    }
}

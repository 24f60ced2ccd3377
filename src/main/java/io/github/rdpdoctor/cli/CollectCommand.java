package io.github.rdpdoctor.cli;

import io.github.rdpdoctor.collectors.windows.Side;
import io.github.rdpdoctor.collectors.windows.WindowsCollection;
import io.github.rdpdoctor.collectors.windows.WindowsCollector;
import io.github.rdpdoctor.symptoms.SymptomSet;
import io.github.rdpdoctor.symptoms.SymptomWriter;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code collect [--host-side|--client-side] [--target HOST] --save FILE}: facts of this Windows machine. */
@Command(name = "collect", sortOptions = false, description = {
        "Collects symptom facts on this Windows machine with Windows PowerShell 5.1 and writes a symptom file.",
        "On the RDP host (--host-side, the default): services, Remote Desktop registry settings, network profile and "
                + "firewall rules, RDP certificate and MachineKeys, sessions, events of the last 7 days, licensing, "
                + "session limit, updates, security products, OS, cloud. Run it as administrator for licensing, "
                + "certificate and event facts.",
        "On the client (--client-side --target HOST, as the user who connects): saved credentials for HOST, "
                + "Default.rdp, VPN, security products, CredSSP policy, OS, updates.",
        "The same collection without Java: collectors/windows/Collect-RdpSymptoms.ps1.",
        "Exit codes: 0 written, 1 not Windows or the file cannot be written (a missing folder is found before collecting), 2 usage."})
final class CollectCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--host-side", description = "Collect on the RDP host (default).")
    boolean hostSide;

    @Option(names = "--client-side", description = "Collect on the client that fails to connect; needs --target.")
    boolean clientSide;

    @Option(names = "--target", paramLabel = "HOST", description = "The RDP host as users type it in mstsc; written as the "
            + "file's host. Default on the host side: this computer's name.")
    String target;

    @Option(names = "--save", paramLabel = "FILE", required = true, description = "Symptom file to write: .json, .yaml or .yml.")
    Path save;

    @Option(names = "--timeout", paramLabel = "SECONDS", description = "Longest one PowerShell step may run: 1..120 (default ${DEFAULT-VALUE}).")
    int timeoutSeconds = (int) WindowsCollection.DEFAULT_TIMEOUT.toSeconds();

    @Override
    public Integer call() throws Exception {
        if (hostSide && clientSide) {
            throw new ParameterException(spec.commandLine(), "--host-side and --client-side exclude each other");
        }
        Side side = clientSide ? Side.CLIENT : Side.HOST;
        if (side == Side.CLIENT && (target == null || target.isBlank())) {
            throw new ParameterException(spec.commandLine(), "--client-side needs --target HOST (the host the user connects to)");
        }
        long max = WindowsCollector.MAX_RUN.toSeconds(); // a snippet never runs longer, whatever the budget
        if (timeoutSeconds < 1 || timeoutSeconds > max) {
            throw new ParameterException(spec.commandLine(), "--timeout must be 1.." + max + " seconds");
        }
        try {
            SymptomWriter.Format.of(save);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        PrintWriter err = spec.commandLine().getErr();
        Path folder = save.toAbsolutePath().getParent();
        if (folder != null && !java.nio.file.Files.isDirectory(folder)) {
            // said now, not after minutes of PowerShell runs whose results could not be written
            err.println("rdp-doctor: cannot save to " + save + ": no such directory " + folder);
            err.flush();
            return Main.BAD_INPUT;
        }
        String os = System.getProperty("os.name", "unknown");
        if (!WindowsCollector.isWindows(os)) {
            err.println("rdp-doctor: collect reads Windows settings and runs on Windows only (this is " + os + ").");
            err.println("  On the Windows machine run: rdp-doctor collect " + (side == Side.CLIENT
                    ? "--client-side --target " + target.strip() : "--host-side") + " --save FILE.json");
            err.println("  or push collectors/windows/Collect-RdpSymptoms.ps1 with your own tools; for fleets see batch --osquery.");
            err.flush();
            return Main.BAD_INPUT;
        }
        String host = target != null && !target.isBlank() ? target.strip() : localName();
        List<io.github.rdpdoctor.collectors.SymptomCollector> found = WindowsCollection.discovered();
        if (found.isEmpty()) {
            err.println("rdp-doctor: no Windows collectors registered (META-INF/services is missing them)");
            return Main.BAD_INPUT;
        }
        SymptomSet set = WindowsCollection.collect(side, host, found,
                Duration.ofSeconds(timeoutSeconds), Clock.systemUTC());
        SymptomWriter.write(set, save, set.warnings());
        err.printf(Locale.ROOT, "rdp-doctor: %d symptoms, %d events, %d sessions of %s (%s side) written to %s%n",
                set.symptoms().size(), set.events().size(), set.sessions().size(), host, side.optionValue(), save);
        for (String w : set.warnings()) {
            err.println("  warning: " + w);
        }
        err.flush();
        return Main.OK;
    }

    private static String localName() {
        String name = System.getenv("COMPUTERNAME");
        if (name != null && !name.isBlank()) {
            return name.strip();
        }
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            return "localhost";
        }
    }
}

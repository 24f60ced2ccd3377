package io.github.rdpdoctor.collectors.windows;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * The PowerShell scripts of the Windows collectors, kept as resources next to this class:
 * {@value #COMMON} (helper functions every snippet may use) and one snippet per collector. The
 * standalone script {@code collectors/windows/Collect-RdpSymptoms.ps1} contains the same texts
 * verbatim between {@code # >>> NAME} and {@code # <<< NAME} lines (a test checks this).
 *
 * <p>A snippet writes one JSON document with {@code ConvertTo-Json -Depth 4 -Compress} (or nothing for an
 * empty result), reports problems with {@code Write-RdpProblem} and never calls {@code exit}. For the
 * collectors it runs as {@code powershell.exe -EncodedCommand} inside {@link #RUNNER_PRELUDE} and
 * {@link #RUNNER_EPILOGUE}: problems go to standard error, the JSON to standard output, both with every
 * non-ASCII character escaped as {@code \\uXXXX}, so the console code page cannot garble them.
 */
public final class Snippets {
    /** Helper functions shared by the snippets. */
    public static final String COMMON = "common.ps1";

    /** Every collector snippet, in the order the standalone script runs them. */
    public static final List<String> ALL = List.of("services.ps1", "rdp-settings.ps1", "firewall.ps1",
            "certificate.ps1", "sessions.ps1", "events.ps1", "licensing.ps1", "updates.ps1",
            "security-products.ps1", "os.ps1", "domain.ps1", "entra.ps1", "client-rdp.ps1", "client-vpn.ps1");

    /** Before the helpers: stop on errors, no progress records, problems to standard error. */
    public static final String RUNNER_PRELUDE = String.join("\n",
            "$ErrorActionPreference = 'Stop'",
            "$ProgressPreference = 'SilentlyContinue'",
            "function Write-RdpProblem([string]$Message) {",
            "    [Console]::Error.WriteLine([regex]::Replace($Message, '[^\\x00-\\x7F]', { param($m) '\\u{0:x4}' -f [int][char]$m.Value }))",
            "}",
            "");

    /** Runs the snippet in a child scope and writes its output as ASCII-only text. */
    public static final String RUNNER_EPILOGUE = String.join("\n",
            "if ($null -ne $rdpOutput) {",
            "    $rdpText = [string]::Join(\"`n\", @($rdpOutput | ForEach-Object { [string]$_ }))",
            "    $rdpText = [regex]::Replace($rdpText, '[^\\x00-\\x7F]', { param($m) '\\u{0:x4}' -f [int][char]$m.Value })",
            "    [Console]::Out.Write($rdpText)",
            "}",
            "");

    /** Longest -EncodedCommand argument accepted (the Windows command line holds 32767 characters). */
    static final int MAX_ENCODED = 30_000;

    private Snippets() {
    }

    /** The text of a script resource (LF line ends). */
    public static String load(String name) {
        try (InputStream in = Snippets.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("PowerShell snippet " + name + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The whole script a collector runs: prelude, helpers, the snippet in a child scope, epilogue. */
    public static String runnerScript(String snippet) {
        return RUNNER_PRELUDE + load(COMMON) + "\n$rdpOutput = & {\n" + load(snippet) + "\n}\n" + RUNNER_EPILOGUE;
    }

    /** The powershell.exe command line for a script: no profile, no prompts, the script as -EncodedCommand. */
    public static List<String> command(String script) {
        String encoded = Base64.getEncoder().encodeToString(script.getBytes(StandardCharsets.UTF_16LE));
        if (encoded.length() > MAX_ENCODED) {
            throw new IllegalStateException("PowerShell script too long for the command line: " + encoded.length());
        }
        return List.of(powershellExe(), "-NoLogo", "-NoProfile", "-NonInteractive", "-ExecutionPolicy", "Bypass",
                "-EncodedCommand", encoded);
    }

    /**
     * Windows PowerShell 5.1. A 32-bit Java on 64-bit Windows would get the 32-bit PowerShell from System32
     * (and its redirected registry view), so Sysnative is preferred when it exists.
     */
    static String powershellExe() {
        String root = System.getenv("SystemRoot");
        if (root != null) {
            for (String dir : List.of("Sysnative", "System32")) {
                java.nio.file.Path p = java.nio.file.Path.of(root, dir, "WindowsPowerShell", "v1.0", "powershell.exe");
                if (java.nio.file.Files.isRegularFile(p)) {
                    return p.toString();
                }
            }
        }
        return "powershell.exe";
    }
}

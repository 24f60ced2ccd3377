package io.github.rdpdoctor.collectors.windows;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Client: what mstsc keeps for the target host.
 * <ul>
 *   <li>{@code client.saved_credentials}: cmdkey lists a {@code TERMSRV/<host>} entry for the host as typed
 *       (a {@code *} in the entry matches any text);</li>
 *   <li>{@code client.user}: the UsernameHint under HKCU\Software\Microsoft\Terminal Server Client\Servers\&lt;host&gt;;</li>
 *   <li>{@code client.credssp_oracle}: CredSSP AllowEncryptionOracle, when set;</li>
 *   <li>{@code client.credssp_support} (extension): false when the hidden Documents\Default.rdp, which mstsc reads when
 *       started without a file, says {@code enablecredsspsupport:i:0}; true for another number; not written when the
 *       file has no such line (mstsc's default offers CredSSP).</li>
 *   <li>{@code client.tls12_enabled} (extension): the client side of Schannel's TLS 1.2 switch, when set (Enabled 0 or
 *       DisabledByDefault 1 turn it off for mstsc, which asks for the defaults);</li>
 *   <li>{@code client.tls_min_version} (extension): the lowest TLS version the client still offers, when its TLS 1.0
 *       switch is set: 1.0 when it is on, else the next of 1.1, 1.2 not turned off (1.3 when all three are).</li>
 *   <li>{@code client.credential_guard} (extension): Credential Guard runs (Win32_DeviceGuard SecurityServicesRunning
 *       contains 1; false on a Windows without Device Guard). Microsoft Learn, "Considerations and known issues when using
 *       Credential Guard": CredSSP then cannot use saved or single-sign-on credentials, only ones typed at the prompt.</li>
 *   <li>{@code client.computer_name} (extension): the computer's own name ({@code $env:COMPUTERNAME}), which a host's Security
 *       4740 names as the caller computer of the failed logons that locked an account.</li>
 * </ul>
 * A hidden Documents\Default.rdp (which mstsc reads on every start) has no symptom: it is reported as a
 * warning with its size and date, since a damaged one breaks every connection from the PC.
 */
public final class ClientRdpCollector extends WindowsCollector {
    private static final Pattern TERMSRV = Pattern.compile("(?i)TERMSRV/([^\\s\"]+)");

    public ClientRdpCollector() {
    }

    public ClientRdpCollector(CommandRunner runner, Supplier<String> osName, Clock clock) {
        super(runner, osName, clock);
    }

    @Override
    public String name() {
        return "windows-client-rdp";
    }

    @Override
    public String snippet() {
        return "client-rdp.ps1";
    }

    @Override
    public Set<Side> sides() {
        return clientOnly();
    }

    @Override
    public Set<String> produces() {
        return Set.of("client.saved_credentials", "client.user", "client.credssp_oracle", "client.credssp_support",
                "client.tls12_enabled", "client.tls_min_version", "client.credential_guard", "client.computer_name");
    }

    /** The targets of cmdkey's TERMSRV/ entries. */
    static List<String> termsrvTargets(List<String> lines) {
        List<String> out = new ArrayList<>();
        for (String l : lines) {
            Matcher m = TERMSRV.matcher(l);
            while (m.find()) {
                out.add(m.group(1));
            }
        }
        return out;
    }

    /**
     * The client side of Schannel (Microsoft Learn, "TLS, DTLS, and SSL protocol version settings": SCHANNEL\Protocols\TLS
     * 1.x\Client, Enabled and DisabledByDefault). Only switches that are set give facts; without them the OS default holds.
     */
    static void schannel(JsonNode schannel, WinFacts facts) {
        Optional<Boolean> tls10 = offered(PsJson.field(schannel, "TLS 1.0"));
        Optional<Boolean> tls11 = offered(PsJson.field(schannel, "TLS 1.1"));
        Optional<Boolean> tls12 = offered(PsJson.field(schannel, "TLS 1.2"));
        tls12.ifPresent(on -> facts.put("client.tls12_enabled", on));
        WindowsFacts.lowestTlsVersion(tls10, tls11, tls12).ifPresent(min -> {
            facts.put("client.tls_min_version", min);
            if (!min.equals("1.0")) {
                facts.warn("Schannel offers TLS " + min + " or newer only on this client: hosts and RD Gateways whose highest"
                        + " version is older (Windows Server 2008 R2 without KB3080079) refuse it");
            }
        });
        if (tls12.isPresent() && !tls12.get()) {
            facts.warn("Schannel TLS 1.2 is turned off on this client: hosts that accept TLS 1.2 or newer only refuse it");
        }
    }

    private static Optional<Boolean> offered(JsonNode key) {
        return key.isObject() ? WindowsFacts.schannelOn(PsJson.integer(key, "Enabled"), PsJson.integer(key, "DisabledByDefault"))
                : Optional.empty();
    }

    /** Whether a stored target (possibly with * wildcards) names the host. */
    static boolean matches(String stored, String host) {
        String regex = "(?i)" + Pattern.quote(stored).replace("*", "\\E.*\\Q");
        return host.matches(regex);
    }

    @Override
    protected void parse(JsonNode root, WinFacts facts) {
        if (!root.isObject()) {
            facts.warn("unexpected output: expected an object with CmdkeyTargets and DefaultRdp");
            return;
        }
        Optional<String> host = facts.targetHost();
        JsonNode cmdkey = PsJson.field(root, "CmdkeyTargets");
        long exit = PsJson.integer(root, "CmdkeyExitCode").orElse(0);
        if (cmdkey.isMissingNode() || cmdkey.isNull() || exit != 0) {
            facts.warn("cmdkey /list failed" + (exit != 0 ? " (exit code " + exit + ")" : "") + "; saved_credentials unknown");
        } else if (host.isEmpty()) {
            facts.warn("no target host given: saved credentials not checked");
        } else {
            List<String> lines = new ArrayList<>();
            PsJson.rows(cmdkey).forEach(n -> lines.add(n.asText()));
            boolean saved = termsrvTargets(lines).stream().anyMatch(t -> matches(t, host.get()));
            facts.put("client.saved_credentials", saved);
        }
        if (host.isPresent()) {
            for (JsonNode s : PsJson.rows(PsJson.field(root, "Servers"))) {
                if (PsJson.text(s, "Name").map(n -> n.equalsIgnoreCase(host.get())).orElse(false)) {
                    PsJson.text(s, "UsernameHint").ifPresent(u -> facts.put("client.user", u));
                }
            }
        }
        PsJson.integer(root, "AllowEncryptionOracle").ifPresent(v -> facts.put("client.credssp_oracle", v));
        PsJson.bool(root, "CredentialGuardRunning").ifPresent(on -> facts.put("client.credential_guard", on));
        PsJson.text(root, "ComputerName").filter(n -> !n.isBlank()).ifPresent(n -> facts.put("client.computer_name", n));
        JsonNode schannel = PsJson.field(root, "Schannel");
        if (schannel.isObject()) {
            schannel(schannel, facts);
        }
        JsonNode rdp = PsJson.field(root, "DefaultRdp");
        if (rdp.isObject()) {
            PsJson.integer(rdp, "EnableCredSspSupport").ifPresent(v -> facts.put("client.credssp_support", v != 0));
            long size = PsJson.integer(rdp, "Length").orElse(-1);
            Optional<Instant> changed = PsJson.instant(rdp, "LastWriteTime");
            facts.warn("Documents\\Default.rdp exists" + (size >= 0 ? " (" + size + " bytes" : " (")
                    + changed.map(t -> ", changed " + PsJson.iso(t).substring(0, 10)).orElse("")
                    + "): mstsc reads it on every start; if every connection from this PC fails, rename it and retry");
        }
    }
}

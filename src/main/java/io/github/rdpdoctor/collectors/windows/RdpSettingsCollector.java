package io.github.rdpdoctor.collectors.windows;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Host: Remote Desktop settings from the registry.
 * <ul>
 *   <li>{@code server.rdp_enabled}: fDenyTSConnections == 0 (Terminal Server key; the policy value wins);</li>
 *   <li>{@code server.listener_port}: RDP-Tcp PortNumber, the port the listener is on; also written as {@code network.rdp_port}
 *       (the contract's "RDP port in use"), which a probe's or client's file, merged with this one, names as the port the
 *       connection uses;</li>
 *   <li>{@code server.listener_lan_adapter}: RDP-Tcp LanAdapter, the network adapter (LANA number) the listener is bound to,
 *       0 for all adapters;</li>
 *   <li>{@code server.security_layer}, {@code server.user_authentication}: RDP-Tcp values, policy wins;</li>
 *   <li>{@code server.max_outstanding_connections}: MaxOutstandingConnections;</li>
 *   <li>{@code server.logon_mode}: what {@code change logon /query} reports — Winlogon WinStationsDisabled 1: disabled;
 *       else Terminal Server TSServerDrainMode 2: drain, 1: drain_until_restart; enabled when both are known not to
 *       restrict (0, or absent from a key that was read);</li>
 *   <li>{@code server.credssp_oracle}: CredSSP AllowEncryptionOracle, when set;</li>
 *   <li>{@code server.tls_min_version} (extension): the lowest TLS version the host still accepts, when its Schannel TLS 1.0
 *       Server switch is set ({@link WindowsFacts#lowestTlsVersion});</li>
 *   <li>{@code server.tls12_enabled}: Schannel TLS 1.2 Server Enabled / DisabledByDefault, when set
 *       (absent keys mean the OS default, which is not guessed here).</li>
 * </ul>
 * MinEncryptionLevel has no contract symptom: level 4 (FIPS) is reported as a warning.
 */
public final class RdpSettingsCollector extends WindowsCollector {

    public RdpSettingsCollector() {
    }

    public RdpSettingsCollector(CommandRunner runner, Supplier<String> osName, Clock clock) {
        super(runner, osName, clock);
    }

    @Override
    public String name() {
        return "windows-rdp-settings";
    }

    @Override
    public String snippet() {
        return "rdp-settings.ps1";
    }

    @Override
    public Set<Side> sides() {
        return hostOnly();
    }

    @Override
    public Set<String> produces() {
        return Set.of("server.rdp_enabled", "network.rdp_port", "server.listener_port", "server.listener_lan_adapter",
                "server.security_layer", "server.user_authentication", "server.max_outstanding_connections", "server.credssp_oracle", "server.tls12_enabled", "server.tls_min_version",
                "server.logon_mode");
    }

    /** The registry values, by section; each getter returns empty when the key or value is absent. */
    public interface Values {
        OptionalLong get(String section, String value);

        /** True when the section's key was read (it exists, even if empty). */
        boolean has(String section);

        /** The value as written (a number or text), empty when absent or blank. */
        java.util.Optional<String> text(String section, String value);
    }

    @Override
    protected void parse(JsonNode root, WinFacts facts) {
        if (!root.isObject()) {
            facts.warn("unexpected output: expected an object of registry sections");
            return;
        }
        apply(new Values() {
            @Override
            public OptionalLong get(String section, String value) {
                return PsJson.integer(PsJson.field(PsJson.field(root, section), value));
            }

            @Override
            public java.util.Optional<String> text(String section, String value) {
                return PsJson.text(PsJson.field(PsJson.field(root, section), value));
            }

            @Override
            public boolean has(String section) {
                return PsJson.field(root, section).isObject();
            }
        }, facts);
    }

    /**
     * Maps the values (sections TerminalServer, RdpTcp, Policy, CredSSP, Tls10Server, Tls11Server, Tls12Server, Winlogon) to symptoms; shared
     * with the osquery ingester.
     */
    public static void apply(Values v, WinFacts facts) {
        OptionalLong deny = pick(v, "fDenyTSConnections", "TerminalServer", facts);
        if (deny.isPresent()) {
            facts.put("server.rdp_enabled", deny.getAsLong() == 0);
        } else if (v.has("TerminalServer") && !invalid(v, "fDenyTSConnections", "TerminalServer")) {
            facts.warn("fDenyTSConnections is not set");
        }
        OptionalLong port = v.get("RdpTcp", "PortNumber");
        if (port.isPresent()) {
            facts.put("network.rdp_port", port.getAsLong());
            facts.put("server.listener_port", port.getAsLong());
        }
        v.get("RdpTcp", "LanAdapter").ifPresent(x -> facts.put("server.listener_lan_adapter", x));
        pick(v, "SecurityLayer", "RdpTcp", facts).ifPresent(x -> facts.put("server.security_layer", x));
        pick(v, "UserAuthentication", "RdpTcp", facts).ifPresent(x -> facts.put("server.user_authentication", x));
        OptionalLong enc = pick(v, "MinEncryptionLevel", "RdpTcp", facts);
        if (enc.isPresent() && enc.getAsLong() == 4) {
            facts.warn("MinEncryptionLevel is 4 (FIPS compliant): clients without FIPS support cannot connect");
        }
        OptionalLong backlog = v.get("TerminalServer", "MaxOutstandingConnections");
        if (backlog.isPresent()) {
            // a DWORD above 2^31 reads as negative in PowerShell
            facts.put("server.max_outstanding_connections", backlog.getAsLong() & 0xFFFFFFFFL);
        }
        v.get("CredSSP", "AllowEncryptionOracle").ifPresent(x -> facts.put("server.credssp_oracle", x));
        logonMode(v, facts);
        Optional<Boolean> tls12 = schannel(v, "Tls12Server");
        tls12.ifPresent(on -> facts.put("server.tls12_enabled", on));
        OptionalLong enabled = v.get("Tls12Server", "Enabled");
        if (tls12.isPresent() && !tls12.get() && !(enabled.isPresent() && enabled.getAsLong() == 0)) {
            facts.warn("Schannel TLS 1.2 Server DisabledByDefault is set: Remote Desktop does not offer TLS 1.2");
        }
        WindowsFacts.lowestTlsVersion(schannel(v, "Tls10Server"), schannel(v, "Tls11Server"), tls12).ifPresent(min -> {
            facts.put("server.tls_min_version", min);
            if (!min.equals("1.0")) {
                facts.warn("Schannel accepts TLS " + min + " or newer only on this host: clients that offer nothing newer than"
                        + " TLS " + (min.equals("1.1") ? "1.0" : "1.1") + " (Windows 7 without KB3080079, a client with TLS 1.2 turned off) cannot connect");
            }
        });
    }

    private static Optional<Boolean> schannel(Values v, String section) {
        return WindowsFacts.schannelOn(v.get(section, "Enabled"), v.get(section, "DisabledByDefault"));
    }

    /**
     * The host's remote logon mode ({@code server.logon_mode}) as change logon sets it: WinStationsDisabled (Winlogon key)
     * 1 refuses every remote logon whatever the drain mode; TSServerDrainMode (Terminal Server key) 2 drains, 1 drains until
     * the next restart (Microsoft Learn, change logon; Microsoft RDS blog, "Introducing Terminal Services Server Drain
     * Mode"). "enabled" only when both are known: 0, or absent from a key that was read (the default). Another number is a
     * warning naming the value.
     */
    private static void logonMode(Values v, WinFacts facts) {
        OptionalLong disabled = v.get("Winlogon", "WinStationsDisabled");
        OptionalLong drain = v.get("TerminalServer", "TSServerDrainMode");
        if (disabled.isPresent() && disabled.getAsLong() != 0 && disabled.getAsLong() != 1) {
            facts.warn("WinStationsDisabled has the unknown value " + disabled.getAsLong() + " (0 or 1 expected); ignored");
            disabled = OptionalLong.empty();
        }
        if (drain.isPresent() && (drain.getAsLong() < 0 || drain.getAsLong() > 2)) {
            facts.warn("TSServerDrainMode has the unknown value " + drain.getAsLong() + " (0, 1 or 2 expected); ignored");
            drain = OptionalLong.empty();
        }
        if (disabled.isPresent() && disabled.getAsLong() == 1) {
            facts.put("server.logon_mode", "disabled");
        } else if (drain.isPresent() && drain.getAsLong() == 2) {
            facts.put("server.logon_mode", "drain");
        } else if (drain.isPresent() && drain.getAsLong() == 1) {
            facts.put("server.logon_mode", "drain_until_restart");
        } else if ((disabled.isPresent() || v.has("Winlogon") && v.text("Winlogon", "WinStationsDisabled").isEmpty())
                && (drain.isPresent() || v.has("TerminalServer") && v.text("TerminalServer", "TSServerDrainMode").isEmpty())) {
            facts.put("server.logon_mode", "enabled");
        }
    }

    /**
     * The Group Policy value when set, else the value of the given section; a value that is set but is no number is
     * a warning naming it (and counts as not set).
     */
    private static OptionalLong pick(Values v, String value, String section, WinFacts facts) {
        for (String sec : new String[] {"Policy", section}) {
            OptionalLong n = v.get(sec, value);
            if (n.isPresent()) {
                return n;
            }
            v.text(sec, value).ifPresent(t -> facts.warn(value + " has the invalid value '" + t + "' ("
                    + (sec.equals("Policy") ? "policy" : sec) + "; a DWORD number is expected); ignored"));
        }
        return OptionalLong.empty();
    }

    private static boolean invalid(Values v, String value, String section) {
        return v.text("Policy", value).isPresent() || v.text(section, value).isPresent();
    }
}

package io.github.rdpdoctor.collectors.windows;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Host: RD licensing, for an RD Session Host (Win32_TerminalServiceSetting.TerminalServerMode 1; a
 * server in administration mode needs no licenses and gets no licensing facts).
 * <ul>
 *   <li>{@code server.licensing_grace_days}: GetGracePeriodDays().DaysLeft when its ReturnValue is 0;</li>
 *   <li>{@code server.license_server_reachable}: some configured license server (WMI list or the
 *       LicenseServers policy) answered on TCP 135.</li>
 * </ul>
 * And {@code server.licensing_mode} (extension): LicensingType 2 {@code per_device}, 4 {@code per_user}, 5 {@code not_configured}
 * (Microsoft Learn, Win32_TerminalServiceSetting and Win32_TSDeploymentLicensing — "Not Yet Configured (5)").
 * And {@code server.rdsh_role} (extension): TerminalServerMode 1 (the RD Session Host role, licensed per user or device) or 0
 * (Remote Desktop for Administration, two sessions and no licensing; Microsoft Learn, Win32_TerminalServiceSetting).
 * Reading root/cimv2/TerminalServices needs administrator rights: access denied becomes a warning.
 */
public final class LicensingCollector extends WindowsCollector {

    public LicensingCollector() {
    }

    public LicensingCollector(CommandRunner runner, Supplier<String> osName, Clock clock) {
        super(runner, osName, clock);
    }

    @Override
    public String name() {
        return "windows-licensing";
    }

    @Override
    public String snippet() {
        return "licensing.ps1";
    }

    @Override
    public Set<Side> sides() {
        return hostOnly();
    }

    @Override
    public Set<String> produces() {
        return Set.of("server.licensing_grace_days", "server.license_server_reachable", "server.rdsh_role",
                "server.licensing_mode");
    }

    @Override
    protected void parse(JsonNode root, WinFacts facts) {
        if (!root.isObject()) {
            facts.warn("unexpected output: expected an object with TerminalServerMode and LicenseServers");
            return;
        }
        OptionalLong mode = PsJson.integer(root, "TerminalServerMode");
        mode.ifPresent(m -> facts.put("server.rdsh_role", m == 1));
        if (mode.isPresent() && mode.getAsLong() == 0) {
            return; // Remote Desktop for Administration: no licensing
        }
        PsJson.integer(root, "LicensingType").ifPresent(t -> {
            String licensingMode = t == 2 ? "per_device" : t == 4 ? "per_user" : t == 5 ? "not_configured" : null;
            if (licensingMode != null) {
                facts.put("server.licensing_mode", licensingMode);
            }
        });
        OptionalLong ret = PsJson.integer(root, "GraceReturnValue");
        OptionalLong days = PsJson.integer(root, "GracePeriodDays");
        if (days.isPresent() && (ret.isEmpty() || ret.getAsLong() == 0)) {
            facts.put("server.licensing_grace_days", Math.max(0, days.getAsLong()));
        } else if (ret.isPresent() && ret.getAsLong() != 0) {
            facts.warn("GetGracePeriodDays failed with return value " + ret.getAsLong());
        }
        List<String> reachable = new ArrayList<>();
        List<String> unreachable = new ArrayList<>();
        for (JsonNode s : PsJson.rows(PsJson.field(root, "LicenseServers"))) {
            String name = PsJson.text(s, "Name").orElse("?");
            if (PsJson.bool(s, "Reachable").orElse(false)) {
                reachable.add(name);
            } else {
                unreachable.add(name);
            }
        }
        if (!reachable.isEmpty() || !unreachable.isEmpty()) {
            facts.put("server.license_server_reachable", !reachable.isEmpty());
            if (!unreachable.isEmpty()) {
                facts.warn("license server(s) not answering on TCP 135: " + String.join(", ", unreachable));
            }
        } else if (mode.isPresent() && mode.getAsLong() == 1) {
            facts.warn("RD Session Host without a configured license server");
        }
    }
}

package io.github.rdpdoctor.collectors.windows;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Host: state of TermService (Remote Desktop Services) as {@code server.service.termservice}; SessionEnv
 * and UmRdpService not running or disabled become warnings (the contract has no symptom for them).
 * Get-Service prints Status as a number: 1 Stopped, 2 StartPending, 3 StopPending, 4 Running,
 * 5 ContinuePending, 6 PausePending, 7 Paused. A service stuck in a pending state, or paused, counts as
 * hung. StartType: 0 Boot, 1 System, 2 Automatic, 3 Manual, 4 Disabled.
 */
public final class ServicesCollector extends WindowsCollector {
    static final List<String> SERVICES = List.of("TermService", "SessionEnv", "UmRdpService");

    public ServicesCollector() {
    }

    public ServicesCollector(CommandRunner runner, Supplier<String> osName, Clock clock) {
        super(runner, osName, clock);
    }

    @Override
    public String name() {
        return "windows-services";
    }

    @Override
    public String snippet() {
        return "services.ps1";
    }

    @Override
    public Set<Side> sides() {
        return hostOnly();
    }

    @Override
    public Set<String> produces() {
        return Set.of("server.service.termservice");
    }

    /** Contract state for a ServiceControllerStatus number or name (osquery writes RUNNING, STOP_PENDING, ...). */
    static String state(String status) {
        String s = status.strip().replace("_", "").toLowerCase(java.util.Locale.ROOT);
        return switch (s) {
            case "4", "running" -> "running";
            case "1", "stopped" -> "stopped";
            case "2", "3", "5", "6", "7", "startpending", "stoppending", "continuepending", "pausepending", "paused" -> "hung";
            default -> null;
        };
    }

    static String startType(String startType) {
        String s = startType.strip().replace("_", "").toLowerCase(java.util.Locale.ROOT);
        return switch (s) {
            case "0", "bootstart", "boot" -> "boot";
            case "1", "systemstart", "system" -> "system";
            case "2", "autostart", "automatic" -> "automatic";
            case "3", "demandstart", "manual" -> "manual";
            case "4", "disabled" -> "disabled";
            default -> startType.strip();
        };
    }

    @Override
    protected void parse(JsonNode root, WinFacts facts) {
        Map<String, JsonNode> byName = new LinkedHashMap<>();
        for (JsonNode row : PsJson.rows(root)) {
            PsJson.text(row, "Name").ifPresent(n -> byName.put(n.toLowerCase(java.util.Locale.ROOT), row));
        }
        apply(byName, facts, "Status", "StartType");
    }

    /** Shared with the osquery ingester: rows by lower-case service name. */
    public static void apply(Map<String, JsonNode> byName, WinFacts facts, String statusField, String startField) {
        for (String svc : SERVICES) {
            JsonNode row = byName.get(svc.toLowerCase(java.util.Locale.ROOT));
            if (row == null) {
                facts.warn(svc + " is not installed (or not readable)");
                continue;
            }
            JsonNode st = PsJson.field(row, statusField);
            String raw = st.isNumber() ? Long.toString(st.asLong()) : PsJson.text(st).orElse("");
            String state = raw.isEmpty() ? null : state(raw);
            String start = PsJson.text(PsJson.field(row, startField)).map(ServicesCollector::startType).orElse(null);
            if (state == null) {
                facts.warn(svc + ": unknown service status '" + raw + "'");
                continue;
            }
            if (svc.equals("TermService")) {
                facts.put("server.service.termservice", state);
                if (!raw.equals("4") && !raw.equalsIgnoreCase("running")) {
                    facts.warn("TermService (Remote Desktop Services) is " + describe(raw)
                            + (start != null ? ", start type " + start : ""));
                }
            } else if (!state.equals("running")) {
                String what = svc.equals("SessionEnv") ? "SessionEnv (Remote Desktop Configuration; makes the RDP certificate)"
                        : "UmRdpService (Remote Desktop UserMode Port Redirector)";
                facts.warn(what + " is " + describe(raw) + (start != null ? ", start type " + start : ""));
            } else if ("disabled".equals(start)) {
                facts.warn(svc + " is running but disabled: it will not start after a reboot");
            }
        }
    }

    private static String describe(String raw) {
        return switch (raw.strip().replace("_", "").toLowerCase(java.util.Locale.ROOT)) {
            case "1", "stopped" -> "stopped";
            case "2", "startpending" -> "stuck starting (StartPending)";
            case "3", "stoppending" -> "stuck stopping (StopPending)";
            case "5", "continuepending" -> "stuck resuming (ContinuePending)";
            case "6", "pausepending" -> "stuck pausing (PausePending)";
            case "7", "paused" -> "paused";
            case "4", "running" -> "running";
            default -> raw;
        };
    }
}

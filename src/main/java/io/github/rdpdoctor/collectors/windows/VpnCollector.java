package io.github.rdpdoctor.collectors.windows;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Client: {@code client.vpn_active}, true when a Windows VPN connection is Connected or a network adapter
 * that is up has a VPN driver description ({@link WindowsFacts#isVpnAdapter}: AnyConnect, GlobalProtect,
 * FortiClient, WireGuard, OpenVPN TAP, WAN Miniport, ...).
 */
public final class VpnCollector extends WindowsCollector {

    public VpnCollector() {
    }

    public VpnCollector(CommandRunner runner, Supplier<String> osName, Clock clock) {
        super(runner, osName, clock);
    }

    @Override
    public String name() {
        return "windows-client-vpn";
    }

    @Override
    public String snippet() {
        return "client-vpn.ps1";
    }

    @Override
    public Set<Side> sides() {
        return clientOnly();
    }

    @Override
    public Set<String> produces() {
        return Set.of("client.vpn_active");
    }

    @Override
    protected void parse(JsonNode root, WinFacts facts) {
        if (!root.isObject()) {
            facts.warn("unexpected output: expected an object with Adapters and VpnConnections");
            return;
        }
        JsonNode adapters = PsJson.field(root, "Adapters");
        JsonNode vpns = PsJson.field(root, "VpnConnections");
        boolean known = adapters.isArray() || adapters.isObject() || vpns.isArray() || vpns.isObject();
        if (!known) {
            facts.warn("neither network adapters nor VPN connections could be read");
            return;
        }
        List<String> active = new ArrayList<>();
        for (JsonNode a : PsJson.rows(adapters)) {
            String desc = PsJson.text(a, "InterfaceDescription").orElse("");
            String status = PsJson.text(a, "Status").orElse("Up");
            if (status.equalsIgnoreCase("Up") && WindowsFacts.isVpnAdapter(desc)) {
                active.add(PsJson.text(a, "Name").orElse(desc) + " (" + desc + ")");
            }
        }
        for (JsonNode v : PsJson.rows(vpns)) {
            if (PsJson.text(v, "ConnectionStatus").map(s -> s.equalsIgnoreCase("Connected")).orElse(false)) {
                active.add(PsJson.text(v, "Name").orElse("VPN connection"));
            }
        }
        facts.put("client.vpn_active", !active.isEmpty());
    }
}

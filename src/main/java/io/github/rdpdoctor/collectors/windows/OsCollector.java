package io.github.rdpdoctor.collectors.windows;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Host and client: {@code server.os} / {@code client.os} from Win32_OperatingSystem.Caption (client
 * editions get the feature version, e.g. "Windows 11 Pro 23H2"), and on the host {@code server.cloud}
 * from SMBIOS strings (see {@link WindowsFacts#cloud}; no network calls) and {@code server.computer_name}, the
 * host's own name ({@code $env:COMPUTERNAME}): which machine the host-side facts describe, for comparing with the
 * computer name the machine that answers the probe gives in its NTLM challenge.
 */
public final class OsCollector extends WindowsCollector {

    public OsCollector() {
    }

    public OsCollector(CommandRunner runner, Supplier<String> osName, Clock clock) {
        super(runner, osName, clock);
    }

    @Override
    public String name() {
        return "windows-os";
    }

    @Override
    public String snippet() {
        return "os.ps1";
    }

    @Override
    public Set<Side> sides() {
        return bothSides();
    }

    @Override
    public Set<String> produces() {
        return Set.of("server.os", "client.os", "server.cloud", "server.computer_name");
    }

    @Override
    protected void parse(JsonNode root, WinFacts facts) {
        if (!root.isObject()) {
            facts.warn("unexpected output: expected an object with Caption and Manufacturer");
            return;
        }
        OptionalLong productType = PsJson.integer(root, "ProductType");
        String version = PsJson.text(root, "DisplayVersion").or(() -> PsJson.text(root, "ReleaseId")).orElse(null);
        var os = WindowsFacts.osName(PsJson.text(root, "Caption").orElse(null), version,
                productType.isPresent() && productType.getAsLong() == 1);
        if (os.isPresent()) {
            facts.put(facts.sided("os"), os.get());
        } else {
            facts.warn("the OS name could not be read");
        }
        if (facts.side() == Side.HOST) {
            PsJson.text(root, "ComputerName").filter(n -> !n.isBlank()).ifPresent(n -> facts.put("server.computer_name", n.strip()));
            var cloud = WindowsFacts.cloud(PsJson.text(root, "Manufacturer").orElse(null), PsJson.text(root, "Model").orElse(null),
                    PsJson.text(root, "BiosManufacturer").orElse(null), PsJson.text(root, "BiosVersion").orElse(null),
                    PsJson.text(root, "BiosSerialNumber").orElse(null), PsJson.text(root, "ChassisAssetTag").orElse(null));
            cloud.ifPresent(c -> facts.put("server.cloud", c));
        }
    }
}

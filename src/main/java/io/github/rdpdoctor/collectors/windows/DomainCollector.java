package io.github.rdpdoctor.collectors.windows;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Host: {@code server.secure_channel_ok}, on a domain member, from Test-ComputerSecureChannel (true when a domain
 * controller accepts the machine account's password, false when the trust relationship is broken). A workgroup
 * machine (Win32_ComputerSystem.PartOfDomain false) has no secure channel and gets no fact; a test that could not
 * run (no domain controller answered, access denied) is a warning, not a fact.
 */
public final class DomainCollector extends WindowsCollector {

    public DomainCollector() {
    }

    public DomainCollector(CommandRunner runner, Supplier<String> osName, Clock clock) {
        super(runner, osName, clock);
    }

    @Override
    public String name() {
        return "windows-domain";
    }

    @Override
    public String snippet() {
        return "domain.ps1";
    }

    @Override
    public Set<Side> sides() {
        return hostOnly();
    }

    @Override
    public Set<String> produces() {
        return Set.of("server.secure_channel_ok");
    }

    @Override
    protected void parse(JsonNode root, WinFacts facts) {
        if (!root.isObject()) {
            facts.warn("unexpected output: expected an object with PartOfDomain and SecureChannel");
            return;
        }
        Optional<Boolean> member = PsJson.bool(root, "PartOfDomain");
        if (member.isEmpty() || !member.get()) {
            return; // a workgroup machine has no secure channel; a failed WMI read is already a warning
        }
        Optional<Boolean> channel = PsJson.bool(root, "SecureChannel");
        String domain = PsJson.text(root, "Domain").orElse("its domain");
        if (channel.isPresent()) {
            facts.put("server.secure_channel_ok", channel.get());
            if (!channel.get()) {
                facts.warn("the secure channel with " + domain + " is broken (Test-ComputerSecureChannel returned False)");
            }
        } else {
            facts.warn("the secure channel with " + domain + " was not tested");
        }
    }
}

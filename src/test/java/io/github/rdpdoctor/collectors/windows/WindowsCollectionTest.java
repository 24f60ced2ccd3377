package io.github.rdpdoctor.collectors.windows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rdpdoctor.engine.Diagnosis;
import io.github.rdpdoctor.engine.RankedCause;
import io.github.rdpdoctor.engine.RdpDoctor;
import io.github.rdpdoctor.symptoms.HostEvent;
import io.github.rdpdoctor.symptoms.Symptom;
import io.github.rdpdoctor.symptoms.SymptomLoader;
import io.github.rdpdoctor.symptoms.SymptomSet;
import io.github.rdpdoctor.symptoms.SymptomWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A whole collection through the collector SPI with recorded outputs: symptoms, events and sessions reach the file. */
class WindowsCollectionTest {

    static FakeRunner azureHostWithBrokenMachineKeys() {
        return new FakeRunner()
                .answer("services.ps1", Recordings.load("services/running"))
                .answer("rdp-settings.ps1", Recordings.load("rdp-settings/defaults"))
                .answer("firewall.ps1", Recordings.load("firewall/domain-allowed"))
                .answer("certificate.ps1", Recordings.load("certificate/machinekeys-denied-german"))
                .answer("sessions.ps1", Recordings.load("sessions/english"))
                .answer("events.ps1", Recordings.load("events/certificate-trouble"))
                .answer("licensing.ps1", Recordings.load("licensing/admin-mode"))
                .answer("updates.ps1", Recordings.load("updates/server-2019"))
                .answer("security-products.ps1", Recordings.load("security-products/server-defender-only"))
                .answer("os.ps1", Recordings.load("os/azure-2019"))
                .answer("domain.ps1", Recordings.load("domain/member-channel-ok"))
                .answer("entra.ps1", Recordings.load("entra/none"));
    }

    static SymptomSet collect(FakeRunner runner, Side side, String host) {
        List<WindowsCollector> all = WindowsCollection.collectors(runner, () -> "Windows Server 2019", Recordings.CLOCK);
        return WindowsCollection.collect(side, host, all, Duration.ofSeconds(20), Recordings.CLOCK);
    }

    static Map<String, String> texts(SymptomSet s) {
        return s.symptoms().stream().collect(Collectors.toMap(Symptom::getName, Symptom::getText));
    }

    @Test
    void hostSideRunsTheTwelveHostSnippetsAndKeepsEventsAndSessions(@TempDir Path dir) throws Exception {
        FakeRunner runner = azureHostWithBrokenMachineKeys();
        SymptomSet set = collect(runner, Side.HOST, "az-eus-sql-03.cloud.example.com");
        assertEquals(new HashSet<>(List.of("services.ps1", "rdp-settings.ps1", "firewall.ps1", "certificate.ps1", "sessions.ps1",
                "events.ps1", "licensing.ps1", "updates.ps1", "security-products.ps1", "os.ps1", "domain.ps1", "entra.ps1")),
                new HashSet<>(runner.ran));
        Map<String, String> t = texts(set);
        assertEquals("running", t.get("server.service.termservice"));
        assertEquals("false", t.get("server.machinekeys_ok"));
        assertEquals("azure", t.get("server.cloud"));
        assertEquals("true", t.get("server.secure_channel_ok"));
        assertEquals("none", t.get("server.entra_join"));
        assertEquals("Windows Server 2019 Datacenter", t.get("server.os"));
        assertEquals("listen", t.get("server.listener_state"));
        assertEquals("2", t.get("server.session_limit"));
        assertEquals(List.of(1058, 36870, 1149), set.events().stream().map(HostEvent::getId).toList());
        assertEquals(2, set.sessions().size());
        assertEquals("2026-11-20T10:00:00Z", set.collectedAt());
        assertTrue(set.warnings().stream().anyMatch(w -> w.startsWith("windows-rdp-certificate: NETWORK SERVICE cannot read")), set.warnings().toString());

        // the file written is a contract file that reads back to the same facts
        for (String name : List.of("host.json", "host.yaml")) {
            Path file = dir.resolve(name);
            SymptomWriter.write(set, file, set.warnings());
            SymptomSet back = new SymptomLoader().load(file);
            assertEquals(texts(set), texts(back), name);
            assertEquals(set.events(), back.events(), name);
            assertEquals(set.sessions(), back.sessions(), name);
            assertEquals(List.of(), back.warnings(), name + ": only contract names");
        }

        Diagnosis d = RdpDoctor.builder().build().diagnose(set);
        assertEquals("rdp-certificate-problem", d.causes().get(0).id(),
                d.causes().stream().map(RankedCause::id).toList().toString());
    }

    @Test
    void clientSideRunsTheSixClientSnippetsForTheTarget() {
        FakeRunner runner = new FakeRunner()
                .answer("client-rdp.ps1", Recordings.load("client-rdp/saved-credentials"))
                .answer("client-vpn.ps1", Recordings.load("client-vpn/anyconnect"))
                .answer("security-products.ps1", Recordings.load("security-products/client-sophos"))
                .answer("os.ps1", Recordings.load("os/client-win11-german"))
                .answer("updates.ps1", Recordings.load("updates/server-2019"))
                .answer("entra.ps1", Recordings.load("entra/registered-other-tenant"));
        SymptomSet set = collect(runner, Side.CLIENT, "fin-app-07.corp.example");
        assertEquals(new HashSet<>(List.of("client-rdp.ps1", "client-vpn.ps1", "security-products.ps1", "os.ps1", "updates.ps1", "entra.ps1")),
                new HashSet<>(runner.ran));
        assertEquals(Map.of("client.saved_credentials", "true", "client.user", "CORP\\alice", "client.credssp_oracle", "2",
                "client.vpn_active", "true", "client.security_software", "Sophos Anti-Virus, Sophos Intercept X",
                "client.os", "Windows 11 Pro 23H2", "client.last_update_days", "36", "client.entra_join", "registered",
                "client.entra_tenant_id", "0d9e8f7a-6b5c-4d3e-2f1a-0b9c8d7e6f5a"), texts(set));
        assertEquals("fin-app-07.corp.example", set.host());
        assertTrue(set.events().isEmpty() && set.sessions().isEmpty());
    }

    @Test
    void aSnippetThatFailsCostsOnlyItsOwnFacts() {
        FakeRunner runner = azureHostWithBrokenMachineKeys().answer("firewall.ps1", new CommandResult(1, "",
                "Get-NetConnectionProfile : Zugriff verweigert\r\n    + CategoryInfo          : PermissionDenied", false));
        SymptomSet set = collect(runner, Side.HOST, "h");
        Map<String, String> t = texts(set);
        assertTrue(!t.containsKey("server.network_profile") && t.containsKey("server.service.termservice"));
        assertTrue(set.warnings().contains("windows-firewall: PowerShell failed (exit code 1): Get-NetConnectionProfile : Zugriff verweigert"),
                set.warnings().toString());
    }
}

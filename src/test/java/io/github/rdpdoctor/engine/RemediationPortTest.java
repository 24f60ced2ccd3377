package io.github.rdpdoctor.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rdpdoctor.knowledge.Placeholders;
import io.github.rdpdoctor.knowledge.RemediationStep;
import io.github.rdpdoctor.symptoms.SymptomSet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The knowledge base's PORT stands for the diagnosed connection's RDP port, as HOST stands for its host. */
class RemediationPortTest {
    static RdpDoctor doctor;

    @BeforeAll
    static void build() {
        doctor = RdpDoctor.builder().build();
    }

    /** Facts that list firewall-blocking: the port does not answer and the host firewall has no RDP rule. */
    private static final String FIREWALL = "symptoms:\n  client.error_code: \"0x904\"\n  network.rdp_port_state: filtered\n"
            + "  server.firewall_rdp_allowed: false\n";

    private static String commands(Diagnosis d, String causeId) {
        RankedCause c = d.cause(causeId).orElseThrow(() -> new AssertionError(causeId + " not listed: " + d.causes()));
        StringBuilder sb = new StringBuilder();
        for (RemediationStep s : d.remediation(c)) {
            sb.append(s.text()).append('\n').append(s.command()).append('\n').append(s.caution()).append('\n');
        }
        return sb.toString();
    }

    @Test
    void theFilesRdpPortIsThePortOfTheDiagnosis(@TempDir Path dir) throws Exception {
        Path custom = Files.writeString(dir.resolve("custom.yaml"), "host: fin-app-07.corp.example\n" + FIREWALL
                + "  network.rdp_port: 3390\n");
        Diagnosis d = doctor.diagnose(custom);
        assertEquals(3390, d.port());
        String fix = commands(d, "firewall-blocking");
        assertTrue(fix.contains("New-NetFirewallRule -DisplayName 'RDP custom port' -Direction Inbound -Protocol TCP"
                + " -LocalPort 3390 -Action Allow"), fix);
        assertFalse(fix.matches("(?s).*\\bPORT\\b.*"), "every PORT is filled in: " + fix);
        assertTrue(fix.contains("Test-NetConnection -ComputerName fin-app-07.corp.example -Port 3390\n"), fix);
        assertTrue(fix.contains("--destination-port-ranges 3390 "), fix);
        assertTrue(fix.contains("Open or forward TCP 3390 (the configured RDP port)"), fix);
        assertTrue(fix.contains("--allow tcp:3390 "), fix);
        // 3389 is left only where a step is about the default port
        assertFalse(fix.replaceAll("the default 3389", "").contains("3389"), fix);
        assertTrue(fix.contains("0xd3d is the default 3389"), fix);
        // the cause itself keeps the knowledge base's text: the diagnosis fills it in on request
        RankedCause c = d.cause("firewall-blocking").orElseThrow();
        assertTrue(c.remediation().stream().anyMatch(s -> s.command() != null && s.command().contains("-LocalPort PORT")));

        Diagnosis standard = doctor.diagnose(Files.writeString(dir.resolve("standard.yaml"),
                "host: fin-app-07.corp.example\n" + FIREWALL));
        assertEquals(3389, standard.port(), "no network.rdp_port: the default port");
        String fix3389 = commands(standard, "firewall-blocking");
        assertTrue(fix3389.contains("Test-NetConnection -ComputerName fin-app-07.corp.example -Port 3389\n"), fix3389);
        assertTrue(fix3389.contains("--destination-port-ranges 3389 "), fix3389);
        assertTrue(fix3389.contains("-LocalPort 3389"), fix3389);
        assertFalse(fix3389.matches("(?s).*\\bPORT\\b.*"), fix3389);
    }

    @Test
    void withoutRdpPortThePortAfterTheHostCounts() {
        assertEquals(3390, doctor.diagnose(SymptomSet.builder("10.1.2.3:3390").build()).port());
        assertEquals(3391, doctor.diagnose(SymptomSet.builder("[fd00::7]:3391").build()).port());
        assertEquals(3389, doctor.diagnose(SymptomSet.builder("fd00::7").build()).port(), "a bare IPv6 address has no port");
        assertEquals(3389, doctor.diagnose(SymptomSet.builder("h:99999").build()).port(), "not a port");
        assertEquals(3392, doctor.diagnose(SymptomSet.builder("h:3390").symptom("network.rdp_port", 3392).build()).port(),
                "network.rdp_port wins");
    }

    @Test
    void placeholdersAreFilledAsWords() {
        assertEquals("Test-NetConnection -ComputerName h -Port 3390",
                Placeholders.fill("Test-NetConnection -ComputerName HOST -Port PORT", "h:3390", 3390));
        assertEquals("mstsc /v:h:3390 and -Port 3390", Placeholders.fill("mstsc /v:HOST and -Port PORT", "h:3390", 3390));
        assertEquals("-Port PUBLIC_PORT on PUBLIC_NAME, PORTS", Placeholders.fill("-Port PUBLIC_PORT on PUBLIC_NAME, PORTS", "h", 3390),
                "only the word PORT");
        assertEquals("-Port PORT on HOST", Placeholders.fill("-Port PORT on HOST", null, 0), "nothing known: kept");
        assertEquals(new RemediationStep("a 3390", null, "c h"),
                Placeholders.fill(new RemediationStep("a PORT", null, "c HOST"), "h", 3390));
    }

    /**
     * A host whose name holds the word PORT (Windows names are often typed in upper case) keeps its name: the placeholders
     * are filled in one pass, so the PORT of a name put in for HOST is not taken for the placeholder.
     */
    @Test
    void aHostNameWithTheWordPortStaysAsTyped() {
        assertEquals("cmdkey /delete:TERMSRV/HR-PORT-01", Placeholders.fill("cmdkey /delete:TERMSRV/HOST", "HR-PORT-01", 3390));
        assertEquals("Test-NetConnection -ComputerName PORT.corp.example -Port 3390",
                Placeholders.fill("Test-NetConnection -ComputerName HOST -Port PORT", "PORT.corp.example", 3390));
        assertEquals("mstsc /v:HR-PORT-01:3390 or HR-PORT-01 on 3390",
                Placeholders.fill("mstsc /v:HOST or HOST on PORT", "HR-PORT-01:3390", 3390));
        Diagnosis d = doctor.diagnose(SymptomSet.builder("HR-PORT-01").symptom("network.rdp_port_state", "filtered")
                .symptom("server.firewall_rdp_allowed", false).symptom("network.rdp_port", 3390).build());
        String fix = commands(d, "firewall-blocking");
        assertTrue(fix.contains("Test-NetConnection -ComputerName HR-PORT-01 -Port 3390\n"), fix);
        assertFalse(fix.contains("HR-3390-01"), fix);
    }

    @Test
    void aDiagnosisHasAPortNumber() {
        assertThrows(IllegalArgumentException.class, () -> new Diagnosis("h", 0, "s", List.of(), List.of()));
        assertThrows(IllegalArgumentException.class, () -> new Diagnosis("h", 65_536, "s", List.of(), List.of()));
    }
}

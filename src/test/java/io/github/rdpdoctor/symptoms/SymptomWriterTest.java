package io.github.rdpdoctor.symptoms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Symptom files written by rdp-doctor read back to the same facts; the vocabulary's extension flag. */
class SymptomWriterTest {

    static SymptomSet sample() {
        return SymptomSet.builder("fin-app-07.corp.example:3390").collectedAt("2026-11-20T09:14:00Z")
                .symptom("client.error_code", "0x904")
                .symptom("network.rdp_port", 3390)
                .symptom("network.latency_ms", 0.42)
                .symptom("server.clock_skew_s", -3)
                .symptom("tls.max_version", "1.0")
                .symptom("tls.cert_days_left", -12)
                .symptom("rdp.nla_required", true)
                .symptom("rdp.negotiation.rdp", "failure:hybrid_required_by_server")
                .symptom("tls.cert_subject", "CN=fin-app-07, O=\"Example: #1\"")
                .symptom("ntlm.dns_computer_name", "fin-app-07.corp.example")
                .event(new HostEvent("System", "Schannel", 36871, "2026-11-20T09:10:00Z", "line one\nline two"))
                .event(new HostEvent(null, null, 1149, null, null))
                .session(new UserSession("CORP\\alice", "disconnected", 720))
                .session(new UserSession("bob", "active", -1))
                .build();
    }

    private static void assertSameFacts(SymptomSet want, SymptomSet got) {
        assertEquals(want.host(), got.host());
        assertEquals(want.collectedAt(), got.collectedAt());
        assertEquals(want.symptoms(), got.symptoms());
        assertEquals(want.events(), got.events());
        assertEquals(want.sessions(), got.sessions());
        assertEquals(List.of(), got.warnings());
    }

    @Test
    void yamlAndJsonReadBackToTheSameFactsWithoutWarnings(@TempDir Path dir) throws Exception {
        SymptomSet s = sample();
        SymptomLoader loader = new SymptomLoader();
        Path yaml = dir.resolve("probe.yaml");
        SymptomWriter.write(s, yaml, List.of("rdp-doctor probe of fin-app-07.corp.example:3390", "warning: a\nb"));
        String text = Files.readString(yaml);
        assertTrue(text.startsWith("# rdp-doctor probe of fin-app-07.corp.example:3390\n# warning: a\n# b\nschema: \"rdp-symptoms/v1\"\n"), text);
        assertTrue(text.contains("client.error_code: \"0x904\""), text);
        assertSameFacts(s, loader.load(yaml));
        Path json = dir.resolve("probe.json");
        SymptomWriter.write(s, json, List.of("comments are YAML only"));
        assertTrue(Files.readString(json).startsWith("{"));
        assertTrue(Files.readString(json).contains("\"client.error_code\" : \"0x904\""));
        assertSameFacts(s, loader.load(json));
        Path yml = dir.resolve("PROBE.YML");
        SymptomWriter.write(s, yml, List.of());
        assertSameFacts(s, loader.load(yml));
    }

    @Test
    void theFormatComesFromTheFileName() {
        assertEquals(SymptomWriter.Format.YAML, SymptomWriter.Format.of(Path.of("a.yaml")));
        assertEquals(SymptomWriter.Format.JSON, SymptomWriter.Format.of(Path.of("dir/a.JSON")));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SymptomWriter.Format.of(Path.of("a.txt")));
        assertEquals("cannot tell the format of 'a.txt': name it .yaml, .yml or .json", e.getMessage());
    }

    @Test
    void extensionNamesAreMarkedAndContractNamesAreNot() throws Exception {
        Vocabulary v = Vocabulary.bundled();
        assertTrue(v.definition("rdp.negotiation.ssl").orElseThrow().extension());
        assertTrue(v.definition("server.os_build").orElseThrow().extension());
        assertEquals(false, v.definition("rdp.negotiation").orElseThrow().extension());
        assertEquals(60, v.definitions().stream().filter(d -> !d.extension()).count());
        String bad = "symptoms:\n  a.b:\n    type: bool\n    extension: yes please\n";
        java.io.IOException e = assertThrows(java.io.IOException.class,
                () -> Vocabulary.parse(new ByteArrayInputStream(bad.getBytes(StandardCharsets.UTF_8)), "v.yaml"));
        assertEquals("v.yaml: symptom a.b: 'extension' must be true or false, got 'yes please'", e.getMessage());
    }
}

package io.github.rdpdoctor.symptoms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SymptomLoaderTest {
    private final SymptomLoader loader = new SymptomLoader();

    private SymptomSet yaml(String text) {
        return loader.parse("case.yaml", text.getBytes(StandardCharsets.UTF_8));
    }

    private SymptomFileException rejected(String name, String text) {
        return assertThrows(SymptomFileException.class, () -> loader.parse(name, text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void readsTheContractExample() {
        SymptomSet s = yaml("""
                schema: rdp-symptoms/v1
                host: fin-app-07.corp.example
                collected_at: 2026-11-20T09:14:00Z
                symptoms:
                  client.error_code: "0x904"
                  client.extended_error_code: 7
                  network.rdp_port_state: open
                  tls.max_version: 1.2
                  client.credssp_oracle: 1
                  server.cert_expired: true
                events:
                  - { log: System, source: Microsoft-Windows-TerminalServices-RemoteConnectionManager, id: 1057, time: 2026-11-20T09:10:00Z, message: "..." }
                sessions:
                  - { user: alice, state: Disconnected, idle_minutes: 720 }
                """);
        assertEquals("fin-app-07.corp.example", s.host());
        assertEquals("2026-11-20T09:14:00Z", s.collectedAt());
        assertEquals(new HexCode(0x904), s.symptom("client.error_code").orElseThrow().getValue());
        assertEquals("0x7", s.symptom("client.extended_error_code").orElseThrow().getText());
        assertEquals("1.2", s.symptom("tls.max_version").orElseThrow().getText());
        assertEquals(1L, s.symptom("client.credssp_oracle").orElseThrow().getValue());
        assertEquals(Boolean.TRUE, s.symptom("server.cert_expired").orElseThrow().getFlag());
        assertEquals(1057, s.events().get(0).getId());
        assertEquals("disconnected", s.sessions().get(0).getState());
        assertEquals(720, s.sessions().get(0).getIdleMinutes());
        assertEquals(7, s.symptom("network.rdp_port_state").orElseThrow().getLine());
        assertTrue(s.warnings().isEmpty(), s.warnings().toString());
    }

    @Test
    void hexCodesAsTextAndAsNumberMeanTheSame() {
        SymptomSet a = yaml("host: h\nsymptoms:\n  client.error_code: \"0x904\"\n");
        SymptomSet b = yaml("host: h\nsymptoms:\n  client.error_code: 2308\n");
        SymptomSet c = loader.parse("c.json", "{\"host\":\"h\",\"symptoms\":{\"client.error_code\":\"0X904\"}}".getBytes(StandardCharsets.UTF_8));
        assertEquals(a.symptoms(), b.symptoms());
        assertEquals(a.symptoms(), c.symptoms());
        assertEquals(2308.0, a.symptoms().get(0).getNumber());
    }

    @Test
    void jsonAndYamlGiveTheSameFacts() {
        SymptomSet y = yaml("host: h\nsymptoms:\n  network.rdp_port: 3389\n  test.by_ip_works: false\n");
        SymptomSet j = loader.parse("x.json", """
                {"host": "h", "symptoms": {"network.rdp_port": 3389, "test.by_ip_works": false}}
                """.getBytes(StandardCharsets.UTF_8));
        assertEquals(y.symptoms(), j.symptoms());
    }

    @Test
    void unknownNamesPassThroughWithAWarning() {
        SymptomSet s = yaml("host: h\nsymptoms:\n  client.rdp_version: \"10.0\"\n");
        assertEquals("10.0", s.symptom("client.rdp_version").orElseThrow().getText());
        assertEquals(1, s.warnings().size());
        assertTrue(s.warnings().get(0).contains("case.yaml:3") && s.warnings().get(0).contains("client.rdp_version"),
                s.warnings().get(0));
    }

    @Test
    void wrongTypeNamesFileLineAndField() {
        SymptomFileException e = rejected("bad.yaml", "host: h\nsymptoms:\n  network.ping_ok: true\n  network.rdp_port: abc\n");
        assertEquals("bad.yaml", e.file());
        assertEquals(4, e.line());
        assertEquals("symptoms.network.rdp_port", e.field());
        assertTrue(e.getMessage().startsWith("bad.yaml:4: symptoms.network.rdp_port: expected an integer"), e.getMessage());
    }

    @Test
    void outOfRangeIsRejected() {
        SymptomFileException e = rejected("r.yaml", "host: h\nsymptoms:\n  client.credssp_oracle: 3\n");
        assertEquals(3, e.line());
        assertTrue(e.problem().contains("0..2") && e.problem().contains("out of range"), e.problem());
        assertEquals(4, rejected("r.json", "{\"host\": \"h\",\n \"symptoms\": {\n  \"a.b\": 1,\n  \"network.packet_loss_pct\": 101}}").line());
    }

    @Test
    void enumValuesAreChecked() {
        SymptomFileException e = rejected("e.yaml", "host: h\nsymptoms:\n  network.rdp_port_state: half-open\n");
        assertTrue(e.problem().contains("one of open, closed, filtered"), e.problem());
        assertEquals("filtered", yaml("host: h\nsymptoms:\n  network.rdp_port_state: FILTERED\n").symptoms().get(0).getText());
    }

    @Test
    void badHexIsRejected() {
        SymptomFileException e = rejected("x.yaml", "host: h\nsymptoms:\n  client.error_code: 0xZZ\n");
        assertEquals("symptoms.client.error_code", e.field());
    }

    @Test
    void missingHostIsRejected() {
        SymptomFileException e = rejected("nohost.yaml", "symptoms:\n  network.ping_ok: true\n");
        assertEquals("host", e.field());
        assertTrue(e.getMessage().contains("required field 'host' is missing"));
        assertEquals("host", rejected("blank.yaml", "host: \"  \"\n").field());
    }

    @Test
    void malformedYamlAndJsonAreRejectedWithALine() {
        SymptomFileException y = rejected("m.yaml", "host: h\nsymptoms:\n  network.ping_ok: true\n  a: b: c\n");
        assertTrue(y.getMessage().contains("malformed YAML"), y.getMessage());
        assertTrue(y.line() >= 3, y.getMessage());
        SymptomFileException j = rejected("m.json", "{\"host\": \"h\",\n \"symptoms\": {\"a\": }\n}");
        assertTrue(j.getMessage().startsWith("m.json:2: malformed JSON"), j.getMessage());
    }

    @Test
    void emptyAndBinaryFilesAreRejected() {
        assertTrue(rejected("empty.yaml", "").getMessage().contains("empty file"));
        assertTrue(rejected("blank.yaml", "\n  \n").getMessage().contains("empty file"));
        assertTrue(rejected("comment.yaml", "# nothing here\n").getMessage().contains("empty document"));
        SymptomFileException bin = assertThrows(SymptomFileException.class,
                () -> loader.parse("blob.bin", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 1}));
        assertTrue(bin.getMessage().contains("binary data"), bin.getMessage());
    }

    @Test
    void wrongTopLevelShapesAreRejected() {
        assertTrue(rejected("list.yaml", "- a\n- b\n").problem().contains("expected a map"));
        assertEquals("symptoms", rejected("s.yaml", "host: h\nsymptoms: [1, 2]\n").field());
        assertEquals("schema", rejected("v.yaml", "schema: rdp-symptoms/v9\nhost: h\n").field());
        assertEquals("symptoms.network.ping_ok", rejected("n.yaml", "host: h\nsymptoms:\n  network.ping_ok: {a: 1}\n").field());
        assertEquals("events[0].id", rejected("ev.yaml", "host: h\nevents:\n  - { log: System, id: x }\n").field());
        assertEquals("events[0].id", rejected("ev2.yaml", "host: h\nevents:\n  - { log: System }\n").field());
        assertEquals("collected_at", rejected("t.yaml", "host: h\ncollected_at: yesterday\n").field());
    }

    @Test
    void duplicateKeysAreRejected() {
        SymptomFileException e = rejected("d.yaml", "host: h\nsymptoms:\n  network.ping_ok: true\n  network.ping_ok: false\n");
        assertTrue(e.getMessage().toLowerCase().contains("duplicate"), e.getMessage());
    }

    @Test
    void oversizedAndDeeplyNestedAndAliasedDocumentsAreRejected(@TempDir Path dir) throws Exception {
        Path big = dir.resolve("big.yaml");
        Files.write(big, new byte[SymptomLoader.MAX_BYTES + 1]);
        SymptomFileException e = assertThrows(SymptomFileException.class, () -> loader.load(big));
        assertTrue(e.getMessage().contains("limit"), e.getMessage());

        String deep = "host: h\nx: " + "[".repeat(200) + "]".repeat(200) + "\n";
        assertTrue(rejected("deep.yaml", deep).getMessage().contains("malformed YAML"));
        String deepJson = "{\"host\":\"h\",\"x\":" + "[".repeat(2000) + "]".repeat(2000) + "}";
        assertTrue(rejected("deep.json", deepJson).getMessage().contains("malformed JSON"));

        // aliases are never expanded: a "billion laughs" under unknown keys is skipped cheaply with warnings
        StringBuilder bomb = new StringBuilder("host: h\na0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i < 12; i++) {
            bomb.append("a").append(i).append(": &a").append(i).append(" [").append(("*a" + (i - 1) + ", ").repeat(9))
                    .append("*a").append(i - 1).append("]\n");
        }
        assertEquals(12, yaml(bomb.toString()).warnings().size());
        // and an alias where a value is read is an error
        SymptomFileException alias = rejected("alias.yaml", "host: h\nsymptoms:\n  client.user: &u alice\n  client.os: *u\n");
        assertEquals("symptoms.client.os", alias.field());
        assertTrue(alias.problem().contains("aliases"), alias.problem());
    }

    @Test
    void missingFileIsAClearError(@TempDir Path dir) {
        SymptomFileException e = assertThrows(SymptomFileException.class, () -> loader.load(dir.resolve("nope.yaml")));
        assertTrue(e.getMessage().endsWith("nope.yaml: no such file"), e.getMessage());
    }

    @Test
    void nullSymptomValueIsIgnoredWithAWarning() {
        SymptomSet s = yaml("host: h\nsymptoms:\n  network.ping_ok:\n");
        assertTrue(s.symptoms().isEmpty());
        assertFalse(s.warnings().isEmpty());
    }

    @Test
    void mergeLetsTheLaterFileWinAndWarnsOnConflicts() {
        SymptomSet a = yaml("host: h\nsymptoms:\n  network.ping_ok: true\n  network.rdp_port: 3389\n");
        SymptomSet b = loader.parse("later.yaml", "host: h\nsymptoms:\n  network.ping_ok: false\n  server.rdp_enabled: true\n"
                .getBytes(StandardCharsets.UTF_8));
        SymptomSet m = a.mergedWith(b);
        assertEquals(Boolean.FALSE, m.symptom("network.ping_ok").orElseThrow().getFlag());
        assertEquals(3, m.symptoms().size());
        assertEquals(1, m.warnings().size());
        assertTrue(m.warnings().get(0).contains("conflicting values for network.ping_ok"), m.warnings().get(0));
    }

    @Test
    void builderChecksValuesLikeTheLoader() {
        SymptomSet s = SymptomSet.builder("h").symptom("client.error_code", "0x904").symptom("network.rdp_port", 3389).build();
        assertEquals(3389L, s.symptom("network.rdp_port").orElseThrow().getValue());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SymptomSet.builder("h").symptom("network.rdp_port_state", "maybe"));
        assertTrue(e.getMessage().startsWith("symptom network.rdp_port_state: expected one of"), e.getMessage());
    }
}

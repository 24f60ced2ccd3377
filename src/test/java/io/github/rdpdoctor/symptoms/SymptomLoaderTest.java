package io.github.rdpdoctor.symptoms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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

    /**
     * JSON has no comments, so a file can say where its facts came from in the top-level field {@code comment} (or
     * {@code _comment}, as JSON files often write it): read without
     * a warning, never given to the rules; one value or a list of lines, and a map or a nested list is an error naming it. Any
     * other unknown top-level field is still skipped with a warning.
     */
    @Test
    void aCommentFieldIsReadWithoutAWarning() {
        SymptomSet j = loader.parse("rmm.json", """
                {"comment": "exported by the RMM agent; ping and port from the jump host", "host": "h",
                 "symptoms": {"network.ping_ok": true}}""".getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of(), j.warnings());
        assertEquals(List.of("network.ping_ok"), j.symptoms().stream().map(Symptom::getName).toList());
        assertEquals(List.of(), yaml("host: h\ncomment:\nsymptoms:\n  network.ping_ok: true\n").warnings(), "an empty comment");
        assertEquals(List.of(), loader.parse("lines.json", "{\"host\": \"h\", \"_comment\": [\"line one,\", \"line two\"]}"
                .getBytes(StandardCharsets.UTF_8)).warnings(), "a list of lines");
        SymptomFileException map = rejected("map.json", "{\"host\": \"h\", \"comment\": {\"by\": \"rmm\"}}");
        assertTrue(map.getMessage().contains("comment") && map.getMessage().contains("expected text or a list of lines"), map.getMessage());
        SymptomFileException nested = rejected("nested.json", "{\"host\": \"h\", \"comment\": [\"a\", [\"b\"]]}");
        assertTrue(nested.getMessage().contains("comment[1]") && nested.getMessage().contains("expected a single value"), nested.getMessage());
        assertEquals(List.of(), yaml("host: h\n_comment: x\n").warnings(), "_comment, as JSON files often write it");
        assertEquals(List.of("case.yaml:2: unknown top-level field 'note' ignored"), yaml("host: h\nnote: x\n").warnings());
    }

    /** A misspelt known name is most likely a typo: the warning suggests the name meant, in a file and in code. */
    @Test
    void aMisspeltNameSuggestsTheNameMeant() {
        SymptomSet s = yaml("host: h\nsymptoms:\n  client.eror_code: \"0x904\"\n  site.rack: b7\n");
        assertEquals(List.of("case.yaml:3: unknown symptom name 'client.eror_code' (kept and passed to the rules); did you mean 'client.error_code'?",
                "case.yaml:4: unknown symptom name 'site.rack' (kept and passed to the rules)"), s.warnings());
        assertEquals(List.of("unknown symptom name 'network.ping_okk' (kept and passed to the rules); did you mean 'network.ping_ok'?"),
                SymptomSet.builder("h").symptom("network.ping_okk", true).build().warnings());
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

    /**
     * A certificate thumbprint reads the same however it was copied: Windows' 40 upper-case digits, the certificate dialog's
     * spaced lower-case pairs behind its invisible left-to-right mark, openssl's colon pairs with their prefix. What is not
     * 40 hex digits is rejected naming the file, line and field.
     */
    @Test
    void thumbprintsAreReadAsWindowsWritesThem() {
        String windows = "5A1F3C9E0B7D4A2E8C6F1B3D5E7A9C0B2D4F6E81";
        for (String copied : List.of(windows, "5a1f3c9e0b7d4a2e8c6f1b3d5e7a9c0b2d4f6e81",
                "\u200e5a 1f 3c 9e 0b 7d 4a 2e 8c 6f 1b 3d 5e 7a 9c 0b 2d 4f 6e 81",
                "SHA1 Fingerprint=5A:1F:3C:9E:0B:7D:4A:2E:8C:6F:1B:3D:5E:7A:9C:0B:2D:4F:6E:81")) {
            SymptomSet set = yaml("host: h\nsymptoms:\n  tls.cert_thumbprint: \"" + copied + "\"\n");
            assertEquals(windows, set.symptom("tls.cert_thumbprint").orElseThrow().getText(), copied);
        }
        for (String bad : List.of("5A1F3C9E", "5A1F3C9E0B7D4A2E8C6F1B3D5E7A9C0B2D4F6E8Z", windows + "00", "CN=host")) {
            SymptomFileException e = rejected("t.yaml", "host: h\nsymptoms:\n  server.rdp_cert_thumbprint: \"" + bad + "\"\n");
            assertEquals("symptoms.server.rdp_cert_thumbprint", e.field(), bad);
            assertEquals(3, e.line(), bad);
            assertTrue(e.getMessage().startsWith("t.yaml:3: symptoms.server.rdp_cert_thumbprint: expected a SHA-1 thumbprint of 40 hexadecimal digits"),
                    e.getMessage());
        }
        SymptomFileException number = rejected("n.yaml", "host: h\nsymptoms:\n  tls.cert_thumbprint: 1234\n");
        assertEquals("symptoms.tls.cert_thumbprint", number.field());
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
    void utf16WithAByteOrderMarkAsWindowsPowerShellRedirectsItIsRead() {
        // `.\Collect-RdpSymptoms.ps1 > host.json` in Windows PowerShell 5.1: UTF-16LE with a BOM, CRLF lines
        String doc = "{\r\n    \"schema\":  \"rdp-symptoms/v1\",\r\n    \"host\":  \"fin-app-07.corp.example\",\r\n"
                + "    \"symptoms\":  {\r\n                     \"server.rdp_enabled\":  true,\r\n"
                + "                     \"server.os\":  \"Windows Server 2019 Datacenter \u00dc\"\r\n                 }\r\n}\r\n";
        for (java.nio.charset.Charset cs : java.util.List.of(StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE)) {
            byte[] text = doc.getBytes(cs);
            byte[] bytes = new byte[text.length + 2];
            bytes[0] = (byte) (cs == StandardCharsets.UTF_16LE ? 0xFF : 0xFE);
            bytes[1] = (byte) (cs == StandardCharsets.UTF_16LE ? 0xFE : 0xFF);
            System.arraycopy(text, 0, bytes, 2, text.length);
            SymptomSet s = loader.parse("host.json", bytes);
            assertEquals("fin-app-07.corp.example", s.host());
            assertEquals("Windows Server 2019 Datacenter \u00dc", s.symptom("server.os").orElseThrow().getText());
        }
        SymptomFileException broken = assertThrows(SymptomFileException.class,
                () -> loader.parse("half.json", new byte[] {(byte) 0xFF, (byte) 0xFE, '{', 0, 0x00, (byte) 0xD8, '}'}));
        assertTrue(broken.getMessage().contains("not valid UTF-16"), broken.getMessage());
    }

    /** A document as a German Windows host writes it: the user's name in a symptom and in an event message. */
    private static final String UMLAUT_YAML = "host: fin-app-07.corp.example\nsymptoms:\n  client.user: 'CORP\\j\u00fcrgen.m\u00fcller'\n"
            + "events:\n  - { log: Application, id: 1508, message: 'Windows konnte C:\\Users\\j\u00fcrgen.m\u00fcller\\ntuser.dat nicht laden.' }\n";
    private static final String UMLAUT_JSON = "{\"host\": \"fin-app-07.corp.example\", \"symptoms\": {\"client.user\": \"CORP\\\\j\u00fcrgen.m\u00fcller\"},\n"
            + " \"events\": [{\"log\": \"Application\", \"id\": 1508,\n \"message\": \"Windows konnte C:\\\\Users\\\\j\u00fcrgen.m\u00fcller\\\\ntuser.dat nicht laden.\"}]}\n";

    private static byte[] bytes(byte[] prefix, String text, java.nio.charset.Charset cs) {
        byte[] body = text.getBytes(cs);
        byte[] all = java.util.Arrays.copyOf(prefix, prefix.length + body.length);
        System.arraycopy(body, 0, all, prefix.length, body.length);
        return all;
    }

    private static void assertUmlautsRead(SymptomSet s) {
        assertEquals("fin-app-07.corp.example", s.host());
        assertEquals("CORP\\j\u00fcrgen.m\u00fcller", s.symptom("client.user").orElseThrow().getText());
        assertEquals("Windows konnte C:\\Users\\j\u00fcrgen.m\u00fcller\\ntuser.dat nicht laden.", s.events().get(0).getMessage());
        // the event names the connecting user, so the rules count it as theirs
        assertFalse(s.events().get(0).namesAnotherUser("CORP\\j\u00fcrgen.m\u00fcller"));
        assertTrue(s.warnings().isEmpty(), s.warnings()::toString);
    }

    @Test
    void utf8WithAByteOrderMarkIsReadAsYamlAndAsJsonWhateverTheName() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        assertUmlautsRead(loader.parse("notepad.yaml", bytes(bom, UMLAUT_YAML, StandardCharsets.UTF_8)));
        assertUmlautsRead(loader.parse("notepad.json", bytes(bom, UMLAUT_JSON, StandardCharsets.UTF_8)));
        // JSON is told by its '{' after the mark also without a .json name (standard input): read as YAML, the
        // "\/Date(...)\/" that Windows PowerShell 5.1's ConvertTo-Json writes would be a bad escape
        String ps = "{\"host\": \"h\", \"symptoms\": {\"server.os\": \"\\/Date(1763629440000)\\/\"}}";
        for (String name : List.of("<stdin>", "case.yaml", "case.json")) {
            assertEquals("/Date(1763629440000)/",
                    loader.parse(name, bytes(bom, ps, StandardCharsets.UTF_8)).symptom("server.os").orElseThrow().getText(), name);
        }
        assertTrue(assertThrows(SymptomFileException.class, () -> loader.parse("bom-only.yaml", bom)).getMessage().contains("empty file"));
    }

    @Test
    void utf16WithAByteOrderMarkIsReadAsYamlAndAsJson() {
        byte[] le = {(byte) 0xFF, (byte) 0xFE};
        byte[] be = {(byte) 0xFE, (byte) 0xFF};
        // Out-File writes CRLF line ends
        assertUmlautsRead(loader.parse("out-file.yaml", bytes(le, UMLAUT_YAML.replace("\n", "\r\n"), StandardCharsets.UTF_16LE)));
        assertUmlautsRead(loader.parse("out-file.json", bytes(le, UMLAUT_JSON.replace("\n", "\r\n"), StandardCharsets.UTF_16LE)));
        assertUmlautsRead(loader.parse("<stdin>", bytes(le, UMLAUT_JSON, StandardCharsets.UTF_16LE)));
        assertUmlautsRead(loader.parse("big-endian.yaml", bytes(be, UMLAUT_YAML, StandardCharsets.UTF_16BE)));
        assertUmlautsRead(loader.parse("big-endian.json", bytes(be, UMLAUT_JSON, StandardCharsets.UTF_16BE)));
        // a problem is reported at its line of the text
        SymptomFileException bad = assertThrows(SymptomFileException.class, () -> loader.parse("bad.yaml",
                bytes(le, "host: h\r\nsymptoms:\r\n  network.rdp_port: abc\r\n", StandardCharsets.UTF_16LE)));
        assertEquals("bad.yaml:3: symptoms.network.rdp_port: expected an integer 1..65535, got \"abc\"", bad.getMessage());
    }

    @Test
    void utf16WithoutAByteOrderMarkIsReadToo() {
        // .NET's [Text.UnicodeEncoding]::new($false, $false), or a tool that drops the mark: the NUL beside each of the
        // first two ASCII characters gives it away
        assertUmlautsRead(loader.parse("le.yaml", UMLAUT_YAML.getBytes(StandardCharsets.UTF_16LE)));
        assertUmlautsRead(loader.parse("le.json", UMLAUT_JSON.getBytes(StandardCharsets.UTF_16LE)));
        assertUmlautsRead(loader.parse("be.yaml", UMLAUT_YAML.getBytes(StandardCharsets.UTF_16BE)));
        assertUmlautsRead(loader.parse("be.json", UMLAUT_JSON.getBytes(StandardCharsets.UTF_16BE)));
        assertEquals("h", loader.parse("comment.yaml", "# collected by hand\nhost: h\n".getBytes(StandardCharsets.UTF_16LE)).host());
    }

    @Test
    void binaryFilesAreStillRejectedAlsoWhenTheyStartLikeUtf16() {
        byte[][] binaries = {
            {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, '\r', 'I', 'H', 'D', 'R'}, // PNG
            {0x1F, (byte) 0x8B, 8, 0, 0, 0, 0, 0, 0, 3}, // gzip
            {'P', 'K', 3, 4, 20, 0, 0, 0, 8, 0}, // zip, .docx
            {0x7F, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0}, // ELF
            {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0, 4, 0}, // Windows executable
            {'h', 0, 'o', 0, 1, 2, 0, 0, 0, 0}, // two UTF-16 characters, then control characters and U+0000
            {'h', 0, 'o', 0, 's', 0, 0, (byte) 0xD8, 'x', 0}, // two UTF-16 characters, then a broken surrogate pair
            {0, 'h', 0, 'o', 0, 's', 0}, // an odd number of bytes
        };
        for (byte[] b : binaries) {
            SymptomFileException e = assertThrows(SymptomFileException.class, () -> loader.parse("x.yaml", b),
                    () -> java.util.HexFormat.of().formatHex(b));
            assertTrue(e.problem().startsWith("binary data (NUL byte at offset "), e.getMessage());
        }
        assertEquals("x.json: UTF-32 text (byte order mark FF FE 00 00); save it as UTF-8", assertThrows(SymptomFileException.class,
                () -> loader.parse("x.json", "\uFEFF{\"host\": \"h\"}".getBytes(java.nio.charset.Charset.forName("UTF-32LE")))).getMessage());
    }

    @Test
    void windows1252TextIsRejectedNamingFileLineAndWhatToDo() {
        // Set-Content in Windows PowerShell 5.1 writes the ANSI code page: 'ü' is the one byte 0xFC, not UTF-8
        java.nio.charset.Charset ansi = java.nio.charset.Charset.forName("windows-1252");
        String suffix = ", '\u00fc' in Windows-1252): a binary file, or text in another encoding; save it as UTF-8"
                + " (Windows PowerShell 5.1: Set-Content -Encoding UTF8; its default is the ANSI code page)";
        SymptomFileException user = assertThrows(SymptomFileException.class,
                () -> loader.parse("set-content.yaml", UMLAUT_YAML.replace("\n", "\r\n").getBytes(ansi)));
        assertEquals("set-content.yaml:3: not UTF-8 text (byte 0xFC at offset 64" + suffix, user.getMessage());
        assertEquals(3, user.line());
        // only the event message in ANSI: still refused, at the event's line
        String eventOnly = UMLAUT_JSON.replace("j\u00fcrgen.m\u00fcller\"}", "jurgen.muller\"}");
        byte[] mixed = eventOnly.getBytes(ansi);
        SymptomFileException event = assertThrows(SymptomFileException.class, () -> loader.parse("host.json", mixed));
        assertEquals(3, event.line(), event.getMessage());
        assertTrue(event.getMessage().startsWith("host.json:3: not UTF-8 text (byte 0xFC at offset "), event.getMessage());
        assertTrue(event.getMessage().endsWith(suffix), event.getMessage());
        // a byte that is no letter in Windows-1252 is not named as one
        SymptomFileException other = assertThrows(SymptomFileException.class,
                () -> loader.parse("oem.yaml", new byte[] {'h', 'o', 's', 't', ':', ' ', 'J', (byte) 0x81, 'r', 'g', 'e', 'n', '\n'}));
        assertTrue(other.problem().startsWith("not UTF-8 text (byte 0x81 at offset 7): a binary file"), other.problem());
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
        assertEquals("d.yaml:4: symptoms.network.ping_ok: given twice in the same map", e.getMessage());
        assertEquals("symptoms.a.b",
                rejected("d.json", "{\"host\": \"h\", \"symptoms\": {\"a.b\": 1, \"a.b\": 2}}").field());
    }

    @Test
    void oversizedAndDeeplyNestedAndAliasedDocumentsAreRejected(@TempDir Path dir) throws Exception {
        Path big = dir.resolve("big.yaml");
        Files.write(big, new byte[SymptomLoader.MAX_BYTES + 1]);
        SymptomFileException e = assertThrows(SymptomFileException.class, () -> loader.load(big));
        assertTrue(e.getMessage().contains("limit"), e.getMessage());

        String deep = "host: h\nx: " + "[".repeat(200) + "]".repeat(200) + "\n";
        assertEquals("deep.yaml:2: nested deeper than 16 levels (the limit)", rejected("deep.yaml", deep).getMessage().replaceAll(": x\\S*:", ":"));
        String deepJson = "{\"host\":\"h\",\"x\":" + "[".repeat(2000) + "]".repeat(2000) + "}";
        assertEquals("nested deeper than 16 levels (the limit)", rejected("deep.json", deepJson).problem());

        // aliases are never expanded, and refused wherever they are: a "billion laughs" under unknown keys too
        StringBuilder bomb = new StringBuilder("host: h\na0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i < 12; i++) {
            bomb.append("a").append(i).append(": &a").append(i).append(" [").append(("*a" + (i - 1) + ", ").repeat(9))
                    .append("*a").append(i - 1).append("]\n");
        }
        SymptomFileException laughs = rejected("bomb.yaml", bomb.toString());
        assertEquals("bomb.yaml:3: a1[0]: YAML aliases (*a0) are not allowed in symptom files; write the value out",
                laughs.getMessage());
        SymptomFileException alias = rejected("alias.yaml", "host: h\nsymptoms:\n  client.user: &u alice\n  client.os: *u\n");
        assertEquals("symptoms.client.os", alias.field());
        assertTrue(alias.problem().contains("aliases"), alias.problem());
        assertEquals("expect.listed", rejected("e.yaml", "host: h\nx: &l [a]\nexpect:\n  listed: *l\n").field());
    }

    /** A scenario's confidence bounds are a map of cause id (or top) to a number from 0 to 1; anything else names its line and field. */
    @Test
    void confidenceBoundsInAnExpectationAreCheckedWhenTheFileIsRead() {
        assertEquals("e.yaml:4: expect.max_confidence.top: expected a confidence from 0 to 1, got 1.5",
                rejected("e.yaml", "host: h\nexpect:\n  max_confidence:\n    top: 1.5\n").getMessage());
        assertEquals("e.yaml:3: expect.min_confidence.firewall-blocking: expected a confidence from 0 to 1, got \"high\"",
                rejected("e.yaml", "host: h\nexpect:\n  min_confidence: { firewall-blocking: high }\n").getMessage());
        assertEquals("e.yaml:3: expect.min_confidence: expected a map of cause id (or 'top') to a confidence from 0 to 1, got a list",
                rejected("e.yaml", "host: h\nexpect:\n  min_confidence: [0.7]\n").getMessage());
        assertEquals("expect.max_confidence.top", rejected("e.yaml", "host: h\nexpect:\n  max_confidence: { top: 0.5, top: 0.4 }\n").field());
        var bounds = yaml("host: h\nexpect:\n  min_confidence: { a: 0.25, top: 1 }\n  max_confidence: { b: 0 }\n").expect();
        assertEquals(java.util.List.of("a", "top"), java.util.List.copyOf(bounds.minConfidence().keySet()));
        assertEquals(1.0, bounds.minConfidence().get("top"));
        assertEquals(java.util.Map.of("b", 0.0), bounds.maxConfidence());
    }

    @Test
    void streamsAndDevicesAreReadOnlyUpToTheLimit() {
        // the size of a device or pipe is 0 to Files.size; reading must still stop at the limit
        SymptomFileException e = assertThrows(SymptomFileException.class, () -> loader.load(Path.of("/dev/zero")));
        assertEquals("/dev/zero: more than 1048576 bytes; the limit is 1048576", e.getMessage());
    }

    @Test
    void yamlSyntaxErrorsNameTheLineOfTheProblemAndSayWhatIsWrong() {
        SymptomFileException tab = rejected("tab.yaml", "host: h\nsymptoms:\n\tnetwork.ping_ok: true\n");
        assertEquals(3, tab.line());
        assertTrue(tab.problem().contains("found character '\\t(TAB)' that cannot start any token"), tab.problem());
        SymptomFileException indent = rejected("i.yaml", "host: h\nsymptoms:\n  client.error_code: \"0x904\"\n   network.rdp_port: 3389\n");
        assertEquals(4, indent.line(), indent.getMessage());
    }

    @Test
    void textInAnotherEncodingNamesTheLineOfTheFirstBadByte() {
        byte[] latin1 = "host: h\nsymptoms:\n  network.ping_ok: true\n  client.user: \"Jos\u00e9\"\n"
                .getBytes(StandardCharsets.ISO_8859_1);
        for (String name : new String[] {"latin1.yaml", "latin1.json"}) {
            byte[] doc = name.endsWith(".json")
                    ? "{\"host\": \"h\",\n\"symptoms\": {\n\"client.user\":\n \"Jos\u00e9\"}}".getBytes(StandardCharsets.ISO_8859_1)
                    : latin1;
            SymptomFileException e = assertThrows(SymptomFileException.class, () -> loader.parse(name, doc));
            assertEquals(4, e.line(), e.getMessage());
            assertTrue(e.problem().startsWith("not UTF-8 text (byte 0xE9 at offset "), e.problem());
        }
    }

    @Test
    void limitMessagesNameLineAndFieldWithoutParserInternals() {
        String deep = "{\"host\": \"h\",\n \"x\":\n " + "[".repeat(20) + "]".repeat(20) + "}";
        SymptomFileException nested = rejected("deep.json", deep);
        assertEquals(3, nested.line());
        assertTrue(nested.field().startsWith("x[0]"), nested.field());
        assertEquals("nested deeper than 16 levels (the limit)", nested.problem());

        String longText = "x".repeat(70_000);
        SymptomFileException json = rejected("s.json", "{\"host\": \"h\",\n \"symptoms\": {\"client.os\": \"" + longText + "\"}}");
        assertEquals("symptoms.client.os", json.field());
        assertEquals("a text value is longer than 65536 characters (the limit)", json.problem());
        SymptomFileException yaml = rejected("s.yaml", "host: h\nsymptoms:\n  client.os: " + longText + "\n");
        assertEquals("s.yaml:3: symptoms.client.os: text of 70000 characters; the limit is 65536", yaml.getMessage());
        assertEquals("host", rejected("h.yaml", "host: " + longText + "\n").field());

        SymptomFileException cut = rejected("cut.json", "{\"host\": \"h\",\n \"symptoms\": {\"network.ping_ok\": true\n");
        assertEquals(3, cut.line(), cut.getMessage());
        assertFalse(cut.getMessage().contains("Source") || cut.getMessage().contains("`"), cut.getMessage());
    }

    @Test
    void ignoredFieldsKeepToTheLimitsToo() {
        String longText = "x".repeat(70_000);
        assertEquals("u.yaml:2: foo: text of 70000 characters; the limit is 65536",
                rejected("u.yaml", "host: h\nfoo: " + longText + "\n").getMessage());
        assertEquals("foo.a", rejected("u.json", "{\"host\": \"h\", \"foo\": {\"a\": \"" + longText + "\"}}").field());
        StringBuilder many = new StringBuilder("host: h\nfoo:\n");
        for (int i = 0; i <= SymptomLoader.MAX_ENTRIES; i++) {
            many.append("  - ").append(i).append('\n');
        }
        SymptomFileException e = rejected("m.yaml", many.toString());
        assertEquals("foo[10000]", e.field());
        assertEquals("more than 10000 entries", e.problem());
        String longName = "{\"host\": \"h\", \"symptoms\": {\"" + "k".repeat(70_000) + "\": 1}}";
        SymptomFileException name = rejected("k.json", longName);
        assertEquals("a field name is longer than 65536 characters (the limit)", name.problem());
        assertEquals("symptoms", name.field(), "the map the long name is in, not the field before it");
    }

    /** YAML reads a "key: value" line whose key is over 1,024 characters as text; the message says so. */
    @Test
    void aYamlKeyOverTheYamlLimitIsExplained() {
        SymptomFileException e = rejected("k.yaml", "host: h\nsymptoms:\n  " + "x".repeat(1100) + ": 1\n");
        assertEquals("k.yaml:3: symptoms: expected a map of symptom name to value, got text (YAML reads a key longer than 1,024 characters as text)",
                e.getMessage());
        assertEquals("t.yaml:3: symptoms: expected a map of symptom name to value, got text",
                rejected("t.yaml", "host: h\nsymptoms:\n  " + "x".repeat(1100) + " and no colon\n").getMessage());
        assertEquals("top.yaml:2: malformed YAML: while scanning a simple key: could not find expected ':' within 1,024 characters (YAML's limit for a key)",
                rejected("top.yaml", "host: h\n" + "x".repeat(1100) + ": 1\n").getMessage());
        assertEquals("short.yaml:2: malformed YAML: while scanning a simple key: could not find expected ':'",
                rejected("short.yaml", "host: h\nnot a key\nnext: 1\n").getMessage());
        assertEquals("t.json:2: symptoms: expected a map of symptom name to value, got text",
                rejected("t.json", "{\"host\": \"h\",\n \"symptoms\": \"" + "x".repeat(1100) + ": 1\"}").getMessage());
    }

    @Test
    void numbersThatOverflowOrRunOnAreValueErrorsOfTheirField() {
        assertEquals("o.yaml:3: symptoms.network.latency_ms: expected a finite number, got 1e400",
                rejected("o.yaml", "host: h\nsymptoms:\n  network.latency_ms: 1e400\n").getMessage());
        SymptomFileException digits = rejected("l.yaml", "host: h\nsymptoms:\n  network.latency_ms: " + "9".repeat(2000) + "\n");
        assertEquals("symptoms.network.latency_ms", digits.field());
        assertTrue(digits.problem().length() < 200 && digits.problem().endsWith("... (2000 characters)\""), digits.problem());
        SymptomFileException nan = rejected("n.json", "{\"host\": \"h\", \"symptoms\": {\"network.latency_ms\": NaN}}");
        assertFalse(nan.getMessage().contains("`"), nan.getMessage());
    }

    @Test
    void anUnquotedHexNumberInJsonIsASyntaxErrorNotAValueOfZero() {
        SymptomFileException e = rejected("x.json", "{\"host\": \"h\",\n \"symptoms\": {\"network.rdp_port\": 0x0D3D}}");
        assertTrue(e.problem().startsWith("malformed JSON: Unexpected character ('x'"), e.problem());
        assertEquals(2, e.line());
        for (String doc : new String[] {"{\"host\": \"h\",\n \"collected_at\": 0x0D3D}", "{\"schema\": 0x0D3D}"}) {
            assertTrue(rejected("x.json", doc).problem().startsWith("malformed JSON: Unexpected character ('x'"), doc);
        }
    }

    @Test
    void anUnclosedQuoteIsReportedWhereItOpens() {
        SymptomFileException e = rejected("q.yaml", "host: h\nsymptoms:\n  client.os: \"Windows 11\n  network.ping_ok: true\n\n");
        assertEquals(3, e.line(), e.getMessage());
    }

    @Test
    void notANumberIsAValueErrorOfItsField() {
        SymptomFileException e = rejected("n.yaml", "host: h\nsymptoms:\n  network.latency_ms: .nan\n");
        assertEquals("n.yaml:3: symptoms.network.latency_ms: expected a finite number, got .nan", e.getMessage());
        assertEquals("symptoms.network.latency_ms", rejected("i.yaml", "host: h\nsymptoms:\n  network.latency_ms: -.inf\n").field());
    }

    @Test
    void valuesOutOfRangeAreQuotedAsWritten() {
        assertEquals("expected a number 0..100, got 150 (out of range)",
                rejected("p.yaml", "host: h\nsymptoms:\n  network.packet_loss_pct: 150\n").problem());
        assertEquals("expected a whole number of 0 or more, got -3 (out of range)",
                rejected("s.yaml", "host: h\nsessions:\n  - {state: active, idle_minutes: -3}\n").problem());
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
    void mergeNamesTheFileEachConflictingValueCameFrom() {
        SymptomSet n1 = loader.parse("n1.yaml", "host: h\nsymptoms:\n  network.latency_ms: 4\n".getBytes(StandardCharsets.UTF_8));
        SymptomSet n2 = loader.parse("n2.yaml", "host: h\nsymptoms:\n  network.ping_ok: true\n".getBytes(StandardCharsets.UTF_8));
        SymptomSet n3 = loader.parse("n3.yaml", "host: h\nsymptoms:\n  network.latency_ms: 9\n".getBytes(StandardCharsets.UTF_8));
        SymptomSet m = SymptomSet.merge(java.util.List.of(n1, n2, n3));
        assertEquals(java.util.List.of("conflicting values for network.latency_ms: 4 (n1.yaml) and 9 (n3.yaml); using 9"),
                m.warnings());
        assertEquals("n1.yaml+n2.yaml+n3.yaml", m.source());
    }

    /**
     * Files naming different hosts are merged with a warning naming both files and both hosts, not refused: a probe knows
     * the host by the address or name it was given, a host-side collection by the computer's name. The host diagnosed is
     * the target as the user typed it: the client's facts name it, else the probe's, else the last file.
     */
    @Test
    void mergeOfFilesNamingDifferentHostsWarnsAndKeepsTheTargetTheUserTyped() {
        SymptomSet probe = loader.parse("probe.yaml", "host: 10.0.0.7\nsymptoms:\n  network.rdp_port_state: open\n".getBytes(StandardCharsets.UTF_8));
        SymptomSet host = loader.parse("host.yaml", "host: FIN-APP-07\nsymptoms:\n  server.cert_expired: true\n".getBytes(StandardCharsets.UTF_8));
        SymptomSet m = SymptomSet.merge(List.of(probe, host));
        assertEquals(List.of("merging facts of different hosts: '10.0.0.7' (probe.yaml) and 'FIN-APP-07' (host.yaml); using "
                + "'10.0.0.7', the target the probe's facts name"), m.warnings());
        assertEquals("10.0.0.7", m.host(), "the probe's target, not the computer name the host-side file has");
        assertEquals("10.0.0.7", SymptomSet.merge(List.of(host, probe)).host(), "in either order");
        assertEquals(2, m.symptoms().size());
        assertEquals("probe.yaml+host.yaml", m.source());

        // the client's facts name the target as typed in mstsc: they win over a probe's address
        SymptomSet client = loader.parse("client.yaml", "host: fin-app-07.corp.example\nsymptoms:\n  client.error_code: 0x904\n"
                .getBytes(StandardCharsets.UTF_8));
        assertEquals("fin-app-07.corp.example", SymptomSet.merge(List.of(client, probe, host)).host());
        assertEquals("fin-app-07.corp.example", SymptomSet.merge(List.of(probe, host, client)).host());

        // each change of host is named once, between the files where it happens; without client or probe facts the last
        // file's host is used
        SymptomSet again = loader.parse("again.yaml", "host: fin-app-07\n".getBytes(StandardCharsets.UTF_8));
        SymptomSet other = loader.parse("other.yaml", "host: fin-app-08\n".getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of("merging facts of different hosts: 'fin-app-07' (again.yaml) and 'fin-app-08' (other.yaml); using "
                + "'fin-app-08', the last file's"), SymptomSet.merge(List.of(host, again, other)).warnings());
        // host names are not case-sensitive: no warning
        assertTrue(SymptomSet.merge(List.of(host, again)).warnings().isEmpty());
    }

    /**
     * The host-side collectors write a few names of the probe's prefixes too: the listener's port ({@code network.rdp_port},
     * RDP-Tcp PortNumber) and the certificate in use ({@code tls.cert_days_left}, {@code tls.cert_self_signed}). Such a
     * file is no probe's: the computer name it carries must not replace the probe's target, in either order.
     */
    @Test
    void aHostSideCollectionIsNotTakenForAProbeInAMerge() {
        SymptomSet probe = loader.parse("probe.yaml", ("host: 10.0.0.7\nsymptoms:\n  network.rdp_port_state: open\n"
                + "  network.rdp_port: 3389\n  tls.cert_days_left: 200\n").getBytes(StandardCharsets.UTF_8));
        SymptomSet host = loader.parse("host.yaml", ("host: FIN-APP-07\nsymptoms:\n  server.rdp_enabled: true\n"
                + "  network.rdp_port: 3389\n  tls.cert_days_left: 200\n  tls.cert_self_signed: true\n").getBytes(StandardCharsets.UTF_8));
        assertEquals("10.0.0.7", SymptomSet.merge(List.of(probe, host)).host());
        assertEquals("10.0.0.7", SymptomSet.merge(List.of(host, probe)).host());
        assertEquals(FactSide.NETWORK, FactSide.of("network.rdp_port_state"));
        assertEquals(FactSide.NETWORK, FactSide.of("gateway.cert_days_left"), "probe --gateway writes gateway.*");
        for (String shared : List.of("network.rdp_port", "tls.cert_days_left", "tls.cert_self_signed")) {
            assertEquals(FactSide.OTHER, FactSide.of(shared), shared + " is written by both sides");
        }
    }

    /**
     * A host-side collection writes the listener's port twice, as network.rdp_port and server.listener_port. Merged with a
     * probe's (or a client's) file, network.rdp_port is the port the connection uses — the probe's, in either order and
     * without a conflict warning — and the listener's stays in server.listener_port, so the rules can see that they differ.
     * Two files that both name the connection's port still conflict as any other value.
     */
    @Test
    void mergeKeepsTheConnectionsPortBesideTheListenersPort() {
        SymptomSet probe = loader.parse("probe.yaml", ("host: 10.0.0.7\nsymptoms:\n  network.rdp_port_state: closed\n"
                + "  network.rdp_port: 3389\n").getBytes(StandardCharsets.UTF_8));
        SymptomSet host = loader.parse("host.yaml", ("host: 10.0.0.7\nsymptoms:\n  server.listener_state: listen\n"
                + "  network.rdp_port: 3391\n  server.listener_port: 3391\n").getBytes(StandardCharsets.UTF_8));
        for (List<SymptomSet> order : List.of(List.of(probe, host), List.of(host, probe))) {
            SymptomSet m = SymptomSet.merge(order);
            assertEquals(3389.0, m.symptom("network.rdp_port").orElseThrow().getNumber(), order.toString());
            assertEquals(3391.0, m.symptom("server.listener_port").orElseThrow().getNumber(), order.toString());
            assertEquals(List.of(), m.warnings());
        }
        SymptomSet otherProbe = loader.parse("probe2.yaml", "host: 10.0.0.7\nsymptoms:\n  network.rdp_port: 3390\n"
                .getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of("conflicting values for network.rdp_port: 3389 (probe.yaml) and 3390 (probe2.yaml); using 3390"),
                SymptomSet.merge(List.of(probe, host, otherProbe)).warnings());
        // host-side files alone keep their network.rdp_port as before
        assertEquals(3391.0, SymptomSet.merge(List.of(host, host)).symptom("network.rdp_port").orElseThrow().getNumber());
    }

    @Test
    void sessionsOfALaterFileReplaceTheEarlierSnapshot() {
        SymptomSet s1 = loader.parse("s1.yaml", "host: h\nsessions:\n  - {user: alice, state: disconnected, idle_minutes: 720}\n  - {user: bob, state: disconnected}\n"
                .getBytes(StandardCharsets.UTF_8));
        SymptomSet probe = loader.parse("probe.yaml", "host: h\nsymptoms:\n  network.ping_ok: true\n".getBytes(StandardCharsets.UTF_8));
        SymptomSet s2 = loader.parse("s2.yaml", "host: h\nsessions:\n  - {user: alice, state: active}\n".getBytes(StandardCharsets.UTF_8));

        SymptomSet m = SymptomSet.merge(java.util.List.of(s1, probe, s2));
        assertEquals(java.util.List.of(new UserSession("alice", "active", -1)), m.sessions());
        assertEquals(1, m.warnings().size(), m.warnings()::toString);
        assertTrue(m.warnings().get(0).startsWith("sessions differ: [alice (disconnected, idle 720 min), bob (disconnected)] (s1.yaml)"
                + " and [alice (active)] (s2.yaml); using the sessions of s2.yaml"), m.warnings().get(0));
        // a file without sessions (a network probe) keeps the snapshot it follows, without a warning
        SymptomSet kept = SymptomSet.merge(java.util.List.of(s1, probe));
        assertEquals(s1.sessions(), kept.sessions());
        assertTrue(kept.warnings().isEmpty(), kept.warnings()::toString);

        // an empty list says the host has no sessions now: it replaces the snapshot; no value says nothing
        SymptomSet none = loader.parse("s4.yaml", "host: h\nsessions: []\n".getBytes(StandardCharsets.UTF_8));
        SymptomSet emptied = SymptomSet.merge(java.util.List.of(s1, none));
        assertEquals(java.util.List.of(), emptied.sessions());
        assertEquals(1, emptied.warnings().size(), emptied.warnings()::toString);
        SymptomSet silent = loader.parse("s5.yaml", "host: h\nsessions:\n".getBytes(StandardCharsets.UTF_8));
        assertEquals(s1.sessions(), SymptomSet.merge(java.util.List.of(s1, silent)).sessions());
        // the same session listed twice is another snapshot (two sessions of alice), not the same one
        SymptomSet twice = loader.parse("s6.yaml", ("host: h\nsessions:\n  - {user: alice, state: disconnected, idle_minutes: 720}\n"
                + "  - {user: alice, state: disconnected, idle_minutes: 720}\n  - {user: bob, state: disconnected}\n")
                .getBytes(StandardCharsets.UTF_8));
        assertEquals(1, SymptomSet.merge(java.util.List.of(s1, twice)).warnings().size());
        // and a symptom file written from the merged facts keeps saying so
        assertTrue(SymptomWriter.toYaml(emptied, java.util.List.of()).contains("sessions: []"),
                SymptomWriter.toYaml(emptied, java.util.List.of()));
    }

    @Test
    void builderChecksValuesLikeTheLoader() {
        SymptomSet s = SymptomSet.builder("h").symptom("client.error_code", "0x904").symptom("network.rdp_port", 3389).build();
        assertEquals(3389L, s.symptom("network.rdp_port").orElseThrow().getValue());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SymptomSet.builder("h").symptom("network.rdp_port_state", "maybe"));
        assertTrue(e.getMessage().startsWith("symptom network.rdp_port_state: expected one of"), e.getMessage());
    }

    /** --merge keeps the newest collected_at whatever the order of the files (the later file used to win). */
    @Test
    void mergeKeepsTheNewestCollectionTime() {
        SymptomSet older = yaml("host: h\ncollected_at: 2026-11-06T08:00:00Z\nsymptoms:\n  network.ping_ok: true\n");
        SymptomSet newer = yaml("host: h\ncollected_at: 2026-11-20T09:14:00+01:00\nsymptoms:\n  network.ping_ok: true\n");
        SymptomSet undated = yaml("host: h\nsymptoms:\n  network.ping_ok: true\n");
        assertEquals("2026-11-20T09:14:00+01:00", SymptomSet.merge(java.util.List.of(newer, older)).collectedAt());
        assertEquals("2026-11-20T09:14:00+01:00", SymptomSet.merge(java.util.List.of(older, newer, undated)).collectedAt());
        assertEquals("2026-11-06T08:00:00Z", SymptomSet.merge(java.util.List.of(undated, older)).collectedAt());
    }
}

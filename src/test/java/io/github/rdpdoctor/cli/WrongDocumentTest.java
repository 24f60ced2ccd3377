package io.github.rdpdoctor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Valid JSON, but another of rdp-doctor's documents given by mistake: each command says what it is and where it goes,
 * instead of "required field 'host' is missing" or, for a diagnosis fed back in, a confident "no cause" with exit 0.
 */
class WrongDocumentTest {
    @TempDir
    static Path dir;
    static Path results;
    static Path diagnosis;
    static Path osquery;
    static final String CASE = "examples/credssp-nla-mismatch-may-2018-update.yaml";

    @BeforeAll
    static void documents() throws Exception {
        results = dir.resolve("results.jsonl");
        assertEquals(0, CliRun.run("batch", "--out", results.toString(), CASE).code());
        CliRun d = CliRun.run("diagnose", "--format", "json", CASE);
        assertEquals(0, d.code(), d.err());
        diagnosis = Files.writeString(dir.resolve("diagnosis.json"), d.out());
        osquery = Files.writeString(dir.resolve("osqueryd.results.log"), "{\"name\":\"pack_rdp-doctor_rdp_services\","
                + "\"hostIdentifier\":\"FIN-APP-07\",\"unixTime\":1795000440,\"snapshot\":[{\"name\":\"TermService\","
                + "\"status\":\"STOPPED\"}],\"action\":\"snapshot\"}\n");
    }

    @Test
    void aBatchResultFileGivenToDiagnoseOrBatchIsNamedAsSuch() {
        String why = "host: required field 'host' is missing; this is a result line of 'rdp-doctor batch', not a symptom"
                + " file: 'rdp-doctor report FILE' summarises batch results";
        CliRun d = CliRun.run("diagnose", results.toString());
        assertEquals(1, d.code());
        assertEquals("rdp-doctor: " + results + ":1: " + why + "\n", d.err());
        CliRun b = CliRun.run("batch", results.toString());
        assertEquals(3, b.code());
        assertTrue(b.out().contains("\"message\":\"" + results + ":1: " + why + "\""), b.out());
    }

    @Test
    void anOsqueryLogGivenWithoutOsqueryIsNamedAsSuch() {
        String why = "host: required field 'host' is missing; this is a line of an osqueryd results log, not a symptom"
                + " file: give the log to 'rdp-doctor batch --osquery FILE'";
        CliRun d = CliRun.run("diagnose", osquery.toString());
        assertEquals(1, d.code());
        assertEquals("rdp-doctor: " + osquery + ":1: " + why + "\n", d.err());
        CliRun b = CliRun.withStdin(readString(osquery), "batch", "-");
        assertEquals(3, b.code());
        assertTrue(b.out().contains("<stdin>:1:1: " + why), b.out());
    }

    /** A diagnosis read as facts has none: exit 0 with "No cause is supported" was a wrong answer that looked right. */
    @Test
    void aDiagnosisFedBackInIsRefusedNotDiagnosedAsHavingNoCause() throws Exception {
        int line = 0;
        for (String l : Files.readAllLines(diagnosis)) {
            line++;
            if (l.contains("\"causes\"")) {
                break;
            }
        }
        CliRun d = CliRun.run("diagnose", diagnosis.toString());
        assertEquals(1, d.code(), d.out());
        assertEquals("", d.out());
        assertEquals("rdp-doctor: " + diagnosis + ":" + line + ": causes: this is a diagnosis (the output of diagnose or"
                + " probe --format json), not a symptom file: it holds causes, not facts; diagnose the symptom file it was"
                + " made from\n", d.err());
        CliRun b = CliRun.run("batch", diagnosis.toString());
        assertEquals(3, b.code());
        JsonNode error = new ObjectMapper().readTree(b.out()).get("error");
        assertEquals("causes", error.get("field").asText());
        assertEquals(line, error.get("line").asInt());
    }

    /** A symptom file that happens to carry a field named 'causes' besides its facts is read as before (a warning). */
    @Test
    void aSymptomFileWithAnExtraCausesFieldIsStillRead() throws Exception {
        Path f = Files.writeString(dir.resolve("notes.yaml"), "host: h\ncauses: [suspected firewall]\nsymptoms:\n"
                + "  network.rdp_port_state: filtered\n");
        CliRun d = CliRun.run("diagnose", f.toString());
        assertEquals(0, d.code(), d.err());
        assertTrue(d.out().contains(f + ":2: unknown top-level field 'causes' ignored"), d.out());
    }

    private static String readString(Path p) {
        try {
            return Files.readString(p);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}

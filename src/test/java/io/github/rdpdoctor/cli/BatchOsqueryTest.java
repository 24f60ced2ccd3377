package io.github.rdpdoctor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code batch --osquery}: osquery results diagnosed like any batch (same lines, resume, exit codes). */
class BatchOsqueryTest {
    static String resource(String name) {
        try {
            return Path.of(BatchOsqueryTest.class.getClassLoader().getResource(name).toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<JsonNode> lines(String out) throws Exception {
        List<JsonNode> l = new ArrayList<>();
        for (String s : out.split("\n")) {
            if (!s.isBlank()) {
                l.add(new ObjectMapper().readTree(s));
            }
        }
        return l;
    }

    static List<String> causes(JsonNode line) {
        List<String> ids = new ArrayList<>();
        line.path("diagnosis").path("causes").forEach(c -> ids.add(c.get("id").asText()));
        return ids;
    }

    final String snapshots = resource("osquery/osqueryd.snapshots.log");
    final String results = resource("osquery/osqueryd.results.log");

    @Test
    void hostsAndBrokenLinesInOrderOfFirstAppearanceWithExitThree() throws Exception {
        CliRun r = CliRun.run("batch", "--threads", "2", "--osquery", snapshots, "--osquery", results);
        assertEquals(3, r.code(), r.err());
        List<JsonNode> l = lines(r.out());
        assertEquals(List.of("osquery:rdsh-02.corp.example", "osquery:web-07.corp.example", snapshots + ":5", snapshots + ":11",
                "osquery:ts01.branch.example.com", "osquery:fs-03", results + ":12"),
                l.stream().map(n -> n.get("file").asText()).toList());
        assertEquals(List.of("ok", "ok", "error", "error", "ok", "ok", "error"), l.stream().map(n -> n.get("status").asText()).toList());
        assertEquals("rdp-certificate-problem", causes(l.get(0)).get(0), causes(l.get(0)).toString());
        assertEquals("rdp-service-failure", causes(l.get(1)).get(0), causes(l.get(1)).toString());
        assertTrue(causes(l.get(4)).contains("rdp-service-failure"), causes(l.get(4)).toString());
        assertTrue(l.get(2).get("error").get("message").asText().contains("malformed results log line (not JSON"), l.get(2).toString());
        assertEquals("rdsh-02.corp.example", l.get(0).get("diagnosis").get("host").asText());
        assertTrue(l.get(1).get("diagnosis").get("warnings").toString().contains("no results for rdp_registry"), l.get(1).toString());
        assertTrue(r.err().contains("osquery: 1 line(s) of query pack_it-compliance_local_admins skipped"), r.err());
        assertTrue(r.err().contains("7 inputs: 4 diagnosed, 3 rejected"), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
        assertEquals(r.out(), CliRun.run("batch", "--threads", "1", "--osquery", snapshots, "--osquery", results).out(),
                "the output does not depend on the threads");
    }

    @Test
    void slashPackDelimiterIsReadAndAHostWithoutPackRowsIsAnErrorLine(@TempDir Path dir) throws Exception {
        String row = "{\"snapshot\": [{\"key\": \"HKEY_LOCAL_MACHINE\\\\SYSTEM\\\\CurrentControlSet\\\\Control\\\\Terminal"
                + " Server\", \"name\": \"fDenyTSConnections\", \"type\": \"REG_DWORD\", \"data\": \"1\"}], \"action\":"
                + " \"snapshot\", \"name\": \"%s\", \"hostIdentifier\": \"%s\", \"unixTime\": 1795168800}\n";
        Path log = Files.writeString(dir.resolve("osqueryd.results.log"), String.format(row, "pack/rdp-doctor/rdp_registry", "ts1")
                + String.format(row, "pack/other/registry_dump", "ts2"));
        CliRun r = CliRun.run("batch", "--osquery", log.toString());
        assertEquals(3, r.code(), r.err());
        List<JsonNode> l = lines(r.out());
        assertEquals(List.of("osquery:ts1", "osquery:ts2"), l.stream().map(n -> n.get("file").asText()).toList());
        assertEquals("rdp-disabled", causes(l.get(0)).get(0), l.get(0).toString());
        assertEquals("error", l.get(1).get("status").asText(), l.get(1).toString());
        assertTrue(l.get(1).get("error").get("message").asText().contains("no results of the rdp-doctor pack's queries for"
                + " this host, only of pack/other/registry_dump"), l.get(1).toString());
    }

    @Test
    void resumeContinuesAnInterruptedOsqueryRun(@TempDir Path dir) throws Exception {
        Path full = dir.resolve("full.jsonl");
        assertEquals(3, CliRun.run("batch", "--out", full.toString(), "--osquery", snapshots, "--osquery", results).code());
        List<String> all = Files.readAllLines(full, StandardCharsets.UTF_8);
        assertEquals(7, all.size());
        Path cut = dir.resolve("cut.jsonl");
        Files.writeString(cut, all.get(0) + "\n" + all.get(1) + "\n" + all.get(2) + "\n" + all.get(3).substring(0, 20),
                StandardCharsets.UTF_8);
        CliRun r = CliRun.run("batch", "--out", cut.toString(), "--resume", "--osquery", snapshots, "--osquery", results);
        assertEquals(3, r.code(), r.err());
        assertEquals(all, Files.readAllLines(cut, StandardCharsets.UTF_8));
        assertTrue(r.err().contains("(3 kept from the earlier run)"), r.err());
    }

    @Test
    void symptomFilesFirstThenOsqueryHosts() throws Exception {
        CliRun r = CliRun.run("batch", "examples/minimal-0x904-0x7.yaml", "--osquery", resource("osquery/osqueryi/ts09.corp.example__rdp_services.json"),
                "--osquery", resource("osquery/osqueryi/ts09.corp.example__rdp_registry.json"));
        assertEquals(0, r.code(), r.err());
        List<JsonNode> l = lines(r.out());
        assertEquals(List.of("examples/minimal-0x904-0x7.yaml", "osquery:ts09.corp.example"),
                l.stream().map(n -> n.get("file").asText()).toList());
        assertTrue(causes(l.get(1)).contains("rdp-disabled"), causes(l.get(1)).toString());
    }

    @Test
    void osqueryiOutputNamedOnTheCommandLine() throws Exception {
        CliRun r = CliRun.run("batch", "--osquery", resource("osquery/osqueryi/services-without-a-name.json"),
                "--osquery-host", "ts10.corp.example", "--osquery-query", "rdp_services");
        assertEquals(0, r.code(), r.err());
        assertEquals("osquery:ts10.corp.example", lines(r.out()).get(0).get("file").asText());
        CliRun unnamed = CliRun.run("batch", "--osquery", resource("osquery/osqueryi/services-without-a-name.json"));
        assertEquals(3, unnamed.code());
        assertTrue(lines(unnamed.out()).get(0).get("error").get("message").asText().contains("HOST__QUERY.json"), unnamed.out());
    }

    @Test
    void withoutPathsOrOsqueryItIsAUsageError() {
        CliRun r = CliRun.run("batch");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("give PATH... or --osquery RESULTS_LOG"), r.err());
    }
}

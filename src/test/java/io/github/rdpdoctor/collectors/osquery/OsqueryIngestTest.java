package io.github.rdpdoctor.collectors.osquery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rdpdoctor.symptoms.HostEvent;
import io.github.rdpdoctor.symptoms.Symptom;
import io.github.rdpdoctor.symptoms.SymptomSet;
import io.github.rdpdoctor.symptoms.UserSession;
import java.io.ByteArrayInputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The ingester and the mapper against recorded osquery results in the documented formats. */
class OsqueryIngestTest {
    static final Instant INGEST_TIME = Instant.parse("2026-11-21T12:00:00Z");

    static Path resource(String name) {
        try {
            return Path.of(OsqueryIngestTest.class.getClassLoader().getResource("osquery/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<String> order(OsqueryIngest in) {
        return in.items().stream().map(i -> i instanceof OsqueryIngest.HostItem h ? "host " + h.host().identifier()
                : "broken " + ((OsqueryIngest.Broken) i).name().replaceAll(".*/", "")).toList();
    }

    static Map<String, String> facts(SymptomSet s) {
        return s.symptoms().stream().collect(Collectors.toMap(Symptom::getName, Symptom::getText));
    }

    static SymptomSet host(OsqueryIngest in, String id) {
        return OsqueryMapper.toSymptomSet(in.hosts().stream().filter(h -> h.identifier().equals(id)).findFirst().orElseThrow(),
                INGEST_TIME);
    }

    @Test
    void snapshotLogHostsInOrderOfFirstLineAndBrokenLinesInPlace() {
        OsqueryIngest in = new OsqueryIngest().read(resource("osqueryd.snapshots.log"));
        assertEquals(List.of("host rdsh-02.corp.example", "host web-07.corp.example", "broken osqueryd.snapshots.log:5",
                "broken osqueryd.snapshots.log:11"), order(in));
        OsqueryIngest.Broken truncated = (OsqueryIngest.Broken) in.items().get(2);
        assertTrue(truncated.problem().startsWith("malformed results log line (not JSON"), truncated.problem());
        assertEquals("results log line without hostIdentifier", ((OsqueryIngest.Broken) in.items().get(3)).problem());
        assertEquals(Map.of("pack_it-compliance_local_admins", 1L), in.ignoredQueries());
    }

    @Test
    void aHostWithEveryQuery() {
        OsqueryIngest in = new OsqueryIngest().read(resource("osqueryd.snapshots.log"));
        SymptomSet s = host(in, "rdsh-02.corp.example");
        Map<String, String> expected = new java.util.HashMap<>(Map.ofEntries(
                Map.entry("server.service.termservice", "running"), Map.entry("server.rdp_enabled", "true"),
                Map.entry("network.rdp_port", "3389"), Map.entry("server.listener_port", "3389"), Map.entry("server.security_layer", "2"),
                Map.entry("server.listener_lan_adapter", "0"), Map.entry("server.user_authentication", "1"), Map.entry("server.max_outstanding_connections", "3000"),
                Map.entry("server.credssp_oracle", "1"), Map.entry("server.network_profile", "domain"),
                Map.entry("server.firewall_rdp_allowed", "true"), Map.entry("server.cert_expired", "true"),
                Map.entry("tls.cert_days_left", "-23"), Map.entry("tls.cert_self_signed", "true"),
                Map.entry("server.rdp_cert_thumbprint", "0D9B6E4C2A1F8E7D6C5B4A39281716F5E4D3C2B1"), Map.entry("server.machinekeys_ok", "true"), Map.entry("server.listener_state", "listen"),
                Map.entry("server.session_count", "2"), Map.entry("server.session_limit", "25"),
                Map.entry("server.last_update_days", "36"), Map.entry("server.recent_update", "KB5044277"),
                Map.entry("server.credssp_patched", "true"), Map.entry("server.security_software", "SentinelOne"),
                Map.entry("server.os", "Windows Server 2019 Datacenter"), Map.entry("server.cloud", "azure")));
        assertEquals(expected, facts(s));
        assertEquals(List.of(1058, 36870), s.events().stream().map(HostEvent::getId).toList());
        assertEquals("2026-11-19T22:41:05Z", s.events().get(0).getTime());
        assertEquals(List.of(new UserSession("jdoe", "active", -1), new UserSession("alice", "disconnected", -1)), s.sessions());
        assertEquals("2026-11-20T10:00:00Z", s.collectedAt(), "the log's unixTime, not the ingest time");
        assertEquals("osquery", s.source());
        assertEquals(List.of(), s.warnings());
    }

    @Test
    void aHostWithPartialDataAndABadLineIsStillMapped() {
        OsqueryIngest in = new OsqueryIngest().read(resource("osqueryd.snapshots.log"));
        SymptomSet s = host(in, "web-07.corp.example");
        assertEquals(Map.of("server.service.termservice", "stopped", "server.os", "Windows Server 2016 Standard"), facts(s));
        assertTrue(s.warnings().stream().anyMatch(w -> w.contains("osqueryd.snapshots.log:21: snapshot of rdp_services is not a list")),
                s.warnings().toString());
        assertTrue(s.warnings().stream().anyMatch(w -> w.startsWith("osquery: no results for rdp_registry, rdp_network_profiles")),
                s.warnings().toString());
    }

    @Test
    void differentialEventsAreReplayedInOrder() {
        OsqueryIngest in = new OsqueryIngest().read(resource("osqueryd.results.log"));
        assertEquals(List.of("host ts01.branch.example.com", "host fs-03", "broken osqueryd.results.log:12"), order(in));
        SymptomSet c = host(in, "ts01.branch.example.com");
        assertEquals(Map.of("server.service.termservice", "hung", "server.listener_state", "listen", "server.session_count", "1"),
                facts(c));
        assertEquals(List.of(new UserSession("lnguyen", "disconnected", -1)), c.sessions());
        assertTrue(c.warnings().stream().anyMatch(w -> w.contains("osqueryd.results.log:13: rdp_services line has neither snapshot, columns nor diffResults")),
                c.warnings().toString());
        assertEquals("2026-11-20T10:00:00Z", c.collectedAt());
    }

    @Test
    void batchedDiffResultsFromAnOldLogWithHostname() {
        OsqueryIngest in = new OsqueryIngest().read(resource("osqueryd.results.log"));
        SymptomSet d = host(in, "fs-03");
        // last updated in February 2018, before the CredSSP update of March 2018 (KB4088876 for 2012 R2)
        assertEquals(Map.of("server.os", "Windows Server 2012 R2 Standard", "server.last_update_days", "3202",
                "server.recent_update", "KB4074594", "server.credssp_patched", "false"), facts(d));
    }

    @Test
    void aNewEpochStartsTheQueryAfresh() throws Exception {
        String log = String.join("\n",
                "{\"name\":\"pack_rdp-doctor_rdp_sessions\",\"hostIdentifier\":\"h\",\"unixTime\":100,\"epoch\":1,\"counter\":0,\"action\":\"added\",\"columns\":{\"user\":\"old\",\"type\":\"active\",\"tty\":\"RDP-Tcp#1\"}}",
                "{\"name\":\"pack_rdp-doctor_rdp_sessions\",\"hostIdentifier\":\"h\",\"unixTime\":200,\"epoch\":2,\"counter\":0,\"action\":\"added\",\"columns\":{\"user\":\"new\",\"type\":\"active\",\"tty\":\"RDP-Tcp#2\"}}",
                "{\"name\":\"pack_rdp-doctor_rdp_sessions\",\"hostIdentifier\":\"h\",\"unixTime\":200,\"epoch\":2,\"counter\":0,\"action\":\"added\",\"columns\":{\"user\":\"\",\"type\":\"listen\",\"tty\":\"RDP-Tcp\"}}");
        OsqueryIngest in = new OsqueryIngest().read("mem", "mem", new ByteArrayInputStream(log.getBytes(StandardCharsets.UTF_8)));
        SymptomSet s = host(in, "h");
        assertEquals(List.of(new UserSession("new", "active", -1)), s.sessions());
        assertEquals("listen", facts(s).get("server.listener_state"));
    }

    @Test
    void osqueryiOutputNamedByFileOrByOption() {
        OsqueryIngest in = new OsqueryIngest().read(resource("osqueryi/ts09.corp.example__rdp_services.json"))
                .read(resource("osqueryi/ts09.corp.example__rdp_registry.json"))
                .read(resource("osqueryi/services-without-a-name.json"));
        assertEquals(List.of("host ts09.corp.example", "broken services-without-a-name.json"), order(in));
        SymptomSet s = host(in, "ts09.corp.example");
        assertEquals(Map.of("server.service.termservice", "running", "server.rdp_enabled", "false", "network.rdp_port", "3389",
                "server.listener_port", "3389"), facts(s));
        assertEquals("2026-11-21T12:00:00Z", s.collectedAt(), "osqueryi output has no time: the ingest time");
        assertTrue(s.warnings().stream().anyMatch(w -> w.contains("SessionEnv (Remote Desktop Configuration; makes the RDP certificate) is stopped")));
        assertTrue(s.warnings().stream().anyMatch(w -> w.contains("no collection time in the input")));

        OsqueryIngest named = new OsqueryIngest("ts10", "rdp_services").read(resource("osqueryi/services-without-a-name.json"));
        assertEquals(List.of("host ts10"), order(named));
        OsqueryIngest wrongQuery = new OsqueryIngest("ts10", "users").read(resource("osqueryi/services-without-a-name.json"));
        assertTrue(((OsqueryIngest.Broken) wrongQuery.items().get(0)).problem().contains("not one of the rdp-doctor pack"));
    }

    @Test
    void emptyAndMissingFilesAreBrokenInputs() throws Exception {
        OsqueryIngest in = new OsqueryIngest().read("empty.log", "empty.log", new ByteArrayInputStream(new byte[0]))
                .read(Path.of("/nonexistent/osqueryd.results.log"));
        assertEquals(List.of("broken empty.log", "broken osqueryd.results.log"), order(in));
        assertEquals("no such file", ((OsqueryIngest.Broken) in.items().get(1)).problem());
    }

    @Test
    void queryNamesWithAndWithoutPackPrefix() {
        assertEquals("rdp_services", OsqueryQueries.resolve("pack_rdp-doctor_rdp_services"));
        assertEquals("rdp_security_services", OsqueryQueries.resolve("pack_rdp_rdp_security_services"));
        assertEquals("rdp_os", OsqueryQueries.resolve("rdp_os"));
        assertEquals(null, OsqueryQueries.resolve("pack_it_users"));
        // any --pack_delimiter osquery takes: "/" and ":" as fleet managers set them, or longer strings
        assertEquals("rdp_registry", OsqueryQueries.resolve("pack/rdp-doctor/rdp_registry"));
        assertEquals("rdp_registry", OsqueryQueries.resolve("pack:rdp-doctor:rdp_registry"));
        assertEquals("rdp_os", OsqueryQueries.resolve("pack::rdp::rdp_os"));
        assertEquals("rdp_security_services", OsqueryQueries.resolve("pack/rdp/rdp_security_services"));
        assertEquals(null, OsqueryQueries.resolve("pack/it/users"));
        assertEquals(null, OsqueryQueries.resolve("pack/rdp_os"), "a pack name is needed between the delimiters");
        assertEquals(Instant.parse("2026-11-20T08:02:51Z"), OsqueryMapper.systemTime("EA070B00050014000800020033000000"));
    }

    // ---- firewall: what carries RDP, 'Block all connections', logs of the older pack ----

    static SymptomSet firewallHost(String id) {
        return host(new OsqueryIngest().read(resource("osqueryd.firewall.log")), id);
    }

    @Test
    void afterAPortChangeTheBuiltInRulesDoNotLetRdpIn() {
        SymptomSet s = firewallHost("rdsh-11.corp.example");
        assertEquals("3390", facts(s).get("network.rdp_port"));
        assertEquals("3390", facts(s).get("server.listener_port"));
        assertEquals("domain", facts(s).get("server.network_profile"));
        assertEquals("false", facts(s).get("server.firewall_rdp_allowed"),
                "the group's TCP rule opens 3389 only, its UDP rule is UDP, its Shadow rule is for RdpSa.exe");
        assertTrue(s.warnings().contains("osquery: rules that do not carry RDP on TCP 3390 were not counted:"
                + " Remote Desktop - User Mode (TCP-In) (port 3389), Remote Desktop - User Mode (UDP-In) (UDP),"
                + " Remote Desktop - Shadow (TCP-In) (program %SystemRoot%\\system32\\RdpSa.exe)"), s.warnings()::toString);
    }

    @Test
    void aTcpRuleForTheListenersPortLetsRdpIn() {
        SymptomSet s = firewallHost("rdsh-12.corp.example");
        assertEquals("true", facts(s).get("server.firewall_rdp_allowed"));
        assertTrue(s.warnings().stream().noneMatch(w -> w.contains("not counted") || w.contains("firewall")), s.warnings()::toString);
    }

    @Test
    void groupPolicyBlockAllConnectionsIgnoresTheAllowRules() {
        SymptomSet s = firewallHost("rdsh-13.corp.example");
        assertEquals("private", facts(s).get("server.network_profile"));
        assertEquals("false", facts(s).get("server.firewall_rdp_allowed"), "the policy's DoNotAllowExceptions 1 wins over the local 0");
        assertTrue(s.warnings().stream().anyMatch(w -> w.contains("the Private firewall profile blocks all incoming connections")),
                s.warnings()::toString);
    }

    @Test
    void anOlderPacksLogOnPort3389IsReadAsBeforeWithWarnings() {
        SymptomSet s = firewallHost("legacy-04.corp.example");
        assertEquals("true", facts(s).get("server.firewall_rdp_allowed"));
        assertTrue(s.warnings().stream().anyMatch(w -> w.startsWith("osquery: firewall rule results without app_name")
                && w.contains("Remote Desktop - User Mode (TCP-In), Remote Desktop - Shadow (TCP-In)")), s.warnings()::toString);
        assertTrue(s.warnings().stream().anyMatch(w -> w.contains("whether the Domain firewall profile blocks all incoming connections"
                + " (DoNotAllowExceptions) is unknown")), s.warnings()::toString);
        assertTrue(s.warnings().stream().anyMatch(w -> w.startsWith("osquery: no results for ") && w.contains("rdp_firewall_block_all")),
                s.warnings()::toString);
    }

    @Test
    void anOlderPacksLogCannotTellWhenThePortMoved() {
        SymptomSet s = firewallHost("legacy-05.corp.example");
        assertEquals("domain", facts(s).get("server.network_profile"));
        assertEquals(null, facts(s).get("server.firewall_rdp_allowed"), "the older pack read no rules for 3390");
        assertTrue(s.warnings().stream().anyMatch(w -> w.contains("older rdp-doctor pack that read the rules for TCP 3389 only,"
                + " but the RDP listener is on 3390")), s.warnings()::toString);
    }

    private static OsqueryIngest log(String... lines) throws java.io.IOException {
        return new OsqueryIngest().read("mem.log", "mem.log",
                new ByteArrayInputStream(String.join("\n", lines).getBytes(StandardCharsets.UTF_8)));
    }

    private static String registryLine(String host, String name, String data) {
        return "{\"snapshot\": [{\"key\": \"HKEY_LOCAL_MACHINE\\\\SYSTEM\\\\CurrentControlSet\\\\Control\\\\Terminal Server\","
                + " \"name\": \"fDenyTSConnections\", \"type\": \"REG_DWORD\", \"data\": \"" + data + "\"}],"
                + " \"action\": \"snapshot\", \"name\": \"" + name + "\", \"hostIdentifier\": \"" + host + "\","
                + " \"unixTime\": 1795168800}";
    }

    @Test
    void rowsNamedWithASlashPackDelimiterAreRead() throws Exception {
        OsqueryIngest in = log(registryLine("ts1", "pack/rdp-doctor/rdp_registry", "1"));
        assertEquals(List.of("host ts1"), order(in));
        assertEquals("false", facts(host(in, "ts1")).get("server.rdp_enabled"));
    }

    @Test
    void aHostWithOnlyOtherQueriesIsAnErrorItemInItsPlaceNeverDropped() throws Exception {
        String other = "{\"snapshot\": [{\"username\": \"x\"}], \"action\": \"snapshot\", \"name\": \"pack/it/users\","
                + " \"hostIdentifier\": \"%s\", \"unixTime\": 1795168800}";
        OsqueryIngest in = log(String.format(other, "only-other"), registryLine("ts1", "pack_rdp-doctor_rdp_registry", "0"),
                String.format(other, "later-rdp"), registryLine("later-rdp", "pack_rdp-doctor_rdp_registry", "1"));
        assertEquals(List.of("broken osquery:only-other", "host ts1", "host later-rdp"), order(in));
        assertEquals("no results of the rdp-doctor pack's queries for this host, only of pack/it/users (is"
                + " kb/osquery/rdp-doctor.conf in its osquery configuration?)", ((OsqueryIngest.Broken) in.items().get(0)).problem());
        assertEquals(Map.of("pack/it/users", 2L), in.ignoredQueries());
    }

    /**
     * The pack's registry query reads the logon mode as change logon sets it: TSServerDrainMode under Terminal Server and
     * WinStationsDisabled (a REG_SZ) under Winlogon; drain mode with logons not disabled is {@code drain}, and disabled
     * logons win over any drain mode.
     */
    @Test
    void theLogonModeIsReadFromTheTwoRegistryKeys() throws Exception {
        assertEquals("drain", facts(host(log(logonModeLine("2", "0")), "ts1")).get("server.logon_mode"));
        assertEquals("drain_until_restart", facts(host(log(logonModeLine("1", "0")), "ts1")).get("server.logon_mode"));
        assertEquals("disabled", facts(host(log(logonModeLine("2", "1")), "ts1")).get("server.logon_mode"));
        assertEquals("enabled", facts(host(log(logonModeLine("0", "0")), "ts1")).get("server.logon_mode"));
    }

    private static String logonModeLine(String drainMode, String winStationsDisabled) {
        return "{\"snapshot\": [{\"key\": \"HKEY_LOCAL_MACHINE\\\\SYSTEM\\\\CurrentControlSet\\\\Control\\\\Terminal Server\","
                + " \"name\": \"TSServerDrainMode\", \"type\": \"REG_DWORD\", \"data\": \"" + drainMode + "\"},"
                + " {\"key\": \"HKEY_LOCAL_MACHINE\\\\SOFTWARE\\\\Microsoft\\\\Windows NT\\\\CurrentVersion\\\\Winlogon\","
                + " \"name\": \"WinStationsDisabled\", \"type\": \"REG_SZ\", \"data\": \"" + winStationsDisabled + "\"}],"
                + " \"action\": \"snapshot\", \"name\": \"pack_rdp-doctor_rdp_registry\", \"hostIdentifier\": \"ts1\","
                + " \"unixTime\": 1795168800}";
    }

    /** The pack reads the server side of Schannel's TLS 1.0/1.1/1.2 switches, as the host-side collector does. */
    @Test
    void theHostsLowestTlsVersionIsReadFromTheSchannelServerKeys() throws Exception {
        String schannel = "HKEY_LOCAL_MACHINE\\\\SYSTEM\\\\CurrentControlSet\\\\Control\\\\SecurityProviders\\\\SCHANNEL\\\\Protocols\\\\TLS ";
        java.util.function.BiFunction<String, String, String> row = (version, enabled) -> "{\"key\": \"" + schannel + version
                + "\\\\Server\", \"name\": \"Enabled\", \"type\": \"REG_DWORD\", \"data\": \"" + enabled + "\"}";
        String line = "{\"snapshot\": [" + row.apply("1.0", "0") + ", " + row.apply("1.1", "0") + ", " + row.apply("1.2", "1") + "],"
                + " \"action\": \"snapshot\", \"name\": \"pack_rdp-doctor_rdp_registry\", \"hostIdentifier\": \"ts1\","
                + " \"unixTime\": 1795168800}";
        Map<String, String> f = facts(host(log(line), "ts1"));
        assertEquals("1.2", f.get("server.tls_min_version"));
        assertEquals("true", f.get("server.tls12_enabled"));
    }

    @Test
    void aRegistryValueThatIsNoNumberIsAWarningNamingIt() throws Exception {
        SymptomSet s = host(log(registryLine("ts1", "pack_rdp-doctor_rdp_registry", "abc")), "ts1");
        assertEquals(null, facts(s).get("server.rdp_enabled"));
        assertTrue(s.warnings().contains("osquery: fDenyTSConnections has the invalid value 'abc' (TerminalServer; a DWORD"
                + " number is expected); ignored"), s.warnings()::toString);
        assertTrue(s.warnings().stream().noneMatch(w -> w.contains("not set")), s.warnings()::toString);
    }

    /**
     * A file that is not a results log at all (a symptom file, batch output) given to --osquery was one error item per
     * line, each in Jackson's words ("[Source: REDACTED (`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION` disabled)..."):
     * it is one item for the file, saying what goes where. A log with one bad line keeps it as that line's item.
     */
    @Test
    void aFileThatIsNoResultsLogIsOneErrorItemSayingWhatGoesWhere(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path yaml = java.nio.file.Files.writeString(dir.resolve("case.yaml"), "host: h\nsymptoms:\n  client.error_code: \"0x904\"\n");
        Path json = java.nio.file.Files.writeString(dir.resolve("case.json"), "{\n  \"host\": \"h\",\n  \"symptoms\": {}\n}\n");
        Path results = java.nio.file.Files.writeString(dir.resolve("results.jsonl"),
                "{\"file\":\"a.yaml\",\"status\":\"error\",\"error\":{\"message\":\"a.yaml: empty file\",\"line\":0}}\n".repeat(2));
        OsqueryIngest in = new OsqueryIngest().read(yaml).read(json).read(results);
        assertEquals(List.of("broken case.yaml", "broken case.json", "broken results.jsonl"), order(in));
        String hint = "; symptom files (YAML or JSON) are given to batch as PATHs, without --osquery, and batch results to"
                + " 'rdp-doctor report'";
        assertEquals("no line is an osqueryd results log line (3 lines; line 1: malformed results log line (not JSON:"
                + " Unrecognized token 'host': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or"
                + " 'false')))" + hint, ((OsqueryIngest.Broken) in.items().get(0)).problem());
        assertEquals("no line is an osqueryd results log line (4 lines; line 1: malformed results log line (not JSON:"
                + " Unexpected end-of-input: expected close marker for Object))" + hint,
                ((OsqueryIngest.Broken) in.items().get(1)).problem());
        assertEquals("no line is an osqueryd results log line (2 lines; line 1: results log line without hostIdentifier)"
                + hint, ((OsqueryIngest.Broken) in.items().get(2)).problem());

        OsqueryIngest cut = log(registryLine("ts1", "pack_rdp-doctor_rdp_registry", "1"), "{\"name\": \"pack_rdp");
        assertEquals(List.of("host ts1", "broken mem.log:2"), order(cut));
        assertEquals("malformed results log line (not JSON: Unexpected end-of-input: was expecting closing quote for a string value)",
                ((OsqueryIngest.Broken) cut.items().get(1)).problem());
    }

    /**
     * osqueryi --json output redirected with Windows PowerShell 5.1's '>' is UTF-16: it was read as a results log, one
     * garbage error item per line. A results log line longer than the limit is one item, not held in memory.
     */
    @Test
    void osqueryiOutputInUtf16AndAHugeLine(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        String rows = "[\r\n  {\"name\": \"TermService\", \"status\": \"STOPPED\", \"start_type\": \"AUTO_START\"}\r\n]\r\n";
        byte[] body = rows.getBytes(StandardCharsets.UTF_16LE);
        byte[] utf16 = new byte[body.length + 2];
        utf16[0] = (byte) 0xFF;
        utf16[1] = (byte) 0xFE;
        System.arraycopy(body, 0, utf16, 2, body.length);
        Path file = java.nio.file.Files.write(dir.resolve("ts11__rdp_services.json"), utf16);
        OsqueryIngest in = new OsqueryIngest().read(file);
        assertEquals(List.of("host ts11"), order(in));
        assertEquals("stopped", facts(host(in, "ts11")).get("server.service.termservice"));

        Path huge = dir.resolve("osqueryd.results.log");
        try (var out = new java.io.BufferedOutputStream(java.nio.file.Files.newOutputStream(huge))) {
            out.write((registryLine("ts1", "pack_rdp-doctor_rdp_registry", "1") + "\n").getBytes(StandardCharsets.UTF_8));
            byte[] block = new byte[1 << 20];
            java.util.Arrays.fill(block, (byte) ' ');
            block[0] = '{';
            for (int i = 0; i < 65; i++) {
                out.write(block);
            }
            out.write('\n');
        }
        OsqueryIngest big = new OsqueryIngest().read(huge);
        assertEquals(List.of("host ts1", "broken osqueryd.results.log:2"), order(big));
        assertEquals("line is " + (65 << 20) + " bytes; the limit is " + OsqueryIngest.MAX_LINE,
                ((OsqueryIngest.Broken) big.items().get(1)).problem());
    }
}

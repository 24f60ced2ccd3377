package io.github.rdpdoctor.collectors.osquery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.rdpdoctor.collectors.windows.WindowsFacts;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** kb/osquery/rdp-doctor.conf is an osquery pack whose queries are the ones the ingester reads. */
class OsqueryPackTest {
    static final Path PACK = Path.of("kb", "osquery", "rdp-doctor.conf");

    @Test
    void thePackHasExactlyTheIngestersQueriesForWindows() throws Exception {
        JsonNode pack = new ObjectMapper().readTree(PACK.toFile());
        List<String> names = new ArrayList<>();
        pack.get("queries").fieldNames().forEachRemaining(names::add);
        assertEquals(OsqueryQueries.NAMES, names);
        for (String n : names) {
            JsonNode q = pack.get("queries").get(n);
            assertEquals("windows", q.get("platform").asText(), n);
            assertTrue(q.get("interval").asInt() >= 900, n);
            assertTrue(q.get("snapshot").asBoolean(), n + ": snapshots keep the newest state in every log");
            assertTrue(q.get("description").asText().startsWith("rdp-doctor: "), n);
            String sql = q.get("query").asText();
            assertTrue(sql.startsWith("SELECT ") && sql.endsWith(";"), n);
            assertEquals(0, sql.chars().filter(c -> c == '\'').count() % 2, n + ": unbalanced quotes");
            assertEquals(sql.chars().filter(c -> c == '(').count(), sql.chars().filter(c -> c == ')').count(), n);
        }
    }

    @Test
    void theReadmeCountsThePacksQueries() throws Exception {
        int count = new ObjectMapper().readTree(PACK.toFile()).get("queries").size();
        String readme = java.nio.file.Files.readString(Path.of("README.md"));
        assertTrue(readme.contains("rdp-doctor.conf): " + count + " Windows snapshot queries"), "README should say " + count);
    }

    @Test
    void theFirewallQueriesReadWhatDecidesWhetherARuleCarriesRdp() throws Exception {
        JsonNode queries = new ObjectMapper().readTree(PACK.toFile()).get("queries");
        String rules = queries.get(OsqueryQueries.FIREWALL_RULES).get("query").asText();
        for (String column : List.of("app_name", "protocol", "local_ports", "enabled", "direction", "action", "profile_public")) {
            assertTrue(rules.matches("(?s)SELECT .*\\b" + column + "\\b.* FROM windows_firewall_rules .*"), column);
        }
        assertTrue(rules.contains("name = 'PortNumber'"), "rules for the listener's port, not 3389 only");
        String blockAll = queries.get(OsqueryQueries.FIREWALL_BLOCK_ALL).get("query").asText();
        assertTrue(blockAll.contains("name = 'DoNotAllowExceptions'"), blockAll);
        String profiles = queries.get(OsqueryQueries.FIREWALL_PROFILES).get("query").asText();
        Matcher keys = Pattern.compile("key IN \\(([^)]*)\\)").matcher(profiles);
        assertTrue(keys.find());
        assertTrue(blockAll.contains("key IN (" + keys.group(1) + ")"), "the same local and Group Policy keys as " + OsqueryQueries.FIREWALL_PROFILES);
    }

    @Test
    void theSecurityServicesQueryAsksForTheServicesJavaKnows() throws Exception {
        String sql = new ObjectMapper().readTree(PACK.toFile()).get("queries").get(OsqueryQueries.SECURITY_SERVICES).get("query").asText();
        List<String> asked = new ArrayList<>();
        Matcher m = Pattern.compile("'([^']+)'").matcher(sql);
        while (m.find()) {
            asked.add(m.group(1).replace('%', '*'));
        }
        assertEquals(WindowsFacts.SECURITY_SERVICES.keySet().stream().sorted().toList(), asked.stream().sorted().toList());
    }

    @Test
    void theEventsQueryAsksForEveryEventOfTheContract() throws Exception {
        String sql = new ObjectMapper().readTree(PACK.toFile()).get("queries").get(OsqueryQueries.EVENTS).get("query").asText();
        for (int id : new int[] {1057, 1058, 36870, 36871, 36874, 36887, 36888, 1511, 1515, 1502, 1508, 1006, 1003, 1004, 71, 1149}) {
            assertTrue(sql.matches("(?s).*\\b" + id + "\\b.*"), "event " + id);
        }
    }
}
